// Properties of liquidationPrice on generated accounts: linear and inverse, cross (with other positions held)
// and isolated, flat, tiered (deductions from the continuity recursion) and open-interest schedules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankruptcyPrice,
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  type LiquidationPrice,
  liquidationDistance,
  liquidationPrice,
  type MarginMode,
  type MarketKind,
  summarizeAccount,
} from '../../src/index.js';
import {
  currentPrice,
  poolOf,
  type Scenario,
  scenarioArb,
  sig,
  snapshot,
  thresholdTolerance,
  withPrice,
} from '../support/arbitraries.js';

const RUNS = { numRuns: 200 };

const COMBINATIONS: [MarketKind, MarginMode][] = [
  ['linear', 'cross'],
  ['linear', 'isolated'],
  ['inverse', 'cross'],
  ['inverse', 'isolated'],
];

function richScenario(kind: MarketKind, targetMode: MarginMode, hedge = true) {
  return scenarioArb({
    kind,
    targetMode,
    maxOthers: 3,
    hedge,
    schedules: ['flat', 'tiered', 'open-interest'],
    zeroMaintenance: true,
    funding: true,
    leverage: true,
    secondAsset: true,
    priceSources: true,
  });
}

/** The scenario's account and prices, and its target pool's `equity − MMR` at any price of the target market. */
function setUp(s: Scenario) {
  const account = createMarginAccount(s.account);
  const prices = createPrices(s.prices);
  const options = { priceSource: s.priceSource };
  const p0 = currentPrice(s.prices, s.targetMarketId, s.priceSource);
  const at = (price: DecimalInput) => {
    const summary = summarizeAccount(
      account,
      withPrice(s.prices, s.targetMarketId, s.priceSource, price),
      options,
    );
    const pool = poolOf(summary, s.targetId, s.targetMode);
    return {
      summary,
      pool,
      gap: pool.equity.minus(pool.maintenanceRequirement),
      tol: thresholdTolerance(pool),
    };
  };
  return { account, prices, options, p0, at };
}

function fail(message: string, details: Record<string, unknown>): never {
  throw new Error(`${message}: ${JSON.stringify(details)}`);
}

