import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ONE, ZERO } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { positiveZero } from '../internal/positiveZero.js';
import type { RiskArray, RiskScenario } from './RiskScenario.js';
import { decimalAt, nonNegativeAt, objectAt, positiveAt } from './scenarioArgs.js';
import { scenariosAt } from './scenariosAt.js';

/**
 * Revaluation of one contract: its value (price units, before the contract size) at an underlying `price`, an
 * implied `volatility` (annualised, 0.6 = 60 %) and `timeYears` to expiry. An option pricer (Black-76) fits here.
 * @category Scenario margin
 */
export type Revalue = (price: Decimal, volatility: Decimal, timeYears: Decimal) => DecimalInput;

/**
 * What {@link riskArray} revalues: the underlying price, the scan ranges and, for an option, its revaluation.
 * @category Scenario margin
 */
export interface RiskArrayTerms {
  /** Current underlying price (> 0). */
  readonly price: DecimalInput;
  /** Price move that a scenario `priceMove` of 1 stands for, in price units (SPAN: the price scan range); default `price`, so grid moves are fractions of the price. */
  readonly priceScanRange?: DecimalInput;
  /** Settlement currency per price unit of one contract (SPAN: the contract value factor, $500 per S&P point); default 1. */
  readonly contractSize?: DecimalInput;
  /** Revaluation of one contract; omitted for a future or perpetual, whose value is the price itself (exact). */
  readonly revalue?: Revalue;
  /** Current implied volatility (required with `revalue`). */
  readonly volatility?: DecimalInput;
  /** Absolute volatility scan range: up = volatility + range, down = volatility − range (≥ 0). */
  readonly volScanRange?: DecimalInput;
  /** Shocked-up volatility level; overrides `volScanRange` (a Deribit-style relative shock, {@link deribitVolShock}). */
  readonly volUp?: DecimalInput;
  /** Shocked-down volatility level; overrides `volScanRange`. */
  readonly volDown?: DecimalInput;
  /** Time to expiry in years (required with `revalue`). */
  readonly timeYears?: DecimalInput;
  /** Look-ahead horizon of the scenarios in years (SPAN: one day); default 0, at most `timeYears`. */
  readonly lookAheadYears?: DecimalInput;
}

interface Valuation {
  readonly revalue: Revalue;
  readonly base: Decimal;
  readonly levels: Readonly<Record<'up' | 'down' | 'unchanged', Decimal>>;
  readonly time: Decimal;
  readonly horizonTime: Decimal;
}

function valuationOf(t: Record<string, unknown>, price: Decimal): Valuation {
  const revalue = t.revalue as Revalue;
  const volatility = nonNegativeAt(t.volatility, ['terms', 'volatility']);
  const time = nonNegativeAt(t.timeYears, ['terms', 'timeYears']);
  const lookAhead =
    t.lookAheadYears === undefined ? ZERO() : nonNegativeAt(t.lookAheadYears, ['terms', 'lookAheadYears']);
  if (lookAhead.greaterThan(time)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `look-ahead ${lookAhead.toString()} is beyond the time to expiry ${time.toString()}`,
      ['terms', 'lookAheadYears'],
    );
  }
  const range =
    t.volScanRange === undefined ? undefined : nonNegativeAt(t.volScanRange, ['terms', 'volScanRange']);
  const level = (key: 'volUp' | 'volDown', sign: 1 | -1): Decimal => {
    if (t[key] !== undefined) return nonNegativeAt(t[key], ['terms', key]);
    if (range === undefined) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `${key} or volScanRange is required with revalue`, [
        'terms',
        key,
      ]);
    }
    const v = volatility.plus(range.times(sign));
    if (v.isNegative()) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `volatility − volScanRange is below 0 (${v.toString()})`,
        ['terms', 'volScanRange'],
      );
    }
    return v;
  };
  const levels = { up: level('volUp', 1), down: level('volDown', -1), unchanged: volatility };
  const base = decimalAt(revalue(price, volatility, time), ['terms', 'revalue']);
  return { revalue, base, levels, time, horizonTime: time.minus(lookAhead) };
}

/**
 * The risk array of ONE long contract over `scenarios`: the loss in each, losses positive (SPAN convention).
 *
 * `loss_i = −contractSize · (V(P + m_i·R, σ_i, t − h) − V(P, σ, t)) · w_i`, with `P` the price, `R` the price scan
 * range, `m_i` the scenario's price move, `σ_i` the volatility it selects, `h` the look-ahead and `w_i` its weight.
 * For a future or perpetual (no `revalue`) `V` is the price itself, so `loss_i = −contractSize · m_i · R · w_i`
 * exactly. Combine positions by quantity with {@link combineRiskArrays}.
 *
 * Units: settlement currency per contract.
 *
 * @param scenarios - the scenarios ({@link spanRiskScenarios}, {@link portfolioMarginScenarios}, {@link timsScenarios}).
 * @param terms - price, scan ranges, contract size, and the option's revaluation.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with the path of a bad term (negative range, a scenario
 * price ≤ 0 under `revalue`, missing volatility or time).
 * @example
 * ```ts
 * import { riskArray, spanRiskScenarios } from 'marginkit';
 * // One S&P future: scan range 20 points at $500 a point (McMillan, Options as a Strategic Investment, ch. 34).
 * const a = riskArray(spanRiskScenarios(), { price: 2800, priceScanRange: 20, contractSize: 500 });
 * [a[10]?.toString(), a[12]?.toString(), a[15]?.toString()]; // => ['-10000', '10000', '7000']
 * ```
 * @category Scenario margin
 */
export function riskArray(scenarios: readonly RiskScenario[], terms: RiskArrayTerms): RiskArray {
  const list = scenariosAt(scenarios, ['scenarios']);
  const t = objectAt(terms, ['terms']);
  const price = positiveAt(t.price, ['terms', 'price']);
  const range =
    t.priceScanRange === undefined ? price : nonNegativeAt(t.priceScanRange, ['terms', 'priceScanRange']);
  const size = t.contractSize === undefined ? ONE() : positiveAt(t.contractSize, ['terms', 'contractSize']);
  if (t.revalue !== undefined && typeof t.revalue !== 'function') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a function (price, volatility, timeYears)', [
      'terms',
      'revalue',
    ]);
  }
  const valuation = t.revalue === undefined ? undefined : valuationOf(t, price);
  const out = list.map((s) => {
    const move = s.priceMove.times(range);
    if (valuation === undefined) return positiveZero(move.times(size).times(s.weight).neg());
    const moved = price.plus(move);
    if (!moved.isPositive() || moved.isZero()) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `scenario ${s.number} moves the price to ${moved.toString()} (≤ 0); narrow the price scan range`,
        ['terms', 'priceScanRange'],
      );
    }
    const value = decimalAt(valuation.revalue(moved, valuation.levels[s.vol], valuation.horizonTime), [
      'terms',
      'revalue',
    ]);
    return positiveZero(value.minus(valuation.base).times(size).times(s.weight).neg());
  });
  return deepFreeze(out);
}
