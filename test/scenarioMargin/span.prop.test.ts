// Properties of risk arrays and scanning risk on generated books.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineRiskArrays,
  Decimal,
  riskArray,
  scanningRisk,
  spanRequirement,
  spanRiskScenarios,
} from '../../src/index.js';

const scen = spanRiskScenarios();
const decimalArb = (min: number, max: number) =>
  fc.integer({ min: min * 100, max: max * 100 }).map((n) => new Decimal(n).div(100));
const arrayArb = fc.array(decimalArb(-5000, 5000), { minLength: 16, maxLength: 16 });
const quantityArb = fc.integer({ min: -20, max: 20 });

/** A toy option value with curvature in price, vol and time (a Black-76 stand-in that is cheap and exact). */
const toyOption = (strike: Decimal) => (p: Decimal, v: Decimal, t: Decimal) =>
  Decimal.max(p.minus(strike), 0).plus(p.times(v).times(t.plus('0.01')).div(10));

describe('scanning risk', () => {
  it('of a combined array is at most the sum of its parts’ scanning risks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(quantityArb, arrayArb), { minLength: 1, maxLength: 5 }), (legs) => {
        const parts = legs.map(
          ([quantity, array]) => scanningRisk(combineRiskArrays([{ quantity, array }])).risk,
        );
        const whole = scanningRisk(
          combineRiskArrays(legs.map(([quantity, array]) => ({ quantity, array }))),
        ).risk;
        expect(whole.lessThanOrEqualTo(parts.reduce((a, b) => a.plus(b), new Decimal(0)))).toBe(true);
      }),
    );
  });

  it('is never below any scenario’s loss, and is reached at the scenario it names', () => {
    fc.assert(
      fc.property(arrayArb, (array) => {
        const r = scanningRisk(array, scen);
        expect(array.every((loss) => loss.lessThanOrEqualTo(r.risk))).toBe(true);
        expect(array[r.scenario - 1]?.equals(r.worstLoss)).toBe(true);
        expect(r.tiedScenarios.every((n) => array[n - 1]?.equals(r.worstLoss))).toBe(true);
      }),
    );
  });

  it('scales with the quantities: k × the book needs k × the requirement (k ≥ 0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(quantityArb, arrayArb), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 50 }),
        decimalArb(0, 500),
        (legs, k, intra) => {
          const book = (m: number) =>
            combineRiskArrays(legs.map(([q, array]) => ({ quantity: q * m, array })));
          const one = spanRequirement({ scan: scanningRisk(book(1)), intraSpreadCharge: intra });
          const many = spanRequirement({ scan: scanningRisk(book(k)), intraSpreadCharge: intra.times(k) });
          expect(many.requirement.equals(one.requirement.times(k))).toBe(true);
        },
      ),
    );
  });
});

describe('risk arrays', () => {
  const termsArb = fc.record({
    price: fc.integer({ min: 50, max: 5000 }),
    rangeFraction: fc.integer({ min: 1, max: 40 }),
    contractSize: fc.constantFrom(1, 50, 500, '0.001'),
    strikeFraction: fc.integer({ min: 70, max: 130 }),
    vol: fc.integer({ min: 10, max: 150 }),
    option: fc.boolean(),
  });
  type Terms = typeof termsArb extends fc.Arbitrary<infer T> ? T : never;
  const arrayOf = (t: Terms) =>
    riskArray(scen, {
      price: t.price,
      priceScanRange: new Decimal(t.price).times(t.rangeFraction).div(100),
      contractSize: t.contractSize,
      ...(t.option
        ? {
            revalue: toyOption(new Decimal(t.price).times(t.strikeFraction).div(100)),
            volatility: new Decimal(t.vol).div(100),
            volScanRange: '0.05',
            timeYears: '0.1',
            lookAheadYears: new Decimal(1).div(365),
          }
        : {}),
    });

  it('of a position are antisymmetric in its side: short q = −(long q)', () => {
    fc.assert(
      fc.property(termsArb, fc.integer({ min: 1, max: 30 }), (t, q) => {
        const a = arrayOf(t);
        const long = combineRiskArrays([{ quantity: q, array: a }]);
        const short = combineRiskArrays([{ quantity: -q, array: a }]);
        long.forEach((loss, i) => {
          expect(loss.plus(short[i] as Decimal).isZero()).toBe(true);
        });
      }),
    );
  });

  it('of a future are linear in the move: scenario i loses −move_i · range · size · weight exactly', () => {
    fc.assert(
      fc.property(termsArb, (t) => {
        const a = arrayOf({ ...t, option: false });
        const range = new Decimal(t.price).times(t.rangeFraction).div(100);
        scen.forEach((s, i) => {
          const expected = s.priceMove.times(range).times(t.contractSize).times(s.weight).neg();
          expect(a[i]?.minus(expected).isZero()).toBe(true);
        });
        // Vol up and vol down pairs are equal for a future.
        for (let i = 0; i < 14; i += 2) expect(a[i]?.equals(a[i + 1] as Decimal)).toBe(true);
      }),
    );
  });

  it('of a long option gain with vol up against vol down (positive vega)', () => {
    fc.assert(
      fc.property(termsArb, (t) => {
        const a = arrayOf({ ...t, option: true });
        for (let i = 0; i < 14; i += 2) expect(a[i]?.lessThan(a[i + 1] as Decimal)).toBe(true);
      }),
    );
  });
});
