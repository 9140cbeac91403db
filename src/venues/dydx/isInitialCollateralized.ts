import type { DydxRiskInput } from './DydxRisk.js';
import { riskArg } from './riskArg.js';

/**
 * dYdX v4 initial collateralization: `TNC ≥ TIMR` (quote quantums). Any subaccount update that leaves it true is
 * accepted; otherwise {@link dydxUpdateCollateralCheck} decides. Source: dydxprotocol/v4-chain
 * `protocol/lib/margin/risk.go` (`IsInitialCollateralized`).
 *
 * @param risk - net collateral and initial margin requirement.
 * @throws {@link InvalidArgumentError} for a fractional amount or a negative requirement.
 * @example
 * ```ts
 * import { dydxIsInitialCollateralized } from 'marginkit';
 * dydxIsInitialCollateralized({ netCollateral: 1_000, initialMargin: 1_000 }); // => true
 * ```
 * @category Venue: dYdX
 */
export function dydxIsInitialCollateralized(
  risk: Pick<DydxRiskInput, 'netCollateral' | 'initialMargin'>,
): boolean {
  const { netCollateral, initialMargin } = riskArg(risk, ['risk']);
  return netCollateral.greaterThanOrEqualTo(initialMargin);
}
