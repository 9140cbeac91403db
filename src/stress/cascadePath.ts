import type { Collateral, MarginAccount } from '../account/MarginAccount.js';
import { MissingPriceError } from '../errors/MissingPriceError.js';
import { ONE, ZERO } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { maintenanceAt } from '../margin/maintenanceAt.js';
import { notional } from '../margin/notional.js';
import { notionalAt, type PositionTerms, positionTerms } from '../margin/positionTerms.js';
import { marketOf } from '../margin/summarizeAccount.js';
import { tierIndexAt } from '../margin/tierIndexAt.js';
import { unrealizedPnl } from '../margin/unrealizedPnl.js';
import type { TieredMarginSchedule } from '../market/MarginSchedule.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import type { PriceSource, Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import type { CloseRules, LiquidationEvent } from './liquidateAt.js';

/*
 * The liquidation cascade along a straight price path, solved in closed form.
 *
 * Along a scenario every price moves linearly in the path fraction t ∈ [0, 1]: p(t) = p₀ + (p₁ − p₀)·t. Between two
 * tier breakpoints (where some position's notional crosses a floor) each pool's surplus `equity − MMR` is
 *
 *   S(t) = c₀ + c₁·t + Σ_g K_g / (1 + r_g·t)
 *
 * with the affine part from linear positions and moving collateral, and one term per group of inverse markets
 * that move at the same relative rate r_g (every inverse market under a uniform shock forms one group). With at
 * most one group, S(t)·(1 + r·t) is a quadratic and its first negative point is found exactly (an affine S gives
 * the exact root −c₀/c₁). With several groups the first negative point is bracketed by bisection on certified
 * bounds (each term is monotone in t) to a width of 1e-36.
 *
 * Each pool keeps its sums, so a forced close updates them in O(1) and only the pools it changes are solved again:
 * the pool that failed, and the cross pool when an isolated close returns margin to the cross collateral (which
 * only raises the cross surplus, so the cross search resumes where it stopped).
 */

interface Leg {
  readonly position: Position;
  readonly market: Market;
  readonly terms: PositionTerms;
  readonly pool: Pool;
  /** Price path of the market (by the run's price source). */
  readonly p0: Decimal;
  readonly delta: Decimal;
  /** Inverse group key (relative rate Δ/p₀), inverse markets only. */
  readonly group: string | undefined;
  readonly rate: Decimal | undefined;
  /** Float image of the PnL along the path (made on first use), to screen for the largest loss. */
  float: { readonly fa: number; readonly fb: number; readonly fr: number } | undefined;
  tier: number;
  alive: boolean;
  /** Current contribution to the pool's sums. */
  c0: Decimal;
  c1: Decimal;
  k: Decimal;
}

interface Crossing {
  readonly t: Decimal;
  readonly leg: Leg;
  readonly tier: number;
  readonly rising: boolean;
}

interface Pool {
  readonly id: string;
  readonly legs: Leg[];
  /** Every leg's tier crossings along the path, ascending in t, and the first not yet applied. */
  crossings: Crossing[];
  cursor: number;
  /** Live legs, and live legs with a non-zero size. */
  live: number;
  exposed: number;
  c0: Decimal;
  c1: Decimal;
  readonly groups: Map<string, { rate: Decimal; k: Decimal }>;
  /** Start of the segment the search stands on; the legs' tiers are those of the open segment after it. */
  from: Decimal;
  failure: { readonly t: Decimal; readonly surplus: Decimal } | undefined;
  solved: boolean;
}

/** Everything a cascade needs about the account and the path, read once. */
export interface CascadeInput {
  readonly account: MarginAccount;
  readonly start: Prices;
  readonly end: Prices;
  readonly priceSource: PriceSource;
  readonly rules: CloseRules;
}

/** The forced closes along the path, and the account left at the end. */
export interface CascadeResult {
  readonly events: readonly LiquidationEvent[];
  readonly account: MarginAccount;
}

const EPSILON = /*#__PURE__*/ new D('1e-36');

function at(p0: Decimal, delta: Decimal, t: Decimal): Decimal {
  return t.eq(ONE()) ? p0.plus(delta) : p0.plus(delta.times(t));
}

function tierOf(market: Market, n: Decimal): number {
  const s = market.marginSchedule;
  return s.type === 'tiered' ? tierIndexAt(s.tiers, n) : 0;
}