describe.each(COMBINATIONS)('liquidationPrice (%s, %s)', (kind, mode) => {
  it('equity = maintenance at the price; no crossing before it on either side; never and now are truthful', () => {
    const seen = { price: 0, never: 0, now: 0, tiered: 0, tierCrossed: 0 };
    fc.assert(
      fc.property(richScenario(kind, mode), (s) => {
        const { account, prices, options, p0, at } = setUp(s);
        const lp = liquidationPrice(account, prices, s.targetId, options);
        expect(lp.currentPrice.eq(p0)).toBe(true);
        expect(lp.marginMode).toBe(mode);
        seen[lp.kind]++;

        if (lp.kind === 'price') {
          const there = at(lp.price);
          if (there.gap.abs().greaterThan(there.tol)) {
            fail('equity ≠ MMR at the liquidation price', {
              price: lp.price,
              equity: there.pool.equity,
              mmr: there.pool.maintenanceRequirement,
            });
          }
          // Tier-consistent: the tier reported is the one the summary uses at the liquidation notional.
          const self = there.summary.positions.find((p) => p.positionId === s.targetId);
          expect(lp.tierIndex).toBe(self?.requirement.tierIndex);
          if (lp.tierIndex !== undefined) {
            seen.tiered++;
            const now = at(p0).summary.positions.find((p) => p.positionId === s.targetId);
            if (now?.requirement.tierIndex !== lp.tierIndex) seen.tierCrossed++;
          }
          if (!lp.price.eq(p0)) expect(lp.direction).toBe(lp.price.lessThan(p0) ? 'down' : 'up');
          // Nothing liquidates on the way there ...
          for (const t of ['0.1', '0.5', '0.9', '0.999']) {
            const p = p0.plus(lp.price.minus(p0).times(t));
            const x = at(p);
            if (x.gap.lessThan(x.tol.negated()))
              fail('crossed before the liquidation price', { price: p, lp });
          }
          // ... nor on the other side within the same log distance (the nearest crossing is returned).
          const ratio = p0.div(lp.price);
          for (const t of ['0.5', '0.99']) {
            const p = p0.times(ratio.pow(t));
            const x = at(p);
            if (x.gap.lessThan(x.tol.negated()))
              fail('a nearer crossing on the other side', { price: p, lp });
          }
          const d = liquidationDistance(lp);
          if (d.kind !== 'distance') throw new Error('a price gives a distance');
          expect(d.fraction.minus(lp.price.minus(p0).div(p0)).abs().lessThan('1e-35')).toBe(true);
          expect(d.direction).toBe(lp.direction);
        } else if (lp.kind === 'never') {
          // No price within 2^±30 of the current one (every 2^6) reaches maintenance.
          for (let k = -30; k <= 30; k += 6) {
            const p = p0.times(new Decimal(2).pow(k));
            const x = at(p);
            if (x.gap.lessThan(x.tol.negated())) fail("'never' but maintenance is reached", { price: p });
          }
        } else {
          const x = at(p0);
          expect(lp.equity.eq(x.pool.equity)).toBe(true);
          expect(lp.threshold.eq(x.pool.maintenanceRequirement)).toBe(true);
          expect(x.gap.isNegative()).toBe(true);
        }
      }),
      RUNS,
    );
    // The runs must exercise what they claim to.
    expect(seen.price).toBeGreaterThanOrEqual(50);
    expect(seen.tiered).toBeGreaterThanOrEqual(10);
    expect(seen.tierCrossed).toBeGreaterThanOrEqual(1);
  });

  it("'now' exactly when summarizeAccount calls the pool liquidatable", () => {
    fc.assert(
      fc.property(richScenario(kind, mode), (s) => {
        const { account, prices, options, p0, at } = setUp(s);
        const { pool } = at(p0);
        const lp = liquidationPrice(account, prices, s.targetId, options);
        expect(lp.kind === 'now').toBe(pool.liquidatable);
      }),
      RUNS,
    );
  });

  it('a hair past the price the pool is liquidatable, a hair before it is not', () => {
    fc.assert(
      fc.property(richScenario(kind, mode), (s) => {
        const { account, prices, options, at } = setUp(s);
        const lp = liquidationPrice(account, prices, s.targetId, options);
        if (lp.kind !== 'price') return;
        const hair = new Decimal('1e-12');
        const adverse = lp.price.times(lp.direction === 'down' ? hair.negated().plus(1) : hair.plus(1));
        const back = lp.price.times(lp.direction === 'down' ? hair.plus(1) : hair.negated().plus(1));
        const past = at(adverse);
        if (!past.pool.liquidatable) fail('not liquidatable past the price', { lp, adverse });
        if (!lp.price.eq(lp.currentPrice) && at(back).pool.liquidatable) {
          fail('liquidatable before the price', { lp, back });
        }
      }),
      RUNS,
    );
  });

  it('more collateral (or isolated margin) never brings the price closer', () => {
    const arb = fc.tuple(richScenario(kind, mode, false), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(arb, ([s, perMille]) => {
        const delta = new Decimal(sig(s.target.entryNotional.times(perMille).div(1000), 6));
        const richer =
          mode === 'cross'
            ? {
                ...s.account,
                collateral: s.account.collateral.map((c, i) =>
                  i === 0 ? { ...c, amount: delta.plus(c.amount).toFixed() } : c,
                ),
              }
            : {
                ...s.account,
                positions: s.account.positions.map((p) =>
                  p.id === s.targetId
                    ? { ...p, isolatedMargin: delta.plus(String(p.isolatedMargin)).toFixed() }
                    : p,
                ),
              };
        const prices = createPrices(s.prices);
        const options = { priceSource: s.priceSource };
        const account = createMarginAccount(s.account);
        const before = liquidationPrice(account, prices, s.targetId, options);
        const after = liquidationPrice(createMarginAccount(richer), prices, s.targetId, options);
        if (before.kind === 'now' || after.kind === 'never') return;
        if (before.kind === 'never' || after.kind === 'now')
          fail('more collateral, worse outcome', { before, after });
        const slack = before.price.times('1e-30');
        const closer = s.target.long
          ? after.price.greaterThan(before.price.plus(slack))
          : after.price.lessThan(before.price.minus(slack));
        if (closer) fail('more collateral moved the price closer', { before, after, delta });
      }),
      RUNS,
    );
  });

  it('user leverage never changes the liquidation or bankruptcy price', () => {
    const arb = fc.tuple(
      richScenario(kind, mode),
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 8 }),
    );
    fc.assert(
      fc.property(arb, ([s, leverages]) => {
        const levered = {
          ...s.account,
          positions: s.account.positions.map((p, i) => ({ ...p, leverage: String(leverages[i] ?? 1) })),
        };
        const prices = createPrices(s.prices);
        const options = { priceSource: s.priceSource };
        const a = createMarginAccount(s.account);
        const b = createMarginAccount(levered);
        expect(snapshot(liquidationPrice(b, prices, s.targetId, options))).toBe(
          snapshot(liquidationPrice(a, prices, s.targetId, options)),
        );
        expect(snapshot(bankruptcyPrice(b, prices, s.targetId, options))).toBe(
          snapshot(bankruptcyPrice(a, prices, s.targetId, options)),
        );
      }),
      RUNS,
    );
  });
});

