import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * `cross`: the position draws on the account's shared collateral. `isolated`: the position has only its own
 * `isolatedMargin`, and its losses never reach the rest of the account.
 * @category Position
 */
export type MarginMode = 'cross' | 'isolated';

/**
 * An open position. Created by {@link createPosition} (or inside {@link createMarginAccount}); frozen.
 *
 * Sign convention: `size > 0` is long, `size < 0` is short, in contracts of the market.
 * `unsettledFunding` is funding the position owes and has not yet paid (positive: it pays; negative: it is owed
 * funding); it is subtracted from equity.
 * @category Position
 */
export interface Position {
  /** Identifier within the account; defaults to the market id. */
  readonly id: string;
  /** The market this position is in. */
  readonly marketId: string;
  /** Signed size in contracts: long > 0, short < 0. */
  readonly size: Decimal;
  /** Average entry price, in the quote asset. */
  readonly entryPrice: Decimal;
  /** Cross or isolated. */
  readonly marginMode: MarginMode;
  /** Margin held by an isolated position, in the settlement asset (absent on cross positions). */
  readonly isolatedMargin?: Decimal;
  /** User-chosen leverage. It raises the initial requirement to `notional / leverage` when that is higher; it never changes maintenance. */
  readonly leverage?: Decimal;
  /** Funding owed and not yet settled, in the settlement asset (positive: owed by the position). */
  readonly unsettledFunding: Decimal;
  /** Cumulative funding index at the last settlement, for venues that settle against an index. */
  readonly fundingIndex?: Decimal;
}

/**
 * Input form of a {@link Position}.
 * @category Position
 */
export interface PositionInput {
  /** See {@link Position.id}. */
  readonly id?: string;
  /** See {@link Position.marketId}. */
  readonly marketId: string;
  /** See {@link Position.size}. */
  readonly size: DecimalInput;
  /** See {@link Position.entryPrice}. */
  readonly entryPrice: DecimalInput;
  /** See {@link Position.marginMode}. */
  readonly marginMode: MarginMode;
  /** Required (and > 0 when the size is not 0) for isolated positions; rejected on cross ones. */
  readonly isolatedMargin?: DecimalInput;
  /** See {@link Position.leverage}. */
  readonly leverage?: DecimalInput;
  /** Defaults to 0. */
  readonly unsettledFunding?: DecimalInput;
  /** See {@link Position.fundingIndex}. */
  readonly fundingIndex?: DecimalInput;
}
