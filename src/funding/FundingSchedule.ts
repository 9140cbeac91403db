import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * Which price a funding payment is computed on: `payment = size · contractSize · price · rate` (linear).
 * Hyperliquid pays on the oracle price; Binance on the mark price.
 * @category Funding
 */
export type FundingPrice = 'oracle' | 'mark' | 'index';

/**
 * Premium plus a clamped interest term, then capped (Binance, Bybit, BitMEX, Hyperliquid):
 * `F = clamp(P + clamp(I − P, −clampBand, +clampBand), floor, cap)`, all per rate period.
 * @category Funding
 */
export interface PremiumInterestRate {
  /** Discriminant. */
  readonly type: 'premium-interest';
  /** Interest rate I per rate period (Binance and Hyperliquid: 0.0001 per 8 h). */
  readonly interestRate: Decimal;
  /** Half-width of the interest clamp (0.0005 on all four venues). */
  readonly clampBand: Decimal;
  /** Upper bound of the rate per rate period. */
  readonly cap: Decimal;
  /** Lower bound of the rate per rate period (usually −cap). */
  readonly floor: Decimal;
}

/**
 * A premium (plus a fixed offset) clamped to a band: `F = clamp(P + offset, floor, cap)` (OKX with offset 0;
 * dYdX v4 with its default funding as the offset and `±6 · (IMF − MMF)` as the band).
 * @category Funding
 */
export interface ClampedPremiumRate {
  /** Discriminant. */
  readonly type: 'clamped-premium';
  /** Added to the premium before clamping (dYdX `default_funding_ppm`). */
  readonly offset: Decimal;
  /** Upper bound per rate period. */
  readonly cap: Decimal;
  /** Lower bound per rate period. */
  readonly floor: Decimal;
}

/**
 * A given rate per rate period, from time `time` (ms since the epoch) until the next entry.
 * @category Funding
 */
export interface FundingRatePoint {
  /** Start of validity, milliseconds since 1970-01-01T00:00:00Z. */
  readonly time: number;
  /** Rate per rate period. */
  readonly rate: Decimal;
}

/**
 * A path of given rates, strictly increasing in time.
 * @category Funding
 */
export interface RatePathRate {
  /** Discriminant. */
  readonly type: 'path';
  /** The rates, strictly increasing in time. */
  readonly points: readonly FundingRatePoint[];
}

/**
 * How a market's funding rate is formed.
 * @category Funding
 */
export type FundingRateModel = PremiumInterestRate | ClampedPremiumRate | RatePathRate;

/**
 * When and how a perpetual pays funding. Sign convention: a positive rate means longs pay shorts.
 *
 * The rate's own period (`ratePeriodMs`) is kept apart from the payment interval (`intervalMs`): dYdX v4 and
 * Hyperliquid quote an 8-hour rate and pay it every hour at `rate · interval / ratePeriod` (one eighth);
 * treating an hourly payment of an 8-hour rate as the full rate is a factor-8 error, and assuming 8-hour
 * intervals on a 4-hour market a factor-2 one.
 * @category Funding
 */
export interface FundingSchedule {
  /** Time between payments, in milliseconds (1 h = 3 600 000). */
  readonly intervalMs: number;
  /** Period the rate is quoted for, in milliseconds (8 h = 28 800 000). */
  readonly ratePeriodMs: number;
  /** Offset of the payment times from the Unix epoch, in milliseconds (payments at `anchorMs + k · intervalMs`). */
  readonly anchorMs: number;
  /** Price the payment is computed on. */
  readonly paymentPrice: FundingPrice;
  /** How the rate is formed. */
  readonly rate: FundingRateModel;
}

/**
 * Input form of a {@link FundingRateModel}. The cap is required; the floor defaults to −cap; the
 * `premium-interest` clamp band defaults to 0.0005 and the `clamped-premium` offset to 0.
 * @category Funding
 */
export type FundingRateModelInput =
  | {
      readonly type: 'premium-interest';
      readonly interestRate: DecimalInput;
      readonly clampBand?: DecimalInput;
      readonly cap: DecimalInput;
      readonly floor?: DecimalInput;
    }
  | {
      readonly type: 'clamped-premium';
      readonly offset?: DecimalInput;
      readonly cap: DecimalInput;
      readonly floor?: DecimalInput;
    }
  | {
      readonly type: 'path';
      readonly points: readonly { readonly time: number; readonly rate: DecimalInput }[];
    };

/**
 * Input form of a {@link FundingSchedule}. `ratePeriodMs` defaults to `intervalMs`, `anchorMs` to 0.
 * @category Funding
 */
export interface FundingScheduleInput {
  /** See {@link FundingSchedule.intervalMs}. */
  readonly intervalMs: number;
  /** See {@link FundingSchedule.ratePeriodMs}. */
  readonly ratePeriodMs?: number;
  /** See {@link FundingSchedule.anchorMs}. */
  readonly anchorMs?: number;
  /** See {@link FundingSchedule.paymentPrice}. */
  readonly paymentPrice: FundingPrice;
  /** See {@link FundingSchedule.rate}. */
  readonly rate: FundingRateModelInput;
}
