/**
 * One position as GMX v2's reader returns it (`Reader.getPositionInfo`, `getAccountPositionInfoList`:
 * `ReaderPositionUtils.PositionInfo`), with its integers serialized as decimal strings (or bigints). USD values carry
 * 30 decimals; token amounts carry their token's decimals. Only the fields the adapter reads are listed; others
 * are ignored.
 * @category Venue: GMX
 */
export interface GmxPositionInfo {
  readonly position: {
    readonly addresses: {
      readonly account: string;
      readonly market: string;
      readonly collateralToken: string;
    };
    readonly numbers: {
      /** USD · 10^30. */
      readonly sizeInUsd: string | bigint;
      /** Index token units (10^indexTokenDecimals per token). */
      readonly sizeInTokens: string | bigint;
      /** Collateral token units. */
      readonly collateralAmount: string | bigint;
    };
    readonly flags: { readonly isLong: boolean };
  };
  readonly fees: {
    readonly borrowing: {
      /** Pending borrowing fee, USD · 10^30. */
      readonly borrowingFeeUsd: string | bigint;
    };
    readonly funding: {
      /** Pending funding fee, collateral token units. */
      readonly fundingFeeAmount: string | bigint;
    };
    /** Closing position fee, collateral token units. */
    readonly positionFeeAmount: string | bigint;
  };
  readonly executionPriceResult: {
    /** Price impact of closing the whole position, USD · 10^30 (signed). */
    readonly priceImpactUsd: string | bigint;
  };
  /** PnL at the given prices, USD · 10^30 (signed). */
  readonly basePnlUsd: string | bigint;
  /** `basePnlUsd + priceImpactUsd`, USD · 10^30 (signed). */
  readonly pnlAfterPriceImpactUsd: string | bigint;
}