/** Maintenance fraction and deduction of a leg's tier. */
function termsOfTier(market: Market, tier: number): { m: Decimal; d: Decimal } {
  const s = market.marginSchedule;
  if (s.type !== 'tiered') return { m: s.maintenanceFraction, d: ZERO() };
  const t = s.tiers[tier] as (typeof s.tiers)[number];
  return { m: t.maintenanceFraction, d: t.maintenanceDeduction };
}

/**
 * A leg's share of S(t) on a tier. Linear: `e·(p₀ + Δt − entry) − |e|·m·(p₀ + Δt) + d − funding`. Inverse:
 * `e/entry + d − funding − (e + |e|·m)/p(t)`, kept as `K/(1 + r·t)` with `K = −(e + |e|·m)/p₀`.
 */
function contribution(leg: Leg, tier: number): { c0: Decimal; c1: Decimal; k: Decimal } {
  const { m, d } = termsOfTier(leg.market, tier);
  const { exposure, absExposure } = leg.terms;
  const funding = leg.position.unsettledFunding;
  if (leg.terms.linear) {
    const slope = exposure.minus(absExposure.times(m));
    return {
      c0: slope.times(leg.p0).minus(exposure.times(leg.position.entryPrice)).plus(d).minus(funding),
      c1: slope.times(leg.delta),
      k: ZERO(),
    };
  }
  return {
    c0: exposure
      .times(leg.terms.reciprocalEntry as Decimal)
      .plus(d)
      .minus(funding),
    c1: ZERO(),
    k: exposure.plus(absExposure.times(m)).neg().div(leg.p0),
  };
}

function addLeg(pool: Pool, leg: Leg, sign: 1 | -1): void {
  const plus = sign === 1;
  pool.c0 = plus ? pool.c0.plus(leg.c0) : pool.c0.minus(leg.c0);
  if (!leg.c1.isZero()) pool.c1 = plus ? pool.c1.plus(leg.c1) : pool.c1.minus(leg.c1);
  if (leg.group !== undefined) {
    const g = pool.groups.get(leg.group);
    if (g) g.k = plus ? g.k.plus(leg.k) : g.k.minus(leg.k);
    else pool.groups.set(leg.group, { rate: leg.rate as Decimal, k: plus ? leg.k : leg.k.neg() });
  }
}

function setTier(leg: Leg, tier: number): void {
  if (leg.alive) addLeg(leg.pool, leg, -1);
  const c = contribution(leg, tier);
  leg.tier = tier;
  leg.c0 = c.c0;
  leg.c1 = c.c1;
  leg.k = c.k;
  if (leg.alive) addLeg(leg.pool, leg, 1);
}

/** S(t) from the pool's sums. */
function surplus(pool: Pool, t: Decimal): Decimal {
  let v = pool.c1.isZero() ? pool.c0 : pool.c0.plus(pool.c1.times(t));
  for (const g of pool.groups.values()) {
    if (!g.k.isZero()) v = v.plus(g.k.div(ONE().plus(g.rate.times(t))));
  }
  return v;
}

/** A lower bound of S on [x, y]: every term is monotone in t, so its smaller end value bounds it. */
function lowerBound(pool: Pool, x: Decimal, y: Decimal): Decimal {
  let v = pool.c0.plus(D.min(pool.c1.times(x), pool.c1.times(y)));
  for (const g of pool.groups.values()) {
    if (g.k.isZero()) continue;
    v = v.plus(D.min(g.k.div(ONE().plus(g.rate.times(x))), g.k.div(ONE().plus(g.rate.times(y)))));
  }
  return v;
}

/**
 * The first t in (a, b] at which S < 0, given S(a) ≥ 0 on the segment's terms; `surplus` is S there (0 at an
 * exact root).
 */
