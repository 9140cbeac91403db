import type { Decimal, DecimalInput } from '../internal/decimal.js';
import type { Market, MarketInput } from '../market/Market.js';
import type { Position, PositionInput } from '../position/Position.js';

/**
 * A collateral balance of the cross-margin pool.
 *
 * Valued in the account's settlement asset as `amount · price · weight` for a positive amount (the weight is
 * `1 − haircut`) and `amount · price · liabilityWeight` for a negative one (a borrowed balance).
 * @category Account
 */
export interface Collateral {
  /** Asset symbol, e.g. `'USDT'` or `'BTC'`. Unique within the account. */
  readonly asset: string;
  /** Signed amount of the asset. */
  readonly amount: Decimal;
  /** Valuation weight of a positive balance, in [0, 1]. */
  readonly weight: Decimal;
  /** Valuation weight of a negative balance, ≥ 1. */
  readonly liabilityWeight: Decimal;
}

/**
 * Input form of a {@link Collateral}; both weights default to 1.
 * @category Account
 */
export interface CollateralInput {
  /** See {@link Collateral.asset}. */
  readonly asset: string;
  /** See {@link Collateral.amount}. */
  readonly amount: DecimalInput;
  /** See {@link Collateral.weight}. */
  readonly weight?: DecimalInput;
  /** See {@link Collateral.liabilityWeight}. */
  readonly liabilityWeight?: DecimalInput;
}

/**
 * A margin account: the markets it trades, the cross collateral, and its positions (cross positions share the
 * collateral; each isolated position has only its own margin). Created by {@link createMarginAccount}; frozen.
 * @category Account
 */
export interface MarginAccount {
  /** The asset all requirements, equity and PnL are expressed in (e.g. `'USDT'`, or `'BTC'` for coin-margined). */
  readonly settleAsset: string;
  /** The markets the positions refer to, by id. */
  readonly markets: Readonly<Record<string, Market>>;
  /** Cross-pool collateral balances. */
  readonly collateral: readonly Collateral[];
  /** Open positions. */
  readonly positions: readonly Position[];
}

/**
 * Input form of a {@link MarginAccount}. Markets and positions may be inputs or already created objects.
 * @category Account
 */
export interface MarginAccountInput {
  /** See {@link MarginAccount.settleAsset}. */
  readonly settleAsset: string;
  /** Every market a position refers to, as a list or keyed by id (as a created account holds them); ids must be unique. */
  readonly markets: readonly (MarketInput | Market)[] | Readonly<Record<string, MarketInput | Market>>;
  /** Defaults to no collateral. */
  readonly collateral?: readonly CollateralInput[];
  /** Defaults to no positions. */
  readonly positions?: readonly (PositionInput | Position)[];
}
