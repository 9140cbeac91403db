import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { positiveZero } from '../internal/positiveZero.js';
import type { RiskArray } from './RiskScenario.js';
import { decimalAt, listAt, nonEmptyListAt, objectAt } from './scenarioArgs.js';

/**
 * One leg of a combined risk array: a per-contract array held `quantity` times.
 * @category Scenario margin
 */
export interface RiskArrayLeg {
  /** Signed number of contracts: long > 0, short < 0. */
  readonly quantity: DecimalInput;
  /** Risk array of one long contract (losses positive). */
  readonly array: readonly DecimalInput[];
}

/**
 * The risk array of a book: `combined_i = Σ_legs quantity · array_i` (SPAN adds the arrays of all positions in a
 * combined commodity scenario by scenario, so offsetting legs net before the worst scenario is taken). A short leg
 * (quantity < 0) negates its array.
 *
 * Units: settlement currency.
 *
 * @param legs - at least one leg; every array of the same length.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for no legs, arrays of different lengths
 * (path `['legs', i, 'array']`) or a bad value.
 * @example
 * ```ts
 * import { combineRiskArrays, riskArray, spanRiskScenarios } from 'marginkit';
 * const future = riskArray(spanRiskScenarios(), { price: 100, priceScanRange: 6 });
 * const spread = combineRiskArrays([{ quantity: 2, array: future }, { quantity: -2, array: future }]);
 * spread.every((loss) => loss.isZero()); // => true
 * ```
 * @category Scenario margin
 */
export function combineRiskArrays(legs: readonly RiskArrayLeg[]): RiskArray {
  const list = nonEmptyListAt(legs, ['legs']);
  let sums: Decimal[] | undefined;
  list.forEach((item, i) => {
    const leg = objectAt(item, ['legs', i]);
    const quantity = decimalAt(leg.quantity, ['legs', i, 'quantity']);
    const array = listAt(leg.array, ['legs', i, 'array'], sums?.length);
    if (array.length === 0) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'must hold at least one scenario', [
        'legs',
        i,
        'array',
      ]);
    }
    const scaled = array.map((v, j) => decimalAt(v, ['legs', i, 'array', j]).times(quantity));
    sums = sums === undefined ? scaled : sums.map((s, j) => s.plus(scaled[j] as Decimal));
  });
  return deepFreeze((sums as Decimal[]).map(positiveZero));
}
