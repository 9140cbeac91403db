import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkMarket, checkOptions } from '../internal/argumentShape.js';
import { ONE } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import type { MarginTier } from '../market/MarginSchedule.js';
import type { Market } from '../market/Market.js';
import { notional as notionalOf } from './notional.js';
import { requirementAt } from './requirementAt.js';

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
  /**
   * With `initialAt: 'leverage'` only: the user's leverage is above what the schedule allows at this notional
   * (`1/leverage < scheduleInitialFraction`); the venue would reject the order or the leverage.
   */
  readonly tierViolation?: boolean;
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
  /**
   * `'schedule'` (default): `IMF = max(schedule IMF, 1/leverage)`. `'leverage'`: `IMF = 1/leverage` exactly, as the
   * Hyperliquid front end charges it, with `tierViolation` saying whether the leverage exceeds the tier's maximum
   * (requires `leverage`).
   */
  readonly initialAt?: 'schedule' | 'leverage';
}

/**
 * Initial and maintenance margin requirement of `size` contracts at `price` under the market's schedule.
 *
 * - flat: `IMR = N · IMF`, `MMR = N · MMF`
 * - tiered (tier chosen by the notional N itself): `IMR = N · IMF_t`, `MMR = N · MMF_t − deduction_t`
 * - open-interest: `IMR = N · IMF_eff(OI · price)`, `MMR = N · MMF` (scaling never touches maintenance)
 * - with a user leverage L: `IMF ← max(IMF, 1/L)`; with `initialAt: 'leverage'`, `IMF ← 1/L` and
 *   `tierViolation = 1/L < IMF_schedule`.
 *
 * Units: the settlement asset (quote for linear, coin for inverse).
 *
 * @param market - the market.
 * @param size - signed size in contracts.
 * @param price - the price the requirement is measured at (the venue's mark or oracle).
 * @param options - leverage and open interest.
 * @throws {@link MissingPriceError} `MISSING_OPEN_INTEREST` when an open-interest schedule needs it;
 *   {@link InvalidArgumentError} `INVALID_ARGUMENT` for `initialAt: 'leverage'` without a leverage.
 * @example
 * ```ts
 * import { createMarket, marginRequirement } from 'marginkit';
 * const m = createMarket({ id: 'XYZUSDT', kind: 'linear', baseAsset: 'XYZ', quoteAsset: 'USDT', marginSchedule: { type: 'tiered', tiers: [
 *   { notionalFloor: 0, initialFraction: '0.1', maintenanceFraction: '0.02' },
 *   { notionalFloor: 1000, initialFraction: '0.1', maintenanceFraction: '0.025' },
 *   { notionalFloor: 2000, initialFraction: '0.1', maintenanceFraction: '0.03' },
 *   { notionalFloor: 3000, initialFraction: '0.1', maintenanceFraction: '0.035' } ] } });
 * marginRequirement(m, 100, 35).maintenance.toString(); // => '92.5'  (Bybit risk-limit illustration)
 * // 20× charged at the user's leverage although the schedule's IMF is 10 % (max 10×): flagged, not applied
 * const hl = marginRequirement(m, 10, 35, { leverage: 20, initialAt: 'leverage' });
 * [hl.initial.toString(), hl.tierViolation]; // => ['17.5', true]
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
  const p = positiveArg(price, 'price');
  const leverageFraction =
    options.leverage === undefined ? undefined : ONE().div(positiveArg(options.leverage, 'leverage'));
  const openInterest =
    options.openInterest === undefined ? undefined : decimalArg(options.openInterest, 'openInterest');
  const requirement = requirementAt(market, n, p, leverageFraction, openInterest);
  if (options.initialAt === undefined || options.initialAt === 'schedule') return requirement;
  if (options.initialAt !== 'leverage' || !leverageFraction) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      "initialAt must be 'schedule' or 'leverage', and 'leverage' needs a leverage",
      ['options', 'initialAt'],
    );
  }
  // Charged at the user's leverage even below the tier's floor; the tier is reported as a check, not applied.
  return {
    ...requirement,
    initial: n.times(leverageFraction),
    initialFraction: leverageFraction,
    leverageBinding: true,
    tierViolation: leverageFraction.lessThan(requirement.scheduleInitialFraction),
  };
}
