import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * Which price of a market a computation uses. Venues differ: Binance and Hyperliquid check margin at the mark
 * price; dYdX v4 uses the oracle price everywhere.
 * @category Prices
 */
export type PriceSource = 'mark' | 'oracle';

/**
 * The prices of one market at one moment.
 * @category Prices
 */
export interface MarketPrice {
  /** Oracle (index) price, in the quote asset. */
  readonly oracle?: Decimal;
  /** Mark price, in the quote asset. */
  readonly mark?: Decimal;
  /** Open interest in contracts (one side), needed by open-interest-scaled schedules. */
  readonly openInterest?: Decimal;
}

/**
 * A snapshot of prices: per market, and per collateral asset (valued in the account's settlement asset).
 * Created by {@link createPrices}; frozen.
 * @category Prices
 */
export interface Prices {
  /** Prices by market id. */
  readonly markets: Readonly<Record<string, MarketPrice>>;
  /** Price of one unit of each non-settlement collateral asset, in the settlement asset. */
  readonly assets: Readonly<Record<string, Decimal>>;
}

/**
 * Input form of a {@link MarketPrice}: at least one of `oracle` and `mark`.
 * @category Prices
 */
export interface MarketPriceInput {
  /** See {@link MarketPrice.oracle}. */
  readonly oracle?: DecimalInput;
  /** See {@link MarketPrice.mark}. */
  readonly mark?: DecimalInput;
  /** See {@link MarketPrice.openInterest}. */
  readonly openInterest?: DecimalInput;
}

/**
 * Input form of {@link Prices}.
 * @category Prices
 */
export interface PricesInput {
  /** See {@link Prices.markets}. */
  readonly markets: Readonly<Record<string, MarketPriceInput>>;
  /** See {@link Prices.assets}; defaults to none. */
  readonly assets?: Readonly<Record<string, DecimalInput>>;
}
