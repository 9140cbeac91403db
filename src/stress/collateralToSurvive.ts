import type { MarginAccount } from '../account/MarginAccount.js';
import { withProjectedFunding } from '../funding/withProjectedFunding.js';
import { checkAccount, checkOptions, checkPrices, checkScenarios } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import type { PoolSummary } from '../margin/AccountSummary.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { maxAlongPath } from './maxAlongPath.js';
import type { Scenario } from './Scenario.js';

/**
 * Collateral each pool needs to stay at or above maintenance in every scenario.
 * @category Stress
 */
export interface SurvivalCollateral {
  /** Settlement-asset collateral to add to the cross pool. */
  readonly cross: Decimal;
  /** Margin to add to each isolated position, by id. */
  readonly isolated: Readonly<Record<string, Decimal>>;
  /** Sum of the above. */
  readonly total: Decimal;
  /** The scenario that sets the cross pool's need (absent when none is needed). */
  readonly bindingScenario?: string;
}

/**
 * A pool's need at its worst point, raised by the smallest steps (1e-38 of its scale) while decimal rounding
 * (an inverse contract's 1/p terms) would still leave the pool a hair below maintenance there.
 */
function exactNeed(
  worst: { value: Decimal; prices: Prices },
  stillShort: (add: Decimal, at: Prices) => boolean,
): Decimal {
  if (!worst.value.isPositive() || worst.value.isZero()) return new D(0);
  let need = worst.value;
  const hair = D.max(1, need.abs()).times('1e-38');
  for (let i = 0; i < 8 && stillShort(need, worst.prices); i++) need = need.plus(hair);
  return need;
}

/**
 * The collateral to add so that no pool is liquidatable anywhere along any scenario's price path (after its
 * funding): per pool `max over scenarios and along the path of max(0, MMR − equity)` — the answer to "how much
 * must I add to survive a 12 % move". Added to a cross pool it is settlement-asset collateral; to an isolated
 * position, margin. Where decimal rounding (inverse contracts' 1/p terms) would leave a pool a hair below
 * maintenance at that amount, the need is raised by the smallest steps that close the gap. The path matters when an account mixes inverse legs of
 * opposite sides, whose surplus can dip between today's prices and the scenario's.
 *
 * @param account - the account.
 * @param prices - today's prices.
 * @param scenarios - the scenarios to survive.
 * @param options - price source.
 * @example
 * ```ts
 * import { collateralToSurvive, createMarginAccount, createPrices } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 300 }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }] });
 * // at −12 %: equity 300 − 360 = −60, MMR 132 → add 192
 * collateralToSurvive(account, createPrices({ markets: { ETH: { mark: 3000 } } }),
 *   [{ name: '-12%', shock: { kind: 'uniform', move: '-0.12' } }]).cross.toString(); // => '192'
 * ```
 * @category Stress
 */
export function collateralToSurvive(
  account: MarginAccount,
  prices: Prices,
  scenarios: readonly Scenario[],
  options: SummaryOptions = {},
): SurvivalCollateral {
  checkAccount(account);
  checkPrices(prices);
  checkScenarios(scenarios);
  checkOptions(options);
  let cross = new D(0);
  let binding: string | undefined;
  const isolated: Record<string, Decimal> = {};
  // With linear contracts only, a pool's shortfall peaks at an end of each path.
  const linearOnly = Object.values(account.markets).every((m) => m.kind === 'linear');
  for (const scenario of scenarios) {
    const funded = scenario.funding ? withProjectedFunding(account, prices, scenario.funding) : account;
    const worstOf = (pool: (s: ReturnType<typeof summarizeAccount>) => PoolSummary | undefined) =>
      maxAlongPath(
        prices,
        scenario.shock,
        (p) => {
          const found = pool(summarizeAccount(funded, p, options));
          return found ? found.maintenanceRequirement.minus(found.equity) : new D(0);
        },
        linearOnly,
      );
    const short =
      (pool: (s: ReturnType<typeof summarizeAccount>) => PoolSummary | undefined) =>
      (add: Decimal, at: Prices) => {
        const found = pool(summarizeAccount(funded, at, options));
        return found ? found.equity.plus(add).lessThan(found.maintenanceRequirement) : false;
      };
    const crossOf = (s: ReturnType<typeof summarizeAccount>) => s.cross;
    const crossNeed = exactNeed(worstOf(crossOf), short(crossOf));
    if (crossNeed.greaterThan(cross)) {
      cross = crossNeed;
      binding = scenario.name;
    }
    for (const pool of summarizeAccount(funded, prices, options).isolated) {
      const find = (s: ReturnType<typeof summarizeAccount>) =>
        s.isolated.find((p) => p.positionId === pool.positionId);
      const lack = exactNeed(worstOf(find), short(find));
      isolated[pool.positionId] = D.max(isolated[pool.positionId] ?? new D(0), lack);
    }
  }
  const total = Object.values(isolated).reduce((a, b) => a.plus(b), cross);
  return { cross, isolated, total, ...(binding ? { bindingScenario: binding } : {}) };
}
