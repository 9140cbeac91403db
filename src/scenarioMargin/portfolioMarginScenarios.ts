import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ONE } from '../internal/constants.js';
import type { DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { evenMoves } from './evenMoves.js';
import type { RiskScenario, VolMove } from './RiskScenario.js';
import { decimalAt, listAt, nonNegativeAt, objectAt, positiveAt } from './scenarioArgs.js';
import { wholeAt } from './wholeAt.js';

/**
 * Parameters of {@link portfolioMarginScenarios}.
 * @category Scenario margin
 */
export interface PortfolioMarginGridOptions {
  /** Largest price move as a fraction of the price (Deribit BTC: 0.16). */
  readonly maxMove: DecimalInput;
  /** Buckets on each side of 0 (Deribit BTC: 4, giving 9 buckets −16 % … +16 %); default 4. */
  readonly stepsPerSide?: number;
  /** Shock volatility up and down in every bucket as well as leaving it unchanged; default true. */
  readonly volShocks?: boolean;
  /** Extended table for far out-of-the-money short options: extra moves on vol-up only, counting `weight` of the loss. */
  readonly extended?: { readonly moves: readonly DecimalInput[]; readonly weight: DecimalInput };
}

/**
 * A Deribit-style portfolio-margin grid (Deribit "Portfolio Margin"): the price moves by
 * `maxMove · k / stepsPerSide` for k = −steps … +steps (buckets including 0), each with volatility up, unchanged
 * and down, then the extended moves with volatility up at their weight. Numbered 1… in that order.
 *
 * Units: `priceMove` is a fraction of the price, so build arrays with {@link riskArray} leaving `priceScanRange`
 * unset; shocked volatility levels come from {@link deribitVolShock}.
 *
 * @param options - maximum move, buckets per side, vol shocks, extended table.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with the path of a bad parameter (a move ≤ −100 %,
 * steps outside 1 … 1000, a weight above 1).
 * @example
 * ```ts
 * import { portfolioMarginScenarios } from 'marginkit';
 * const grid = portfolioMarginScenarios({ maxMove: '0.16', stepsPerSide: 4 });
 * grid.length; // => 27
 * [grid[0]?.priceMove.toString(), grid[0]?.vol, grid[26]?.priceMove.toString(), grid[26]?.vol]; // => ['-0.16', 'up', '0.16', 'down']
 * ```
 * @category Scenario margin
 */
export function portfolioMarginScenarios(options: PortfolioMarginGridOptions): readonly RiskScenario[] {
  const o = objectAt(options, ['options']);
  const maxMove = positiveAt(o.maxMove, ['options', 'maxMove']);
  if (maxMove.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a move of −100 % or more leaves no price', [
      'options',
      'maxMove',
    ]);
  }
  const steps = wholeAt(o.stepsPerSide, ['options', 'stepsPerSide'], 1, 1000, 4);
  if (o.volShocks !== undefined && typeof o.volShocks !== 'boolean') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a boolean', ['options', 'volShocks']);
  }
  const vols: VolMove[] = o.volShocks === false ? ['unchanged'] : ['up', 'unchanged', 'down'];
  const out: RiskScenario[] = [];
  for (const move of evenMoves(maxMove, maxMove, steps, true)) {
    for (const vol of vols) out.push({ number: out.length + 1, priceMove: move, vol, weight: ONE() });
  }
  if (o.extended !== undefined) {
    const e = objectAt(o.extended, ['options', 'extended']);
    const weight = nonNegativeAt(e.weight, ['options', 'extended', 'weight']);
    if (weight.greaterThan(1)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≤ 1, got ${weight.toString()}`, [
        'options',
        'extended',
        'weight',
      ]);
    }
    listAt(e.moves, ['options', 'extended', 'moves']).forEach((m, i) => {
      const move = decimalAt(m, ['options', 'extended', 'moves', i]);
      if (move.lessThanOrEqualTo(-1)) {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'a move of −100 % or less leaves no price', [
          'options',
          'extended',
          'moves',
          i,
        ]);
      }
      out.push({ number: out.length + 1, priceMove: move, vol: 'up', weight });
    });
  }
  return deepFreeze(out);
}
