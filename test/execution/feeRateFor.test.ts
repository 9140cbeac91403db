import { describe, expect, it } from 'vitest';
import { createFeeSchedule, feeRateFor } from '../../src/index.js';
import { expectDec, expectInvalidArgument } from './fixtures.js';

const fees = createFeeSchedule({
  tiers: [
    { volumeFloor: 0, makerRate: '0.0002', takerRate: '0.0005' },
    { volumeFloor: 1_000_000, makerRate: '0.00016', takerRate: '0.0004' },
    { volumeFloor: 50_000_000, makerRate: '-0.00005', takerRate: '0.0003' },
  ],
});

describe('feeRateFor', () => {
  it('uses the first tier by default (volume 0)', () => {
    expectDec(feeRateFor(fees, 'taker'), '0.0005');
    expectDec(feeRateFor(fees, 'maker'), '0.0002');
  });

  it('picks the tier of the last floor ≤ the volume', () => {
    expectDec(feeRateFor(fees, 'taker', '999999.99'), '0.0005'); // below 1 000 000: tier 0
    expectDec(feeRateFor(fees, 'taker', 1_000_000), '0.0004'); // exactly on the floor: tier 1
    expectDec(feeRateFor(fees, 'maker', 49_999_999), '0.00016'); // tier 1
    expectDec(feeRateFor(fees, 'taker', 50_000_000), '0.0003'); // tier 2
  });

  it('returns a maker rebate as a negative rate', () => {
    const rate = feeRateFor(fees, 'maker', 60_000_000);
    expectDec(rate, '-0.00005');
    expect(rate.isNegative()).toBe(true);
  });

  it('applies to a single-tier schedule at any volume', () => {
    const one = createFeeSchedule({ tiers: [{ volumeFloor: 0, makerRate: 0, takerRate: '0.00075' }] });
    expectDec(feeRateFor(one, 'taker', 1e12), '0.00075');
    expectDec(feeRateFor(one, 'maker', 1e12), 0);
  });

  it('accepts the volume as string, number, bigint', () => {
    expectDec(feeRateFor(fees, 'taker', 2_000_000n), '0.0004');
    expectDec(feeRateFor(fees, 'taker', '5e7'), '0.0003');
  });

  it('rejects a non-finite volume', () => {
    expectInvalidArgument(() => feeRateFor(fees, 'taker', Number.NaN), 'INVALID_ARGUMENT', ['volume']);
  });
});
