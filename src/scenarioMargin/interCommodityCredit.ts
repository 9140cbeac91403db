import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ZERO } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { decimalAt, nonEmptyListAt, nonNegativeAt, objectAt, textAt } from './scenarioArgs.js';

/**
 * One leg of an inter-commodity spread.
 * @category Scenario margin
 */
export interface InterCommodityLeg {
  /** The combined commodity (product) of the leg. */
  readonly commodity: string;
  /** The leg's net delta, signed (long > 0). */
  readonly netDelta: DecimalInput;
  /** Delta of this leg in one spread, signed (corn vs soybeans 2:1 long corn: corn +2, soybeans −1); never 0. */
  readonly deltaPerSpread: DecimalInput;
  /** Price risk (outright margin) per unit of delta: the leg's scanning risk divided by its net delta. */
  readonly priceRiskPerDelta: DecimalInput;
}

/**
 * Input of {@link interCommodityCredit}.
 * @category Scenario margin
 */
export interface InterCommodityCreditInput {
  /** Credit rate, a fraction in [0, 1] of the legs' outright margin (CME corn/soybeans: 0.55). */
  readonly rate: DecimalInput;
  /** The legs of the spread, at least two. */
  readonly legs: readonly InterCommodityLeg[];
}

/**
 * Inter-commodity spread credit result.
 * @category Scenario margin
 */
export interface InterCommodityCredit {
  /** Total credit, to subtract from the scanning risk. */
  readonly credit: Decimal;
  /** Spreads formed: `min_l netDelta_l / deltaPerSpread_l`, 0 when a leg points the other way. */
  readonly spreads: Decimal;
  /** Credit per leg, in input order. */
  readonly legs: readonly { readonly commodity: string; readonly credit: Decimal }[];
}

/**
 * SPAN inter-commodity spread credit: "a percentage of credit off the top of the full outright margin of the
 * products that make up the legs" (CME "Inter Spread Calculations").
 * `spreads = max(0, min_l netDelta_l / deltaPerSpread_l)`,
 * `credit_l = rate · spreads · |deltaPerSpread_l| · priceRiskPerDelta_l`, `credit = Σ credit_l`.
 *
 * Units: settlement currency (that of `priceRiskPerDelta`).
 *
 * @param input - credit rate and legs.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a rate outside [0, 1], a zero `deltaPerSpread`,
 * a negative price risk or fewer than two legs, with the path of the field.
 * @example
 * ```ts
 * import { interCommodityCredit } from 'marginkit';
 * // CME: 2 corn ($1,750 outright each) vs 1 soybeans ($2,500) at 55 %: outright 6,000, credit 3,300.
 * const r = interCommodityCredit({ rate: '0.55', legs: [
 *   { commodity: 'corn', netDelta: 2, deltaPerSpread: 2, priceRiskPerDelta: 1750 },
 *   { commodity: 'soybeans', netDelta: -1, deltaPerSpread: -1, priceRiskPerDelta: 2500 },
 * ] });
 * r.credit.toString(); // => '3300'
 * ```
 * @category Scenario margin
 */
export function interCommodityCredit(input: InterCommodityCreditInput): InterCommodityCredit {
  const o = objectAt(input, ['input']);
  const rate = nonNegativeAt(o.rate, ['input', 'rate']);
  if (rate.greaterThan(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≤ 1, got ${rate.toString()}`, [
      'input',
      'rate',
    ]);
  }
  const list = nonEmptyListAt(o.legs, ['input', 'legs']);
  if (list.length < 2) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a spread needs at least two legs', ['input', 'legs']);
  }
  const legs = list.map((item, i) => {
    const leg = objectAt(item, ['input', 'legs', i]);
    const perSpread = decimalAt(leg.deltaPerSpread, ['input', 'legs', i, 'deltaPerSpread']);
    if (perSpread.isZero()) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'must not be 0', [
        'input',
        'legs',
        i,
        'deltaPerSpread',
      ]);
    }
    return {
      commodity: textAt(leg.commodity, ['input', 'legs', i, 'commodity']),
      ratio: decimalAt(leg.netDelta, ['input', 'legs', i, 'netDelta']).div(perSpread),
      weight: perSpread
        .abs()
        .times(nonNegativeAt(leg.priceRiskPerDelta, ['input', 'legs', i, 'priceRiskPerDelta'])),
    };
  });
  let spreads = legs[0]?.ratio ?? ZERO();
  for (const leg of legs) if (leg.ratio.lessThan(spreads)) spreads = leg.ratio;
  if (spreads.isNegative() || spreads.isZero()) spreads = ZERO();
  const perLeg = legs.map((leg) => ({
    commodity: leg.commodity,
    credit: rate.times(spreads).times(leg.weight),
  }));
  return deepFreeze({
    credit: perLeg.reduce((sum, leg) => sum.plus(leg.credit), ZERO()),
    spreads,
    legs: perLeg,
  });
}
