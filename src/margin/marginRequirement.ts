import { MissingPriceError } from '../errors/MissingPriceError.js';
import { checkMarket, checkOptions } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { positiveArg } from '../internal/decimalArg.js';
import type { MarginTier } from '../market/MarginSchedule.js';
import type { Market } from '../market/Market.js';
import { marginTierAt } from './marginTierAt.js';
import { notional as notionalOf } from './notional.js';
import { openInterestInitialFraction } from './openInterestInitialFraction.js';

/**
 * The requirements of one position and the terms that produced them, so a number that differs from a venue's
 * screen can be traced. All amounts are in the settlement asset.
 * @category Margin
 */
export interface MarginRequirement {
  /** Notional at the price used. */
  readonly notional: Decimal;
  /** Initial margin requirement: `notional · initialFraction`. */
  readonly initial: Decimal;
  /** Maintenance margin requirement: `notional · maintenanceFraction − maintenanceDeduction`. */
  readonly maintenance: Decimal;
  /** Effective initial fraction: the schedule's (tier or open-interest scaled), raised to 1/leverage when that is higher. */
  readonly initialFraction: Decimal;
  /** The schedule's initial fraction before any user leverage. */
  readonly scheduleInitialFraction: Decimal;
  /** Maintenance fraction applied. */
  readonly maintenanceFraction: Decimal;
  /** Maintenance deduction applied (0 outside tiered schedules). */
  readonly maintenanceDeduction: Decimal;
  /** Index of the tier used, 0-based (tiered schedules only). */
  readonly tierIndex?: number;
  /** The tier used, with its floor, fractions and deduction (tiered schedules only). */
  readonly tier?: MarginTier;
  /** True when the user's leverage, not the schedule, set the initial fraction. */
  readonly leverageBinding: boolean;
}

/**
 * Options of {@link marginRequirement}.
 * @category Margin
 */
export interface MarginRequirementOptions {
  /** User-chosen leverage: raises the initial fraction to `1/leverage` when higher. Never changes maintenance. */
  readonly leverage?: DecimalInput;
  /** Market open interest in contracts, required by open-interest-scaled schedules with a non-zero upper cap. */
  readonly openInterest?: DecimalInput;
}

/**
 * Initial and maintenance margin requirement of `size` contracts at `price` under the market's schedule.
 *
 * - flat: `IMR = N · IMF`, `MMR = N · MMF`
 * - tiered (tier chosen by the notional N itself): `IMR = N · IMF_t`, `MMR = N · MMF_t − deduction_t`
 * - open-interest: `IMR = N · IMF_eff(OI · price)`, `MMR = N · MMF` (scaling never touches maintenance)
 * - with a user leverage L: `IMF ← max(IMF, 1/L)`.
 *
 * Units: the settlement asset (quote for linear, coin for inverse).
 *
 * @param market - the market.
 * @param size - signed size in contracts.
 * @param price - the price the requirement is measured at (the venue's mark or oracle).
 * @param options - leverage and open interest.
 * @throws {@link MissingPriceError} `MISSING_OPEN_INTEREST` when an open-interest schedule needs it.
 * @example
 * ```ts
 * import { createMarket, marginRequirement } from 'marginkit';
 * const m = createMarket({ id: 'XYZUSDT', kind: 'linear', baseAsset: 'XYZ', quoteAsset: 'USDT', marginSchedule: { type: 'tiered', tiers: [
 *   { notionalFloor: 0, initialFraction: '0.1', maintenanceFraction: '0.02' },
 *   { notionalFloor: 1000, initialFraction: '0.1', maintenanceFraction: '0.025' },
 *   { notionalFloor: 2000, initialFraction: '0.1', maintenanceFraction: '0.03' },
 *   { notionalFloor: 3000, initialFraction: '0.1', maintenanceFraction: '0.035' } ] } });
 * marginRequirement(m, 100, 35).maintenance.toString(); // => '92.5'  (Bybit risk-limit illustration)
 * ```
 * @category Margin
 */
export function marginRequirement(
  market: Market,
  size: DecimalInput,
  price: DecimalInput,
  options: MarginRequirementOptions = {},
): MarginRequirement {
  checkMarket(market);
  checkOptions(options);
  const n = notionalOf(market, size, price);
  const schedule = market.marginSchedule;
  let imf: Decimal;
  let mmf: Decimal;
  let deduction = new Decimal(0);
  let tierIndex: number | undefined;
  let tierUsed: MarginTier | undefined;
  if (schedule.type === 'flat') {
    imf = schedule.initialFraction;
    mmf = schedule.maintenanceFraction;
  } else if (schedule.type === 'tiered') {
    const { tier, index } = marginTierAt(schedule, n);
    imf = tier.initialFraction;
    mmf = tier.maintenanceFraction;
    deduction = tier.maintenanceDeduction;
    tierIndex = index;
    tierUsed = tier;
  } else {
    mmf = schedule.maintenanceFraction;
    if (schedule.openInterestUpperCap.isZero()) {
      imf = schedule.initialFraction;
    } else {
      if (options.openInterest === undefined) {
        throw new MissingPriceError(
          'MISSING_OPEN_INTEREST',
          `market ${market.id} scales its initial margin with open interest; give its openInterest`,
          ['markets', market.id, 'openInterest'],
        );
      }
      imf = openInterestInitialFraction(schedule, notionalOf(market, options.openInterest, price));
    }
  }
  let effective = imf;
  let leverageBinding = false;
  if (options.leverage !== undefined) {
    const leverage = positiveArg(options.leverage, 'leverage');
    const fromLeverage = new Decimal(1).div(leverage);
    if (fromLeverage.greaterThan(imf)) {
      effective = fromLeverage;
      leverageBinding = true;
    }
  }
  const requirement: MarginRequirement = {
    notional: n,
    initial: n.times(effective),
    maintenance: n.times(mmf).minus(deduction),
    initialFraction: effective,
    scheduleInitialFraction: imf,
    maintenanceFraction: mmf,
    maintenanceDeduction: deduction,
    leverageBinding,
  };
  return tierIndex === undefined || !tierUsed ? requirement : { ...requirement, tierIndex, tier: tierUsed };
}
