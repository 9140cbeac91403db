import type { DydxRiskInput } from './DydxRisk.js';
import { imul } from './quantums.js';
import { riskArg } from './riskArg.js';

/**
 * dYdX v4 risk ordering of two subaccounts (or positions): `1` when `a` is riskier than `b`, `-1` when less risky,
 * `0` when equally risky. Compares `NC/MMR` without dividing, `b.NC · a.MMR` against `a.NC · b.MMR` (lower
 * collateral per unit of maintenance is riskier); on equal ratios the larger MMR is riskier, and when both MMRs are
 * 0 the smaller NC is. Source: dydxprotocol/v4-chain `protocol/lib/margin/risk.go` (`Risk.Cmp`).
 *
 * @param a - first risk (quote quantums).
 * @param b - second risk.
 * @throws {@link InvalidArgumentError} for a fractional amount or a negative requirement.
 * @example
 * ```ts
 * import { dydxCompareRisk } from 'marginkit';
 * // same ratio 2, but the second carries twice the maintenance: the first is less risky
 * dydxCompareRisk({ netCollateral: 100, maintenanceMargin: 50 }, { netCollateral: 200, maintenanceMargin: 100 }); // => -1
 * ```
 * @category Venue: dYdX
 */
export function dydxCompareRisk(
  a: Pick<DydxRiskInput, 'netCollateral' | 'maintenanceMargin'>,
  b: Pick<DydxRiskInput, 'netCollateral' | 'maintenanceMargin'>,
): -1 | 0 | 1 {
  const x = riskArg(a, ['a']);
  const y = riskArg(b, ['b']);
  const byRatio = imul(y.netCollateral, x.maintenanceMargin).comparedTo(
    imul(x.netCollateral, y.maintenanceMargin),
  );
  if (byRatio !== 0) return byRatio < 0 ? -1 : 1;
  const byRequirement =
    x.maintenanceMargin.isZero() && y.maintenanceMargin.isZero()
      ? y.netCollateral.comparedTo(x.netCollateral)
      : x.maintenanceMargin.comparedTo(y.maintenanceMargin);
  return byRequirement < 0 ? -1 : byRequirement > 0 ? 1 : 0;
}
