import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { nonNegativeAt, objectAt, positiveAt } from './scenarioArgs.js';

/**
 * Input of {@link deribitVolShock}.
 * @category Scenario margin
 */
export interface DeribitVolShockInput {
  /** Current implied volatility of the expiry (0.6 = 60 %). */
  readonly volatility: DecimalInput;
  /** Days to expiry (> 0). */
  readonly daysToExpiry: DecimalInput;
  /** Relative vol-up range at the reference expiry (Deribit BTC: 0.5). */
  readonly volRangeUp: DecimalInput;
  /** Relative vol-down range at the reference expiry (Deribit BTC: 0.25); default 0. */
  readonly volRangeDown?: DecimalInput;
  /** Power of `(referenceDays / DTE)` for every expiry; overrides the short/long-term powers. */
  readonly vegaPower?: DecimalInput;
  /** Power used below `referenceDays` to expiry (Deribit BTC: 0.3). */
  readonly shortTermVegaPower?: DecimalInput;
  /** Power used from `referenceDays` to expiry on (Deribit BTC: 0.13). */
  readonly longTermVegaPower?: DecimalInput;
  /** Floor of the shocked-up volatility (Deribit BTC: 0.5); default 0. */
  readonly minVolForShockUp?: DecimalInput;
  /** Expiry at which the ranges apply unscaled, in days; default 30. */
  readonly referenceDays?: DecimalInput;
}

/**
 * Shocked volatility levels of one expiry.
 * @category Scenario margin
 */
export interface DeribitVolShock {
  /** `(referenceDays / DTE)^power`: short expiries are shocked harder. */
  readonly scale: Decimal;
  /** Relative up shock `volRangeUp · scale` (older Deribit PM: `√(30/DTE) · 40 %`). */
  readonly upShock: Decimal;
  /** Relative down shock `volRangeDown · scale`. */
  readonly downShock: Decimal;
  /** `max(σ · (1 + upShock), minVolForShockUp)`. */
  readonly up: Decimal;
  /** `max(σ · (1 − downShock), 0)`. */
  readonly down: Decimal;
}

/**
 * Deribit-style volatility shocks for the portfolio-margin grid, scaled by time to expiry:
 * `scale = (30/DTE)^p`, `up = max(σ·(1 + volRangeUp·scale), minVolForShockUp)`,
 * `down = max(σ·(1 − volRangeDown·scale), 0)`, with `p` the short-term power below 30 days and the long-term
 * power from 30 days on (Deribit "Portfolio Margin"; BTC parameters from a mirror of Deribit's, see
 * {@link deribitPortfolioMarginPreset}). The down form is the mirror's presumed one. Non-integer powers are
 * computed in Decimal (`exp`/`ln`) to 40 significant digits.
 *
 * Units: volatilities as annualised fractions; shocks are relative (a fraction of σ).
 *
 * @param input - volatility, days to expiry and the shock parameters.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with the path of a bad parameter (DTE ≤ 0, a negative
 * range, no power given).
 * @example
 * ```ts
 * import { deribitVolShock } from 'marginkit';
 * const s = deribitVolShock({ volatility: '0.6', daysToExpiry: 15, volRangeUp: '0.5', vegaPower: '0.3', minVolForShockUp: '0.5' });
 * s.up.toFixed(6); // => '0.969343'
 * ```
 * @category Scenario margin
 */
export function deribitVolShock(input: DeribitVolShockInput): DeribitVolShock {
  const o = objectAt(input, ['input']);
  const sigma = nonNegativeAt(o.volatility, ['input', 'volatility']);
  const dte = positiveAt(o.daysToExpiry, ['input', 'daysToExpiry']);
  const reference =
    o.referenceDays === undefined ? new Decimal(30) : positiveAt(o.referenceDays, ['input', 'referenceDays']);
  const optional = (key: string) =>
    o[key] === undefined ? new Decimal(0) : nonNegativeAt(o[key], ['input', key]);
  const rangeUp = nonNegativeAt(o.volRangeUp, ['input', 'volRangeUp']);
  const rangeDown = optional('volRangeDown');
  const powerKey =
    o.vegaPower !== undefined
      ? 'vegaPower'
      : dte.lessThan(reference)
        ? 'shortTermVegaPower'
        : 'longTermVegaPower';
  if (o[powerKey] === undefined) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `vegaPower or ${powerKey} is required`, [
      'input',
      powerKey,
    ]);
  }
  const power = nonNegativeAt(o[powerKey], ['input', powerKey]);
  if (power.greaterThan(10)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≤ 10, got ${power.toString()}`, [
      'input',
      powerKey,
    ]);
  }
  const ratio = reference.div(dte);
  if (ratio.greaterThan('1e6') || ratio.lessThan('1e-6')) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'days to expiry is more than 1e6 times away from the reference',
      ['input', 'daysToExpiry'],
    );
  }
  const scale = ratio.pow(power);
  const upShock = rangeUp.times(scale);
  const downShock = rangeDown.times(scale);
  const up = Decimal.max(sigma.times(upShock.plus(1)), optional('minVolForShockUp'));
  const rawDown = sigma.times(new Decimal(1).minus(downShock));
  return deepFreeze({ scale, upShock, downShock, up, down: rawDown.isPositive() ? rawDown : new Decimal(0) });
}
