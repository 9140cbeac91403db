import type { Decimal } from '../internal/decimal.js';
import type { MarginMode } from '../position/Position.js';
import type { PriceSource } from '../prices/Prices.js';

/**
 * What every liquidation or bankruptcy price result says about how it was found.
 * @category Liquidation
 */
export interface ThresholdContext {
  /** The position asked about. */
  readonly positionId: string;
  /** Its market, whose price is the one that moves. */
  readonly marketId: string;
  /** The pool the position belongs to. */
  readonly marginMode: MarginMode;
  /** Which market price was used. */
  readonly priceSource: PriceSource;
  /** That price now. */
  readonly currentPrice: Decimal;
}

/**
 * The price of the position's market at which its pool reaches a threshold (maintenance for the liquidation
 * price, zero equity for the bankruptcy price), other markets held at their current prices.
 *
 * - `price`: the threshold is reached at `price`, moving `direction` from the current price; `tierIndex` is the
 *   position's tier at that price (tiered schedules).
 * - `never`: no positive price reaches it (e.g. a fully collateralised 1× long).
 * - `now`: the pool is already past it at the current price (`equity` against `threshold`).
 * @category Liquidation
 */
export type ThresholdPrice =
  | (ThresholdContext & {
      readonly kind: 'price';
      readonly price: Decimal;
      readonly direction: 'down' | 'up';
      readonly tierIndex?: number;
    })
  | (ThresholdContext & { readonly kind: 'never' })
  | (ThresholdContext & { readonly kind: 'now'; readonly equity: Decimal; readonly threshold: Decimal });

/**
 * Result of {@link liquidationPrice}: the pool's equity equals its maintenance requirement there. With
 * `belowMaintenance: 'algebraic'`, `now` also carries `algebraic`: where the pool was (or would be) exactly at
 * maintenance.
 * @category Liquidation
 */
export type LiquidationPrice =
  | Exclude<ThresholdPrice, { readonly kind: 'now' }>
  | (Extract<ThresholdPrice, { readonly kind: 'now' }> & {
      /**
       * With `belowMaintenance: 'algebraic'`: the price where `equity = MMR`, nearest the current price (in log
       * distance), and the direction a move through it liquidates (`'down'`: a price above the current one that a
       * fall went through). Absent when no positive price puts the pool back at maintenance, and by default.
       */
      readonly algebraic?: { readonly price: Decimal; readonly direction: 'down' | 'up' };
    });

/**
 * Result of {@link bankruptcyPrice}: the pool's equity is zero there.
 * @category Liquidation
 */
export type BankruptcyPrice = ThresholdPrice;
