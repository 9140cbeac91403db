import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ONE } from '../internal/constants.js';
import type { DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { evenMoves } from './evenMoves.js';
import type { RiskScenario } from './RiskScenario.js';
import { objectAt, positiveAt } from './scenarioArgs.js';
import { wholeAt } from './wholeAt.js';

/**
 * A valuation range of {@link timsScenarios}: how far the price moves down and up, as fractions of the price.
 * @category Scenario margin
 */
export interface ValuationRange {
  /** Largest fall, a fraction > 0 and < 1 (0.15 = −15 %). */
  readonly down: DecimalInput;
  /** Largest rise, a fraction > 0 (0.15 = +15 %). */
  readonly up: DecimalInput;
}

/**
 * Options of {@link timsScenarios}.
 * @category Scenario margin
 */
export interface TimsGridOptions {
  /** Points on each side; default 5 (ten points over ±15 % for equities). */
  readonly pointsPerSide?: number;
  /** Also value the unchanged price; default false (the ten-point grid leaves it out). */
  readonly includeZero?: boolean;
}

/**
 * An OCC TIMS / FINRA portfolio-margin valuation grid: the range divided into equidistant points,
 * `−down·k/n` and `+up·k/n` for k = 1 … n, volatility unchanged, weight 1. The requirement is the largest loss over
 * the grid ({@link scanningRisk}). Ranges: {@link timsValuationRanges}.
 *
 * Units: `priceMove` is a fraction of the price (build arrays with {@link riskArray} leaving `priceScanRange` unset).
 *
 * @param range - the valuation range.
 * @param options - points per side (default 5) and whether 0 is a point (default no).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a non-positive range, a fall of 100 % or more, or
 * points outside 1 … 1000.
 * @example
 * ```ts
 * import { timsScenarios } from 'marginkit';
 * const grid = timsScenarios({ down: '0.15', up: '0.15' }).map((s) => s.priceMove.toString());
 * grid; // => ['-0.15', '-0.12', '-0.09', '-0.06', '-0.03', '0.03', '0.06', '0.09', '0.12', '0.15']
 * ```
 * @category Scenario margin
 */
export function timsScenarios(range: ValuationRange, options: TimsGridOptions = {}): readonly RiskScenario[] {
  const r = objectAt(range, ['range']);
  const down = positiveAt(r.down, ['range', 'down']);
  if (down.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a fall of 100 % or more leaves no price', [
      'range',
      'down',
    ]);
  }
  const up = positiveAt(r.up, ['range', 'up']);
  const o = objectAt(options, ['options']);
  const points = wholeAt(o.pointsPerSide, ['options', 'pointsPerSide'], 1, 1000, 5);
  if (o.includeZero !== undefined && typeof o.includeZero !== 'boolean') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a boolean', ['options', 'includeZero']);
  }
  return deepFreeze(
    evenMoves(down, up, points, o.includeZero === true).map((priceMove, i) => ({
      number: i + 1,
      priceMove,
      vol: 'unchanged' as const,
      weight: ONE(),
    })),
  );
}
