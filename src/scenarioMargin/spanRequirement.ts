import { ZERO } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { scanAt } from './scanAt.js';
import type { ScanningRisk } from './scanningRisk.js';
import { nonNegativeAt, objectAt } from './scenarioArgs.js';

/**
 * Input of {@link spanRequirement}: the components of one combined commodity.
 * @category Scenario margin
 */
export interface SpanRequirementInput {
  /** Scanning risk of the combined array ({@link scanningRisk}). */
  readonly scan: ScanningRisk;
  /** Intra-commodity spread charge ({@link intraSpreadCharge}); default 0. */
  readonly intraSpreadCharge?: DecimalInput;
  /** Delivery (spot-month) charge; default 0. */
  readonly deliveryCharge?: DecimalInput;
  /** Inter-commodity spread credit ({@link interCommodityCredit}); default 0. */
  readonly interCommodityCredit?: DecimalInput;
  /** Short option minimum: number of short option contracts and the charge per contract (NSE: 3 % of notional for index options). */
  readonly shortOptions?: { readonly contracts: DecimalInput; readonly chargePerContract: DecimalInput };
}

/**
 * A SPAN requirement and what set it.
 * @category Scenario margin
 */
export interface SpanRequirement {
  /** `max(riskMargin, shortOptionMinimum)`. */
  readonly requirement: Decimal;
  /** Which term set the requirement (the short option minimum wins only when strictly above the risk margin). */
  readonly setBy: 'scanning-risk' | 'short-option-minimum';
  /** The scenario that set the scanning risk. */
  readonly scenario: number;
  /** `max(0, scan + intra + delivery − inter credit)`. */
  readonly riskMargin: Decimal;
  /** `contracts · chargePerContract` (0 without short options). */
  readonly shortOptionMinimum: Decimal;
}

/**
 * SPAN requirement of one combined commodity:
 * `max(scan + intraSpreadCharge + deliveryCharge − interCommodityCredit, shortOptionMinimum)`, floored at 0, naming
 * the scenario that set the scanning risk (CME "Components of SPAN"; the standard SPAN aggregation).
 *
 * Units: settlement currency.
 *
 * @param input - the components.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a negative component (path of the field) or a `scan`
 * that is not a scanning-risk result.
 * @example
 * ```ts
 * import { riskArray, scanningRisk, spanRequirement, spanRiskScenarios } from 'marginkit';
 * const scen = spanRiskScenarios();
 * const scan = scanningRisk(riskArray(scen, { price: 2800, priceScanRange: 20, contractSize: 500 }), scen);
 * const r = spanRequirement({ scan, intraSpreadCharge: 150 });
 * [r.requirement.toString(), r.setBy, r.scenario]; // => ['10150', 'scanning-risk', 13]
 * ```
 * @category Scenario margin
 */
export function spanRequirement(input: SpanRequirementInput): SpanRequirement {
  const o = objectAt(input, ['input']);
  const { risk, scenario } = scanAt(o.scan, ['input', 'scan']);
  const optional = (key: string): Decimal =>
    o[key] === undefined ? ZERO() : nonNegativeAt(o[key], ['input', key]);
  const gross = risk.plus(optional('intraSpreadCharge')).plus(optional('deliveryCharge'));
  const net = gross.minus(optional('interCommodityCredit'));
  const riskMargin = net.isNegative() ? ZERO() : net;
  let som = ZERO();
  if (o.shortOptions !== undefined) {
    const s = objectAt(o.shortOptions, ['input', 'shortOptions']);
    som = nonNegativeAt(s.contracts, ['input', 'shortOptions', 'contracts']).times(
      nonNegativeAt(s.chargePerContract, ['input', 'shortOptions', 'chargePerContract']),
    );
  }
  const byMinimum = som.greaterThan(riskMargin);
  return deepFreeze({
    requirement: byMinimum ? som : riskMargin,
    setBy: byMinimum ? 'short-option-minimum' : 'scanning-risk',
    scenario,
    riskMargin,
    shortOptionMinimum: som,
  });
}
