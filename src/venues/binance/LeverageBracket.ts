import type { Decimal, DecimalInput } from '../../internal/decimal.js';

/**
 * One leverage bracket as Binance's bracket endpoints return it: USDⓈ-M `GET /fapi/v1/leverageBracket`
 * ("Notional and Leverage Brackets") bounds a bracket by `notionalFloor`/`notionalCap` in the quote asset; COIN-M
 * `GET /dapi/v2/leverageBracket` ("Notional Bracket for Symbol") bounds it by `qtyFloor`/`qtyCap` in the base coin
 * (that page's example spells the floor `qtylFloor`; both spellings are read). Binance sends these numbers as JSON
 * numbers; strings are accepted too.
 *
 * `cum` is Binance's "maintenance amount" (the docs call it an "auxiliary number for quick calculation"): the
 * maintenance margin of a position in the bracket is `notional · maintMarginRatio − cum`.
 * @category Venue: Binance
 */
export interface BinanceLeverageBracketInput {
  /** Bracket level, 1 for the smallest notionals. */
  readonly bracket: DecimalInput;
  /** Maximum leverage in the bracket; the initial margin fraction is `1 / initialLeverage`. */
  readonly initialLeverage: DecimalInput;
  /** USDⓈ-M: lower notional bound of the bracket, in the quote asset. */
  readonly notionalFloor?: DecimalInput;
  /** USDⓈ-M: upper notional bound of the bracket, in the quote asset. */
  readonly notionalCap?: DecimalInput;
  /** COIN-M: lower bound of the bracket, in the base coin. */
  readonly qtyFloor?: DecimalInput;
  /** COIN-M: the same as `qtyFloor`, spelt as in the example of Binance's COIN-M bracket page. */
  readonly qtylFloor?: DecimalInput;
  /** COIN-M: upper bound of the bracket, in the base coin. */
  readonly qtyCap?: DecimalInput;
  /** Maintenance margin rate of the bracket, a fraction (0.004 = 0.4 %). */
  readonly maintMarginRatio: DecimalInput;
  /** Maintenance amount of the bracket, in the settlement asset (USDⓈ-M: quote; COIN-M: coin). */
  readonly cum: DecimalInput;
}

/**
 * A validated leverage bracket, bounds in the settlement asset (quote for USDⓈ-M, coin for COIN-M).
 * @category Venue: Binance
 */
export interface BinanceLeverageBracket {
  /** Bracket level. */
  readonly bracket: number;
  /** Maximum leverage in the bracket. */
  readonly initialLeverage: Decimal;
  /** Lower notional bound (inclusive, as the library's tiers are). */
  readonly floor: Decimal;
  /** Upper notional bound. */
  readonly cap: Decimal;
  /** Maintenance margin rate. */
  readonly maintMarginRatio: Decimal;
  /** Maintenance amount used: Binance's value, or the recomputed one under the `'recompute'` policy. */
  readonly cum: Decimal;
}

/**
 * A single maintenance rate and amount, for when the bracket in force is already known (as in Binance's worked
 * examples, which state `MMR` and `cum` directly). No bracket search is made with it.
 * @category Venue: Binance
 */
export interface BinanceMaintenanceRateInput {
  /** Maintenance margin rate. */
  readonly maintMarginRatio: DecimalInput;
  /** Maintenance amount; defaults to 0. */
  readonly cum?: DecimalInput;
}

/**
 * Where a maintenance rate comes from: Binance's bracket list (searched by notional) or one known rate.
 * @category Venue: Binance
 */
export type BinanceBracketsInput = readonly BinanceLeverageBracketInput[] | BinanceMaintenanceRateInput;

/**
 * What to do with the `cum` column of a bracket list.
 *
 * - `'verify'` (default): check each bracket against the recursion of the Binance FAQ "How to Calculate
 *   Liquidation Price of USDⓈ-M Futures Contracts", `cum₁ = 0`, `cumₙ = floorₙ · (MMRₙ − MMRₙ₋₁) + cumₙ₋₁`
 *   (within `cumTolerance`), and throw a `ValidationError` naming the first bracket that breaks it.
 * - `'as-given'`: use Binance's numbers unchecked (maintenance may then jump at a bracket boundary).
 * - `'recompute'`: ignore the column and derive every `cum` from the recursion.
 * @category Venue: Binance
 */
export type BinanceCumPolicy = 'verify' | 'as-given' | 'recompute';

/**
 * Options for reading a bracket list.
 * @category Venue: Binance
 */
export interface BinanceBracketOptions {
  /** See {@link BinanceCumPolicy}; default `'verify'`. */
  readonly cum?: BinanceCumPolicy;
  /** Largest accepted difference between a given `cum` and the recursion under `'verify'`; default 0. */
  readonly cumTolerance?: DecimalInput;
}
