// Properties of the isolated Bybit formulas on generated positions (exact decimal inputs built from integers).
//
// What holds (and is checked here):
// - Mirror symmetry, linear: entry basis LP_long + LP_short = 2·EP; mark basis LP_long·(1 − MMR) + LP_short·(1 + MMR)
//   = 2·EP; bankruptcy BP_long + BP_short = 2·EP. Inverse: the same in 1/price (harmonic mirror).
// - Entry against mark basis: linear LP_entry − LP_mark = s·MMR·(EP − LP_mark) (s = +1 long, −1 short); inverse
//   1/LP_entry − 1/LP_mark = s·MMR·(1/LP_mark − 1/EP). So for a linear LONG the entry basis is the CLOSER price (not
//   the further one), for a linear short the further one; for an inverse long the further one, for an inverse short
//   the closer one (whenever MMR > 0 and the mark-basis price lies on the loss side of entry).
// - The close fee changes nothing without extra margin; with it, the extra margin acts as X/(1 ∓ t).
// - Mark basis without fee = the generic engine's isolated liquidation price, to the last digit; the same for the
//   bankruptcy price.
// - At the price returned, margin balance = reported maintenance margin (every option).
// - Linear entry basis: LP − BP = MM/Q for a long; more extra margin moves LP away from entry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankruptcyPrice,
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationPrice,
  type MarketKind,
} from '../../../src/index.js';
import type { BybitMaintenanceTerms } from '../../../src/venues/bybit/BybitPositionTerms.js';
import { bybitBankruptcyPrice } from '../../../src/venues/bybit/bankruptcyPrice.js';
import {
  type BybitLiquidationOptions,
  bybitLiquidationPrice,
} from '../../../src/venues/bybit/liquidationPrice.js';
import { expectClose } from './support.js';

const RUNS = { numRuns: 300 };
const TIGHT = '1e-32';
const one = new Decimal(1);

interface Case {
  readonly kind: MarketKind;
  readonly abs: Decimal;
  readonly entryPrice: Decimal;
  readonly leverage: Decimal;
  readonly maintenanceRate: Decimal;
  readonly maintenanceDeduction: Decimal;
  readonly extraMargin: Decimal;
  readonly taker: Decimal;
}

function scaled(n: number, exponent: number): Decimal {
  return new Decimal(`${n}e${exponent}`);
}

// Leverage 1×–125× in tenths; the maintenance rate (0–5 %) stays below 90 % of 1/L, as Bybit's tiers keep it (an
// open position starts above its maintenance margin).
const caseArb: fc.Arbitrary<Case> = fc
  .integer({ min: 10, max: 1250 })
  .chain((leverage) =>
    fc.record({
      kind: fc.constantFrom<MarketKind>('linear', 'inverse'),
      entry: fc.integer({ min: 1, max: 10_000_000 }),
      size: fc.integer({ min: 1, max: 10_000_000 }),
      leverage: fc.constant(leverage),
      mmr: fc.integer({ min: 0, max: Math.min(500, Math.floor(90_000 / leverage)) }),
      deductionPermille: fc.integer({ min: 0, max: 900 }),
      extraPercent: fc.integer({ min: 0, max: 500 }),
      taker: fc.integer({ min: 0, max: 100 }),
    }),
  )
  .map((r) => {
    const entryPrice = scaled(r.entry, -2);
    const abs = r.kind === 'linear' ? scaled(r.size, -3) : new Decimal(r.size);
    const leverage = scaled(r.leverage, -1);
    const maintenanceRate = scaled(r.mmr, -4);
    const value = r.kind === 'linear' ? abs.times(entryPrice) : abs.div(entryPrice);
    // A deduction below the maintenance margin on the entry value, and extra margin up to 5× the initial margin.
    const maintenanceDeduction = value.times(maintenanceRate).times(r.deductionPermille).div(1000);
    const extraMargin = value.div(leverage).times(r.extraPercent).div(100);
    return {
      kind: r.kind,
      abs,
      entryPrice,
      leverage,
      maintenanceRate,
      maintenanceDeduction,
      extraMargin,
      taker: scaled(r.taker, -5),
    };
  });

function terms(c: Case, side: 1 | -1, overrides: Partial<BybitMaintenanceTerms> = {}): BybitMaintenanceTerms {
  return {
    kind: c.kind,
    size: side === 1 ? c.abs : c.abs.negated(),
    entryPrice: c.entryPrice,
    leverage: c.leverage,
    maintenanceRate: c.maintenanceRate,
    maintenanceDeduction: c.maintenanceDeduction,
    extraMargin: c.extraMargin,
    ...overrides,
  };
}

