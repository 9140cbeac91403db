import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ZERO } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { positiveZero } from '../internal/positiveZero.js';
import type { RiskScenario } from './RiskScenario.js';
import { decimalAt, listAt } from './scenarioArgs.js';
import { scenariosAt } from './scenariosAt.js';

/**
 * The worst scenario of a risk array.
 * @category Scenario margin
 */
export interface ScanningRisk {
  /** Scanning risk: `max(0, worstLoss)` (a book that gains in every scenario needs no scan margin). */
  readonly risk: Decimal;
  /** The largest value of the array (a gain when negative). */
  readonly worstLoss: Decimal;
  /** Number of the first scenario that reaches `worstLoss` (SPAN numbering, 1-based). */
  readonly scenario: number;
  /** Every scenario that reaches `worstLoss`, in order (ties are common: a future loses the same with vol up or down). */
  readonly tiedScenarios: readonly number[];
}

/**
 * Scanning risk of a (combined) risk array: `risk = max(0, max_i loss_i)`, with the scenario that set it.
 *
 * Units: those of the array (settlement currency).
 *
 * @param array - losses positive, one per scenario.
 * @param scenarios - the scenarios the array was built over, for their numbers; default numbers 1…n.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for an empty array, a bad value (path `['array', i]`), or
 * an array whose length differs from the scenarios' (path `['array']`).
 * @example
 * ```ts
 * import { riskArrayFrom, scanningRisk } from 'marginkit';
 * // McMillan's long Dec 410 S&P call (profit-positive in the book).
 * const call = riskArrayFrom([460, -610, 2640, 1730, -1270, -2340, 5210, 4540, -2540, -3430, 8060, 7640, -3380, -3990, 3130, -1500], { profitPositive: true });
 * const r = scanningRisk(call);
 * [r.risk.toString(), r.scenario]; // => ['3990', 14]
 * ```
 * @category Scenario margin
 */
export function scanningRisk(
  array: readonly DecimalInput[],
  scenarios?: readonly RiskScenario[],
): ScanningRisk {
  const numbers =
    scenarios === undefined ? undefined : scenariosAt(scenarios, ['scenarios']).map((s) => s.number);
  const values = listAt(array, ['array'], numbers?.length).map((v, i) => decimalAt(v, ['array', i]));
  if (values.length === 0) throw new InvalidArgumentError('INVALID_ARGUMENT', 'must not be empty', ['array']);
  let worst = values[0] as Decimal;
  for (const v of values) if (v.greaterThan(worst)) worst = v;
  const tied: number[] = [];
  values.forEach((v, i) => {
    if (v.equals(worst)) tied.push(numbers?.[i] ?? i + 1);
  });
  const risk = worst.isPositive() ? worst : ZERO();
  return deepFreeze({
    risk: positiveZero(risk),
    worstLoss: positiveZero(worst),
    scenario: tied[0] as number,
    tiedScenarios: tied,
  });
}
