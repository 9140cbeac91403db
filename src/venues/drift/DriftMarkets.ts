import type { DecimalInput } from '../../internal/decimal.js';

/**
 * The margin terms of a Drift perp market (fields of the on-chain `PerpMarket`, SDK names), with its oracle price.
 * Integers at Drift's precisions: ratios and weights 1e4 = 100 %, IMF factors 1e6 = 1, prices 1e6 = $1,
 * cumulative funding rates 1e9 quote per coin.
 * @category Venue: Drift
 */
export interface DriftPerpMarket {
  /** Oracle price, PRICE_PRECISION (1e6 = $1). */
  readonly oraclePrice: DecimalInput;
  /** `marginRatioInitial` (1e4 = 100 %; 1 000 = 10 × max leverage). */
  readonly marginRatioInitial: DecimalInput;
  /** `marginRatioMaintenance` (1e4 = 100 %). */
  readonly marginRatioMaintenance: DecimalInput;
  /** `imfFactor` of the size premium on margin ratios (1e6 = 1); default 0 (no premium). */
  readonly imfFactor?: DecimalInput;
  /** `unrealizedPnlInitialAssetWeight` (1e4 = 1); default 10 000. */
  readonly unrealizedPnlInitialAssetWeight?: DecimalInput;
  /** `unrealizedPnlMaintenanceAssetWeight` (1e4 = 1); default 10 000. */
  readonly unrealizedPnlMaintenanceAssetWeight?: DecimalInput;
  /** `unrealizedPnlImfFactor` of the size discount on positive PnL in initial margin (1e6 = 1); default 0. */
  readonly unrealizedPnlImfFactor?: DecimalInput;
  /** `amm.cumulativeFundingRateLong` (1e9 quote per coin); default 0. */
  readonly cumulativeFundingRateLong?: DecimalInput;
  /** `amm.cumulativeFundingRateShort` (1e9 quote per coin); default 0. */
  readonly cumulativeFundingRateShort?: DecimalInput;
}

/**
 * The margin terms of a Drift spot market (fields of the on-chain `SpotMarket`, SDK names), with its oracle price.
 * @category Venue: Drift
 */
export interface DriftSpotMarket {
  /** Oracle price, PRICE_PRECISION (1e6 = $1). */
  readonly oraclePrice: DecimalInput;
  /** Token decimals (6 for USDC, 9 for SOL). */
  readonly decimals: number;
  /** `initialAssetWeight` (1e4 = 1). */
  readonly initialAssetWeight: DecimalInput;
  /** `maintenanceAssetWeight` (1e4 = 1). */
  readonly maintenanceAssetWeight: DecimalInput;
  /** `initialLiabilityWeight` (1e4 = 1). */
  readonly initialLiabilityWeight: DecimalInput;
  /** `maintenanceLiabilityWeight` (1e4 = 1). */
  readonly maintenanceLiabilityWeight: DecimalInput;
  /** `imfFactor` of the size discount (deposits) and premium (borrows), 1e6 = 1; default 0. */
  readonly imfFactor?: DecimalInput;
}

/**
 * Drift markets by market index (as a string key: `'0'`, `'1'` …).
 * @category Venue: Drift
 */
export interface DriftMarkets {
  /** Perp markets. */
  readonly perp: Readonly<Record<string, DriftPerpMarket>>;
  /** Spot markets (index 0 is USDC). */
  readonly spot: Readonly<Record<string, DriftSpotMarket>>;
}