function lp(t: BybitMaintenanceTerms, options: BybitLiquidationOptions = {}): Decimal | undefined {
  const r = bybitLiquidationPrice(t, options);
  return r.kind === 'price' ? r.price : undefined;
}

/** The price coordinate in which the formulas are linear: p (linear) or 1/p (inverse). */
function coordinate(kind: MarketKind, p: Decimal): Decimal {
  return kind === 'linear' ? p : one.div(p);
}

describe('mirror symmetry', () => {
  it('entry basis: LP_long + LP_short = 2·EP (linear), 1/LP_long + 1/LP_short = 2/EP (inverse)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const long = lp(terms(c, 1));
        const short = lp(terms(c, -1));
        if (!long || !short) return;
        expectClose(
          coordinate(c.kind, long).plus(coordinate(c.kind, short)),
          coordinate(c.kind, c.entryPrice).times(2),
          TIGHT,
        );
      }),
      RUNS,
    );
  });

  it('mark basis: LP_long·(1 − MMR) + LP_short·(1 + MMR) = 2·EP (linear); in 1/p with (1 + MMR), (1 − MMR) (inverse)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const long = lp(terms(c, 1), { maintenanceBasis: 'mark' });
        const short = lp(terms(c, -1), { maintenanceBasis: 'mark' });
        if (!long || !short) return;
        const m = c.maintenanceRate;
        const sum =
          c.kind === 'linear'
            ? long.times(one.minus(m)).plus(short.times(one.plus(m)))
            : one
                .div(long)
                .times(one.plus(m))
                .plus(one.div(short).times(one.minus(m)));
        expectClose(sum, coordinate(c.kind, c.entryPrice).times(2), TIGHT);
      }),
      RUNS,
    );
  });

  it('bankruptcy: BP_long + BP_short = 2·EP (linear), harmonic for inverse', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const long = bybitBankruptcyPrice(terms(c, 1));
        const short = bybitBankruptcyPrice(terms(c, -1));
        if (long.kind !== 'price' || short.kind !== 'price') return;
        expectClose(
          coordinate(c.kind, long.price).plus(coordinate(c.kind, short.price)),
          coordinate(c.kind, c.entryPrice).times(2),
          TIGHT,
        );
      }),
      RUNS,
    );
  });
});

describe('entry basis against mark basis', () => {
  it('gap = s·MMR·(EP − LP_mark) in the price coordinate, with and without the close fee', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), fc.constantFrom<1 | -1>(1, -1), (c, withFee, side) => {
        const fee = withFee ? { includeCloseFee: true, takerFeeRate: c.taker } : {};
        const entry = lp(terms(c, side), fee);
        const mark = lp(terms(c, side), { ...fee, maintenanceBasis: 'mark' });
        if (!entry || !mark) return;
        const x = (p: Decimal) => coordinate(c.kind, p);
        const s = new Decimal(side);
        // In the inverse coordinate 1/p a long loses as 1/p rises, so the sign flips with the coordinate.
        const expected =
          c.kind === 'linear'
            ? s.times(c.maintenanceRate).times(c.entryPrice.minus(mark))
            : s.times(c.maintenanceRate).times(x(mark).minus(x(c.entryPrice)));
        expectClose(x(entry).minus(x(mark)), expected, '1e-28');
      }),
      RUNS,
    );
  });

  it('with MMR > 0: linear long entry LP is closer (higher), inverse long entry LP is further (lower)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(c.maintenanceRate.isPositive() && !c.maintenanceRate.isZero());
        const entry = lp(terms(c, 1));
        const mark = lp(terms(c, 1), { maintenanceBasis: 'mark' });
        if (!entry || !mark?.lessThan(c.entryPrice)) return;
        if (c.kind === 'linear') expect(entry.greaterThan(mark)).toBe(true);
        else expect(entry.lessThan(mark)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('close fee', () => {
  it('without extra margin the fee-aware price equals the fee-free one (both bases, both sides)', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom('entry', 'mark' as const),
        fc.constantFrom<1 | -1>(1, -1),
        (c, basis, side) => {
          const t = terms(c, side, { extraMargin: 0 });
          const plain = lp(t, { maintenanceBasis: basis as 'entry' | 'mark' });
          const withFee = lp(t, {
            maintenanceBasis: basis as 'entry' | 'mark',
            includeCloseFee: true,
            takerFeeRate: c.taker,
          });
          expect(plain === undefined).toBe(withFee === undefined);
          if (plain && withFee) expectClose(withFee, plain, '1e-30');
        },
      ),
      RUNS,
    );
  });

  it('with extra margin it equals the fee-free price for extra margin X/(1 − s·t) (linear), X/(1 + s·t) (inverse)', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom<1 | -1>(1, -1), (c, side) => {
        const t = terms(c, side);
        const withFee = lp(t, { maintenanceBasis: 'mark', includeCloseFee: true, takerFeeRate: c.taker });
        const st = c.taker.times(side);
        const scaledExtra = c.extraMargin.div(c.kind === 'linear' ? one.minus(st) : one.plus(st));
        const equivalent = lp(terms(c, side, { extraMargin: scaledExtra }), { maintenanceBasis: 'mark' });
        expect(withFee === undefined).toBe(equivalent === undefined);
        if (withFee && equivalent) expectClose(withFee, equivalent, '1e-28');
      }),
      RUNS,
    );
  });
});

