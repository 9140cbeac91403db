import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkObjectList } from '../internal/argumentShape.js';
import type { DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { MarginTier, TieredMarginSchedule } from '../market/MarginSchedule.js';
import { tierIndexAt } from './tierIndexAt.js';

/**
 * The tier of a tiered schedule that applies at `notional`: the last tier whose floor is ≤ the notional.
 *
 * @param schedule - a tiered schedule.
 * @param notional - position notional in the settlement asset, ≥ 0.
 * @returns the tier and its index (0-based).
 * @example
 * ```ts
 * import { createMarket, marginTierAt } from 'marginkit';
 * const m = createMarket({ id: 'BTCUSDT', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'tiered', tiers: [
 *   { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
 *   { notionalFloor: 50_000, initialFraction: '0.01', maintenanceFraction: '0.005' },
 *   { notionalFloor: 250_000, initialFraction: '0.02', maintenanceFraction: '0.01' } ] } });
 * if (m.marginSchedule.type === 'tiered') marginTierAt(m.marginSchedule, 264_000).index; // => 2
 * ```
 * @category Margin
 */
export function marginTierAt(
  schedule: TieredMarginSchedule,
  notional: DecimalInput,
): { readonly tier: MarginTier; readonly index: number } {
  checkObjectList(schedule?.tiers, 'schedule.tiers');
  const n = decimalArg(notional, 'notional');
  const index = tierIndexAt(schedule.tiers, n);
  const tier = schedule.tiers[index];
  if (!tier) throw new InvalidArgumentError('INVALID_ARGUMENT', 'a tiered schedule has at least one tier');
  return { tier, index };
}
