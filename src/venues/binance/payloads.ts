import type { BinancePositionSide } from './BinanceLiquidationPrice.js';
import type { BinanceLeverageBracketInput } from './LeverageBracket.js';

/**
 * One row of USDⓈ-M `GET /fapi/v2/positionRisk` ("Position Information V2"), the fields the adapter reads.
 * Binance returns one row per symbol (`BOTH`) in one-way mode and two (`LONG`, `SHORT`) in hedge mode, flat rows
 * included. Other fields (`breakEvenPrice`, `notional`, `isolatedMargin`, `maxNotionalValue`, …) are ignored.
 * @category Venue: Binance
 */
export interface BinancePositionRiskPayload {
  /** e.g. `"BTCUSDT"`. */
  readonly symbol: string;
  /** `"BOTH"`, `"LONG"` or `"SHORT"`. */
  readonly positionSide: BinancePositionSide;
  /** Signed size in base units (negative for shorts, `SHORT` rows included). */
  readonly positionAmt: string | number;
  /** Average entry price (`"0.0"` on a flat row). */
  readonly entryPrice: string | number;
  /** Mark price at the time of the snapshot. */
  readonly markPrice: string | number;
  /** Unrealized PnL at the mark, in the margin asset. */
  readonly unRealizedProfit: string | number;
  /** Liquidation price; `"0"` when there is none. */
  readonly liquidationPrice: string | number;
  /** The symbol's initial leverage setting. */
  readonly leverage: string | number;
  /** `"cross"` or `"isolated"`. */
  readonly marginType: 'cross' | 'isolated';
  /** Margin put into an isolated position (without its PnL). */
  readonly isolatedWallet?: string | number;
  /** Margin asset, when the payload carries it (the WebSocket variant does). */
  readonly marginAsset?: string;
}

/**
 * One asset of USDⓈ-M `GET /fapi/v2/account` ("Account Information V2").
 * @category Venue: Binance
 */
export interface BinanceAccountAssetPayload {
  /** e.g. `"USDT"`. */
  readonly asset: string;
  /** Wallet balance, isolated wallets included. */
  readonly walletBalance: string | number;
  /** Wallet balance of the cross pool: the `WB` of Binance's cross liquidation formula. */
  readonly crossWalletBalance: string | number;
  /** Whether the asset counts as margin in Multi-Assets mode. */
  readonly marginAvailable?: boolean;
}

/**
 * One position of the `positions` array of `GET /fapi/v2/account`, the fields the adapter reads.
 * @category Venue: Binance
 */
export interface BinanceAccountPositionPayload {
  /** Symbol. */
  readonly symbol: string;
  /** Position side. */
  readonly positionSide: BinancePositionSide;
  /** Maintenance margin Binance computed. */
  readonly maintMargin?: string | number;
}

/**
 * USDⓈ-M `GET /fapi/v2/account` ("Account Information V2"), the fields the adapter reads.
 * @category Venue: Binance
 */
export interface BinanceAccountPayload {
  /** True in Multi-Assets mode (every asset with `marginAvailable` counts as cross collateral). */
  readonly multiAssetsMargin?: boolean;
  /** Balances per asset. */
  readonly assets: readonly BinanceAccountAssetPayload[];
  /** Per position margin figures. */
  readonly positions?: readonly BinanceAccountPositionPayload[];
}

/**
 * One symbol of USDⓈ-M `GET /fapi/v1/leverageBracket` ("Notional and Leverage Brackets").
 * @category Venue: Binance
 */
export interface BinanceSymbolBracketsPayload {
  /** Symbol. */
  readonly symbol: string;
  /** The symbol's brackets, level 1 first. */
  readonly brackets: readonly BinanceLeverageBracketInput[];
}

/**
 * One symbol of USDⓈ-M `GET /fapi/v1/premiumIndex` ("Mark Price"), the fields the adapter reads.
 * @category Venue: Binance
 */
export interface BinancePremiumIndexPayload {
  /** Symbol. */
  readonly symbol: string;
  /** Mark price: what Binance values positions and maintenance at. */
  readonly markPrice: string | number;
  /** Index price: becomes the library's oracle price. */
  readonly indexPrice: string | number;
}
