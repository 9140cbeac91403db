import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkChoice, checkObjectList } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { FeeSchedule, Liquidity } from './FeeSchedule.js';

/**
 * The fee rate that applies to an order: the tier of the last floor ≤ the trailing volume, maker or taker.
 *
 * @param schedule - the fee schedule.
 * @param liquidity - `'maker'` or `'taker'`.
 * @param volume - trailing volume (settlement asset); default 0 (the first tier).
 * @example
 * ```ts
 * import { createFeeSchedule, feeRateFor } from 'marginkit';
 * const fees = createFeeSchedule({ tiers: [
 *   { volumeFloor: 0, makerRate: '0.0002', takerRate: '0.0005' },
 *   { volumeFloor: 50_000_000, makerRate: '-0.00005', takerRate: '0.0003' } ] });
 * feeRateFor(fees, 'maker', 60_000_000).toString(); // => '-0.00005'
 * ```
 * @category Execution
 */
export function feeRateFor(schedule: FeeSchedule, liquidity: Liquidity, volume: DecimalInput = 0): Decimal {
  checkObjectList(schedule?.tiers, 'schedule.tiers');
  checkChoice(liquidity, 'liquidity', ['maker', 'taker']);
  const v = decimalArg(volume, 'volume');
  if (v.isNegative() && !v.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'volume must be ≥ 0', ['volume']);
  }
  let tier = schedule.tiers[0];
  for (const t of schedule.tiers) if (t.volumeFloor.lessThanOrEqualTo(v)) tier = t;
  if (!tier) throw new InvalidArgumentError('INVALID_ARGUMENT', 'a fee schedule has at least one tier');
  return liquidity === 'maker' ? tier.makerRate : tier.takerRate;
}
