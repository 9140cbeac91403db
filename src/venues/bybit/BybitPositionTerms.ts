import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { MarketKind } from '../../market/Market.js';

/**
 * One Bybit position as the help-centre margin formulas describe it.
 *
 * Units:
 * - `linear` (USDT/USDC contracts): `size` in base coin, prices in the quote coin; position value `Q·EP` and every
 *   margin in the quote (settle) coin.
 * - `inverse` (coin-margined, e.g. BTCUSD): `size` in contracts of 1 USD each, prices in USD; position value `N/EP`
 *   and every margin in the coin.
 *
 * Sign: `size > 0` is a long (Bybit side `Buy`), `size < 0` a short (`Sell`).
 * @category Venue: Bybit
 */
export interface BybitPositionTerms {
  /** `'linear'` or `'inverse'`. */
  readonly kind: MarketKind;
  /** Signed size: base coin (linear) or 1-USD contracts (inverse); not 0. */
  readonly size: DecimalInput;
  /** Average entry price, > 0. */
  readonly entryPrice: DecimalInput;
  /** Position leverage L, > 0; the initial margin is `value / L` (initial margin rate `1/L`). */
  readonly leverage: DecimalInput;
  /**
   * Margin added to an isolated position beyond its initial margin ("Extra Margin Added"), in the settle coin;
   * default 0. Negative when funding or fees have been taken from the position margin.
   */
  readonly extraMargin?: DecimalInput;
}

/**
 * {@link BybitPositionTerms} with the maintenance terms of the position's risk-limit tier:
 * `MM = value · maintenanceRate − maintenanceDeduction` (Bybit "Maintenance Margin (USDT Contract)").
 * @category Venue: Bybit
 */
export interface BybitMaintenanceTerms extends BybitPositionTerms {
  /** Maintenance margin rate of the tier (a fraction: 0.005 is 0.5 %), in [0, 1). */
  readonly maintenanceRate: DecimalInput;
  /** Maintenance margin deduction of the tier, in the settle coin; default 0. */
  readonly maintenanceDeduction?: DecimalInput;
}

/**
 * A price level computed by a Bybit formula: `price` (reached moving `direction` from the entry: `down` for a long,
 * `up` for a short), or `never` when the formula gives no positive price (e.g. a fully collateralised 1× long
 * cannot go bankrupt, an inverse short with margin worth its whole value cannot be liquidated).
 * @category Venue: Bybit
 */
export type BybitPriceLevel =
  | { readonly kind: 'price'; readonly price: Decimal; readonly direction: 'down' | 'up' }
  | { readonly kind: 'never' };
