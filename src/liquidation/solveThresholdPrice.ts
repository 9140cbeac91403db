import { Decimal } from '../internal/decimal.js';
import { tierIndexAt } from '../margin/tierIndexAt.js';
import type { MarginTier } from '../market/MarginSchedule.js';
import type { Market } from '../market/Market.js';
import { solveTieredLeg } from './solveTieredLeg.js';

/** A position whose market price moves: signed size and entry price. */
export interface MovingLeg {
  readonly size: Decimal;
  readonly entryPrice: Decimal;
}

/** Where the pool's surplus `f(p)` first turns negative. */
export type Crossing =
  | { readonly kind: 'price'; readonly price: Decimal; readonly direction: 'down' | 'up' }
  | { readonly kind: 'never' };

function maintenanceTerms(market: Market, size: Decimal, price: Decimal): { m: Decimal; d: Decimal } {
  const s = market.marginSchedule;
  if (s.type !== 'tiered') return { m: s.maintenanceFraction, d: new Decimal(0) };
  // Notional |s|·c·p (linear) or |s|·c/p (inverse), of created values: no argument checks inside the solver.
  const contracts = size.abs().times(market.contractSize);
  const n = market.kind === 'linear' ? contracts.times(price) : contracts.div(price);
  const tier = s.tiers[tierIndexAt(s.tiers, n)] as MarginTier;
  return { m: tier.maintenanceFraction, d: tier.maintenanceDeduction };
}

/**
 * Coefficients of the pool surplus in a price segment where every leg keeps its tier:
 * linear `f(p) = a + b·p`, inverse `f(p) = a + b/p`, probing the tiers at `probe`.
 *
 * Per leg (size s, entry e, contract size c, maintenance m and deduction d):
 * linear  uPnL − MMR = s·c·(p − e) − (|s|·c·p·m − d)       → a += d − s·c·e,  b += c·(s − |s|·m)
 * inverse uPnL − MMR = s·c·(1/e − 1/p) − (|s|·c·m/p − d)   → a += d + s·c/e,  b −= c·(s + |s|·m)
 */
export function coefficients(
  market: Market,
  legs: readonly MovingLeg[],
  constant: Decimal,
  probe: Decimal,
  withMaintenance: boolean,
  slope: Decimal,
): { a: Decimal; b: Decimal } {
  let a = constant;
  let b = slope;
  const c = market.contractSize;
  for (const leg of legs) {
    const { m, d } = withMaintenance
      ? maintenanceTerms(market, leg.size, probe)
      : { m: new Decimal(0), d: new Decimal(0) };
    const abs = leg.size.abs();
    if (market.kind === 'linear') {
      a = a.plus(d).minus(leg.size.times(c).times(leg.entryPrice));
      b = b.plus(c.times(leg.size.minus(abs.times(m))));
    } else {
      a = a.plus(d).plus(leg.size.times(c).div(leg.entryPrice));
      b = b.minus(c.times(leg.size.plus(abs.times(m))));
    }
  }
  return { a, b };
}

function evaluate(kind: Market['kind'], a: Decimal, b: Decimal, p: Decimal): Decimal {
  return kind === 'linear' ? a.plus(b.times(p)) : a.plus(b.div(p));
}

/** The root of `f` in a segment, or undefined; `f` must be falling in the direction of travel. */
function root(kind: Market['kind'], a: Decimal, b: Decimal, direction: 'down' | 'up'): Decimal | undefined {
  // df/dp is b (linear) or −b/p² (inverse). Moving down the surplus must fall: df/dp > 0.
  const slopeSign = kind === 'linear' ? b.comparedTo(0) : -b.comparedTo(0);
  if (slopeSign === 0 || (direction === 'down' ? slopeSign < 0 : slopeSign > 0)) return undefined;
  if (kind === 'linear') return a.negated().div(b);
  if (a.isZero()) return undefined;
  return b.negated().div(a);
}

