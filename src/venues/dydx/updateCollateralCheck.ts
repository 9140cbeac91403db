import type { DydxRisk, DydxRiskInput } from './DydxRisk.js';
import { imul } from './quantums.js';
import { riskArg } from './riskArg.js';

/**
 * Outcome of a dYdX v4 subaccount update's collateral check (the chain's `UpdateResult` names).
 * @category Venue: dYdX
 */
export type DydxUpdateResult = 'Success' | 'NewlyUndercollateralized' | 'StillUndercollateralized';

/**
 * dYdX v4 collateral check of a subaccount update (order fill, transfer, withdrawal), from the subaccount's risk
 * before (`current`) and after (`next`), in quote quantums:
 *
 * - accepted (`Success`) when `next` is initial-collateralized, `NC ≥ IMR`;
 * - otherwise accepted only if it does not add risk: `MMR_next ≤ MMR_cur` and, cross-multiplied,
 *   `NC_next · MMR_cur ≥ NC_cur · MMR_next` (no worse in {@link dydxCompareRisk}); when either MMR is 0 only
 *   "both 0 and NC strictly rises" passes;
 * - a refusal is `NewlyUndercollateralized` if `current` met `NC ≥ IMR`, else `StillUndercollateralized`.
 *
 * Evaluate both risks with the same open interest (for a match, the post-trade one: see {@link dydxCheckMatch}).
 * Source: dydxprotocol/v4-chain `protocol/x/subaccounts/keeper/subaccount.go`
 * (`internalCanUpdateSubaccountsWithLeverage`) and `protocol/x/subaccounts/lib/updates.go`
 * (`IsValidStateTransitionForUndercollateralizedSubaccount`).
 *
 * @param current - risk before the update.
 * @param next - risk after the update.
 * @throws {@link InvalidArgumentError} for a fractional amount or a negative requirement.
 * @example
 * ```ts
 * import { dydxUpdateCollateralCheck } from 'marginkit';
 * // below initial margin before and after, but the update halves the maintenance margin at the same NC
 * dydxUpdateCollateralCheck(
 *   { netCollateral: 600, initialMargin: 1_000, maintenanceMargin: 500 },
 *   { netCollateral: 600, initialMargin: 800, maintenanceMargin: 250 },
 * ); // => 'Success'
 * ```
 * @category Venue: dYdX
 */
export function dydxUpdateCollateralCheck(current: DydxRiskInput, next: DydxRiskInput): DydxUpdateResult {
  return updateResultOf(riskArg(current, ['current']), riskArg(next, ['next']));
}

/** The same on checked values. */
export function updateResultOf(cur: DydxRisk, next: DydxRisk): DydxUpdateResult {
  if (next.netCollateral.greaterThanOrEqualTo(next.initialMargin)) return 'Success';
  const refusal: DydxUpdateResult = cur.initialMargin.lessThanOrEqualTo(cur.netCollateral)
    ? 'NewlyUndercollateralized'
    : 'StillUndercollateralized';
  if (next.maintenanceMargin.greaterThan(cur.maintenanceMargin)) return refusal;
  if (next.maintenanceMargin.isZero() || cur.maintenanceMargin.isZero()) {
    return next.maintenanceMargin.isZero() &&
      cur.maintenanceMargin.isZero() &&
      next.netCollateral.greaterThan(cur.netCollateral)
      ? 'Success'
      : refusal;
  }
  // Risk.Cmp(next, cur) > 0: next is riskier (ratio lower, or equal ratio and larger MMR).
  const byRatio = imul(cur.netCollateral, next.maintenanceMargin).comparedTo(
    imul(next.netCollateral, cur.maintenanceMargin),
  );
  const riskier = byRatio > 0 || (byRatio === 0 && next.maintenanceMargin.greaterThan(cur.maintenanceMargin));
  return riskier ? refusal : 'Success';
}
