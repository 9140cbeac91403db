import { type Scaled, scaledOf } from '../internal/exactInteger.js';
import type { MarginSchedule } from '../market/MarginSchedule.js';

/** One margin tier as exact integers (`m · 10^-k`); a flat schedule is one tier from notional 0. */
export interface IntegerTier {
  readonly floor: Scaled;
  readonly initialFraction: Scaled;
  readonly maintenanceFraction: Scaled;
  readonly deduction: Scaled;
}

const cache = /*#__PURE__*/ new WeakMap<MarginSchedule, readonly IntegerTier[] | null>();
const ZERO_SCALED: Scaled = { m: 0n, k: 0 };

/**
 * The tiers of a flat or tiered schedule as exact integers, computed once per created schedule; `undefined` for
 * an open-interest schedule (its initial fraction moves with open interest), which stays on the Decimal path.
 */
export function integerSchedule(schedule: MarginSchedule): readonly IntegerTier[] | undefined {
  const hit = cache.get(schedule);
  if (hit !== undefined) return hit ?? undefined;
  let tiers: IntegerTier[] | null = null;
  if (schedule.type === 'flat') {
    tiers = [
      {
        floor: ZERO_SCALED,
        initialFraction: scaledOf(schedule.initialFraction) as Scaled,
        maintenanceFraction: scaledOf(schedule.maintenanceFraction) as Scaled,
        deduction: ZERO_SCALED,
      },
    ];
  } else if (schedule.type === 'tiered') {
    tiers = schedule.tiers.map((t) => ({
      floor: scaledOf(t.notionalFloor) as Scaled,
      initialFraction: scaledOf(t.initialFraction) as Scaled,
      maintenanceFraction: scaledOf(t.maintenanceFraction) as Scaled,
      deduction: scaledOf(t.maintenanceDeduction) as Scaled,
    }));
  }
  cache.set(schedule, tiers);
  return tiers ?? undefined;
}
