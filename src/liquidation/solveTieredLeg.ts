import type { Decimal } from '../internal/decimal.js';
import { tierIndexAt } from '../margin/tierIndexAt.js';
import type { TieredMarginSchedule } from '../market/MarginSchedule.js';
import type { Crossing, MovingLeg } from './solveThresholdPrice.js';
import { tieredLegTerms } from './tieredLegTerms.js';

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
  const { abs, a, b, low, high } = tieredLegTerms(schedule, contractSize, leg);
  const floorOf = (t: number) => (tiers[t] as (typeof tiers)[number]).notionalFloor;
  const withSlope = !slope.isZero();
  const scaledConstant = constant.times(abs);
  const slopeOf = (t: number) => (withSlope ? slope.plus(b[t] as Decimal) : (b[t] as Decimal));
  // |e|·f at the floor of tier t (the tier's bottom) and at the floor of tier t+1 (its top), on tier t's terms.
  const atLow = (t: number) => {
    const v = scaledConstant.plus(low[t] as Decimal);
    return withSlope ? v.plus(slope.times(floorOf(t))) : v;
  };
  const atHigh = (t: number) => {
    const v = scaledConstant.plus(high[t] as Decimal);
    return withSlope ? v.plus(slope.times(floorOf(t + 1))) : v;
  };
  const root = (t: number, bt: Decimal) =>
    constant
      .plus(a[t] as Decimal)
      .neg()
      .div(bt);
  const last = tiers.length - 1;
  // A flat leg has no breakpoints: one segment on tier 0.
  const walks = !abs.isZero();
  const start = walks ? tierIndexAt(tiers, abs.times(p0)) : 0;

  let down: Decimal | undefined;
  for (let t = start; ; t--) {
    if (t < start && atHigh(t).isNegative()) {
      down = floorOf(t + 1).div(abs);
      break;
    }
    const bt = slopeOf(t);
    if (
      bt.isPositive() &&
      !bt.isZero() &&
      (t === 0 || !walks || !atLow(t).isPositive() || atLow(t).isZero())
    ) {
      const r = root(t, bt);
      if (r.isPositive() && !r.isZero() && r.lte(p0)) down = r;
      break;
    }
    if (t === 0 || !walks) break;
  }

  let up: Decimal | undefined;
  for (let t = start; ; t++) {
    if (t > start && atLow(t).isNegative()) {
      up = floorOf(t).div(abs);
      break;
    }
    const bt = slopeOf(t);
    if (bt.isNegative() && !bt.isZero() && (t === last || !walks || !atHigh(t).isPositive())) {
      const r = root(t, bt);
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
