import type { Decimal, DecimalInput } from '../internal/decimal.js';
import type { AccountSummary, IsolatedPoolSummary, PoolSummary } from '../margin/AccountSummary.js';
import type { MarginMode } from '../position/Position.js';
import type { PriceSource } from '../prices/Prices.js';
import type { OptionRequirement } from './optionMargin.js';

/**
 * How option legs are valued: at a moment, with a volatility per option market (Black-76 from the underlying's
 * price) or, for an option without one, at the option's own mark in the prices.
 * @category Options
 */
export interface OptionValuation {
  /** Valuation time, Unix milliseconds (time to expiry is measured from it). */
  readonly nowMs: number;
  /** Annualised volatility per option market id (`0.8` is 80 %). */
  readonly volatilities?: Readonly<Record<string, DecimalInput>>;
  /** Continuously compounded discount rate, default 0. */
  readonly rate?: DecimalInput;
  /** Which price of each underlying (and perpetual) is used; default `'mark'`. */
  readonly priceSource?: PriceSource;
}

/**
 * One option position's numbers at the valuation.
 * @category Options
 */
export interface OptionLegSummary {
  readonly positionId: string;
  readonly marketId: string;
  readonly marginMode: MarginMode;
  /** Signed contracts. */
  readonly size: Decimal;
  /** Price of the underlying used. */
  readonly underlyingPrice: Decimal;
  /** Option mark per unit of the underlying, in the settlement asset. */
  readonly markPrice: Decimal;
  /** `size · contractSize · markPrice`: an asset when long, a liability when short; it is what the leg adds to equity. */
  readonly value: Decimal;
  /** `size · contractSize · (markPrice − entryPrice)`. */
  readonly unrealizedPnl: Decimal;
  /** `|size| · contractSize · U` (linear) or `|size| · contractSize` coins (inverse). */
  readonly notional: Decimal;
  /** Standard option margin (see {@link optionMargin}). */
  readonly requirement: OptionRequirement;
}

/**
 * An account's margin state with its option legs. Pools follow {@link PoolSummary}'s rules, with option legs adding
 * their value to equity and their requirements to IMR and MMR.
 * @category Options
 */
export interface OptionAccountSummary {
  /** The account's perpetuals and futures alone, as {@link summarizeAccount} reports them. */
  readonly perpetuals: AccountSummary;
  /** Every option leg, in the book's order. */
  readonly options: readonly OptionLegSummary[];
  /** The cross pool: cross collateral, cross perpetuals and cross option legs. */
  readonly cross: PoolSummary;
  /** Every isolated pool: the isolated perpetuals', then the isolated option legs'. */
  readonly isolated: readonly IsolatedPoolSummary[];
  /** `'cross'` and the ids of isolated positions whose pool is liquidatable. */
  readonly liquidatable: readonly string[];
}
