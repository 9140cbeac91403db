import type { Decimal } from '../internal/decimal.js';
import type { Market } from '../market/Market.js';
import { tierIndexAt } from './tierIndexAt.js';

/**
 * Maintenance requirement of a notional `n` (≥ 0) in `market`: `n · MMF − deduction` with the tier chosen by `n`
 * itself (tiered), `n · MMF` otherwise. The engine's inner step on created (trusted) values.
 */
export function maintenanceAt(market: Market, n: Decimal): Decimal {
  const schedule = market.marginSchedule;
  if (schedule.type !== 'tiered') return n.times(schedule.maintenanceFraction);
  const tiers = schedule.tiers;
  const tier = tiers[tierIndexAt(tiers, n)] as (typeof tiers)[number];
  const mmr = n.times(tier.maintenanceFraction);
  return tier.maintenanceDeduction.isZero() ? mmr : mmr.minus(tier.maintenanceDeduction);
}
