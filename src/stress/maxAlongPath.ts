import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import type { Prices } from '../prices/Prices.js';
import { applyShock } from './applyShock.js';
import type { PriceShock } from './Scenario.js';

/**
 * The largest value of `measure` along the straight price path of a shock (t from 0 to 1), and the prices where
 * it is reached: a grid of `steps`
 * points, refined by ternary search around the largest grid point (the measures used here — a pool's maintenance
 * less its equity — are linear in t for linear contracts and smooth for inverse ones, so the peak is either an end
 * or a single interior hump). With `endpointsOnly` (books of linear contracts only, where maintenance less equity is
 * convex in t — equity is linear, maintenance convex in notional because tier fractions never fall) only the two
 * ends are evaluated.
 */
export function maxAlongPath(
  prices: Prices,
  shock: PriceShock | undefined,
  measure: (prices: Prices) => Decimal,
  endpointsOnly = false,
  steps = 32,
): { readonly value: Decimal; readonly prices: Prices } {
  if (!shock) return { value: measure(prices), prices };
  if (endpointsOnly) {
    const end = applyShock(prices, shock);
    const [a, b] = [measure(prices), measure(end)];
    return b.greaterThan(a) ? { value: b, prices: end } : { value: a, prices };
  }
  const at = (t: Decimal) => measure(applyShock(prices, shock, t));
  let bestIndex = 0;
  let best = at(new D(0));
  for (let i = 1; i <= steps; i++) {
    const value = at(new D(i).div(steps));
    if (value.greaterThan(best)) {
      best = value;
      bestIndex = i;
    }
  }
  let lo = new D(Math.max(0, bestIndex - 1)).div(steps);
  let hi = new D(Math.min(steps, bestIndex + 1)).div(steps);
  // 160 steps narrow the peak to (2/3)^160 ≈ 1e-28 of the interval, so its value is exact well past 40 digits.
  for (let k = 0; k < 160; k++) {
    const third = hi.minus(lo).div(3);
    const a = lo.plus(third);
    const b = hi.minus(third);
    if (at(a).lessThan(at(b))) lo = a;
    else hi = b;
  }
  const mid = lo.plus(hi).div(2);
  const refined = at(mid);
  return refined.greaterThan(best)
    ? { value: refined, prices: applyShock(prices, shock, mid) }
    : { value: best, prices: applyShock(prices, shock, new D(bestIndex).div(steps)) };
}
