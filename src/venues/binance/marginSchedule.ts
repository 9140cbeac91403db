import type { InputPath } from '../../errors/MarginKitError.js';
import { checkOptions } from '../../internal/argumentShape.js';
import { Decimal } from '../../internal/decimal.js';
import { deepFreeze } from '../../internal/freeze.js';
import type { TieredMarginSchedule } from '../../market/MarginSchedule.js';
import { marginScheduleSchema } from '../../schemas/market.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { readBracketList } from './brackets.js';
import type { BinanceBracketOptions, BinanceLeverageBracketInput } from './LeverageBracket.js';

/** {@link binanceMarginSchedule} with the path of the bracket list inside a larger payload. */
export function marginScheduleAt(
  brackets: unknown,
  options: BinanceBracketOptions,
  path: InputPath,
): TieredMarginSchedule {
  const list = readBracketList(brackets, options, path);
  const one = new Decimal(1);
  const schedule = parseOrThrow(
    marginScheduleSchema(),
    {
      type: 'tiered',
      tiers: list.map((b) => ({
        notionalFloor: b.floor,
        initialFraction: one.div(b.initialLeverage),
        maintenanceFraction: b.maintMarginRatio,
        maintenanceDeduction: b.cum,
      })),
    },
    [...path],
  );
  return deepFreeze(schedule as TieredMarginSchedule);
}

/**
 * The library's tiered {@link TieredMarginSchedule} from a Binance leverage-bracket list (USDⓈ-M
 * `GET /fapi/v1/leverageBracket`, or COIN-M `GET /dapi/v2/leverageBracket` whose bounds are in the coin), one tier
 * per bracket:
 *
 * - `notionalFloor = notionalFloor` (COIN-M: `qtyFloor`), inclusive;
 * - `initialFraction = 1 / initialLeverage` (to 40 significant digits: 1/75 is not a finite decimal);
 * - `maintenanceFraction = maintMarginRatio`;
 * - `maintenanceDeduction = cum` as Binance gives it, so `MM = notional · MMR − cum` (Binance FAQ "How to
 *   Calculate Liquidation Price of USDⓈ-M Futures Contracts").
 *
 * The `cum` column is checked by default against the FAQ's recursion `cum₁ = 0`,
 * `cumₙ = floorₙ · (MMRₙ − MMRₙ₋₁) + cumₙ₋₁` (the one that makes maintenance continuous in notional); see
 * {@link BinanceCumPolicy} for keeping or recomputing it instead. Bracket caps are checked for contiguity but not
 * carried: the library's tiers have no upper bound, so a notional above the last cap stays in the last tier.
 *
 * Units: bounds and `cum` in the settlement asset (USDT for USDⓈ-M, the coin for COIN-M).
 *
 * @param brackets - one symbol's `brackets` array, in Binance's order.
 * @param options - `cum` policy (`'verify'` by default) and `cumTolerance` (default 0).
 * @throws {@link ValidationError} naming the bracket field at fault, e.g. `[2, 'cum']` with code `INVALID_FIELD`
 *   for a `cum` that breaks the recursion, `[1, 'notionalFloor']` with `INVALID_RANGE` for a gap between brackets.
 * @example
 * ```ts
 * import { binanceMarginSchedule } from 'marginkit';
 * // BTCUSDT, first three brackets of the 2021 table (cum 0, 50, 1,300 follow the recursion)
 * const schedule = binanceMarginSchedule([
 *   { bracket: 1, initialLeverage: 125, notionalFloor: 0, notionalCap: 50_000, maintMarginRatio: '0.004', cum: 0 },
 *   { bracket: 2, initialLeverage: 100, notionalFloor: 50_000, notionalCap: 250_000, maintMarginRatio: '0.005', cum: 50 },
 *   { bracket: 3, initialLeverage: 50, notionalFloor: 250_000, notionalCap: 1_000_000, maintMarginRatio: '0.01', cum: 1300 },
 * ]);
 * schedule.tiers.map((t) => t.maintenanceDeduction.toString()); // => ['0', '50', '1300']
 * schedule.tiers[2]?.initialFraction.toString(); // => '0.02'
 * ```
 * @category Venue: Binance
 */
export function binanceMarginSchedule(
  brackets: readonly BinanceLeverageBracketInput[],
  options: BinanceBracketOptions = {},
): TieredMarginSchedule {
  checkOptions(options);
  return marginScheduleAt(brackets, options, []);
}