describe('liquidationPrice with collateral that moves with the market (linear, cross)', () => {
  const arb = scenarioArb({
    kind: 'linear',
    targetMode: 'cross',
    maxOthers: 2,
    schedules: ['flat', 'tiered'],
    funding: true,
    leverage: true,
    secondAsset: 'always',
    priceSources: true,
  });

  it('equity = MMR at the price with the linked collateral repriced in proportion; never later than unlinked', () => {
    let priced = 0;
    fc.assert(
      fc.property(arb, (s) => {
        const account = createMarginAccount(s.account);
        const prices = createPrices(s.prices);
        const p0 = currentPrice(s.prices, s.targetMarketId, s.priceSource);
        const alt = new Decimal(String(s.prices.assets?.ALT));
        const fixed = { priceSource: s.priceSource };
        const linked = { ...fixed, collateralMovesWith: { ALT: s.targetMarketId } };
        const pool0 = poolOf(summarizeAccount(account, prices, fixed), s.targetId, 'cross');
        const at = (price: Decimal) => {
          const moved = withPrice(s.prices, s.targetMarketId, s.priceSource, price);
          const summary = summarizeAccount(
            account,
            createPrices({ ...moved, assets: { ALT: alt.times(price).div(p0) } }),
            fixed,
          );
          const pool = poolOf(summary, s.targetId, 'cross');
          return { gap: pool.equity.minus(pool.maintenanceRequirement), tol: thresholdTolerance(pool) };
        };
        const lp = liquidationPrice(account, prices, s.targetId, linked);
        if (lp.kind === 'price') {
          priced++;
          const x = at(lp.price);
          if (x.gap.abs().greaterThan(x.tol)) fail('equity ≠ MMR with linked collateral', { lp, gap: x.gap });
          for (const t of ['0.1', '0.5', '0.9', '0.999']) {
            const y = at(p0.plus(lp.price.minus(p0).times(t)));
            if (y.gap.lessThan(y.tol.negated()))
              fail('crossed before the price (linked collateral)', { lp, t });
          }
          // Collateral that falls with the price liquidates sooner going down and later going up: in the same
          // direction, the linked price is the higher one. (Enough linked collateral can flip the direction.)
          const unlinked = liquidationPrice(account, prices, s.targetId, fixed);
          if (unlinked.kind === 'price' && unlinked.direction === lp.direction) {
            expect(
              lp.price.greaterThanOrEqualTo(unlinked.price.times(new Decimal('1e-30').negated().plus(1))),
            ).toBe(true);
          }
        } else if (lp.kind === 'never') {
          for (let k = -30; k <= 30; k += 6) {
            const y = at(p0.times(new Decimal(2).pow(k)));
            if (y.gap.lessThan(y.tol.negated())) fail("'never' but maintenance is reached (linked)", { k });
          }
        } else {
          expect(pool0.liquidatable).toBe(true);
        }
      }),
      RUNS,
    );
    expect(priced).toBeGreaterThanOrEqual(50);
  });
});