function firstNegative(pool: Pool, a: Decimal, b: Decimal): { t: Decimal; surplus: Decimal } | undefined {
  const groups = [...pool.groups.values()].filter((g) => !g.k.isZero());
  if (groups.length === 0) {
    // Affine: falls below 0 only with a negative slope, at −c₀/c₁.
    if (!pool.c1.isNegative() || pool.c1.isZero()) return undefined;
    if (!surplus(pool, b).isNegative() || surplus(pool, b).isZero()) return undefined;
    const r = pool.c0.neg().div(pool.c1);
    return { t: D.max(r, a), surplus: ZERO() };
  }
  if (groups.length === 1) {
    // S·(1 + r·t) = (c₀ + c₁·t)(1 + r·t) + K = α·t² + β·t + γ, with 1 + r·t > 0 on the path.
    const g = groups[0] as { rate: Decimal; k: Decimal };
    const alpha = pool.c1.times(g.rate);
    const beta = pool.c0.times(g.rate).plus(pool.c1);
    const gamma = pool.c0.plus(g.k);
    const roots: Decimal[] = [];
    if (alpha.isZero()) {
      if (!beta.isZero()) roots.push(gamma.neg().div(beta));
    } else {
      const disc = beta.times(beta).minus(alpha.times(gamma).times(4));
      if (!disc.isNegative()) {
        const sq = disc.sqrt();
        const q = beta.isNegative() ? sq.minus(beta).div(2) : beta.plus(sq).neg().div(2);
        if (!q.isZero()) roots.push(q.div(alpha), gamma.div(q));
        else roots.push(ZERO());
      }
    }
    // The sign is constant between consecutive roots: test each piece of [a, b] at its middle and at b.
    const cuts = roots.filter((r) => r.greaterThan(a) && r.lessThan(b)).sort((x, y) => x.comparedTo(y));
    const points = [a, ...cuts, b];
    for (let i = 0; i + 1 < points.length; i++) {
      const x = points[i] as Decimal;
      const y = points[i + 1] as Decimal;
      const v = surplus(pool, x.plus(y).div(2));
      if (v.isNegative() && !v.isZero()) return { t: x, surplus: x.eq(a) ? surplus(pool, a) : ZERO() };
    }
    return undefined;
  }
  // Several inverse groups: bisection on certified lower bounds, leftmost first.
  let budget = 4096;
  const search = (x: Decimal, y: Decimal, depth: number): Decimal | undefined => {
    if (budget-- <= 0) return undefined;
    const low = lowerBound(pool, x, y);
    if (!low.isNegative() || low.isZero()) return undefined;
    if (depth >= 120 || y.minus(x).lte(EPSILON)) {
      const v = surplus(pool, y);
      return v.isNegative() && !v.isZero() ? y : undefined;
    }
    const mid = x.plus(y).div(2);
    return search(x, mid, depth + 1) ?? search(mid, y, depth + 1);
  };
  const t = search(a, b, 0);
  return t === undefined ? undefined : { t, surplus: surplus(pool, t) };
}

/** The next tier crossing of a live leg of the pool, if any. */
function nextBreakpoint(pool: Pool): Decimal | undefined {
  while (pool.cursor < pool.crossings.length && !(pool.crossings[pool.cursor] as Crossing).leg.alive) {
    pool.cursor++;
  }
  return pool.crossings[pool.cursor]?.t;
}

/** Moves every live leg past its crossings at `t` (`onlyFalling`: the ones that lower a tier, at the start). */
function cross(pool: Pool, t: Decimal, onlyFalling = false): void {
  for (let c = pool.crossings[pool.cursor]; c?.t.eq(t); c = pool.crossings[pool.cursor]) {
    pool.cursor++;
    if (c.leg.alive && !(onlyFalling && c.rising)) setTier(c.leg, c.tier);
  }
}

/**
 * Solves the pool's first failure from its segment start: the first t at which its surplus is < 0, walking the
 * breakpoints. `known` is the exact surplus at `pool.from` when the caller has it (after a close).
 */
function solve(pool: Pool, known: Decimal | undefined): void {
  pool.solved = true;
  pool.failure = undefined;
  if (pool.exposed === 0) return;
  let a = pool.from;
  let start = known ?? surplus(pool, a);
  for (;;) {
    if (start.isNegative() && !start.isZero()) {
      pool.failure = { t: a, surplus: start };
      return;
    }
    const next = nextBreakpoint(pool);
    const b = next ?? ONE();
    const hit = firstNegative(pool, a, b);
    if (hit) {
      pool.failure = { t: D.max(hit.t, a), surplus: hit.surplus };
      return;
    }
    if (!next) return;
    cross(pool, next);
    a = next;
    pool.from = a;
    start = surplus(pool, a);
  }
}

/** A balance's weighted value: `amount · weight`, or `amount · liabilityWeight` when negative. */
function collateralValueOf(
  amount: Decimal,
  weights: { readonly weight: Decimal; readonly liabilityWeight: Decimal },
): Decimal {
  return amount.times(amount.isNegative() ? weights.liabilityWeight : weights.weight);
}

