import { Decimal } from '../internal/decimal.js';
import type { PoolSummary } from './AccountSummary.js';
import type { Ratio } from './Ratio.js';

/** `numerator / equity`, or `infinite` when equity ≤ 0 and the numerator is not 0. */
export function equityRatio(numerator: Decimal, equity: Decimal): Ratio {
  if (numerator.isZero()) return { kind: 'finite', value: new Decimal(0) };
  if (!equity.isPositive() || equity.isZero()) return { kind: 'infinite' };
  return { kind: 'finite', value: numerator.div(equity) };
}

/** Builds a pool's totals from its collateral and the totals of its positions. */
export function poolFromTotals(
  collateralValue: Decimal,
  equity: Decimal,
  notional: Decimal,
  initialRequirement: Decimal,
  maintenanceRequirement: Decimal,
  exposed: boolean,
): PoolSummary {
  return {
    collateralValue,
    equity,
    notional,
    initialRequirement,
    maintenanceRequirement,
    freeCollateral: equity.minus(initialRequirement),
    marginRatio: equityRatio(maintenanceRequirement, equity),
    leverage: equityRatio(notional, equity),
    // A pool without an open position is never liquidatable (dYdX v4: no positions ⇒ never), even below zero.
    liquidatable: exposed && equity.lessThan(maintenanceRequirement),
  };
}