describe('liquidationPrice closed forms (linear, isolated, flat)', () => {
  const arb = scenarioArb({
    kind: 'linear',
    targetMode: 'isolated',
    schedules: ['flat'],
    maxOthers: 2,
    leverage: true,
    priceSources: true,
  });

  /** Long: (q·e − M)/(q·(1 − m)); short: (q·e + M)/(q·(1 + m)), with q = |size| · contractSize. */
  function closedForm(s: Scenario, long: boolean): Decimal {
    const schedule = s.target.market.marginSchedule;
    if (schedule.type !== 'flat') throw new Error('flat schedules only');
    const q = new Decimal(s.target.size).abs().times(String(s.target.market.contractSize ?? 1));
    const e = new Decimal(s.target.entryPrice);
    const margin = s.account.positions.find((p) => p.id === s.targetId)?.isolatedMargin;
    const m = new Decimal(String(schedule.maintenanceFraction));
    const M = new Decimal(String(margin));
    return long
      ? q
          .times(e)
          .minus(M)
          .div(q.times(m.negated().plus(1)))
      : q
          .times(e)
          .plus(M)
          .div(q.times(m.plus(1)));
  }

  function flip(s: Scenario, long: boolean): Scenario {
    const abs = s.target.size.replace('-', '');
    return {
      ...s,
      account: {
        ...s.account,
        positions: s.account.positions.map((p) =>
          p.id === s.targetId ? { ...p, size: long ? abs : `-${abs}` } : p,
        ),
      },
    };
  }

  function check(
    s: Scenario,
    long: boolean,
    expected: Decimal,
    lp: LiquidationPrice,
    liquidatable: boolean,
  ): void {
    const p0 = lp.currentPrice;
    // A root at 0 or below is no price (decimal.js counts +0 as positive).
    if (long && (!expected.isPositive() || expected.isZero())) {
      expect(lp.kind).toBe('never');
    } else if (long ? p0.lessThan(expected) : p0.greaterThan(expected)) {
      expect(lp.kind).toBe('now');
    } else {
      if (lp.kind !== 'price') fail('expected a price', { lp, expected, s });
      expect(lp.price.minus(expected).abs().lessThanOrEqualTo(expected.times('1e-30'))).toBe(true);
      expect(lp.direction).toBe(long ? 'down' : 'up');
    }
    expect(lp.kind === 'now').toBe(liquidatable);
  }

  it('long and short of the same size and margin match their closed forms, and mirror each other', () => {
    let pairs = 0;
    fc.assert(
      fc.property(arb, (s) => {
        const results = [true, false].map((long) => {
          const t = flip(s, long);
          const account = createMarginAccount(t.account);
          const prices = createPrices(t.prices);
          const options = { priceSource: t.priceSource };
          const lp = liquidationPrice(account, prices, t.targetId, options);
          const pool = poolOf(summarizeAccount(account, prices, options), t.targetId, 'isolated');
          const expected = closedForm(t, long);
          check(t, long, expected, lp, pool.liquidatable);
          return lp;
        });
        const [long, short] = results;
        expect(short?.kind).not.toBe('never');
        if (long?.kind === 'price' && short?.kind === 'price') {
          // q(1−m)·LP_long + q(1+m)·LP_short = 2·q·e: the two prices mirror each other around the entry.
          pairs++;
          const schedule = s.target.market.marginSchedule;
          const m = new Decimal(schedule.type === 'flat' ? String(schedule.maintenanceFraction) : '0');
          const sum = long.price.times(m.negated().plus(1)).plus(short.price.times(m.plus(1)));
          const twice = new Decimal(s.target.entryPrice).times(2);
          expect(sum.minus(twice).abs().lessThanOrEqualTo(twice.times('1e-30'))).toBe(true);
        }
      }),
      RUNS,
    );
    expect(pairs).toBeGreaterThanOrEqual(20);
  });
});

describe('liquidation functions leave their inputs alone', () => {
  it('account, prices and results are unchanged by liquidationPrice, bankruptcyPrice and liquidationDistance', () => {
    fc.assert(
      fc.property(fc.oneof(...COMBINATIONS.map(([kind, mode]) => richScenario(kind, mode))), (s) => {
        const inputs = snapshot([s.account, s.prices]);
        const account = createMarginAccount(s.account);
        const prices = createPrices(s.prices);
        const created = snapshot([account, prices]);
        const options = { priceSource: s.priceSource };
        const optionsBefore = snapshot(options);
        const lp = liquidationPrice(account, prices, s.targetId, options);
        const bp = bankruptcyPrice(account, prices, s.targetId, options);
        const results = snapshot([lp, bp]);
        const distanceOptions = { volatility: '0.8', horizon: '0.25' };
        liquidationDistance(lp, distanceOptions);
        liquidationDistance(bp);
        expect(snapshot([s.account, s.prices])).toBe(inputs);
        expect(snapshot([account, prices])).toBe(created);
        expect(snapshot([lp, bp])).toBe(results);
        expect(snapshot(options)).toBe(optionsBefore);
        expect(snapshot(distanceOptions)).toBe('{"volatility":"0.8","horizon":"0.25"}');
      }),
      RUNS,
    );
  });
});
