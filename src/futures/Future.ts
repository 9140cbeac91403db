import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * The basis of a dated future against its index at a moment.
 * @category Futures
 */
export interface FutureBasis {
  /** `F − S`, in the quote asset (positive: contango, negative: backwardation). */
  readonly basis: Decimal;
  /** `(F − S) / S`: the basis as a fraction of the index. */
  readonly basisFraction: Decimal;
  /** τ = (expiry − now) / 365 days, in years, > 0. */
  readonly timeToExpiry: Decimal;
  /** Simple annualised basis `(F / S − 1) / τ`, the figure venues quote as the annualised premium. */
  readonly annualizedBasis: Decimal;
  /** Continuously compounded implied carry `ln(F / S) / τ`: the rate at which {@link futureFairPrice} gives back F. */
  readonly impliedRate: Decimal;
}

/**
 * Input of {@link futureBasis}.
 * @category Futures
 */
export interface FutureBasisInput {
  /** F, the future's price, > 0. */
  readonly futurePrice: DecimalInput;
  /** S, the index (spot) price, > 0. */
  readonly indexPrice: DecimalInput;
  /** The moment the basis is measured, Unix milliseconds. */
  readonly nowMs: number;
  /** The future's expiry, Unix milliseconds (a market's {@link Market.expiry}). */
  readonly expiry: number;
}

/**
 * Input of {@link futureFairPrice}.
 * @category Futures
 */
export interface FutureFairPriceInput {
  /** S, the index (spot) price, > 0. */
  readonly indexPrice: DecimalInput;
  /** r, the continuously compounded carry rate per year (`0.05` is 5 %; negative for backwardation). */
  readonly rate: DecimalInput;
  /** The valuation moment, Unix milliseconds. */
  readonly nowMs: number;
  /** The future's expiry, Unix milliseconds. */
  readonly expiry: number;
}
