import { describe, expect, it } from 'vitest';
import { type GmxPositionFeeInput, gmxPositionFee } from '../../../src/index.js';

const market = {
  positionFeeFactorForBalanceWasImproved: '0.0004',
  positionFeeFactorForBalanceWasNotImproved: '0.0006',
} as const;

function fee(input: Partial<GmxPositionFeeInput>) {
  return gmxPositionFee({ sizeDeltaUsd: '250000', balanceWasImproved: false, ...market, ...input });
}

describe('gmxPositionFee', () => {
  it('charges 0.06 % when balance is not improved and 0.04 % when it is', () => {
    // 250,000 · 0.0006 = 150; 250,000 · 0.0004 = 100
    expect(fee({}).positionFeeUsd.toString()).toBe('150');
    expect(fee({ balanceWasImproved: true }).positionFeeUsd.toString()).toBe('100');
    expect(fee({ balanceWasImproved: true }).feeFactor.toString()).toBe('0.0004');
  });

  it('splits a referral rebate into the trader discount and the affiliate reward', () => {
    // gross 150, rebate 20 % = 30, trader gets 25 % of it = 7.5, affiliate 22.5
    const f = fee({ totalRebateFactor: '0.2', traderDiscountFactor: '0.25' });
    expect(f.grossFeeUsd.toString()).toBe('150');
    expect(f.totalRebateUsd.toString()).toBe('30');
    expect(f.traderDiscountUsd.toString()).toBe('7.5');
    expect(f.affiliateRewardUsd.toString()).toBe('22.5');
    expect(f.positionFeeUsd.toString()).toBe('142.5');
  });

  it('charges nothing on a zero size', () => {
    expect(fee({ sizeDeltaUsd: 0 }).positionFeeUsd.isZero()).toBe(true);
  });

  it('rejects a factor above one and a negative size with their paths', () => {
    expect(() => fee({ positionFeeFactorForBalanceWasNotImproved: '1.5' })).toThrow(
      expect.objectContaining({ code: 'ABOVE_ONE', path: ['positionFeeFactorForBalanceWasNotImproved'] }),
    );
    expect(() => fee({ sizeDeltaUsd: '-1' })).toThrow(
      expect.objectContaining({ code: 'NEGATIVE', path: ['sizeDeltaUsd'] }),
    );
  });
});
