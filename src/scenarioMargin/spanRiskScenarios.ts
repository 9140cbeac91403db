import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import type { RiskScenario, VolMove } from './RiskScenario.js';
import { nonNegativeAt, objectAt, positiveAt } from './scenarioArgs.js';

/**
 * Options of {@link spanRiskScenarios}: the two CCP parameters of the table.
 * @category Scenario margin
 */
export interface SpanRiskScenarioOptions {
  /** Extreme move as a multiple of the price scan range; default 2 (CME; some CCPs use 3). */
  readonly extremeMultiple?: DecimalInput;
  /** Fraction of the extreme move's loss that is counted ("covered fraction"); default 0.35 (CME). */
  readonly extremeWeight?: DecimalInput;
}

/**
 * The 16 standard SPAN risk scenarios (CME "Components of SPAN"; the scenario table as in the CME Risk Scenarios
 * report): scenarios 1–14 move the price by 0, +1/3, −1/3, +2/3, −2/3, +1, −1 of the price scan range, each with
 * volatility up then down (weight 1); scenarios 15 and 16 move it by ± `extremeMultiple` with volatility unchanged,
 * counting `extremeWeight` of the loss.
 *
 * Units: `priceMove` is a multiple of the price scan range; `weight` a fraction. The thirds are held to 40
 * significant digits.
 *
 * @param options - extreme multiple (default 2) and covered fraction (default 0.35).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a non-positive multiple or a weight outside [0, 1].
 * @example
 * ```ts
 * import { spanRiskScenarios } from 'marginkit';
 * const s = spanRiskScenarios();
 * s.length; // => 16
 * [s[13]?.number, s[13]?.priceMove.toString(), s[13]?.vol]; // => [14, '-1', 'down']
 * [s[14]?.priceMove.toString(), s[14]?.weight.toString()]; // => ['2', '0.35']
 * ```
 * @category Scenario margin
 */
export function spanRiskScenarios(options: SpanRiskScenarioOptions = {}): readonly RiskScenario[] {
  const o = objectAt(options, ['options']);
  const multiple =
    o.extremeMultiple === undefined
      ? new Decimal(2)
      : positiveAt(o.extremeMultiple, ['options', 'extremeMultiple']);
  const weight =
    o.extremeWeight === undefined
      ? new Decimal('0.35')
      : nonNegativeAt(o.extremeWeight, ['options', 'extremeWeight']);
  if (weight.greaterThan(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≤ 1, got ${weight.toString()}`, [
      'options',
      'extremeWeight',
    ]);
  }
  const one = new Decimal(1);
  const third = one.div(3);
  const moves = [new Decimal(0), third, third.neg(), third.times(2), third.times(-2), one, one.neg()];
  const out: RiskScenario[] = [];
  for (const move of moves) {
    for (const vol of ['up', 'down'] as VolMove[]) {
      out.push({ number: out.length + 1, priceMove: move, vol, weight: one });
    }
  }
  out.push({ number: 15, priceMove: multiple, vol: 'unchanged', weight });
  out.push({ number: 16, priceMove: multiple.neg(), vol: 'unchanged', weight });
  return deepFreeze(out);
}
