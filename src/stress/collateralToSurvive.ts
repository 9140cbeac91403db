import type { MarginAccount } from '../account/MarginAccount.js';
import { withProjectedFunding } from '../funding/withProjectedFunding.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { applyShock } from './applyShock.js';
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
 * The collateral to add so that no pool is liquidatable at any scenario's prices (after its funding): per pool
 * `max over scenarios of max(0, MMR − equity)` — the answer to "how much must I add to survive a 12 % move".
 * At exactly that amount the pool sits on maintenance, which is not liquidatable (`equity < MMR` is).
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
  let cross = new D(0);
  let binding: string | undefined;
  const isolated: Record<string, Decimal> = {};
  for (const scenario of scenarios) {
    const shocked = scenario.shock ? applyShock(prices, scenario.shock) : prices;
    const funded = scenario.funding ? withProjectedFunding(account, prices, scenario.funding) : account;
    const s = summarizeAccount(funded, shocked, options);
    const need = s.cross.maintenanceRequirement.minus(s.cross.equity);
    if (need.greaterThan(cross)) {
      cross = need;
      binding = scenario.name;
    }
    for (const pool of s.isolated) {
      const lack = D.max(0, pool.maintenanceRequirement.minus(pool.equity));
      const previous = isolated[pool.positionId] ?? new D(0);
      isolated[pool.positionId] = D.max(previous, lack);
    }
  }
  const total = Object.values(isolated).reduce((a, b) => a.plus(b), cross);
  return { cross, isolated, total, ...(binding ? { bindingScenario: binding } : {}) };
}