/**
 * Runs the cascade of `input.account` along the straight path from `start` to `end` prices, with the close rules
 * of a stress run, and returns the forced closes in order and the account left at the end.
 */
export function cascadePath(input: CascadeInput): CascadeResult {
  const { account, start, end, priceSource, rules } = input;
  const zero = ZERO();
  const cross0: Pool = {
    id: 'cross',
    legs: [],
    crossings: [],
    cursor: 0,
    live: 0,
    exposed: 0,
    c0: zero,
    c1: zero,
    groups: new Map(),
    from: zero,
    failure: undefined,
    solved: false,
  };
  const pools: Pool[] = [cross0];
  // Cross collateral: the settlement balance is a constant that closes change; other assets move with the path.
  let settle: Collateral | undefined;
  const moving: { w: Decimal; p0: Decimal; delta: Decimal }[] = [];
  for (const c of account.collateral) {
    if (c.asset === account.settleAsset) {
      settle = c;
      continue;
    }
    const p0 = Object.hasOwn(start.assets, c.asset) ? start.assets[c.asset] : undefined;
    const p1 = Object.hasOwn(end.assets, c.asset) ? end.assets[c.asset] : undefined;
    if (!p0 || !p1) {
      throw new MissingPriceError(
        'MISSING_ASSET_PRICE',
        `no price for collateral asset '${c.asset}' in ${account.settleAsset}`,
        ['assets', c.asset],
      );
    }
    const w = collateralValueOf(c.amount, c);
    const delta = p1.minus(p0);
    moving.push({ w, p0, delta });
    cross0.c0 = cross0.c0.plus(w.times(p0));
    cross0.c1 = cross0.c1.plus(w.times(delta));
  }
  let settleAmount = settle?.amount ?? zero;
  const settleWeights = settle ?? { weight: ONE(), liabilityWeight: ONE() };
  let settleValue = collateralValueOf(settleAmount, settleWeights);
  cross0.c0 = cross0.c0.plus(settleValue);
  /** Adds to the settlement balance; returns the change of its weighted value (which joins the cross sums). */
  const moveSettle = (amount: Decimal): Decimal => {
    settleAmount = settleAmount.plus(amount);
    const value = collateralValueOf(settleAmount, settleWeights);
    const change = value.minus(settleValue);
    settleValue = value;
    cross0.c0 = cross0.c0.plus(change);
    return change;
  };
  /** The cross collateral's value at t (the cross equity once no cross position is left). */
  const collateralAt = (t: Decimal): Decimal => {
    let v = settleValue;
    for (const o of moving) v = v.plus(o.w.times(at(o.p0, o.delta, t)));
    return v;
  };

  const legs: Leg[] = account.positions.map((position) => {
    const market = marketOf(account, position.marketId);
    const terms = positionTerms(market, position);
    const p0 = priceOf(start, position.marketId, priceSource);
    const delta = priceOf(end, position.marketId, priceSource).minus(p0);
    let pool = cross0;
    if (position.marginMode === 'isolated') {
      pool = {
        id: position.id,
        legs: [],
        crossings: [],
        cursor: 0,
        live: 0,
        exposed: 0,
        c0: position.isolatedMargin ?? zero,
        c1: zero,
        groups: new Map(),
        from: zero,
        failure: undefined,
        solved: false,
      };
      pools.push(pool);
    }
    const rate = terms.linear ? undefined : delta.div(p0);
    const leg: Leg = {
      position,
      market,
      terms,
      pool,
      p0,
      delta,
      group: rate?.toString(),
      rate,
      float: undefined,
      tier: tierOf(market, notionalAt(terms, p0)),
      alive: true,
      c0: zero,
      c1: zero,
      k: zero,
    };
    pool.legs.push(leg);
    pool.live++;
    if (!terms.flat) pool.exposed++;
    for (const c of crossingsOf(market, terms, p0, delta)) pool.crossings.push({ ...c, leg });
    const c = contribution(leg, leg.tier);
    leg.c0 = c.c0;
    leg.c1 = c.c1;
    leg.k = c.k;
    addLeg(pool, leg, 1);
    return leg;
  });
  // Breakpoints at t = 0 that lower a tier take effect right after the start: apply them now, keeping the
  // exact surplus at 0 (with the starting tiers) for the first test.
  const startSurplus = new Map<Pool, Decimal>();
  for (const pool of pools) {
    pool.crossings.sort((x, y) => x.t.comparedTo(y.t));
    startSurplus.set(pool, surplus(pool, zero));
    cross(pool, zero, true);
  }

  const events: LiquidationEvent[] = [];
  let guard = 0;
  for (;;) {
    for (const pool of pools) {
      if (!pool.solved) solve(pool, startSurplus.get(pool));
      startSurplus.delete(pool);
    }
    let t: Decimal | undefined;
    for (const pool of pools) {
      const f = pool.failure;
      if (f && (!t || f.t.lessThan(t))) t = f.t;
    }
    if (!t || guard++ > legs.length) break;
    const now = t;
    const tf = now.toNumber();
    for (const pool of pools.filter((p) => p.failure?.t.eq(now))) {
      let margin = (pool.failure as { surplus: Decimal }).surplus;
      const order =
        pool === cross0 && rules.crossLiquidation === 'whole-pool' ? lossOrder(pool, now) : undefined;
      for (let i = 0; pool.live > 0; i++) {
        // Largest loss first (at the market price); equal losses keep the account's order.
        const leg = order ? (order[i] as Leg) : largestLoss(pool, now, tf);
        const price = at(leg.p0, leg.delta, now);
        const { slippage, feeRate } = rules.costs(leg.position.marketId);
        const position = leg.position;
        const fillPrice = position.size.isPositive()
          ? price.times(ONE().minus(slippage))
          : price.times(slippage.plus(ONE()));
        const realizedPnl = unrealizedPnl(leg.market, position, fillPrice);
        const fee = notional(leg.market, position.size, fillPrice).times(feeRate);
        let proceeds = realizedPnl.minus(fee).minus(position.unsettledFunding);
        let deficit = zero;
        if (position.marginMode === 'isolated') {
          proceeds = proceeds.plus(position.isolatedMargin ?? 0);
          if (proceeds.isNegative()) {
            deficit = proceeds.neg();
            proceeds = zero;
          }
        }
        // The leg's actual share of the surplus at `now` leaves the pool; the proceeds join the cross collateral.
        const share = unrealizedPnl(leg.market, position, price)
          .minus(position.unsettledFunding)
          .minus(maintenanceAt(leg.market, notionalAt(leg.terms, price)));
        addLeg(pool, leg, -1);
        leg.alive = false;
        pool.live--;
        if (!leg.terms.flat) pool.exposed--;
        margin = margin.minus(share);
        if (!proceeds.isZero()) {
          const change = moveSettle(proceeds);
          if (pool === cross0) margin = margin.plus(change);
          // More cross collateral only raises the cross surplus: its search resumes where it stopped.
          else if (cross0.failure) cross0.solved = false;
        }
        if (pool === cross0 && pool.live === 0) {
          // The last cross position is gone: a negative cross balance is the insurance fund's deficit.
          const left = collateralAt(now);
          if (left.isNegative() && !left.isZero()) {
            deficit = deficit.plus(left.neg());
            moveSettle(left.neg());
          }
        }
        events.push({
          at: now,
          pool: pool.id,
          positionId: position.id,
          marketId: position.marketId,
          price,
          fillPrice,
          realizedPnl,
          fee,
          deficit,
        });
        if (pool !== cross0 || order) continue;
        // One by one: stop once the pool is back at or above maintenance, or holds no open position.
        if (pool.exposed === 0 || !margin.isNegative() || margin.isZero()) break;
      }
      pool.failure = undefined;
      if (pool === cross0) {
        pool.from = now;
        solve(pool, margin);
      }
    }
  }

  const survivors = legs.filter((l) => l.alive).map((l) => l.position);
  const collateral = account.collateral.map((c) =>
    c.asset === account.settleAsset ? { ...c, amount: settleAmount } : c,
  );
  if (!settle && !settleAmount.isZero()) {
    collateral.push({
      asset: account.settleAsset,
      amount: settleAmount,
      weight: ONE(),
      liabilityWeight: ONE(),
    });
  }
  const next: MarginAccount =
    events.length === 0 ? account : deepFreeze({ ...account, collateral, positions: survivors });
  return { events, account: next };
}

