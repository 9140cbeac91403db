import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { positiveZero } from '../internal/positiveZero.js';
import type { RiskArray } from './RiskScenario.js';
import { decimalAt, listAt, objectAt } from './scenarioArgs.js';

/**
 * Options of {@link riskArrayFrom}.
 * @category Scenario margin
 */
export interface RiskArrayFromOptions {
  /** Number of scenarios the array must cover; default 16 (SPAN). */
  readonly length?: number;
  /** True when the values are profits (gains positive, as McMillan prints them); they are negated to losses. */
  readonly profitPositive?: boolean;
}

/**
 * A precomputed risk array (a clearing house's risk parameter file, an option pricer run elsewhere) as a
 * {@link RiskArray}: each value read exactly, checked for count, and turned loss-positive if it was profit-positive
 * (`loss_i = −profit_i`).
 *
 * Units: settlement currency per contract, as given.
 *
 * @param values - one value per scenario.
 * @param options - expected length (default 16) and sign convention (default losses positive).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a wrong count (path `['values']`) or a bad value
 * (path `['values', i]`).
 * @example
 * ```ts
 * import { riskArrayFrom } from 'marginkit';
 * // McMillan's long S&P future, profit-positive (Options as a Strategic Investment, ch. 34).
 * const a = riskArrayFrom([0, 0, 3330, 3330, -3330, -3330, 6670, 6670, -6670, -6670, 10000, 10000, -10000, -10000, 7000, -7000], { profitPositive: true });
 * [a[12]?.toString(), a[14]?.toString()]; // => ['10000', '-7000']
 * ```
 * @category Scenario margin
 */
export function riskArrayFrom(
  values: readonly DecimalInput[],
  options: RiskArrayFromOptions = {},
): RiskArray {
  const o = objectAt(options, ['options']);
  if (o.length !== undefined && (!Number.isSafeInteger(o.length) || (o.length as number) < 1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a whole number ≥ 1', ['options', 'length']);
  }
  if (o.profitPositive !== undefined && typeof o.profitPositive !== 'boolean') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a boolean', ['options', 'profitPositive']);
  }
  const list = listAt(values, ['values'], (o.length as number | undefined) ?? 16);
  return deepFreeze(
    list.map((v, i) => {
      const d = decimalAt(v, ['values', i]);
      return positiveZero(o.profitPositive === true ? d.neg() : d);
    }),
  );
}
