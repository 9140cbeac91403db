/**
 * One tier of `GET /v5/market/risk-limit` (Bybit v5 API documentation "Get Risk Limit"), as returned: decimals as
 * strings (the rates are documented as numbers and accepted either way), empty strings for absent values.
 *
 * A tier covers position values up to and including `riskLimitValue` (in the settle coin: USDT/USDC for linear,
 * the coin for inverse) and above the previous tier's `riskLimitValue`.
 * @category Venue: Bybit
 */
export interface BybitRiskLimitTier {
  /** Risk ID. */
  readonly id?: number;
  /** Symbol, e.g. `'BTCUSDT'`. */
  readonly symbol?: string;
  /** Upper bound of the tier's position value ("position limit"). */
  readonly riskLimitValue: string;
  /** Maintenance margin rate of the tier (a fraction on the live API, e.g. `'0.005'`; see `rateUnit`). */
  readonly maintenanceMargin: string | number;
  /** Initial margin rate of the tier. */
  readonly initialMargin: string | number;
  /** Largest leverage allowed in the tier. */
  readonly maxLeverage: string;
  /** Maintenance margin deduction of the tier; `''` or absent on the first tier. */
  readonly mmDeduction?: string;
  /** `1` on the lowest tier. */
  readonly isLowestRisk?: number;
}

/**
 * One item of `GET /v5/position/list` (Bybit v5 API documentation "Get Position Info"), the fields the adapter
 * reads. Decimals are strings; `''` means absent.
 * @category Venue: Bybit
 */
export interface BybitPositionInfo {
  /** `0` one-way mode; `1` the Buy side and `2` the Sell side of hedge mode. */
  readonly positionIdx: 0 | 1 | 2;
  /** Symbol, e.g. `'BTCUSDT'` or `'BTCUSD'`. */
  readonly symbol: string;
  /** `'Buy'` (long), `'Sell'` (short); `''` (or `'None'` on classic accounts) for an empty position. */
  readonly side: 'Buy' | 'Sell' | '' | 'None';
  /** Position size, ≥ 0: base coin (linear) or contracts (inverse). */
  readonly size: string;
  /** Average entry price. */
  readonly avgPrice: string;
  /** Position value. */
  readonly positionValue?: string;
  /** `0` cross margin, `1` isolated margin (a UTA reports 0 for linear; see the adapter's `marginMode` option). */
  readonly tradeMode: 0 | 1;
  /** Position leverage. */
  readonly leverage?: string;
  /** Last mark price. */
  readonly markPrice?: string;
  /** Liquidation price; `''` when out of the price range or not provided. */
  readonly liqPrice?: string;
  /** Bankruptcy price; `''` on a unified account (except inverse). */
  readonly bustPrice?: string;
  /** Initial margin. */
  readonly positionIM?: string;
  /** Maintenance margin. */
  readonly positionMM?: string;
  /** Position margin (initial margin plus margin added). */
  readonly positionBalance?: string;
  /** Unrealised PnL. */
  readonly unrealisedPnl?: string;
}

/**
 * One coin of `GET /v5/account/wallet-balance` (Bybit v5 API documentation "Get Wallet Balance").
 * @category Venue: Bybit
 */
export interface BybitWalletCoin {
  /** Coin, e.g. `'USDT'`. */
  readonly coin: string;
  /** Equity of the coin: wallet balance plus unrealised PnL. */
  readonly equity?: string;
  /** Wallet balance of the coin (includes the margin held by isolated positions). */
  readonly walletBalance: string;
  /** Unrealised PnL of the coin. */
  readonly unrealisedPnl?: string;
}

/**
 * One account of the wallet-balance list.
 * @category Venue: Bybit
 */
export interface BybitWalletAccount {
  /** `'UNIFIED'` or `'CONTRACT'`. */
  readonly accountType?: string;
  /** The account's coins. */
  readonly coin: readonly BybitWalletCoin[];
}

/**
 * One item of `GET /v5/market/tickers` for `linear` or `inverse` (Bybit v5 API documentation "Get Tickers").
 * @category Venue: Bybit
 */
export interface BybitTicker {
  /** Symbol. */
  readonly symbol: string;
  /** Mark price. */
  readonly markPrice: string;
  /** Index price. */
  readonly indexPrice?: string;
  /** Current funding rate per interval, `''` for expiring futures. */
  readonly fundingRate?: string;
}

/**
 * The `result` object of a Bybit v5 list endpoint.
 * @category Venue: Bybit
 */
export interface BybitListResult<T> {
  /** `'linear'`, `'inverse'`, … (absent on wallet balance). */
  readonly category?: string;
  /** The items. */
  readonly list: readonly T[];
  /** Cursor of the next page. */
  readonly nextPageCursor?: string;
}

/**
 * A whole Bybit v5 response body.
 * @category Venue: Bybit
 */
export interface BybitResponse<T> {
  /** `0` on success. */
  readonly retCode?: number;
  /** `'OK'` on success, the error text otherwise. */
  readonly retMsg?: string;
  /** The payload. */
  readonly result: T;
  /** Server time (ms). */
  readonly time?: number;
}

/**
 * What the adapter accepts for one endpoint: the whole response body or its `result` object.
 * @category Venue: Bybit
 */
export type BybitListPayload<T> = BybitResponse<BybitListResult<T>> | BybitListResult<T>;