/** Prices at which some leg's notional crosses a tier floor. */
export function tierBreakpoints(market: Market, legs: readonly MovingLeg[]): Decimal[] {
  const s = market.marginSchedule;
  if (s.type !== 'tiered') return [];
  const out: Decimal[] = [];
  for (const leg of legs) {
    const contracts = leg.size.abs().times(market.contractSize);
    if (contracts.isZero()) continue;
    for (const tier of s.tiers) {
      if (tier.notionalFloor.isZero()) continue;
      out.push(
        market.kind === 'linear' ? tier.notionalFloor.div(contracts) : contracts.div(tier.notionalFloor),
      );
    }
  }
  return out;
}

/**
 * A computed root within a rounding unit of the current price (relative 1e-30, far above the 40-digit rounding of
 * the quotients and far below any price step): the pool sits exactly at its threshold, whose crossing is p0 itself.
 */
export function roundsTo(root: Decimal, p0: Decimal): boolean {
  return root.minus(p0).abs().lte(p0.times(ROUNDING));
}

const ROUNDING = /*#__PURE__*/ new Decimal('1e-30');

/**
 * Solves `f(p) = constant + slope·p + Σ_legs (uPnL(p) − [MMR(p)]) = 0` for the market price `p` (`slope`: collateral
 * whose value moves with a linear market's price), searching from the current
 * price `p0` (where `f(p0) ≥ 0`) down to 0 and up to ∞, segment by segment between tier breakpoints, and
 * returns the nearest crossing (in log distance) or `never`.
 */
export function solveThresholdPrice(
  market: Market,
  legs: readonly MovingLeg[],
  constant: Decimal,
  p0: Decimal,
  withMaintenance: boolean,
  slope: Decimal = new Decimal(0),
): Crossing {
  const schedule = market.marginSchedule;
  if (withMaintenance && legs.length === 1 && market.kind === 'linear' && schedule.type === 'tiered') {
    return solveTieredLeg(schedule, market.contractSize, legs[0] as MovingLeg, constant, p0, slope);
  }
  const breakpoints = withMaintenance ? tierBreakpoints(market, legs) : [];
  const below = breakpoints.filter((b) => b.lessThan(p0)).sort((x, y) => y.comparedTo(x));
  const above = breakpoints.filter((b) => b.greaterThan(p0)).sort((x, y) => x.comparedTo(y));

  let down: Decimal | undefined;
  let hi = p0;
  for (let i = 0; i <= below.length && down === undefined; i++) {
    const lo = below[i] ?? new Decimal(0);
    const { a, b } = coefficients(market, legs, constant, hi.plus(lo).div(2), withMaintenance, slope);
    if (i > 0 && evaluate(market.kind, a, b, hi).isNegative()) {
      down = hi;
      break;
    }
    // The pool is at or above its threshold now: a root a rounding unit past p0 means it sits exactly at it.
    const found = root(market.kind, a, b, 'down');
    const r = i === 0 && found !== undefined && roundsTo(found, p0) ? p0 : found;
    if (r?.greaterThan(lo) && r.lessThanOrEqualTo(hi) && r.isPositive()) down = r;
    hi = lo;
  }

  let up: Decimal | undefined;
  let lo = p0;
  for (let i = 0; i <= above.length && up === undefined; i++) {
    const next = above[i];
    const probe = next ? lo.plus(next).div(2) : lo.times(2);
    const { a, b } = coefficients(market, legs, constant, probe, withMaintenance, slope);
    if (i > 0 && evaluate(market.kind, a, b, lo).isNegative()) {
      up = lo;
      break;
    }
    const found = root(market.kind, a, b, 'up');
    const r = i === 0 && found !== undefined && roundsTo(found, p0) ? p0 : found;
    if (r?.greaterThanOrEqualTo(lo) && (!next || r.lessThan(next))) up = r;
    if (next) lo = next;
  }

  if (down && up) {
    // Nearest in log distance: p0/down against up/p0.
    return p0.div(down).lessThanOrEqualTo(up.div(p0))
      ? { kind: 'price', price: down, direction: 'down' }
      : { kind: 'price', price: up, direction: 'up' };
  }
  if (down) return { kind: 'price', price: down, direction: 'down' };
  if (up) return { kind: 'price', price: up, direction: 'up' };
  return { kind: 'never' };
}
