import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * One volume tier of a fee schedule. Rates are fractions of notional; a negative maker rate is a rebate.
 * @category Execution
 */
export interface FeeTier {
  /** Lowest trailing volume of the tier (settlement asset), the first tier at 0. */
  readonly volumeFloor: Decimal;
  /** Maker fee rate (negative: rebate). */
  readonly makerRate: Decimal;
  /** Taker fee rate. */
  readonly takerRate: Decimal;
}

/**
 * Maker/taker fees by trailing volume. Created by {@link createFeeSchedule}; frozen.
 * @category Execution
 */
export interface FeeSchedule {
  /** Tiers by ascending volume floor. */
  readonly tiers: readonly FeeTier[];
}

/**
 * Input form of a {@link FeeSchedule}.
 * @category Execution
 */
export interface FeeScheduleInput {
  /** See {@link FeeSchedule.tiers}. */
  readonly tiers: readonly {
    readonly volumeFloor: DecimalInput;
    readonly makerRate: DecimalInput;
    readonly takerRate: DecimalInput;
  }[];
}

/**
 * Whether an order adds liquidity (maker) or takes it (taker).
 * @category Execution
 */
export type Liquidity = 'maker' | 'taker';
