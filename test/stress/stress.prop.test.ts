// Properties of the stress module: a zero shock changes nothing; equity moves one way for a one-directional book;
// the worst scenario is the worst (the first of a tie); sizing by liquidation distance lands exactly on the
// constraint; the collateral to survive is exactly enough. Runs are kept small: every stress run walks each
// scenario's price path.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyShock,
  collateralToSurvive,
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationPrice,
  type MarginAccount,
  type MarketInput,
  type MarketKind,
  maxSizeForLiquidationDistance,
  type PositionInput,
  type Scenario,
  stressAccount,
  summarizeAccount,
} from '../../src/index.js';
import { scaled, scenarioArb } from '../support/arbitraries.js';

/** A flat-schedule market of the given kind (inverse: 100 USD contracts settled in BTC). */
function flatMarket(id: string, kind: MarketKind, maintenanceUnits: number): MarketInput {
  return {
    id,
    kind,
    baseAsset: kind === 'linear' ? id : 'BTC',
    quoteAsset: kind === 'linear' ? 'USDT' : 'USD',
    ...(kind === 'inverse' ? { contractSize: 100 } : {}),
    marginSchedule: {
      type: 'flat',
      initialFraction: scaled(maintenanceUnits * 2, -4),
      maintenanceFraction: scaled(maintenanceUnits, -4),
    },
  };
}

/** One leg of a generated book: price, entry near it, size, mode and margin as per-mille of the entry notional. */
const legArb = fc.record({
  priceMantissa: fc.integer({ min: 100, max: 99_999 }),
  priceExponent: fc.integer({ min: -2, max: 2 }),
  entryShift: fc.integer({ min: -200, max: 200 }),
  sizeMantissa: fc.integer({ min: 1, max: 50_000 }),
  maintenanceUnits: fc.integer({ min: 1, max: 500 }),
  isolated: fc.boolean(),
  marginPerMille: fc.integer({ min: 20, max: 1500 }),
});
type LegDraw = typeof legArb extends fc.Arbitrary<infer T> ? T : never;

/** A book of one kind whose legs all have the same side. */
function oneSidedBook(kind: MarketKind, long: boolean, legs: readonly LegDraw[], collateralPerMille: number) {
  const settle = kind === 'linear' ? 'USDT' : 'BTC';
  const markets: MarketInput[] = [];
  const positions: PositionInput[] = [];
  const marks: Record<string, { mark: string }> = {};
  let crossNotional = new Decimal(0);
  legs.forEach((leg, i) => {
    const id = `M${i}`;
    const mark = scaled(leg.priceMantissa, leg.priceExponent);
    const entry = scaled(
      Math.max(1, Math.round((leg.priceMantissa * (1000 + leg.entryShift)) / 1000)),
      leg.priceExponent,
    );
    const size = kind === 'linear' ? scaled(leg.sizeMantissa, -3) : String(leg.sizeMantissa);
    const n = kind === 'linear' ? new Decimal(size).times(entry) : new Decimal(size).times(100).div(entry);
    markets.push(flatMarket(id, kind, leg.maintenanceUnits));
    marks[id] = { mark };
    if (!leg.isolated) crossNotional = crossNotional.plus(n);
    positions.push({
      id,
      marketId: id,
      size: long ? size : `-${size}`,
      entryPrice: entry,
      marginMode: leg.isolated ? 'isolated' : 'cross',
      ...(leg.isolated
        ? { isolatedMargin: n.times(leg.marginPerMille).div(1000).toSignificantDigits(8).toFixed() }
        : {}),
    });
  });
  const account = createMarginAccount({
    settleAsset: settle,
    markets,
    collateral: [
      {
        asset: settle,
        amount: crossNotional.times(collateralPerMille).div(1000).toSignificantDigits(8).toFixed(),
      },
    ],
    positions,
  });
  return { account, prices: createPrices({ markets: marks }) };
}

const movesArb = fc
  .uniqueArray(fc.integer({ min: -60, max: 60 }), { minLength: 2, maxLength: 4 })
  .map((moves) => [...moves].sort((a, b) => a - b));

