import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { BinanceBracketsInput } from './LeverageBracket.js';

/**
 * Binance's `positionSide`: `BOTH` in one-way mode, `LONG` and `SHORT` in hedge mode.
 * @category Venue: Binance
 */
export type BinancePositionSide = 'BOTH' | 'LONG' | 'SHORT';

/**
 * One position of the contract being priced ("contract 1" of the Binance FAQ), as `positionRisk` reports it.
 * @category Venue: Binance
 */
export interface BinanceLiquidationLeg {
  /** `BOTH` (one-way mode), or `LONG` / `SHORT` (hedge mode). */
  readonly positionSide: BinancePositionSide;
  /**
   * Signed size as Binance reports it: `BOTH` long > 0 and short < 0; `LONG` ≥ 0; `SHORT` ≤ 0. USDⓈ-M: base units;
   * COIN-M: contracts. A leg of size 0 is ignored.
   */
  readonly positionAmt: DecimalInput;
  /** Average entry price, > 0 for an open leg. */
  readonly entryPrice: DecimalInput;
}

/**
 * Inputs of the Binance liquidation-price formula, named as in the definitions table of the Binance FAQ
 * "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts".
 * @category Venue: Binance
 */
export interface BinanceLiquidationInput {
  /** `'cross'` (default) or `'isolated'`. Isolated: one open leg, no other contracts (TMM1 = UPNL1 = 0). */
  readonly marginType?: 'cross' | 'isolated';
  /** WB: the cross wallet balance (`crossWalletBalance`), or the position's `isolatedWallet` when isolated. */
  readonly walletBalance: DecimalInput;
  /** TMM1: maintenance margin of every other cross contract (isolated positions left out); default 0. */
  readonly otherMaintenance?: DecimalInput;
  /** UPNL1: unrealized PnL of every other cross contract; default 0. */
  readonly otherUnrealizedPnl?: DecimalInput;
  /** The position(s) of contract 1: one `BOTH` leg, or a `LONG` and/or a `SHORT` leg (they share one price in cross). */
  readonly legs: readonly BinanceLiquidationLeg[];
  /** The symbol's bracket list (searched by the notional at the computed price), or one known rate and `cum`. */
  readonly brackets: BinanceBracketsInput;
  /** Price whose notional picks the first bracket tried (Binance: the current bracket at the mark); default the entry price of the first open leg. */
  readonly markPrice?: DecimalInput;
}

/**
 * Inputs of the COIN-M formula: those of USDⓈ-M with sizes in contracts and WB, TMM1, UPNL1 and `cum` in the coin.
 * @category Venue: Binance
 */
export interface BinanceCoinMLiquidationInput extends BinanceLiquidationInput {
  /** CS: contract size in USD per contract (100 for BTCUSD, 10 for most others). */
  readonly contractSize: DecimalInput;
}

/**
 * The maintenance terms one leg was priced with.
 * @category Venue: Binance
 */
export interface BinanceLegTerms {
  /** The leg. */
  readonly positionSide: BinancePositionSide;
  /** MMR used. */
  readonly maintMarginRatio: Decimal;
  /** `cum` used. */
  readonly cum: Decimal;
  /** Bracket level used (absent when a fixed rate was given). */
  readonly bracket?: number;
}

/**
 * Result of {@link binanceLiquidationPrice} and {@link binanceCoinMLiquidationPrice}.
 *
 * - `price`: the liquidation price, with the terms of the bracket each leg lies in at that price.
 * - `never`: the formula gives no positive price (LP ≤ 0 or a zero denominator); Binance's interface shows
 *   "--" and `positionRisk` reports `"0"`. Never returned as 0, a negative number or NaN.
 *
 * `iterations` counts formula evaluations of the bracket search (1 when the first bracket was consistent).
 * @category Venue: Binance
 */
export type BinanceLiquidationPrice =
  | {
      readonly kind: 'price';
      readonly price: Decimal;
      readonly legs: readonly BinanceLegTerms[];
      readonly iterations: number;
    }
  | { readonly kind: 'never'; readonly legs: readonly BinanceLegTerms[]; readonly iterations: number };
