import type { InputPath } from '../../errors/MarginKitError.js';
import { ValidationError } from '../../errors/ValidationError.js';
import { Decimal } from '../../internal/decimal.js';
import { deepFreeze } from '../../internal/freeze.js';
import { maintenanceDeductions } from '../../margin/maintenanceDeductions.js';
import type { TieredMarginSchedule } from '../../market/MarginSchedule.js';
import { marginScheduleSchema } from '../../schemas/market.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { HyperliquidMarginTable } from './HyperliquidMarginTable.js';
import { marginTableSchema } from './schemas.js';

/** Table ids below this are a single tier at the id's leverage (Hyperliquid docs "Margin tiers"). */
export const FIRST_LISTED_TABLE_ID = 50;

/** The tiers of a table id below 50, or the validated tiers of a listed table. */
function tiersOf(
  table: HyperliquidMarginTable | number,
  path: InputPath,
): readonly { readonly lowerBound: Decimal; readonly maxLeverage: number }[] {
  if (typeof table === 'number') {
    if (!Number.isSafeInteger(table) || table < 1 || table >= FIRST_LISTED_TABLE_ID) {
      throw new ValidationError([
        {
          code: 'INVALID_FIELD',
          path,
          message: `a table id stands for a single tier only from 1 to 49, got ${table}; pass a listed table (meta.marginTables) itself`,
        },
      ]);
    }
    return [{ lowerBound: new Decimal(0), maxLeverage: table }];
  }
  return parseOrThrow(marginTableSchema(), table, [...path]).marginTiers;
}

/** {@link hyperliquidMarginSchedule} with an error path prefix (used by the market factory and the adapter). */
export function marginScheduleAt(
  table: HyperliquidMarginTable | number,
  path: InputPath,
): TieredMarginSchedule {
  const tiers = tiersOf(table, path);
  const two = new Decimal(2);
  const fractions = tiers.map((t) => ({
    notionalFloor: t.lowerBound,
    initialFraction: new Decimal(1).div(t.maxLeverage),
    maintenanceFraction: new Decimal(1).div(two.times(t.maxLeverage)),
  }));
  const deductions = maintenanceDeductions(fractions);
  const schedule = parseOrThrow(
    marginScheduleSchema(),
    {
      type: 'tiered',
      tiers: fractions.map((f, i) => ({ ...f, maintenanceDeduction: deductions[i] ?? new Decimal(0) })),
    },
    [...path],
  );
  return deepFreeze(schedule as TieredMarginSchedule);
}

/**
 * The library's {@link TieredMarginSchedule} for a Hyperliquid margin table.
 *
 * Per tier n with maximum leverage Lₙ and lower bound bₙ (USDC of position value):
 * - initial fraction `IMFₙ = 1 / Lₙ` (the initial margin at maximum leverage);
 * - maintenance fraction `MMRₙ = 1 / (2·Lₙ)`: "half of the initial margin at max leverage";
 * - maintenance deduction `d₀ = 0`, `dₙ = dₙ₋₁ + bₙ · (MMRₙ − MMRₙ₋₁)`, so that
 *   `maintenance = notional · MMRₙ − dₙ` is continuous in the notional.
 *
 * A table id below 50 (a number) is a single tier whose maximum leverage is the id. Units: notionals and
 * deductions in USDC.
 * Source: Hyperliquid docs "Margin tiers" and "Liquidations" (maintenance margin); vectors HL-MMR-*,
 * HL-TIER-DEDUCTION.
 *
 * @param table - a listed table (`meta.marginTables[k][1]`), or a table id from 1 to 49.
 * @returns a frozen tiered schedule.
 * @throws {@link ValidationError} naming the bad field, e.g. `TIERS_NOT_ASCENDING` at
 *   `['marginTiers', 1, 'lowerBound']`, or `INVALID_FIELD` for a table id of 50 or more.
 * @example
 * ```ts
 * import { hyperliquidMarginSchedule } from 'marginkit';
 * // BTC on mainnet: 40× up to 150M USDC, 20× above
 * const btc = hyperliquidMarginSchedule({ marginTiers: [
 *   { lowerBound: '0.0', maxLeverage: 40 }, { lowerBound: '150000000.0', maxLeverage: 20 } ] });
 * btc.tiers.map((t) => t.maintenanceFraction.toString()); // => ['0.0125', '0.025']
 * btc.tiers[1]?.maintenanceDeduction.toString(); // => '1875000'
 * hyperliquidMarginSchedule(20).tiers[0]?.maintenanceFraction.toString(); // => '0.025'
 * ```
 * @category Venue: Hyperliquid
 */
export function hyperliquidMarginSchedule(table: HyperliquidMarginTable | number): TieredMarginSchedule {
  return marginScheduleAt(table, []);
}