/**
 * The path fractions at which a position's notional crosses its market's tier floors, ascending, with the tier
 * entered there. Notional is monotone along a straight path (rising with the price for linear markets, falling
 * for inverse ones), so each floor is crossed at most once.
 */
function crossingsOf(
  market: Market,
  terms: PositionTerms,
  p0: Decimal,
  delta: Decimal,
): { t: Decimal; tier: number; rising: boolean }[] {
  const s = market.marginSchedule;
  if (s.type !== 'tiered' || delta.isZero() || terms.flat) return [];
  const out: { t: Decimal; tier: number; rising: boolean }[] = [];
  const rising = terms.linear ? delta.isPositive() : delta.isNegative();
  const p1 = p0.plus(delta);
  const [lo, hi] = delta.isPositive() ? [p0, p1] : [p1, p0];
  breakpointPrices(s, terms).forEach((price, k) => {
    // Only floors whose price lies on the path are crossed; t = (price − p₀)/Δ.
    if (k === 0 || price.lessThan(lo) || price.greaterThan(hi)) return;
    out.push({ t: price.minus(p0).div(delta), tier: rising ? k : k - 1, rising });
  });
  out.sort((x, y) => x.t.comparedTo(y.t));
  return out;
}

/** Float images of a leg's PnL along the path, to find the largest loss without exact work on every leg. */
function floatPnl(
  terms: PositionTerms,
  position: Position,
  p0: Decimal,
  delta: Decimal,
): { fa: number; fb: number; fr: number } {
  if (terms.linear) {
    return {
      fa: terms.exposure.times(p0.minus(position.entryPrice)).toNumber(),
      fb: terms.exposure.times(delta).toNumber(),
      fr: 0,
    };
  }
  return {
    fa: terms.exposure.times(terms.reciprocalEntry as Decimal).toNumber(),
    fb: terms.exposure.div(p0).toNumber(),
    fr: delta.div(p0).toNumber(),
  };
}

