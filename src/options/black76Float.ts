import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkChoice, checkObject } from '../internal/argumentShape.js';
import type { OptionSettlement, OptionType } from './Black76.js';
import { black76FloatInto } from './black76FloatValues.js';
import { MAX_RATE, MAX_VOLATILITY, MAX_YEARS } from './readBlack76Input.js';

/**
 * The inputs of {@link black76Float}: the fields of {@link Black76Input} as finite JS numbers.
 * @category Options
 */
export interface Black76FloatInput {
  /** Call or put. */
  readonly optionType: OptionType;
  /** Price F of the underlying future or perpetual, in the quote asset, > 0. */
  readonly forward: number;
  /** Strike K, in the quote asset, > 0. */
  readonly strike: number;
  /** Annualised volatility σ as a fraction; > 0 before expiry, ≤ 100. Ignored at expiry. */
  readonly volatility: number;
  /** Time to expiry t in years (ACT/365), 0 … 100; 0 is expiry. */
  readonly time: number;
  /** Continuously compounded annual discount rate r, −1 … 1; default 0. */
  readonly rate?: number;
  /** Default `linear`. */
  readonly settlement?: OptionSettlement;
}

/**
 * Black-76 value and greeks in float64, with the units and conventions of {@link Black76Greeks}. A screen, never a
 * figure to round, display or settle: see {@link black76Float} for the error against the exact path.
 * @category Options
 */
export interface Black76FloatGreeks {
  /** Premium V (linear, quote asset) or V/F (inverse, coin). */
  readonly price: number;
  /** ∂price/∂F. */
  readonly delta: number;
  /** ∂²price/∂F². */
  readonly gamma: number;
  /** ∂price/∂σ per unit of volatility. */
  readonly vega: number;
  /** −∂price/∂t per year. */
  readonly theta: number;
}

function finite(input: Black76FloatInput, key: keyof Black76FloatInput): number {
  const value = input[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const got = typeof value === 'number' ? String(value) : typeof value;
    throw new InvalidArgumentError('INVALID_ARGUMENT', `option.${key} must be a finite number, got ${got}`, [
      'option',
      key,
    ]);
  }
  return value;
}

function outside(key: string, message: string): never {
  throw new InvalidArgumentError('INVALID_ARGUMENT', message, ['option', key]);
}

/**
 * Black-76 value, delta, gamma, vega and theta of a European option in float64: the formulas, units, settlement
 * conventions and expiry rule of {@link black76Greeks}, for grids and screens where thousands of options are re-priced.
 *
 * With DF = e^(−r·t), s = σ·√t, d₁ = (ln(F/K) + s²/2)/s, d₂ = d₁ − s (linear, quote asset):
 * call V = DF·(F·N(d₁) − K·N(d₂)), put V = DF·(K·N(−d₂) − F·N(−d₁)); delta DF·N(d₁) | −DF·N(−d₁);
 * gamma DF·φ(d₁)/(F·s); vega DF·F·φ(d₁)·√t (per unit of σ); theta r·V − DF·F·φ(d₁)·σ/(2√t) (per year).
 * Inverse (coin) settlement: V/F, (Δ − V/F)/F, (Γ − 2·coin delta)/F, vega/F, theta/F. The value is held within its
 * no-arbitrage bounds. At t = 0 the option is its payoff (delta 1, ½ at the strike, 0; gamma, vega, theta 0), whatever σ.
 *
 * N is computed in float64 by its power series (|x| ≤ 3) or Laplace's continued fraction, with an absolute error
 * below 5e-16 and a relative error of each tail below 3e-13. Error against the exact path, measured by a property test
 * on F in 1 … 10⁶, K/F in 0.5 … 2, σ in 0.05 … 3, t in 0.002 … 5 years, |r| ≤ 0.1 (test/options/black76Float.test.ts):
 * the value within 1e-13·(F + K) (inverse: 1e-13·(1 + K/F)); delta within 1e-12; gamma, vega and theta within 1e-9 of
 * their magnitude plus 1e-13 of their scale (F·√t for vega, F·σ/√t for theta, 1/(F·s) for gamma); the worst errors
 * measured use under 1 % of these allowances (the value 3e-16·(F + K), delta 1e-15). Cancellation in
 * F·N(d₁) − K·N(d₂) bounds the value's error absolutely, not relatively: a deep out-of-the-money value below ~1e-13·(F + K)
 * is noise. Use {@link black76Greeks} for a figure to show or settle.
 *
 * @param option - call or put, forward, strike, volatility (annual fraction), time (years), optional rate and settlement,
 * all finite numbers.
 * @returns price, delta, gamma, vega and theta, finite numbers (never −0).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with path `['option', field]` for a field that is not a finite
 * number or is out of the exact path's bounds (F, K > 0; 0 ≤ t ≤ 100; 0 < σ ≤ 100 before expiry; |r| ≤ 1), and with
 * path `['option']` when the inputs are so extreme that a result would not be a finite double (e.g. σ·√t below
 * 1e-300 at the strike).
 * @example
 * ```ts
 * import { black76Float } from 'marginkit';
 * // Haug's Black-76 example: F = K = 19, t = 0.75, r = 10 %, σ = 28 % (the exact path gives 1.7011)
 * const g = black76Float({ optionType: 'call', forward: 19, strike: 19, volatility: 0.28, time: 0.75, rate: 0.1 });
 * g.price.toFixed(4); // => '1.7011'
 * g.delta.toFixed(4); // => '0.5086'
 * ```
 * @category Options
 */
export function black76Float(option: Black76FloatInput): Black76FloatGreeks {
  checkObject(option, 'option');
  checkChoice(option.optionType, 'option.optionType', ['call', 'put']);
  if (option.settlement !== undefined)
    checkChoice(option.settlement, 'option.settlement', ['linear', 'inverse']);
  const F = finite(option, 'forward');
  const K = finite(option, 'strike');
  const sigma = finite(option, 'volatility');
  const t = finite(option, 'time');
  const r = option.rate === undefined ? 0 : finite(option, 'rate');
  if (!(F > 0)) outside('forward', `forward must be > 0, got ${F}`);
  if (!(K > 0)) outside('strike', `strike must be > 0, got ${K}`);
  if (t < 0 || t > MAX_YEARS) outside('time', `time must be 0 … ${MAX_YEARS} years (0 is expiry), got ${t}`);
  if (sigma < 0 || sigma > MAX_VOLATILITY)
    outside('volatility', `volatility must be 0 … ${MAX_VOLATILITY}, got ${sigma}`);
  if (sigma === 0 && t !== 0)
    outside('volatility', 'volatility must be > 0 before expiry (a zero volatility has no Black-76 value)');
  if (Math.abs(r) > MAX_RATE) outside('rate', `rate must be −${MAX_RATE} … ${MAX_RATE}, got ${r}`);
  const out = [0, 0, 0, 0, 0];
  black76FloatInto(
    option.optionType === 'call',
    option.settlement === 'inverse',
    F,
    K,
    sigma,
    t + 0,
    r + 0,
    out,
  );
  if (!out.every(Number.isFinite)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'the option inputs are too extreme for float64 (a greek overflows); use black76Greeks',
      ['option'],
    );
  }
  const [price, delta, gamma, vega, theta] = out as [number, number, number, number, number];
  return { price, delta, gamma, vega, theta };
}
