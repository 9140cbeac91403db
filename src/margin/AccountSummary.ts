import type { Decimal } from '../internal/decimal.js';
import type { MarginMode } from '../position/Position.js';
import type { PriceSource } from '../prices/Prices.js';
import type { MarginRequirement } from './marginRequirement.js';
import type { Ratio } from './Ratio.js';

/**
 * One collateral balance as it was valued.
 * @category Margin
 */
export interface CollateralValuation {
  /** Asset symbol. */
  readonly asset: string;
  /** Signed amount. */
  readonly amount: Decimal;
  /** Price used, in the settlement asset (1 for the settlement asset itself). */
  readonly price: Decimal;
  /** Weight applied: the asset weight for a positive amount, the liability weight for a negative one. */
  readonly weightApplied: Decimal;
  /** `amount · price · weightApplied`. */
  readonly value: Decimal;
}

/**
 * One position's numbers at the price used.
 * @category Margin
 */
export interface PositionSummary {
  /** Position id. */
  readonly positionId: string;
  /** Market id. */
  readonly marketId: string;
  /** Margin mode. */
  readonly marginMode: MarginMode;
  /** Signed size in contracts. */
  readonly size: Decimal;
  /** `'long'`, `'short'` or `'flat'` (size 0). */
  readonly side: 'long' | 'short' | 'flat';
  /** Price the position was valued at. */
  readonly price: Decimal;
  /** Average entry price. */
  readonly entryPrice: Decimal;
  /** Notional at the entry price. */
  readonly entryValue: Decimal;
  /** Unrealized PnL at `price`. */
  readonly unrealizedPnl: Decimal;
  /** Funding owed and not settled (positive: owed by the position). */
  readonly unsettledFunding: Decimal;
  /** Notional, requirements, and the tier, fractions and leverage behind them. */
  readonly requirement: MarginRequirement;
}

/**
 * A margin pool: the cross pool (shared collateral, every cross position) or one isolated position.
 * @category Margin
 */
export interface PoolSummary {
  /** Collateral of the pool: the weighted cross collateral, or the isolated margin. */
  readonly collateralValue: Decimal;
  /** Equity: `collateralValue + Σ unrealizedPnl − Σ unsettledFunding` (not clamped at 0). */
  readonly equity: Decimal;
  /** Σ notional of the pool's positions. */
  readonly notional: Decimal;
  /** Σ initial requirements (IMR). */
  readonly initialRequirement: Decimal;
  /** Σ maintenance requirements (MMR). */
  readonly maintenanceRequirement: Decimal;
  /** `equity − IMR` (negative when the pool cannot open risk). */
  readonly freeCollateral: Decimal;
  /** `MMR / equity`; liquidation starts above 1. */
  readonly marginRatio: Ratio;
  /** `Σ notional / equity`. */
  readonly leverage: Ratio;
  /**
   * The pool holds an open position and `equity < MMR` (strict: equity exactly at maintenance is not
   * liquidatable; a pool with no open position never is). For `total`: some pool is liquidatable.
   */
  readonly liquidatable: boolean;
}

/**
 * An isolated position's pool.
 * @category Margin
 */
export interface IsolatedPoolSummary extends PoolSummary {
  /** The isolated position. */
  readonly positionId: string;
}

/**
 * An account's margin state at one set of prices. JSON-serialisable (decimals become strings).
 * @category Margin
 */
export interface AccountSummary {
  /** Settlement asset of every amount below. */
  readonly settleAsset: string;
  /** Which market price was used. */
  readonly priceSource: PriceSource;
  /** Each cross collateral balance as valued. */
  readonly collateral: readonly CollateralValuation[];
  /** Every position, in the account's order. */
  readonly positions: readonly PositionSummary[];
  /** The cross pool. */
  readonly cross: PoolSummary;
  /** One pool per isolated position. */
  readonly isolated: readonly IsolatedPoolSummary[];
  /**
   * Sums over the cross pool and every isolated pool; ratios recomputed from the sums. Free collateral is the
   * cross pool's plus each isolated pool's surplus (`max(0, equity − IMR)`): an isolated deficit cannot draw on
   * the cross collateral, so it does not reduce what the account can use.
   */
  readonly total: PoolSummary;
  /** Ids of the isolated positions that are liquidatable. */
  readonly liquidatableIsolated: readonly string[];
}
