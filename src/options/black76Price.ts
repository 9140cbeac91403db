import type { Decimal } from '../internal/decimal.js';
import type { Black76Input } from './Black76.js';
import { black76Values } from './black76Values.js';
import { readBlack76Input } from './readBlack76Input.js';

/**
 * Black-76 value of a European option on a future or perpetual of price F, per unit of the underlying.
 *
 * With DF = e^(−r·t), s = σ·√t, d₁ = (ln(F/K) + s²/2)/s, d₂ = d₁ − s:
 * - call: V = DF·(F·N(d₁) − K·N(d₂)); put: V = DF·(K·N(−d₂) − F·N(−d₁)), in the quote asset (`linear`);
 * - `inverse` (coin-settled, premium in coin): V/F, in the base coin.
 *
 * Exact path: ln, exp and √ from decimal.js and the normal CDF N by its power series or Laplace's continued fraction,
 * all at 60 significant digits, rounded to the library's 40 (N has a relative error below 1e-43; the value's
 * error is below 1e-38 of F + K). At t = 0 the value is the payoff max(±(F − K), 0).
 *
 * @param option - call or put, forward, strike, volatility (annual fraction), time (years), optional rate and settlement.
 * @returns the premium in the quote asset (linear) or the base coin (inverse), ≥ 0.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` (path `['option', field]`) for F or K ≤ 0, a negative
 * time, a volatility ≤ 0 before expiry, values beyond the documented bounds (σ ≤ 100, t ≤ 100, |r| ≤ 1).
 * @example
 * ```ts
 * import { black76Price } from 'marginkit';
 * // Haug, The Complete Guide to Option Pricing Formulas (2nd ed.), Black-76 example: F = K = 19, t = 0.75, r = 10 %, σ = 28 %
 * black76Price({ optionType: 'call', forward: 19, strike: 19, volatility: '0.28', time: '0.75', rate: '0.1' })
 *   .toFixed(4); // => '1.7011'
 * // The same call on BTC, premium in coin: 1.7011 / 19
 * black76Price({ optionType: 'call', forward: 19, strike: 19, volatility: '0.28', time: '0.75', rate: '0.1',
 *   settlement: 'inverse' }).toFixed(6); // => '0.089529'
 * ```
 * @category Options
 */
export function black76Price(option: Black76Input): Decimal {
  return black76Values(readBlack76Input(option)).price;
}
