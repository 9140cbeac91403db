import type { Decimal } from '../internal/decimal.js';
import type { TieredMarginSchedule } from '../market/MarginSchedule.js';

/**
 * Price-independent terms of one linear leg on each tier of a tiered schedule, with `e = size · contractSize`:
 * `A_t = deduction_t − e·entry` and `B_t = e − |e|·MMF_t`, so that on tier t the surplus is
 * `f(p) = constant + A_t + (B_t + slope)·p`; and the surplus at the tier's floors scaled by `|e|`,
 * `low_t = A_t·|e| + B_t·floor_t` and `high_t = A_t·|e| + B_t·floor_t+1`, so a floor is tested without a division.
 */
export interface TieredLegTerms {
  readonly abs: Decimal;
  readonly a: readonly Decimal[];
  readonly b: readonly Decimal[];
  readonly low: readonly Decimal[];
  readonly high: readonly (Decimal | undefined)[];
}

const cache = /*#__PURE__*/ new WeakMap<TieredMarginSchedule, WeakMap<object, TieredLegTerms>>();

/** The terms of a leg, cached per schedule and per leg object (created positions are immutable). */
export function tieredLegTerms(
  schedule: TieredMarginSchedule,
  contractSize: Decimal,
  leg: { readonly size: Decimal; readonly entryPrice: Decimal },
): TieredLegTerms {
  let bySchedule = cache.get(schedule);
  const hit = bySchedule?.get(leg);
  if (hit) return hit;
  const exposure = leg.size.times(contractSize);
  const abs = exposure.abs();
  const entryTerm = exposure.times(leg.entryPrice);
  const tiers = schedule.tiers;
  const a: Decimal[] = [];
  const b: Decimal[] = [];
  const low: Decimal[] = [];
  const high: (Decimal | undefined)[] = [];
  tiers.forEach((tier, t) => {
    const at = tier.maintenanceDeduction.minus(entryTerm);
    const bt = exposure.minus(abs.times(tier.maintenanceFraction));
    const scaled = at.times(abs);
    const next = tiers[t + 1];
    a.push(at);
    b.push(bt);
    low.push(scaled.plus(bt.times(tier.notionalFloor)));
    high.push(next ? scaled.plus(bt.times(next.notionalFloor)) : undefined);
  });
  const terms: TieredLegTerms = { abs, a, b, low, high };
  if (!bySchedule) {
    bySchedule = new WeakMap();
    cache.set(schedule, bySchedule);
  }
  bySchedule.set(leg, terms);
  return terms;
}
