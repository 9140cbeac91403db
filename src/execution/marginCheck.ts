import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import type { AccountSummary, PoolSummary } from '../margin/AccountSummary.js';

/**
 * Whether one margin pool accepts a change.
 * - `initial-margin-met`: after the change `equity ≥ IMR`.
 * - `reduces-risk`: below initial margin, but the change does not add risk: `MMR' ≤ MMR` and
 *   `equity'·MMR ≥ equity·MMR'` (the dYdX v4 rule for undercollateralised updates, `Risk.Cmp`).
 * - `insufficient-margin`: neither; `shortfall = IMR' − equity'` is what the pool lacks.
 * @category Execution
 */
export interface PoolCheck {
  /** `'cross'` or the isolated position's id. */
  readonly pool: string;
  /** True when the pool accepts the change. */
  readonly passes: boolean;
  /** Why. */
  readonly reason: 'initial-margin-met' | 'reduces-risk' | 'insufficient-margin';
  /** Collateral missing for the initial requirement (0 when met). */
  readonly shortfall: Decimal;
}

function reducesRisk(before: PoolSummary, after: PoolSummary): boolean {
  const m0 = before.maintenanceRequirement;
  const m1 = after.maintenanceRequirement;
  if (m0.isZero()) return m1.isZero() && after.equity.greaterThan(before.equity);
  return m1.lessThanOrEqualTo(m0) && after.equity.times(m0).greaterThanOrEqualTo(before.equity.times(m1));
}

function poolOf(summary: AccountSummary, name: string): PoolSummary | undefined {
  return name === 'cross' ? summary.cross : summary.isolated.find((p) => p.positionId === name);
}

/**
 * Checks the named pools of `after` against `before`; `riskReducing(pool)` says whether the change may pass a
 * pool below initial margin by not adding risk (orders may; a leverage or mode change may not).
 */
export function checkPools(
  before: AccountSummary,
  after: AccountSummary,
  names: readonly string[],
  riskReducing: (pool: string) => boolean = () => true,
): PoolCheck[] {
  return names.flatMap((name): PoolCheck[] => {
    const a = poolOf(after, name);
    if (!a) return [];
    if (!a.freeCollateral.isNegative() || a.freeCollateral.isZero()) {
      return [{ pool: name, passes: true, reason: 'initial-margin-met' as const, shortfall: new D(0) }];
    }
    const b = poolOf(before, name);
    if (b && riskReducing(name) && reducesRisk(b, a)) {
      return [
        { pool: name, passes: true, reason: 'reduces-risk' as const, shortfall: a.freeCollateral.negated() },
      ];
    }
    return [
      {
        pool: name,
        passes: false,
        reason: 'insufficient-margin' as const,
        shortfall: a.freeCollateral.negated(),
      },
    ];
  });
}

/**
 * The overall check of a change: it passes when every pool passes; the shortfall is what the failing pools lack.
 * @category Execution
 */
export interface MarginCheck {
  /** True when every pool touched passes. */
  readonly passes: boolean;
  /** Σ shortfall of the failing pools (0 when passing). */
  readonly shortfall: Decimal;
  /** Each pool's check. */
  readonly pools: readonly PoolCheck[];
}

/** Folds the pools' checks into one. */
export function combineChecks(pools: readonly PoolCheck[]): MarginCheck {
  return {
    passes: pools.every((p) => p.passes),
    shortfall: pools.filter((p) => !p.passes).reduce((sum, p) => sum.plus(p.shortfall), new D(0)),
    pools,
  };
}
