import { describe, expect, it } from 'vitest';
import {
  gmxAccruedFees,
  gmxBorrowingFactorPerSecond,
  gmxFundingFactorPerSecond,
  gmxFundingRates,
} from '../../../src/index.js';

describe('gmxBorrowingFactorPerSecond', () => {
  it('is factor · reserved^e / pool', () => {
    // 2e-8 · 600,000 / 3,000,000 = 4e-9
    expect(
      gmxBorrowingFactorPerSecond({
        borrowingFactor: '2e-8',
        reservedUsd: '600000',
        poolUsd: '3000000',
      }).toString(),
    ).toBe('4e-9');
    // exponent 2: 1e-14 · 600,000² / 3,000,000 = 1e-14 · 3.6e11 / 3e6 = 1.2e-9
    expect(
      gmxBorrowingFactorPerSecond({
        borrowingFactor: '1e-14',
        borrowingExponentFactor: 2,
        reservedUsd: '600000',
        poolUsd: '3000000',
      }).toString(),
    ).toBe('1.2e-9');
  });

  it('is 0 with nothing reserved, and rejects an empty pool', () => {
    expect(gmxBorrowingFactorPerSecond({ borrowingFactor: '1', reservedUsd: 0, poolUsd: 1 }).isZero()).toBe(
      true,
    );
    expect(() => gmxBorrowingFactorPerSecond({ borrowingFactor: '1', reservedUsd: 1, poolUsd: 0 })).toThrow(
      expect.objectContaining({ code: 'NOT_POSITIVE', path: ['poolUsd'] }),
    );
  });
});

describe('gmxFundingFactorPerSecond', () => {
  it('charges the larger side fundingFactor · diff^e / total, capped', () => {
    // shorts lead: 3e-5 · 400,000 / 1,600,000 = 7.5e-6
    const f = gmxFundingFactorPerSecond({
      longOpenInterest: '600000',
      shortOpenInterest: '1000000',
      fundingFactor: '3e-5',
    });
    expect(f.fundingFactorPerSecond.toString()).toBe('0.0000075');
    expect(f.longsPayShorts).toBe(false);
    const capped = gmxFundingFactorPerSecond({
      longOpenInterest: '600000',
      shortOpenInterest: '1000000',
      fundingFactor: '3e-5',
      maxFundingFactorPerSecond: '5e-6',
    });
    expect(capped.fundingFactorPerSecond.toString()).toBe('0.000005');
  });

  it('applies the exponent and pays nothing on a balanced market', () => {
    // 1e-10 · 400,000² / 1,600,000 = 1e-10 · 1.6e11 / 1.6e6 = 1e-5
    expect(
      gmxFundingFactorPerSecond({
        longOpenInterest: '600000',
        shortOpenInterest: '1000000',
        fundingFactor: '1e-10',
        fundingExponentFactor: 2,
      }).fundingFactorPerSecond.toString(),
    ).toBe('0.00001');
    const none = gmxFundingFactorPerSecond({ longOpenInterest: 5, shortOpenInterest: 5, fundingFactor: '1' });
    expect(none.fundingFactorPerSecond.isZero()).toBe(true);
    expect(
      gmxFundingFactorPerSecond({
        longOpenInterest: 0,
        shortOpenInterest: 0,
        fundingFactor: '1',
      }).fundingFactorPerSecond.isZero(),
    ).toBe(true);
  });
});

describe('gmxFundingRates', () => {
  it('shares the payers total over the receivers', () => {
    // longs $3M pay 1e-8/s: $0.03/s in all, shared by $2M of shorts: 1.5e-8 each
    const r = gmxFundingRates({
      longOpenInterest: '3000000',
      shortOpenInterest: '2000000',
      fundingFactorPerSecond: '1e-8',
      longsPayShorts: true,
    });
    expect(r.long.toString()).toBe('1e-8');
    expect(r.short.toString()).toBe('-1.5e-8');
  });

  it('pays nothing when one side is empty', () => {
    const r = gmxFundingRates({
      longOpenInterest: '3000000',
      shortOpenInterest: 0,
      fundingFactorPerSecond: '1e-8',
      longsPayShorts: true,
    });
    expect(r.long.isZero() && r.short.isZero()).toBe(true);
  });
});

describe('gmxAccruedFees', () => {
  it('accrues size · rate · seconds', () => {
    // $25,000 for 2 hours: borrowing 4e-9 → 0.72; funding received 1e-8 → −1.8
    const fees = gmxAccruedFees({
      sizeInUsd: '25000',
      seconds: 7200,
      borrowingFactorPerSecond: '4e-9',
      fundingFactorPerSecond: '-1e-8',
    });
    expect(fees.borrowingFeeUsd.toString()).toBe('0.72');
    expect(fees.fundingFeeUsd.toString()).toBe('-1.8');
    expect(fees.netFeeUsd.toString()).toBe('-1.08');
  });

  it('rejects negative time and borrowing', () => {
    expect(() =>
      gmxAccruedFees({ sizeInUsd: 1, seconds: -1, borrowingFactorPerSecond: 0, fundingFactorPerSecond: 0 }),
    ).toThrow(expect.objectContaining({ code: 'NEGATIVE', path: ['seconds'] }));
    expect(() =>
      gmxAccruedFees({ sizeInUsd: 1, seconds: 1, borrowingFactorPerSecond: -1, fundingFactorPerSecond: 0 }),
    ).toThrow(expect.objectContaining({ code: 'NEGATIVE', path: ['borrowingFactorPerSecond'] }));
  });
});
