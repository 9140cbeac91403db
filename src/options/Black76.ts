import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * A call (the right to buy the underlying at the strike) or a put (the right to sell it).
 * @category Options
 */
export type OptionType = 'call' | 'put';

/**
 * How an option's premium is quoted and settled.
 * - `linear`: in the quote asset (USD-settled; USDC options on Deribit, Bybit, OKX): value = Black-76 value.
 * - `inverse`: in the base coin (coin-settled; BTC options on Deribit): value = Black-76 value / underlying price.
 * @category Options
 */
export type OptionSettlement = 'linear' | 'inverse';

/**
 * The inputs of the Black-76 model for one European option on a future (or a perpetual) of price `forward`.
 * Numbers may be strings, numbers, bigints or Decimals.
 * @category Options
 */
export interface Black76Input {
  /** Call or put. */
  readonly optionType: OptionType;
  /** Price F of the underlying future or perpetual, in the quote asset, > 0. */
  readonly forward: DecimalInput;
  /** Strike K, in the quote asset, > 0. */
  readonly strike: DecimalInput;
  /** Annualised volatility σ as a fraction (`0.8` is 80 %); > 0 before expiry, ≤ 100. Ignored at expiry. */
  readonly volatility: DecimalInput;
  /** Time to expiry t in years (ACT/365: milliseconds / 31 536 000 000), 0 … 100; 0 is expiry. */
  readonly time: DecimalInput;
  /** Continuously compounded annual discount rate r, −1 … 1; default 0 (crypto venues discount nothing). */
  readonly rate?: DecimalInput;
  /** Default `linear`. */
  readonly settlement?: OptionSettlement;
}

/**
 * Black-76 value and sensitivities of one option on one unit of the underlying, in the settlement convention's
 * units (linear: quote asset; inverse: base coin). Created by {@link black76Greeks}.
 * @category Options
 */
export interface Black76Greeks {
  /** Premium V (linear, quote asset) or V/F (inverse, coin). */
  readonly price: Decimal;
  /** ∂price/∂F: linear DF·N(d₁) (call), −DF·N(−d₁) (put); inverse Δ/F − V/F² (coin per quote unit). */
  readonly delta: Decimal;
  /** ∂²price/∂F²: linear DF·φ(d₁)/(F·σ√t); inverse Γ/F − 2Δ/F² + 2V/F³. */
  readonly gamma: Decimal;
  /** ∂price/∂σ per unit of volatility (1.00 = 100 vol points): linear DF·F·φ(d₁)·√t; inverse vega/F. */
  readonly vega: Decimal;
  /**
   * −∂price/∂t per year: the change of value as one year passes (negative for a long option when r = 0); per day,
   * divide by 365. Linear r·V − DF·F·φ(d₁)·σ/(2√t); inverse theta/F.
   */
  readonly theta: Decimal;
}
