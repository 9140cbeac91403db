import type { DecimalInput } from '../internal/decimal.js';
import { Decimal } from '../internal/decimal.js';
import type { OptionSettlement, OptionType } from '../options/Black76.js';
import { black76Values } from '../options/black76Values.js';
import { readBlack76Input } from '../options/readBlack76Input.js';
import { narrow, wideDecimal } from '../options/wideDecimal.js';
import type { RiskArray, RiskScenario } from './RiskScenario.js';
import { type RiskArrayTerms, riskArray } from './riskArray.js';
import { objectAt, positiveAt } from './scenarioArgs.js';

/**
 * What {@link optionRiskArray} revalues: a European option on the scenarios' underlying, repriced by Black-76.
 * @category Scenario margin
 */
export interface OptionRiskArrayTerms extends Omit<RiskArrayTerms, 'revalue' | 'volatility' | 'timeYears'> {
  /** Call or put. */
  readonly optionType: OptionType;
  /** Strike, in price units, > 0. */
  readonly strike: DecimalInput;
  /** Current implied volatility (annualised, 0.6 = 60 %), > 0 before expiry. */
  readonly volatility: DecimalInput;
  /** Time to expiry in years (ACT/365), 0 … 100. */
  readonly timeYears: DecimalInput;
  /** Continuously compounded discount rate, −1 … 1, default 0. */
  readonly rate?: DecimalInput;
  /** `'linear'` (value in the quote asset, default) or `'inverse'` (value in coin, V/F). */
  readonly settlement?: OptionSettlement;
}

/**
 * The SPAN-style risk array of ONE long European option, each scenario repriced by Black-76 ({@link black76Price}):
 * {@link riskArray} with `V(P, σ, t)` the Black-76 value of the option on an underlying at P.
 *
 * `loss_i = −contractSize · (V(P + m_i·R, σ_i, t − h) − V(P, σ, t)) · w_i`, with `P` the price, `R` the price scan
 * range, `m_i` the scenario's price move, `σ_i` the volatility it selects (σ + volScanRange, σ − volScanRange, or
 * `volUp` / `volDown`), `h` the look-ahead and `w_i` its weight. A volatility shocked down to 0 before expiry values
 * the option at its discounted intrinsic value `e^(−r·t)·max(±(F − K), 0)` (the σ → 0 limit of Black-76); at
 * t − h = 0 the option is its payoff. Values at 60 digits, each rounded to the library's 40. Combine legs by
 * quantity with {@link combineRiskArrays} (a short leg is a negative quantity).
 *
 * Units: settlement currency per contract (coin for `inverse`).
 *
 * @param scenarios - the scenarios ({@link spanRiskScenarios}, {@link portfolioMarginScenarios}, {@link timsScenarios}).
 * @param terms - price, scan ranges, contract size, look-ahead, and the option: type, strike, volatility, time, rate.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with the path of a bad term (`['terms', field]`): a price,
 *   strike or scenario price ≤ 0, a volatility outside 0 … 100 or 0 before expiry, a time outside 0 … 100 years.
 * @example
 * ```ts
 * import { optionRiskArray, spanRiskScenarios } from 'marginkit';
 * // A one-year at-the-money call on 100, σ 20 %, scan range 10, vol scan range 5 points
 * const a = optionRiskArray(spanRiskScenarios(), { optionType: 'call', strike: 100, price: 100, priceScanRange: 10,
 *   volatility: '0.2', volScanRange: '0.05', timeYears: 1 });
 * // Scenario 1 (price unchanged, vol up to 25 %): a gain of V(σ 0.25) − V(σ 0.2) = 9.947645 − 7.965567
 * a[0]?.toFixed(6); // => '-1.982078'
 * ```
 * @category Scenario margin
 */
export function optionRiskArray(scenarios: readonly RiskScenario[], terms: OptionRiskArrayTerms): RiskArray {
  const t = objectAt(terms, ['terms']);
  const price = positiveAt(t.price, ['terms', 'price']);
  const option = (forward: DecimalInput, volatility: DecimalInput, time: DecimalInput) =>
    readBlack76Input(
      {
        optionType: terms.optionType,
        forward,
        strike: terms.strike,
        volatility,
        time,
        ...(terms.rate === undefined ? {} : { rate: terms.rate }),
        ...(terms.settlement === undefined ? {} : { settlement: terms.settlement }),
      },
      'terms',
    );
  // Validate the option once at today's terms (paths ['terms', field]).
  option(price, terms.volatility, terms.timeYears);
  const revalue = (p: Decimal, volatility: Decimal, time: Decimal): Decimal => {
    if (!volatility.isZero() || time.isZero()) return black76Values(option(p, volatility, time)).price;
    // σ → 0 before expiry: the discounted intrinsic value.
    const read = option(p, 0, 0);
    const payoff = black76Values(read).price;
    if (read.rate.isZero() || payoff.isZero()) return payoff;
    const W = wideDecimal();
    return new Decimal(narrow(new W(payoff).times(new W(read.rate).times(time).neg().exp())));
  };
  const { optionType: _type, strike: _strike, rate: _rate, settlement: _settlement, ...rest } = terms;
  return riskArray(scenarios, { ...rest, revalue });
}
