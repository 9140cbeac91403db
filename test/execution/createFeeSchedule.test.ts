import { describe, expect, it } from 'vitest';
import { createFeeSchedule, Decimal, type FeeScheduleInput } from '../../src/index.js';
import { expectDec, expectValidation } from './fixtures.js';

const tier = (volumeFloor: number | string, makerRate: string, takerRate: string) => ({
  volumeFloor,
  makerRate,
  takerRate,
});

describe('createFeeSchedule', () => {
  it('reads tiers as exact decimals, maker rebates included', () => {
    const fees = createFeeSchedule({
      tiers: [tier(0, '0.0002', '0.0005'), tier(50_000_000, '-0.00005', '0.0003')],
    });
    expect(fees.tiers).toHaveLength(2);
    expectDec(fees.tiers[0]?.takerRate, '0.0005');
    expectDec(fees.tiers[1]?.volumeFloor, 50_000_000);
    expectDec(fees.tiers[1]?.makerRate, '-0.00005');
    expect(fees.tiers[1]?.makerRate).toBeInstanceOf(Decimal);
  });

  it('returns a frozen schedule and accepts it back', () => {
    const fees = createFeeSchedule({ tiers: [tier(0, '0', '0.001')] });
    expect(Object.isFrozen(fees)).toBe(true);
    expect(Object.isFrozen(fees.tiers[0])).toBe(true);
    expectDec(createFeeSchedule(fees).tiers[0]?.takerRate, '0.001');
  });

  it('accepts rates just inside (−1, 1)', () => {
    const fees = createFeeSchedule({ tiers: [tier(0, '-0.999', '0.999')] });
    expectDec(fees.tiers[0]?.makerRate, '-0.999');
  });

  describe('bad input', () => {
    it('rejects a first tier above volume 0 with TIERS_NOT_ASCENDING', () => {
      expectValidation(
        () => createFeeSchedule({ tiers: [tier(1000, '0.0002', '0.0005')] }),
        'TIERS_NOT_ASCENDING',
        ['tiers', 0, 'volumeFloor'],
      );
    });

    it('rejects floors that do not strictly increase with TIERS_NOT_ASCENDING', () => {
      expectValidation(
        () =>
          createFeeSchedule({
            tiers: [tier(0, '0.0002', '0.0005'), tier(1e6, '0.0001', '0.0004'), tier(1e6, '0', '0.0003')],
          }),
        'TIERS_NOT_ASCENDING',
        ['tiers', 2, 'volumeFloor'],
      );
      expectValidation(
        () =>
          createFeeSchedule({
            tiers: [tier(0, '0.0002', '0.0005'), tier(5e6, '0', '0'), tier(1e6, '0', '0')],
          }),
        'TIERS_NOT_ASCENDING',
        ['tiers', 2, 'volumeFloor'],
      );
    });

    it('rejects a rate ≥ 1 or ≤ −1 with INVALID_RANGE', () => {
      expectValidation(() => createFeeSchedule({ tiers: [tier(0, '0.0002', '1')] }), 'INVALID_RANGE', [
        'tiers',
        0,
        'takerRate',
      ]);
      expectValidation(() => createFeeSchedule({ tiers: [tier(0, '1.5', '0.0005')] }), 'INVALID_RANGE', [
        'tiers',
        0,
        'makerRate',
      ]);
      expectValidation(() => createFeeSchedule({ tiers: [tier(0, '-1', '0.0005')] }), 'INVALID_RANGE', [
        'tiers',
        0,
        'makerRate',
      ]);
    });

    it('rejects an empty schedule with EMPTY', () => {
      expectValidation(() => createFeeSchedule({ tiers: [] }), 'EMPTY', ['tiers']);
    });

    it('rejects a negative volume floor with NEGATIVE', () => {
      expectValidation(
        () => createFeeSchedule({ tiers: [tier(0, '0', '0.001'), tier(-5, '0', '0.001')] }),
        'NEGATIVE',
        ['tiers', 1, 'volumeFloor'],
      );
    });

    it('rejects a missing rate and a non-numeric rate', () => {
      expectValidation(
        () =>
          createFeeSchedule({ tiers: [{ volumeFloor: 0, makerRate: '0' }] } as unknown as FeeScheduleInput),
        'MISSING_FIELD',
        ['tiers', 0, 'takerRate'],
      );
      expectValidation(() => createFeeSchedule({ tiers: [tier(0, 'cheap', '0.001')] }), 'NOT_A_NUMBER', [
        'tiers',
        0,
        'makerRate',
      ]);
    });
  });
});
