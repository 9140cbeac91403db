import { ZERO } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { scanAt } from './scanAt.js';
import type { ScanningRisk } from './scanningRisk.js';
import { nonNegativeAt, objectAt } from './scenarioArgs.js';

/**
 * Input of {@link deribitPortfolioMargin}.
 * @category Scenario margin
 */
export interface DeribitPortfolioMarginInput {
  /** Worst loss over the portfolio-margin grid ({@link scanningRisk} of the book's array). */
  readonly scan: ScanningRisk;
  /** Contingency add-ons ({@link deribitContingency} `total`); default 0. */
  readonly contingency?: DecimalInput;
}

/**
 * A Deribit-style portfolio maintenance margin and the scenario that set it.
 * @category Scenario margin
 */
export interface DeribitPortfolioMargin {
  /** `scan.risk + contingency`. */
  readonly maintenance: Decimal;
  /** The grid scenario with the worst loss. */
  readonly scenario: number;
  /** The worst loss over the grid (≥ 0). */
  readonly scanningRisk: Decimal;
  /** The add-ons. */
  readonly contingency: Decimal;
}

/**
 * Deribit-style portfolio maintenance margin: "the loss in the worst of the stress scenarios" plus the contingency
 * add-ons (Deribit "Portfolio Margin"): `maintenance = max(0, worst grid loss) + contingency`.
 *
 * Units: settlement currency.
 *
 * @param input - the grid's scanning risk and the contingencies.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a negative contingency or a `scan` that is not a
 * scanning-risk result.
 * @example
 * ```ts
 * import { deribitPortfolioMargin, scanningRisk } from 'marginkit';
 * const m = deribitPortfolioMargin({ scan: scanningRisk(['0.8', '2.5', '-1']), contingency: '1.1' });
 * [m.maintenance.toString(), m.scenario]; // => ['3.6', 2]
 * ```
 * @category Scenario margin
 */
export function deribitPortfolioMargin(input: DeribitPortfolioMarginInput): DeribitPortfolioMargin {
  const o = objectAt(input, ['input']);
  const { risk, scenario } = scanAt(o.scan, ['input', 'scan']);
  const contingency =
    o.contingency === undefined ? ZERO() : nonNegativeAt(o.contingency, ['input', 'contingency']);
  return deepFreeze({
    maintenance: risk.plus(contingency),
    scenario,
    scanningRisk: risk,
    contingency,
  });
}
