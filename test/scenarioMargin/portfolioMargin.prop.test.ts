// Properties of the Deribit-style portfolio margin pieces and the TIMS grid on generated inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineRiskArrays,
  Decimal,
  deribitContingency,
  deribitFuturesMargin,
  deribitVolShock,
  portfolioMarginScenarios,
  riskArray,
  scanningRisk,
  timsScenarios,
} from '../../src/index.js';

const pct = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));

describe('deribitVolShock', () => {
  const paramsArb = fc.record({
    volatility: pct(5, 300),
    volRangeUp: pct(0, 100),
    volRangeDown: pct(0, 100),
    vegaPower: pct(0, 100),
  });

  it('brackets the current volatility, and shocks shorter expiries at least as hard', () => {
    fc.assert(
      fc.property(
        paramsArb,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        (p, d1, d2) => {
          const [near, far] = [Math.min(d1, d2), Math.max(d1, d2)];
          const a = deribitVolShock({ ...p, daysToExpiry: near });
          const b = deribitVolShock({ ...p, daysToExpiry: far });
          expect(a.up.greaterThanOrEqualTo(p.volatility) && a.down.lessThanOrEqualTo(p.volatility)).toBe(
            true,
          );
          expect(a.down.isNegative()).toBe(false);
          expect(a.upShock.greaterThanOrEqualTo(b.upShock)).toBe(true);
          expect(a.up.greaterThanOrEqualTo(b.up)).toBe(true);
        },
      ),
    );
  });
});

describe('deribitFuturesMargin', () => {
  it('is the same for either side, keeps IM above MM, and grows faster than the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (size, extra) => {
        const m = deribitFuturesMargin(size);
        expect(deribitFuturesMargin(-size).initial.equals(m.initial)).toBe(true);
        expect(m.initial.greaterThanOrEqualTo(m.maintenance)).toBe(true);
        const bigger = deribitFuturesMargin(size + extra);
        expect(bigger.initialFraction.greaterThan(m.initialFraction)).toBe(true);
        // Margin per BTC rises with size: IM(s + e)/(s + e) > IM(s)/s.
        expect(bigger.initial.div(size + extra).greaterThan(m.initialFraction)).toBe(true);
      }),
    );
  });
});

describe('deribitContingency', () => {
  const optionsArb = fc.array(
    fc.record({
      strike: fc.constantFrom(20_000, 25_000, 30_000),
      quantity: fc.integer({ min: -50, max: 50 }),
    }),
    { maxLength: 8 },
  );
  const futuresArb = fc.array(
    fc.record({
      expiry: fc.constantFrom('MAR', 'JUN', 'SEP'),
      quantity: fc.integer({ min: -200, max: 200 }),
    }),
    { maxLength: 6 },
  );

  it('scales with the book, and charges net at most what it charges gross', () => {
    fc.assert(
      fc.property(optionsArb, futuresArb, fc.integer({ min: 0, max: 20 }), (options, futures, k) => {
        const terms = { perOption: '0.01', futuresRate: '0.02' };
        const one = deribitContingency({ ...terms, options, futures });
        const scaled = deribitContingency({
          ...terms,
          options: options.map((o) => ({ ...o, quantity: o.quantity * k })),
          futures: futures.map((f) => ({ ...f, quantity: f.quantity * k })),
        });
        expect(scaled.total.equals(one.total.times(k))).toBe(true);
        const gross = deribitContingency({ ...terms, options, futures, optionBasis: 'gross' });
        expect(one.options.lessThanOrEqualTo(gross.options)).toBe(true);
        // Reversing every position leaves the futures offset unchanged.
        const reversed = deribitContingency({
          ...terms,
          futures: futures.map((f) => ({ ...f, quantity: -f.quantity })),
        });
        expect(reversed.futures.equals(one.futures)).toBe(true);
      }),
    );
  });
});

describe('grids', () => {
  it('a future’s worst grid loss is |quantity| · price · the largest move on its losing side', () => {
    fc.assert(
      fc.property(
        pct(1, 50),
        pct(1, 99),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: -100, max: 100 }).filter((q) => q !== 0),
        fc.integer({ min: 1, max: 100_000 }),
        (up, down, points, quantity, price) => {
          const grid = timsScenarios({ down, up }, { pointsPerSide: points });
          const r = scanningRisk(combineRiskArrays([{ quantity, array: riskArray(grid, { price }) }]), grid);
          const move = quantity > 0 ? down : up;
          expect(r.risk.equals(move.times(price).times(Math.abs(quantity)))).toBe(true);
          expect(r.scenario).toBe(quantity > 0 ? 1 : grid.length);
        },
      ),
    );
  });

  it('a symmetric portfolio-margin grid moves in opposite pairs', () => {
    fc.assert(
      fc.property(pct(1, 90), fc.integer({ min: 1, max: 12 }), (maxMove, steps) => {
        const grid = portfolioMarginScenarios({ maxMove, stepsPerSide: steps, volShocks: false });
        expect(grid).toHaveLength(2 * steps + 1);
        grid.forEach((s, i) => {
          expect(s.priceMove.plus(grid[grid.length - 1 - i]?.priceMove ?? Number.NaN).isZero()).toBe(true);
        });
      }),
    );
  });
});
