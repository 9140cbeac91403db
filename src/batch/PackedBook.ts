import type { PriceSource } from '../prices/Prices.js';

/**
 * Accounts laid out as Float64Array columns (struct of arrays) for the batch kernels, built once by
 * {@link packAccounts}. Plain data: every field is a number, a string list or a typed array, so a book can be
 * posted to a worker thread (typed arrays backed by a `SharedArrayBuffer` are shared, not copied) or split into
 * shards. Float values are a *screen*: they are never rounded, displayed or settled.
 *
 * Accounts are numbered 0…accountCount−1 in the order given; account `a` holds the positions
 * `positionStart[a] … positionStart[a+1]−1` and the moving collateral entries `collateralStart[a] … collateralStart[a+1]−1`.
 * Markets are numbered in `marketIds` (one entry per distinct `Market` object); `tierStart[m] … tierStart[m+1]−1`
 * are market m's tiers (a flat or open-interest schedule is one tier at floor 0). Shock keys (`keys`) are the
 * market ids and collateral assets a price shock can move.
 * @category Batch
 */
export interface PackedBook {
  /** Number of accounts. */
  readonly accountCount: number;
  /** Number of positions over all accounts. */
  readonly positionCount: number;
  /** Which market price the book was packed at. */
  readonly priceSource: PriceSource;
  /** Account ids, in the order packed. */
  readonly accountIds: readonly string[];
  /** Market ids and collateral assets that shocks move, by key index. */
  readonly keys: readonly string[];
  /** Per account (length accountCount + 1): first position index. */
  readonly positionStart: Int32Array;
  /** Per account: cross collateral in the settlement asset, which no shock moves. */
  readonly fixedCollateral: Float64Array;
  /** Per account (length accountCount + 1): first moving collateral entry. */
  readonly collateralStart: Int32Array;
  /** Per moving collateral entry: weighted value in the settlement asset now. */
  readonly collateralValue: Float64Array;
  /** Per moving collateral entry: its shock key. */
  readonly collateralKey: Int32Array;
  /** Per position: `size · contractSize` (signed). */
  readonly exposure: Float64Array;
  /** Per position: entry price. */
  readonly entryPrice: Float64Array;
  /** Per position: the market price now (the book's price source). */
  readonly price: Float64Array;
  /** Per position: unsettled funding (positive: owed by the position). */
  readonly funding: Float64Array;
  /** Per position: 1 for isolated, 0 for cross. */
  readonly isolated: Uint8Array;
  /** Per position: isolated margin (0 on cross positions). */
  readonly isolatedMargin: Float64Array;
  /** Per position: 1 when the size is not 0 (decided exactly at packing). */
  readonly open: Uint8Array;
  /** Per position: `1 / leverage`, the floor user leverage puts on the initial fraction (0 without one). */
  readonly leverageFraction: Float64Array;
  /** Per position: market index. */
  readonly market: Int32Array;
  /** Per position: the shock key of its market. */
  readonly key: Int32Array;
  /** Position ids, by position index. */
  readonly positionIds: readonly string[];
  /** Market ids, by market index. */
  readonly marketIds: readonly string[];
  /** Per market: 1 for inverse, 0 for linear. */
  readonly inverse: Uint8Array;
  /** Per market (length markets + 1): first tier index. */
  readonly tierStart: Int32Array;
  /** Per tier: notional floor (settlement asset). */
  readonly tierFloor: Float64Array;
  /** Per tier: initial fraction (open-interest schedules: the scaled fraction at packing time). */
  readonly tierInitial: Float64Array;
  /** Per tier: maintenance fraction. */
  readonly tierMaintenance: Float64Array;
  /** Per tier: maintenance deduction. */
  readonly tierDeduction: Float64Array;
}
