import type { DecimalInput } from '../../internal/decimal.js';

/**
 * A GMX v2 position in human units, as the liquidation functions read it.
 * @category Venue: GMX
 */
export interface GmxPositionInput {
  /** Long or short. */
  readonly isLong: boolean;
  /** `sizeInUsd`: the position's size at its entry, USD (> 0). */
  readonly sizeInUsd: DecimalInput;
  /** `sizeInTokens`: the position's size in index tokens (> 0); entry price = sizeInUsd / sizeInTokens. */
  readonly sizeInTokens: DecimalInput;
  /** `collateralAmount`, in collateral tokens (≥ 0). */
  readonly collateralAmount: DecimalInput;
  /** The collateral token's minimum price, USD; required unless the collateral is the index token. */
  readonly collateralTokenPrice?: DecimalInput;
  /**
   * True when the collateral is the index token (an ETH long backed by WETH): its value then moves with the index
   * price, and `collateralTokenPrice` is not read.
   */
  readonly collateralIsIndexToken?: boolean;
  /** Borrowing fees owed and not yet paid, USD (default 0). */
  readonly pendingBorrowingFeesUsd?: DecimalInput;
  /** Funding fees owed and not yet paid, USD (default 0). Claimable funding is not collateral and is not counted. */
  readonly pendingFundingFeesUsd?: DecimalInput;
}

/**
 * The market's liquidation parameters.
 * @category Venue: GMX
 */
export interface GmxLiquidationParams {
  /** `minCollateralFactor` (e.g. 0.005 for 200× max leverage at liquidation). */
  readonly minCollateralFactor: DecimalInput;
  /** `MIN_COLLATERAL_USD` (e.g. 1 USD). */
  readonly minCollateralUsd: DecimalInput;
  /** The closing position fee factor the check deducts (GMX: the factor for the sign of the close's impact). */
  readonly positionFeeFactor: DecimalInput;
  /** `maxPositionImpactFactorForLiquidations`: the close's negative impact counts at most `size · factor`. */
  readonly maxPositionImpactFactorForLiquidations?: DecimalInput;
  /** Price impact of closing the whole position ({@link gmxPositionPriceImpact}), USD; positive impact counts 0. Default 0. */
  readonly priceImpactUsd?: DecimalInput;
}
