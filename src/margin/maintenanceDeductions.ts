import { checkObjectList } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';

/**
 * The maintenance deductions that make a tiered maintenance requirement continuous in notional:
 * `d₀ = 0`, `dₙ = dₙ₋₁ + floorₙ · (MMFₙ − MMFₙ₋₁)`.
 * This is Binance's "maintenance amount" (cum) recursion, Bybit's "MM deduction" and Hyperliquid's
 * "maintenance_deduction" (Binance FAQ "Leverage and Margin of USDⓈ-M Futures"; Bybit "Margin Parameters";
 * Hyperliquid docs "Margin tiers").
 *
 * @param tiers - tiers by ascending floor: `notionalFloor` (settlement asset) and `maintenanceFraction`.
 * @returns the deduction of each tier, in the settlement asset.
 * @example
 * ```ts
 * import { maintenanceDeductions } from 'marginkit';
 * // Binance BTCUSDT brackets (2021): 0 → 0.4 %, 50 000 → 0.5 %, 250 000 → 1 %
 * maintenanceDeductions([
 *   { notionalFloor: 0, maintenanceFraction: '0.004' },
 *   { notionalFloor: 50_000, maintenanceFraction: '0.005' },
 *   { notionalFloor: 250_000, maintenanceFraction: '0.01' },
 * ]).map(String); // => ['0', '50', '1300']
 * ```
 * @category Margin
 */
export function maintenanceDeductions(
  tiers: readonly { readonly notionalFloor: DecimalInput; readonly maintenanceFraction: DecimalInput }[],
): Decimal[] {
  checkObjectList(tiers, 'tiers');
  const out: Decimal[] = [];
  let previousFraction = new Decimal(0);
  let deduction = new Decimal(0);
  tiers.forEach((tier, i) => {
    const fraction = decimalArg(tier.maintenanceFraction, 'maintenanceFraction', [
      'tiers',
      i,
      'maintenanceFraction',
    ]);
    if (i > 0)
      deduction = deduction.plus(
        decimalArg(tier.notionalFloor, 'notionalFloor', ['tiers', i, 'notionalFloor']).times(
          fraction.minus(previousFraction),
        ),
      );
    out.push(deduction);
    previousFraction = fraction;
  });
  return out;
}
