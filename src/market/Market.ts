import type { FundingSchedule, FundingScheduleInput } from '../funding/FundingSchedule.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import type { MarginSchedule, MarginScheduleInput } from './MarginSchedule.js';

/**
 * Contract type. `linear`: margined and settled in the quote asset; PnL = size · contractSize · (P − entry).
 * `inverse`: quoted in USD but margined and settled in the base coin; PnL = size · contractSize · (1/entry − 1/P).
 * @category Market
 */
export type MarketKind = 'linear' | 'inverse';

/**
 * An instrument specification. Created by {@link createMarket}; frozen.
 *
 * Units: a position's size counts contracts. For a linear market one contract is `contractSize` base units
 * (1 by default, so size is in base units). For an inverse market one contract is worth `contractSize` units
 * of the quote asset (e.g. 100 USD on Binance COIN-M BTCUSD, 1 USD on BitMEX XBTUSD).
 * @category Market
 */
export interface Market {
  /** Market identifier, unique within an account (e.g. `'BTC-PERP'`). */
  readonly id: string;
  /** Linear or inverse. */
  readonly kind: MarketKind;
  /** Base asset (e.g. `'BTC'`). */
  readonly baseAsset: string;
  /** Quote asset the price is expressed in (e.g. `'USDT'`). */
  readonly quoteAsset: string;
  /** Asset that margin, PnL and funding are paid in: the quote asset for linear, the base asset for inverse. */
  readonly settleAsset: string;
  /** Base units per contract (linear) or quote value per contract (inverse). */
  readonly contractSize: Decimal;
  /** Price increment, when the venue has one. */
  readonly tickSize?: Decimal;
  /** Size increment (in contracts); position sizes must be whole multiples of it. */
  readonly stepSize?: Decimal;
  /** How requirements are computed. */
  readonly marginSchedule: MarginSchedule;
  /** How funding is paid, when the market is a perpetual. */
  readonly fundingSchedule?: FundingSchedule;
  /**
   * Expiry of a dated future, Unix milliseconds; absent for a perpetual. A dated future is margined exactly like a
   * perpetual of the same kind and schedule, is never funded (it may not carry a funding schedule) and settles at
   * its index (oracle) price at expiry (see {@link convergeBasis}, {@link futureBasis}).
   */
  readonly expiry?: number;
}

/**
 * Input form of a {@link Market}: every number may be a string, number, bigint or Decimal.
 * @category Market
 */
export interface MarketInput {
  /** See {@link Market.id}. */
  readonly id: string;
  /** See {@link Market.kind}. */
  readonly kind: MarketKind;
  /** See {@link Market.baseAsset}. */
  readonly baseAsset: string;
  /** See {@link Market.quoteAsset}. */
  readonly quoteAsset: string;
  /** Defaults to the quote asset (linear) or the base asset (inverse); any other value is rejected. */
  readonly settleAsset?: string;
  /** Defaults to 1. */
  readonly contractSize?: DecimalInput;
  /** See {@link Market.tickSize}. */
  readonly tickSize?: DecimalInput;
  /** See {@link Market.stepSize}. */
  readonly stepSize?: DecimalInput;
  /** See {@link Market.marginSchedule}. */
  readonly marginSchedule: MarginScheduleInput;
  /** See {@link Market.fundingSchedule}; rejected on a dated future (`FUNDING_ON_FUTURE`). */
  readonly fundingSchedule?: FundingScheduleInput;
  /** See {@link Market.expiry}: a whole number of milliseconds ≥ 0. */
  readonly expiry?: number;
}
