import type { DecimalInput } from '../../internal/decimal.js';

/**
 * One perp position of a Drift user, in chain integers.
 * @category Venue: Drift
 */
export interface DriftPerpPosition {
  /** Key of the perp market in {@link DriftMarkets}. */
  readonly marketIndex: string | number;
  /** Signed base amount, BASE_PRECISION (1e9 = 1 coin; long > 0). */
  readonly baseAssetAmount: DecimalInput;
  /** Quote amount, QUOTE_PRECISION (1e6 = $1): minus the cost of the base plus settled PnL and fees. */
  readonly quoteAssetAmount: DecimalInput;
  /** `lastCumulativeFundingRate` (1e9); default: the market's current rate (no unsettled funding). */
  readonly lastCumulativeFundingRate?: DecimalInput;
}

/**
 * One spot balance of a Drift user, as a signed token amount (deposits > 0, borrows < 0) in the token's decimals.
 * @category Venue: Drift
 */
export interface DriftSpotPosition {
  /** Key of the spot market in {@link DriftMarkets}. */
  readonly marketIndex: string | number;
  /** Signed token amount in the token's own precision (10^decimals = 1 token). */
  readonly tokenAmount: DecimalInput;
}

/**
 * A Drift user account (one subaccount) in chain integers.
 * @category Venue: Drift
 */
export interface DriftUser {
  /** Spot balances: collateral deposits and borrows. */
  readonly spotPositions: readonly DriftSpotPosition[];
  /** Perp positions. */
  readonly perpPositions: readonly DriftPerpPosition[];
  /** `maxMarginRatio` chosen by the user (1e4 = 100 %; raises initial perp margin ratios); default 0. */
  readonly maxMarginRatio?: DecimalInput;
}
