import type { DydxRiskInput } from './DydxRisk.js';
import { riskArg } from './riskArg.js';

/**
 * dYdX v4 liquidation test: `TMMR > 0 ∧ TNC < TMMR` (strict). A subaccount exactly at maintenance is not
 * liquidatable, and one with no requirement (no positions) never is, whatever its net collateral. Evaluate it on
 * the funding-settled subaccount without the leverage map ({@link dydxSubaccountRisk}), as the liquidation daemon
 * does. Source: dydxprotocol/v4-chain `protocol/lib/margin/risk.go` (`IsLiquidatable`).
 *
 * @param risk - net collateral and maintenance margin requirement (quote quantums).
 * @throws {@link InvalidArgumentError} for a fractional amount or a negative requirement.
 * @example
 * ```ts
 * import { dydxIsLiquidatable } from 'marginkit';
 * dydxIsLiquidatable({ netCollateral: 499_000_000, maintenanceMargin: 500_000_000 }); // => true
 * ```
 * @category Venue: dYdX
 */
export function dydxIsLiquidatable(
  risk: Pick<DydxRiskInput, 'netCollateral' | 'maintenanceMargin'>,
): boolean {
  const { netCollateral, maintenanceMargin } = riskArg(risk, ['risk']);
  return (
    maintenanceMargin.isPositive() && !maintenanceMargin.isZero() && netCollateral.lessThan(maintenanceMargin)
  );
}
