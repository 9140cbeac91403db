import type { DecimalInput } from '../internal/decimal.js';

/**
 * Which funding rates a projection assumes, each per the schedule's rate period.
 *
 * - `constant`: one rate throughout.
 * - `worst-case`: the model's bound against the position's side — the cap for a long, the floor for a short
 *   (for a rate-path model: the path's highest rate for a long, lowest for a short).
 * - `path`: given rates, each in force from its `time` until the next point (the last one holds afterwards).
 * - `schedule`: the market's own rate path (its schedule's `rate` must be a `path`).
 * @category Funding
 */
export type FundingScenario =
  | { readonly kind: 'constant'; readonly rate: DecimalInput }
  | { readonly kind: 'worst-case' }
  | {
      readonly kind: 'path';
      readonly points: readonly { readonly time: number; readonly rate: DecimalInput }[];
    }
  | { readonly kind: 'schedule' };

/**
 * How funding accrues between settlement times.
 *
 * - `discrete` (Binance, Bybit, Hyperliquid, dYdX hourly ticks): a full interval's payment at each settlement
 *   time crossed; nothing for the part of an interval before or after.
 * - `continuous`: the rate accrues in proportion to time held, including partial first and last intervals.
 * @category Funding
 */
export type FundingAccrual = 'discrete' | 'continuous';
