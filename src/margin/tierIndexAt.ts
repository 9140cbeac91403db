import type { Decimal } from '../internal/decimal.js';
import type { MarginTier } from '../market/MarginSchedule.js';

/** Index of the tier a notional falls in: the last tier whose floor is ≤ n (floors ascend, the first is 0). */
export function tierIndexAt(tiers: readonly MarginTier[], n: Decimal): number {
  let index = 0;
  while (index + 1 < tiers.length && (tiers[index + 1] as MarginTier).notionalFloor.lte(n)) index++;
  return index;
}
