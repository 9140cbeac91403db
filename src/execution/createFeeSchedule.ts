import { deepFreeze } from '../internal/freeze.js';
import { feeScheduleSchema } from '../schemas/feeSchedule.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { FeeSchedule, FeeScheduleInput } from './FeeSchedule.js';

/**
 * Validates a maker/taker fee schedule and returns it frozen.
 *
 * Rules: at least one tier, the first at volume 0, floors strictly ascending, rates strictly between −1 and 1
 * (negative maker rates are rebates).
 *
 * @param input - the tiers.
 * @throws {@link ValidationError} e.g. `TIERS_NOT_ASCENDING`, `INVALID_RANGE`.
 * @example
 * ```ts
 * import { createFeeSchedule } from 'marginkit';
 * const fees = createFeeSchedule({ tiers: [
 *   { volumeFloor: 0, makerRate: '0.0002', takerRate: '0.0005' },
 *   { volumeFloor: 50_000_000, makerRate: '-0.00005', takerRate: '0.0003' } ] });
 * fees.tiers[1]?.makerRate.toString(); // => '-0.00005'
 * ```
 * @category Execution
 */
export function createFeeSchedule(input: FeeScheduleInput | FeeSchedule): FeeSchedule {
  return deepFreeze(parseOrThrow(feeScheduleSchema(), input) as FeeSchedule);
}
