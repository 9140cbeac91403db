import { MissingPriceError } from '../errors/MissingPriceError.js';
import { ZERO } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import { decimalOf } from '../internal/exactInteger.js';
import type { FlatMarginSchedule } from '../market/MarginSchedule.js';
import type { Market } from '../market/Market.js';
import type { LinearValues } from './linearAt.js';
import type { MarginRequirement } from './marginRequirement.js';
import { openInterestInitialFraction } from './openInterestInitialFraction.js';
import { tierIndexAt } from './tierIndexAt.js';

/**
 * The requirement of a notional `n` (already computed, ≥ 0) in `market` at `price`: the engine's inner step, on
 * created (trusted) values only. `leverageFraction` is `1/leverage`; `openInterest` is in contracts.
 */
export function requirementAt(
  market: Market,
  n: Decimal,
  price: Decimal,
  leverageFraction: Decimal | undefined,
  openInterest: Decimal | undefined,
): MarginRequirement {
  const schedule = market.marginSchedule;
  if (schedule.type === 'tiered') {
    const tiers = schedule.tiers;
    const index = tierIndexAt(tiers, n);
    const tier = tiers[index] as (typeof tiers)[number];
    const imf = tier.initialFraction;
    const binding = leverageFraction?.greaterThan(imf) === true;
    const effective = binding ? leverageFraction : imf;
    const deduction = tier.maintenanceDeduction;
    const mmr = n.times(tier.maintenanceFraction);
    return {
      notional: n,
      initial: n.times(effective),
      maintenance: deduction.isZero() ? mmr : mmr.minus(deduction),
      initialFraction: effective,
      scheduleInitialFraction: imf,
      maintenanceFraction: tier.maintenanceFraction,
      maintenanceDeduction: deduction,
      tierIndex: index,
      tier,
      leverageBinding: binding,
    };
  }
  let imf: Decimal;
  if (schedule.type === 'flat' || schedule.openInterestUpperCap.isZero()) imf = schedule.initialFraction;
  else {
    if (openInterest === undefined) {
      throw new MissingPriceError(
        'MISSING_OPEN_INTEREST',
        `market ${market.id} scales its initial margin with open interest; give its openInterest`,
        ['markets', market.id, 'openInterest'],
      );
    }
    const contracts = openInterest.abs().times(market.contractSize);
    const oiNotional = market.kind === 'linear' ? contracts.times(price) : contracts.div(price);
    imf = openInterestInitialFraction(schedule, oiNotional);
  }
  const binding = leverageFraction?.greaterThan(imf) === true;
  const effective = binding ? leverageFraction : imf;
  return {
    notional: n,
    initial: n.times(effective),
    maintenance: n.times(schedule.maintenanceFraction),
    initialFraction: effective,
    scheduleInitialFraction: imf,
    maintenanceFraction: schedule.maintenanceFraction,
    maintenanceDeduction: ZERO(),
    leverageBinding: binding,
  };
}

/**
 * The requirement of a linear position valued on the integer path ({@link linearAt}): the same record as
 * {@link requirementAt}, its amounts written from the exact integers.
 */
export function requirementOfValues(
  market: Market,
  values: LinearValues,
  notional: Decimal,
  leverageFraction: Decimal | undefined,
): MarginRequirement {
  const schedule = market.marginSchedule;
  const initial = decimalOf(values.im, values.ik);
  const maintenance = decimalOf(values.mm, values.mk);
  if (schedule.type === 'tiered') {
    const tier = schedule.tiers[values.tier] as (typeof schedule.tiers)[number];
    const imf = tier.initialFraction;
    return {
      notional,
      initial,
      maintenance,
      initialFraction: values.binding ? (leverageFraction as Decimal) : imf,
      scheduleInitialFraction: imf,
      maintenanceFraction: tier.maintenanceFraction,
      maintenanceDeduction: tier.maintenanceDeduction,
      tierIndex: values.tier,
      tier,
      leverageBinding: values.binding,
    };
  }
  const imf = (schedule as FlatMarginSchedule).initialFraction;
  return {
    notional,
    initial,
    maintenance,
    initialFraction: values.binding ? (leverageFraction as Decimal) : imf,
    scheduleInitialFraction: imf,
    maintenanceFraction: (schedule as FlatMarginSchedule).maintenanceFraction,
    maintenanceDeduction: ZERO(),
    leverageBinding: values.binding,
  };
}