/** `pnl(t) ≈ fa + fb·t` (linear) or `fa − fb/(1 + fr·t)` (inverse). */
function pnlFloat(leg: Leg, t: number): number {
  if (leg.float === undefined) leg.float = floatPnl(leg.terms, leg.position, leg.p0, leg.delta);
  const { fa, fb, fr } = leg.float;
  return leg.terms.linear ? fa + fb * t : fa - fb / (1 + fr * t);
}

/**
 * The live leg with the largest loss at `t`: screened in float64, then decided exactly among the legs within a
 * generous bound (1e-9 of their magnitudes) of the float minimum, the first in account order on a tie.
 */
function largestLoss(pool: Pool, t: Decimal, tf: number): Leg {
  let min = Number.POSITIVE_INFINITY;
  let scale = 0;
  for (const leg of pool.legs) {
    if (!leg.alive) continue;
    const v = pnlFloat(leg, tf);
    if (v < min) min = v;
    const f = leg.float as { fa: number; fb: number };
    scale = Math.max(scale, Math.abs(f.fa) + Math.abs(f.fb));
  }
  const bound = min + 1e-9 * scale + Number.MIN_VALUE;
  let best: Leg | undefined;
  let bestPnl: Decimal | undefined;
  for (const leg of pool.legs) {
    // A float that is not finite decides nothing: such a leg is compared exactly.
    if (!leg.alive || pnlFloat(leg, tf) > bound) continue;
    const pnl = unrealizedPnl(leg.market, leg.position, at(leg.p0, leg.delta, t));
    if (!bestPnl || pnl.lessThan(bestPnl)) {
      best = leg;
      bestPnl = pnl;
    }
  }
  return best as Leg;
}

/** Every live leg, largest loss first, equal losses in account order. */
function lossOrder(pool: Pool, t: Decimal): Leg[] {
  const live = pool.legs.filter((l) => l.alive);
  const pnl = new Map(
    live.map((l) => [l, unrealizedPnl(l.market, l.position, at(l.p0, l.delta, t))] as const),
  );
  return live.sort((x, y) => (pnl.get(x) as Decimal).comparedTo(pnl.get(y) as Decimal));
}

const breakpointCache = /*#__PURE__*/ new WeakMap<PositionTerms, readonly Decimal[]>();

/** The price at which the notional equals each tier's floor: floor/|e| (linear) or |e|/floor (inverse); cached. */
function breakpointPrices(schedule: TieredMarginSchedule, terms: PositionTerms): readonly Decimal[] {
  const hit = breakpointCache.get(terms);
  if (hit) return hit;
  const prices = schedule.tiers.map((tier, k) =>
    k === 0
      ? ZERO()
      : terms.linear
        ? tier.notionalFloor.div(terms.absExposure)
        : terms.absExposure.div(tier.notionalFloor),
  );
  breakpointCache.set(terms, prices);
  return prices;
}
