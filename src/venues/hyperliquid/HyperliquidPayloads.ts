// Shapes of Hyperliquid's info-endpoint answers, as the "Info endpoint › Perpetuals" page of the Hyperliquid docs
// documents them. Decimals are strings, leverages and ids whole numbers. Only the fields the venue model reads are
// required; anything else an answer carries is accepted and ignored.
import type { HyperliquidMarginTable } from './HyperliquidMarginTable.js';

/**
 * `marginSummary` / `crossMarginSummary` of a `clearinghouseState` answer (USDC, decimal strings).
 * @category Venue: Hyperliquid
 */
export interface HyperliquidMarginSummary {
  /** Account value: collateral plus unrealized PnL (of the whole account, or of the cross account). */
  readonly accountValue: string;
  /** Σ |size| · mark of the positions. */
  readonly totalNtlPos: string;
  /** Account value minus Σ size · mark. */
  readonly totalRawUsd: string;
  /** Initial margin in use (isolated positions: their margin including PnL). */
  readonly totalMarginUsed: string;
}

/**
 * One entry of `clearinghouseState.assetPositions` (`position` object; decimal strings).
 * @category Venue: Hyperliquid
 */
export interface HyperliquidPosition {
  /** Asset name, as in `meta.universe[i].name`. */
  readonly coin: string;
  /** Signed size in coins (long > 0). */
  readonly szi: string;
  /** Average entry price. */
  readonly entryPx: string;
  /** Margin mode and user leverage; isolated positions also carry `rawUsd` (margin − size · entry). */
  readonly leverage:
    | { readonly type: 'cross'; readonly value: number }
    | { readonly type: 'isolated'; readonly value: number; readonly rawUsd: string };
  /** Hyperliquid's liquidation price, or null when there is none. */
  readonly liquidationPx: string | null;
  /** Cross: |size| · mark / leverage. Isolated: the position's margin including its unrealized PnL. */
  readonly marginUsed: string;
  /** Maximum leverage of the asset. */
  readonly maxLeverage: number;
  /** |size| · mark. */
  readonly positionValue: string;
  /** size · (mark − entry). */
  readonly unrealizedPnl: string;
  /** Other fields (`returnOnEquity`, `cumFunding` …) are accepted and not read. */
  readonly [field: string]: unknown;
}

/**
 * A `clearinghouseState` answer: a user's perpetuals account summary.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidClearinghouseState {
  /** Open positions (`type: 'oneWay'`). */
  readonly assetPositions: readonly { readonly type?: string; readonly position: HyperliquidPosition }[];
  /** Σ maintenance margin of the cross positions. */
  readonly crossMaintenanceMarginUsed: string;
  /** The cross account. */
  readonly crossMarginSummary: HyperliquidMarginSummary;
  /** The whole account (cross plus isolated). */
  readonly marginSummary: HyperliquidMarginSummary;
  /** USDC that may be withdrawn. */
  readonly withdrawable: string;
  /** Milliseconds since the epoch. */
  readonly time?: number;
  /** Other fields are accepted and not read. */
  readonly [field: string]: unknown;
}

/**
 * One entry of `meta.universe`.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidUniverseEntry {
  /** Asset name. */
  readonly name: string;
  /** Size decimals: sizes are multiples of `10^−szDecimals`. */
  readonly szDecimals: number;
  /** Maximum leverage. */
  readonly maxLeverage: number;
  /** The asset's margin table: below 50 a single tier at that leverage, otherwise an id of `meta.marginTables`. */
  readonly marginTableId?: number;
  /** Other fields (`onlyIsolated`, `marginMode`, `isDelisted` …) are accepted and not read. */
  readonly [field: string]: unknown;
}

/**
 * A `meta` answer (also the first element of `metaAndAssetCtxs`).
 * @category Venue: Hyperliquid
 */
export interface HyperliquidMeta {
  /** The perpetuals, in asset-index order. */
  readonly universe: readonly HyperliquidUniverseEntry[];
  /** Listed margin tables as `[id, table]` pairs. */
  readonly marginTables?: readonly (readonly [number, HyperliquidMarginTable])[];
  /** Other fields are accepted and not read. */
  readonly [field: string]: unknown;
}

/**
 * One asset context (the second element of `metaAndAssetCtxs`, in universe order; decimal strings).
 * @category Venue: Hyperliquid
 */
export interface HyperliquidAssetCtx {
  /** Mark price (margin and liquidation). */
  readonly markPx: string;
  /** Oracle price (funding payments). */
  readonly oraclePx: string;
  /** The current hourly funding rate. */
  readonly funding: string;
  /** Open interest in coins. */
  readonly openInterest: string;
  /** Other fields (`premium`, `impactPxs`, `midPx` …) are accepted and not read. */
  readonly [field: string]: unknown;
}