function uniform(percent: number, weight?: string): Scenario {
  return {
    name: `${percent}%`,
    shock: { kind: 'uniform', move: scaled(percent, -2) },
    ...(weight === undefined ? {} : { weight }),
  };
}

describe('stress properties', () => {
  it('a zero shock, or none, reproduces the account summary exactly', () => {
    fc.assert(
      fc.property(
        scenarioArb({
          maxOthers: 2,
          hedge: true,
          funding: true,
          leverage: true,
          secondAsset: true,
          priceSources: true,
          schedules: ['flat', 'tiered', 'open-interest'],
        }),
        (s) => {
          const account = createMarginAccount(s.account);
          const prices = createPrices(s.prices);
          const options = { priceSource: s.priceSource };
          const today = JSON.stringify(summarizeAccount(account, prices, options));
          const run = stressAccount(account, prices, [{ name: 'none' }, uniform(0)], {
            ...options,
            pathSteps: 4,
          });
          expect(JSON.stringify(run.base)).toBe(today);
          for (const r of run.results) {
            expect(JSON.stringify(r.summary)).toBe(today);
            expect(r.fundingPaid.isZero()).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('equity is monotone in a uniform move for a one-directional book', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MarketKind>('linear', 'inverse'),
        fc.boolean(),
        fc.array(legArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 1500 }),
        movesArb,
        (kind, long, legs, collateralPerMille, moves) => {
          const { account, prices } = oneSidedBook(kind, long, legs, collateralPerMille);
          const run = stressAccount(
            account,
            prices,
            moves.map((m) => uniform(m)),
            { pathSteps: 4 },
          );
          const equities = run.results.map((r) => r.summary.total.equity);
          for (let i = 1; i < equities.length; i++) {
            const [before, after] = [equities[i - 1] as Decimal, equities[i] as Decimal];
            // all longs: non-decreasing as the move rises; all shorts: non-increasing
            if (long) expect(after.greaterThanOrEqualTo(before), `${moves}: ${equities}`).toBe(true);
            else expect(after.lessThanOrEqualTo(before), `${moves}: ${equities}`).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the worst scenario’s weighted loss is no better than any member’s', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxOthers: 2, schedules: ['flat', 'tiered'] }),
        fc.array(fc.record({ move: fc.integer({ min: -50, max: 50 }), extreme: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
        (s, draws) => {
          const account = createMarginAccount(s.account);
          const prices = createPrices(s.prices);
          const scenarios = draws.map((d, i) => ({
            ...uniform(d.move, d.extreme ? '0.35' : undefined),
            name: `#${i}`,
          }));
          const run = stressAccount(account, prices, scenarios, {
            pathSteps: 4,
            liquidationSlippage: '0.01',
          });
          const at = run.results.findIndex((r) => r.name === run.worst);
          const worst = run.results[at];
          if (!worst) throw new Error(`no worst scenario '${run.worst}'`);
          // losses sorted best to worst; the last is the largest weighted loss
          const sorted = run.losses.map(String);
          expect(sorted).toEqual([...run.losses].sort((a, b) => a.comparedTo(b)).map(String));
          const largest = run.losses.at(-1) as Decimal;
          expect(run.results.some((r) => r.weightedLoss.equals(largest))).toBe(true);
          // the worst is the first scenario within 1e-20 (relative, at least 1e-20 absolute) of the largest:
          // losses equal but for the cascade's bisection noise count as a tie
          const tolerance = Decimal.max(1, largest.abs()).times('1e-20');
          expect(worst.weightedLoss.greaterThanOrEqualTo(largest.minus(tolerance))).toBe(true);
          for (const r of run.results.slice(0, at)) {
            expect(r.weightedLoss.lessThan(largest.minus(tolerance)), r.name).toBe(true);
          }
          for (const r of run.results) {
            expect(r.weightedLoss.equals(r.loss.times(r.weight))).toBe(true);
          }
          const sum = run.losses.reduce((a, b) => a.plus(b), new Decimal(0));
          expect(run.meanLoss.minus(sum.div(run.losses.length)).abs().lessThan('1e-25')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('no scenario ends below zero: a pool closed out below zero leaves a deficit, not a negative balance', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxOthers: 2, schedules: ['flat', 'tiered'], funding: true }),
        fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<'one-by-one' | 'whole-pool'>('one-by-one', 'whole-pool'),
        (s, moves, crossLiquidation) => {
          const account = createMarginAccount(s.account);
          const prices = createPrices(s.prices);
          const scenarios = moves.map((m, i) => ({ ...uniform(m), name: `#${i}` }));
          const run = stressAccount(account, prices, scenarios, {
            pathSteps: 4,
            liquidationSlippage: '0.05',
            liquidationFeeRate: '0.01',
            crossLiquidation,
          });
          const cross = account.positions.filter((p) => p.marginMode === 'cross').map((p) => p.id);
          for (const r of run.results) {
            expect(r.finalEquity.isNegative() && !r.finalEquity.isZero(), `${r.name}: ${r.finalEquity}`).toBe(
              false,
            );
            // so the loss is at most today's equity (funding included)
            expect(r.loss.lessThanOrEqualTo(run.base.total.equity), r.name).toBe(true);
            for (const e of r.cascade) expect(e.deficit.isNegative(), r.name).toBe(false);
            // a cross deficit only once the whole cross pool is closed out
            if (r.cascade.some((e) => e.pool === 'cross' && !e.deficit.isZero())) {
              for (const id of cross) expect(r.liquidated, r.name).toContain(id);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a position sized by maxSizeForLiquidationDistance liquidates exactly at price · (1 ∓ D)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MarketKind>('linear', 'inverse'),
        fc.constantFrom<'long' | 'short'>('long', 'short'),
        fc.constantFrom<'cross' | 'isolated'>('cross', 'isolated'),
        fc.record({
          priceMantissa: fc.integer({ min: 100, max: 99_999 }),
          priceExponent: fc.integer({ min: -2, max: 2 }),
          maintenanceUnits: fc.integer({ min: 1, max: 1000 }),
          distanceUnits: fc.integer({ min: 1, max: 9999 }),
          safetyPercent: fc.integer({ min: 100, max: 150 }),
          collateralPerMille: fc.integer({ min: 50, max: 3000 }),
        }),
        fc.array(fc.record({ leg: legArb, long: fc.boolean() }), { maxLength: 2 }),
        (kind, side, mode, r, others) => {
          const settle = kind === 'linear' ? 'USDT' : 'BTC';
          const price = scaled(r.priceMantissa, r.priceExponent);
          const target = flatMarket('T', kind, r.maintenanceUnits);
          // the other positions (cross or isolated, either side) share the cross pool or sit beside it
          const book = others.map((o, i) => ({ ...oneSidedBook(kind, o.long, [o.leg], 0), i }));
          const markets = [
            target,
            ...book.map((b, i) => ({ ...(Object.values(b.account.markets)[0] as MarketInput), id: `O${i}` })),
          ];
          const positions = book.map((b, i) => ({
            ...(b.account.positions[0] as PositionInput),
            id: `O${i}`,
            marketId: `O${i}`,
          }));
          const marks: Record<string, { mark: string }> = { T: { mark: price } };
          book.forEach((b, i) => {
            marks[`O${i}`] = { mark: b.prices.markets.M0?.mark?.toString() ?? '1' };
          });
          // reference amount: 1000 units of the target's price (linear) or 0.01 BTC per contract-ish (inverse)
          const reference = kind === 'linear' ? new Decimal(price).times(10) : new Decimal(1);
          const collateral = reference.times(r.collateralPerMille).div(1000).toSignificantDigits(8).toFixed();
          const account = createMarginAccount({
            settleAsset: settle,
            markets,
            collateral: [{ asset: settle, amount: collateral }],
            positions,
          });
          const prices = createPrices({ markets: marks });
          const stressedMove = scaled(r.distanceUnits, -4);
          const safetyFactor = scaled(r.safetyPercent, -2);
          const distance = new Decimal(stressedMove).times(safetyFactor);
          fc.pre(distance.lessThan(1));
          const isolatedMargin = mode === 'isolated' ? collateral : undefined;
          const sizing = maxSizeForLiquidationDistance(account, prices, {
            marketId: 'T',
            side,
            stressedMove,
            safetyFactor,
            marginMode: mode,
            ...(isolatedMargin === undefined ? {} : { isolatedMargin }),
          });
          const expectedLiq = new Decimal(price).times(
            side === 'long' ? new Decimal(1).minus(distance) : distance.plus(1),
          );
          expect(sizing.liquidationPrice.equals(expectedLiq)).toBe(true);
          fc.pre(sizing.size.greaterThan(0));
          const opened = createMarginAccount({
            ...account,
            positions: [
              ...account.positions,
              {
                id: 'new',
                marketId: 'T',
                size: side === 'long' ? sizing.size : sizing.size.negated(),
                entryPrice: price,
                marginMode: mode,
                ...(isolatedMargin === undefined ? {} : { isolatedMargin }),
              },
            ],
          });
          const lp = liquidationPrice(opened, prices, 'new');
          expect(lp.kind).toBe('price');
          if (lp.kind !== 'price') return;
          expect(lp.direction).toBe(side === 'long' ? 'down' : 'up');
          const rel = lp.price.minus(expectedLiq).abs().div(expectedLiq);
          expect(rel.lessThan('1e-20'), `${lp.price} vs ${expectedLiq}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  // Linear books only: there MMR − equity is convex along a straight price path (equity is linear in the prices, a
  // flat or tiered requirement convex in the notional), so the worst point of each path is one of its ends, today's
  // prices or the scenario's, and the need found there is exact. Inverse books are covered by examples in
  // collateralToSurvive.test.ts.
  it('collateralToSurvive is exactly enough: that amount survives every path, 1e-9 less fails the binding one', () => {
    fc.assert(
      fc.property(
        scenarioArb({ kind: 'linear', maxOthers: 2, schedules: ['flat', 'tiered'], funding: true }),
        fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 4 }),
        (s, moves) => {
          const account = createMarginAccount(s.account);
          const prices = createPrices(s.prices);
          const scenarios = moves.map((m, i) => ({ ...uniform(m), name: `#${i} ${m}%` }));
          const need = collateralToSurvive(account, prices, scenarios);
          const short = new Set(
            Object.keys(need.isolated).filter((id) => need.isolated[id]?.greaterThan('1e-9')),
          );
          /** The account topped up by the needs, less 1e-9 for the isolated pools in `less`. */
          const topUp = (cross: Decimal, less: ReadonlySet<string>): MarginAccount =>
            createMarginAccount({
              ...account,
              collateral: account.collateral.map((c) =>
                c.asset === account.settleAsset ? { ...c, amount: c.amount.plus(cross) } : c,
              ),
              positions: account.positions.map((p) =>
                p.marginMode === 'isolated'
                  ? {
                      ...p,
                      isolatedMargin: (p.isolatedMargin ?? new Decimal(0))
                        .plus(need.isolated[p.id] ?? 0)
                        .minus(less.has(p.id) ? '1e-9' : 0),
                    }
                  : p,
              ),
            });
          const enough = topUp(need.cross, new Set());
          // nothing is liquidatable today, at any scenario's prices, or on the way there
          expect(summarizeAccount(enough, prices).total.liquidatable).toBe(false);
          for (const r of stressAccount(enough, prices, scenarios, { pathSteps: 4 }).results) {
            expect(r.liquidatable, r.name).toBe(false);
            expect(r.cascade, r.name).toEqual([]);
          }
          if (need.cross.greaterThan('1e-9')) {
            const binding = scenarios.find((x) => x.name === need.bindingScenario);
            if (!binding?.shock) throw new Error('no binding scenario');
            // 1e-9 less and the cross pool is under maintenance at one end of the binding path
            const less = topUp(need.cross.minus('1e-9'), new Set());
            const ends = [prices, applyShock(prices, binding.shock)];
            expect(ends.some((p) => summarizeAccount(less, p).cross.liquidatable)).toBe(true);
          }
          if (short.size > 0) {
            // each isolated pool 1e-9 short of its need fails today or at some scenario's prices
            const less = topUp(need.cross, short);
            const failing = new Set(
              [prices, ...scenarios.flatMap((x) => (x.shock ? [applyShock(prices, x.shock)] : []))].flatMap(
                (p) => summarizeAccount(less, p).liquidatableIsolated,
              ),
            );
            for (const id of short) expect(failing.has(id), id).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
