import { describe, expect, it } from 'vitest';
import {
  createPosition,
  dydxSettleFunding,
  roundFundingPayment,
  settleFundingIndex,
} from '../../../src/index.js';

const strings = (xs: readonly { toString(): string }[]) => xs.map((x) => x.toString());

// s_i = −(I_perp − I_pos) · q_i (ppm qq); USDC += floor(Σ s_i / 1e6); reported payment −floor(s_i / 1e6)
// (v4-chain x/perpetuals/lib/lib.go GetSettlementPpmWithPerpetual, x/subaccounts GetSettledSubaccountWithPerpetuals)
describe('dydxSettleFunding', () => {
  it('settlement ppm of one position (v4-chain TestGetSettlementPpmWithPerpetual)', () => {
    const s = dydxSettleFunding([
      { quantums: 1_000_000, positionFundingIndex: 100_000_000_000, perpetualFundingIndex: 123_456_789_123 },
    ]);
    // −(123 456 789 123 − 100 000 000 000) · 1e6 = −23 456 789 123 000 000 ppm
    expect(strings(s.settlementPpm)).toEqual(['-23456789123000000']);
    // a whole number of qq: pays 23 456 789 123 qq
    expect(strings(s.payments)).toEqual(['23456789123']);
    expect(s.usdcDelta.toString()).toBe('-23456789123');
  });

  it('a receiver of 8.5 qq is credited 8 (v4-chain TestUpdateSubaccounts)', () => {
    // long 500 000 bq, index 0 → −17: −(−17 − 0) · 500 000 = 8 500 000 ppm = 8.5 qq → floor 8
    const s = dydxSettleFunding([{ quantums: 500_000, positionFundingIndex: 0, perpetualFundingIndex: -17 }]);
    expect(strings(s.settlementPpm)).toEqual(['8500000']);
    expect(strings(s.payments)).toEqual(['-8']);
    expect(s.usdcDelta.toString()).toBe('8');
  });

  it('two shorts both pay (v4-chain TestUpdateSubaccounts, BTC and ETH)', () => {
    const s = dydxSettleFunding([
      // BTC: −(−10 − −5) · −1e8 = −(−5) · −1e8 = −5e8 ppm = −500 qq
      { quantums: -100_000_000, positionFundingIndex: -5, perpetualFundingIndex: -10 },
      // ETH: −(−8 − −6) · −2e9 = −4e9 ppm = −4 000 qq
      { quantums: -2_000_000_000, positionFundingIndex: -6, perpetualFundingIndex: -8 },
    ]);
    expect(strings(s.payments)).toEqual(['500', '4000']);
    // 100 000 000 000 − 4 500 = 99 999 995 500
    expect(s.usdcDelta.plus(100_000_000_000).toString()).toBe('99999995500');
  });

  it('sums before flooring: the USDC change can differ from the reported payments', () => {
    // two receivers of 0.5 qq each: reported 0 and 0 (floor of each), USDC + floor(1.0) = +1
    const receivers = dydxSettleFunding([
      { quantums: 1, positionFundingIndex: 0, perpetualFundingIndex: -500_000 },
      { quantums: 1, positionFundingIndex: 0, perpetualFundingIndex: -500_000 },
    ]);
    expect(receivers.payments.every((p) => p.isZero())).toBe(true);
    expect(receivers.usdcDelta.toString()).toBe('1');
    // two payers of 0.5 qq: reported 1 and 1 (payers round up), USDC − 1
    const payers = dydxSettleFunding([
      { quantums: 1, positionFundingIndex: 0, perpetualFundingIndex: 500_000 },
      { quantums: 1, positionFundingIndex: 0, perpetualFundingIndex: 500_000 },
    ]);
    expect(strings(payers.payments)).toEqual(['1', '1']);
    expect(payers.usdcDelta.toString()).toBe('-1');
    // a receiver of 0.7 and a payer of 0.3: 0.4 net → floor 0; reported 0 and 1
    const mixed = dydxSettleFunding([
      { quantums: 1, positionFundingIndex: 0, perpetualFundingIndex: -700_000 },
      { quantums: -1, positionFundingIndex: 0, perpetualFundingIndex: -300_000 },
    ]);
    expect(mixed.payments[0]?.isZero()).toBe(true);
    expect(mixed.payments[1]?.toString()).toBe('1');
    expect(mixed.usdcDelta.isZero()).toBe(true);
  });

  it('agrees with the generic settlement in human units plus roundFundingPayment', () => {
    // long 0.005 BTC (500 000 bq at AR −8); index −17 ppm·qq/bq = −17 · 10^(−12 + 8) = −0.0017 USDC per BTC
    const { payment } = settleFundingIndex(
      createPosition({
        marketId: 'BTC',
        size: '0.005',
        entryPrice: 50_000,
        marginMode: 'cross',
        fundingIndex: 0,
      }),
      '-0.0017',
    );
    // 0.005 · −0.0017 = −0.0000085 USDC (8.5 qq received); to 6 places against the holder: −0.000008
    expect(payment.toString()).toBe('-0.0000085');
    expect(roundFundingPayment(payment, 6).toString()).toBe('-0.000008');
  });

  it('is empty for no positions', () => {
    const s = dydxSettleFunding([]);
    expect(s.settlementPpm).toEqual([]);
    expect(s.usdcDelta.isZero()).toBe(true);
  });

  it('rejects a fractional quantity', () => {
    expect(() =>
      dydxSettleFunding([{ quantums: '0.5', positionFundingIndex: 0, perpetualFundingIndex: 1 }]),
    ).toThrow(/positions\[0\]\.quantums/);
  });

  it('reports a receipt that rounds away as a plain zero', () => {
    const s = dydxSettleFunding([{ quantums: 1, positionFundingIndex: 0, perpetualFundingIndex: -500_000 }]);
    expect(s.payments[0]?.isNegative()).toBe(false);
  });
});
