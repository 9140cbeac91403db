import type { Black76Greeks, Black76Input } from './Black76.js';
import { black76Values } from './black76Values.js';
import { readBlack76Input } from './readBlack76Input.js';

/**
 * Black-76 value, delta, gamma, vega and theta of a European option, per unit of the underlying.
 *
 * With DF = e^(−r·t), s = σ·√t, d₁ = (ln(F/K) + s²/2)/s and φ the normal density (linear, quote asset):
 * - delta ∂V/∂F = DF·N(d₁) (call), −DF·N(−d₁) (put);
 * - gamma ∂²V/∂F² = DF·φ(d₁)/(F·s);
 * - vega ∂V/∂σ = DF·F·φ(d₁)·√t, per unit of volatility (divide by 100 for one vol point);
 * - theta −∂V/∂t = r·V − DF·F·φ(d₁)·σ/(2√t), per year (divide by 365 for a day).
 *
 * `inverse` settlement gives the derivatives of the coin value C = V/F: ∂C/∂F = (Δ − C)/F,
 * ∂²C/∂F² = (Γ − 2·∂C/∂F)/F, vega/F, theta/F (F times the coin delta is Deribit's premium-adjusted delta Δ − C).
 *
 * At t = 0 the option is its payoff: delta 1 in the money, ½ at the strike (the limit of N(d₁)), 0 out of it
 * (negated for a put); gamma, vega and theta 0 (at the strike their limits are unbounded: use t > 0 for risk there).
 * Same exact path and accuracy as {@link black76Price}.
 *
 * @param option - call or put, forward, strike, volatility (annual fraction), time (years), optional rate and settlement.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with the field's path, as {@link black76Price}.
 * @example
 * ```ts
 * import { black76Greeks } from 'marginkit';
 * // Hull, Options, Futures, and Other Derivatives, Black's model: futures put, F = K = 20, r = 9 %, σ = 25 %, 4 months
 * const g = black76Greeks({ optionType: 'put', forward: 20, strike: 20, volatility: '0.25', time: '0.3333333333333333333333333333333333333333', rate: '0.09' });
 * g.price.toFixed(2); // => '1.12'
 * g.delta.toFixed(4); // => '-0.4573'
 * ```
 * @category Options
 */
export function black76Greeks(option: Black76Input): Black76Greeks {
  return black76Values(readBlack76Input(option));
}
