/**
 * Liquidation price status codes of {@link PositionScan.liquidationStatus}: `price` (the slot in
 * `liquidationPrice` holds the float price), `never` (no positive price reaches maintenance) and `now` (the pool is
 * below maintenance already); the price slot is meaningful only for `price`.
 * @category Batch
 */
export const LIQUIDATION_STATUS = { price: 0, never: 1, now: 2 } as const;

/**
 * Per position liquidation estimates of a scan (when asked for): the float mirror of {@link liquidationPrice}
 * (tier-consistent, hedge-mode legs move together, other markets held).
 * @category Batch
 */
export interface PositionScan {
  /** Per position: a {@link LIQUIDATION_STATUS} code. */
  readonly liquidationStatus: Uint8Array;
  /** Per position: the liquidation price (where the status is `price`). */
  readonly liquidationPrice: Float64Array;
  /** Per position: `(liquidationPrice − price) / price`, signed (where the status is `price`). */
  readonly distance: Float64Array;
}

/**
 * Result of a batch scan: per account (in packing order) the float screen's amounts and the two decisions, which
 * after {@link confirmScan} equal the exact engine's on every account.
 *
 * Amounts follow {@link AccountSummary.total}: equity and requirements summed over the cross pool and every
 * isolated pool; free collateral is the cross pool's plus each isolated surplus; margin ratio is `MMR / equity`
 * (IEEE `Infinity` stands for the exact engine's `infinite` ratio: equity ≤ 0 with MMR > 0).
 * @category Batch
 */
export interface AccountScan {
  /** Account ids, in packing order. */
  readonly accountIds: readonly string[];
  /** Total equity. */
  readonly equity: Float64Array;
  /** Total initial requirement (IMR). */
  readonly initialRequirement: Float64Array;
  /** Total maintenance requirement (MMR). */
  readonly maintenanceRequirement: Float64Array;
  /** Cross free collateral plus each isolated pool's surplus. */
  readonly freeCollateral: Float64Array;
  /** `MMR / equity` of the totals. */
  readonly marginRatio: Float64Array;
  /** 1 when some pool holds an open position and `equity < MMR` (the exact engine's `total.liquidatable`). */
  readonly liquidatable: Uint8Array;
  /** 1 when every pool has `equity ≥ IMR` (cross and each isolated pool: the initial-margin check). */
  readonly meetsInitial: Uint8Array;
  /** 1 where a float result lay within the error bound of a decision threshold (or a tier floor). */
  readonly needsExact: Uint8Array;
  /** How many accounts the exact engine decided (0 until {@link confirmScan}). */
  readonly exactCount: number;
  /** Liquidation estimates per position, when the scan was asked for them. */
  readonly positions?: PositionScan;
}
