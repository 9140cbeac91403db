import type { Decimal, MarginAccount, PriceSource, Prices } from 'marginkit';

/** One account to work on, with its prices and what the report needs to describe it. */
export interface Book {
  readonly title: string;
  readonly account: MarginAccount;
  readonly prices: Prices;
  /** The price the venue measures margin on (dYdX: oracle); the command's `--price-source` overrides it. */
  readonly priceSource: PriceSource;
  /** Assumed annualised volatility per base asset, for distances in σ. */
  readonly volatility: Readonly<Record<string, Decimal>>;
}
