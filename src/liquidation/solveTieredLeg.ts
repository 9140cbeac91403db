import type { Decimal } from '../internal/decimal.js';
import { tierIndexAt } from '../margin/tierIndexAt.js';
import type { MarginTier, TieredMarginSchedule } from '../market/MarginSchedule.js';
import { type Crossing, type MovingLeg, roundsTo } from './solveThresholdPrice.js';
import { type TieredLegTerms, tieredLegTerms } from './tieredLegTerms.js';

/**
 * The maintenance crossing of one linear leg on a tiered schedule, walking the tiers outward from the current one.
 *
 * On tier t (notional `|e|·p` in `[floor_t, floor_t+1)`, `e = size · contractSize`) the surplus is affine,
 * `f(p) = constant + A_t + (B_t + slope)·p` (see {@link tieredLegTerms}). Walking down, tier t holds the crossing
 * when f is ≥ 0 at its top and ≤ 0 at its floor; then the root `−(constant + A_t)/(B_t + slope)` is the price.
 * Floors are tested in notional (`|e|·f(floor/|e|)`), so the only division is the root itself. A deduction that
 * jumps at a floor and takes f below 0 there returns the floor's price. Walking up mirrors this.
 */
export function solveTieredLeg(
  schedule: TieredMarginSchedule,
  contractSize: Decimal,
  leg: MovingLeg,
  constant: Decimal,
  p0: Decimal,
  slope: Decimal,
): Crossing {
  const tiers = schedule.tiers;
  const terms = tieredLegTerms(schedule, contractSize, leg);
  const abs = terms.abs;
  const withSlope = !slope.isZero();
  const scaled = constant.times(abs);
  const last = tiers.length - 1;
  // A flat leg has no breakpoints: one segment on tier 0.
  const walks = !abs.isZero();
  const start = walks ? tierIndexAt(tiers, abs.times(p0)) : 0;

  let down: Decimal | undefined;
  for (let t = start; ; t--) {
    if (t < start && surplusAtFloor(terms, tiers, t, t + 1, scaled, slope, withSlope).isNegative()) {
      down = (tiers[t + 1] as MarginTier).notionalFloor.div(abs);
      break;
    }
    const bt = withSlope ? slope.plus(terms.b[t] as Decimal) : (terms.b[t] as Decimal);
    if (bt.isPositive() && !bt.isZero()) {
      const low =
        t === 0 || !walks ? undefined : surplusAtFloor(terms, tiers, t, t, scaled, slope, withSlope);
      if (low === undefined || !low.isPositive() || low.isZero()) {
        // The pool is at or above its threshold now: a root a rounding unit past p0 means it sits exactly at it.
        const found = rootOn(terms, t, constant, bt);
        const r = t === start && roundsTo(found, p0) ? p0 : found;
        if (r.isPositive() && !r.isZero() && r.lte(p0)) down = r;
        break;
      }
    }
    if (t === 0 || !walks) break;
  }

  let up: Decimal | undefined;
  for (let t = start; ; t++) {
    if (t > start && surplusAtFloor(terms, tiers, t, t, scaled, slope, withSlope).isNegative()) {
      up = (tiers[t] as MarginTier).notionalFloor.div(abs);
      break;
    }
    const bt = withSlope ? slope.plus(terms.b[t] as Decimal) : (terms.b[t] as Decimal);
    if (
      bt.isNegative() &&
      !bt.isZero() &&
      (t === last || !walks || !surplusAtFloor(terms, tiers, t, t + 1, scaled, slope, withSlope).isPositive())
    ) {
      const found = rootOn(terms, t, constant, bt);
      const r = t === start && roundsTo(found, p0) ? p0 : found;
      if (r.gte(p0)) up = r;
      break;
    }
    if (t === last || !walks) break;
  }

  if (down && up) {
    // Nearest in log distance: p0/down against up/p0.
    return p0.div(down).lte(up.div(p0))
      ? { kind: 'price', price: down, direction: 'down' }
      : { kind: 'price', price: up, direction: 'up' };
  }
  if (down) return { kind: 'price', price: down, direction: 'down' };
  if (up) return { kind: 'price', price: up, direction: 'up' };
  return { kind: 'never' };
}

/**
 * `|e|·f` on tier t's terms at the floor of tier `floor` (t for the tier's bottom, t + 1 for its top):
 * `constant·|e| + low_t` or `+ high_t`, plus `slope · floor` when collateral moves with the price.
 */
function surplusAtFloor(
  terms: TieredLegTerms,
  tiers: readonly MarginTier[],
  t: number,
  floor: number,
  scaled: Decimal,
  slope: Decimal,
  withSlope: boolean,
): Decimal {
  const v = scaled.plus((floor === t ? terms.low[t] : terms.high[t]) as Decimal);
  return withSlope ? v.plus(slope.times((tiers[floor] as MarginTier).notionalFloor)) : v;
}

/** The root on tier t: `−(constant + A_t) / B_t`. */
function rootOn(terms: TieredLegTerms, t: number, constant: Decimal, bt: Decimal): Decimal {
  return constant
    .plus(terms.a[t] as Decimal)
    .neg()
    .div(bt);
}