describe('against the generic engine', () => {
  it('mark basis, no fee, no deduction: generic liquidationPrice and bankruptcyPrice are equal to the last digit', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom<1 | -1>(1, -1), (c, side) => {
        const t = terms(c, side, { maintenanceDeduction: 0 });
        const bybit = bybitLiquidationPrice(t, { maintenanceBasis: 'mark' });
        const account = createMarginAccount({
          settleAsset: 'S',
          markets: [
            {
              id: 'M',
              kind: c.kind,
              baseAsset: c.kind === 'linear' ? 'B' : 'S',
              quoteAsset: c.kind === 'linear' ? 'S' : 'USD',
              marginSchedule: { type: 'flat', initialFraction: '1', maintenanceFraction: c.maintenanceRate },
            },
          ],
          positions: [
            {
              marketId: 'M',
              size: t.size,
              entryPrice: c.entryPrice,
              marginMode: 'isolated',
              isolatedMargin: bybit.positionMargin,
            },
          ],
        });
        const prices = createPrices({ markets: { M: { mark: c.entryPrice } } });
        const generic = liquidationPrice(account, prices, 'M');
        fc.pre(generic.kind !== 'now');
        expect(generic.kind).toBe(bybit.kind);
        if (generic.kind === 'price' && bybit.kind === 'price') {
          expect(generic.price.equals(bybit.price), `${generic.price} vs ${bybit.price}`).toBe(true);
          expect(generic.direction).toBe(bybit.direction);
        }
        const bp = bybitBankruptcyPrice(t);
        const genericBp = bankruptcyPrice(account, prices, 'M');
        expect(genericBp.kind).toBe(bp.kind);
        if (genericBp.kind === 'price' && bp.kind === 'price')
          expect(genericBp.price.equals(bp.price)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('consistency of each result', () => {
  it('margin balance at the price = the maintenance margin reported (every option)', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom<1 | -1>(1, -1),
        fc.constantFrom('entry', 'mark' as const),
        fc.boolean(),
        (c, side, basis, withFee) => {
          const t = terms(c, side);
          const r = bybitLiquidationPrice(t, {
            maintenanceBasis: basis as 'entry' | 'mark',
            ...(withFee ? { includeCloseFee: true, takerFeeRate: c.taker } : {}),
          });
          if (r.kind !== 'price') return;
          const s = new Decimal(side);
          const pnl =
            c.kind === 'linear'
              ? s.times(c.abs).times(r.price.minus(c.entryPrice))
              : s.times(c.abs).times(one.div(c.entryPrice).minus(one.div(r.price)));
          const scale = Decimal.max(
            r.positionMargin.abs(),
            c.kind === 'linear' ? c.abs.times(c.entryPrice) : c.abs.div(c.entryPrice),
          );
          expect(
            r.positionMargin
              .plus(pnl)
              .minus(r.maintenanceMargin)
              .abs()
              .lessThanOrEqualTo(scale.times('1e-30')),
          ).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('linear long, entry basis: LP − BP = MM/Q; more extra margin lowers the LP (raises it for a short)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(c.kind === 'linear');
        const r = bybitLiquidationPrice(terms(c, 1));
        const bp = bybitBankruptcyPrice(terms(c, 1));
        if (r.kind === 'price' && bp.kind === 'price') {
          expectClose(r.price.minus(bp.price), r.maintenanceMargin.div(c.abs), TIGHT);
        }
        const more = c.extraMargin.plus(c.abs.times(c.entryPrice).div(100));
        const long = lp(terms(c, 1));
        const longMore = lp(terms(c, 1, { extraMargin: more }));
        if (long && longMore) expect(longMore.lessThan(long)).toBe(true);
        const short = lp(terms(c, -1));
        const shortMore = lp(terms(c, -1, { extraMargin: more }));
        if (short && shortMore) expect(shortMore.greaterThan(short)).toBe(true);
      }),
      RUNS,
    );
  });
});
