import type { MarginAccount } from '../account/MarginAccount.js';
import { withProjectedFunding } from '../funding/withProjectedFunding.js';
import { checkAccount, checkOptions, checkPrices, checkScenarios } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { maxAlongPath } from './maxAlongPath.js';
import type { Scenario } from './Scenario.js';

/**
 * A split of collateral into isolated positions that keeps every position alive in every scenario, or why
 * there is none.
 * @category Stress
 */
export type IsolatedMarginPlan =
  | {
      readonly kind: 'plan';
      /** Margin per position id (settlement asset). */
      readonly margins: Readonly<Record<string, Decimal>>;
      /** Settlement-asset cash left in the cross pool. */
      readonly leftover: Decimal;
    }
  | {
      readonly kind: 'not-possible';
      /** Margin each position would need. */
      readonly required: Readonly<Record<string, Decimal>>;
      /** Cash available to split (settlement asset, including margins already isolated). */
      readonly available: Decimal;
      /** How much is missing. */
      readonly deficit: Decimal;
    };

/**
 * Splits the account's settlement-asset cash into isolated margins so that every position survives every
 * scenario on its own. Each position needs `max(IMR_now + max(0, funding_now − uPnL_now), max over scenarios and
 * along their paths of (MMR − uPnL + funding))` — enough to open it isolated today (no credit for a gain) and to
 * stay at or above maintenance all the way to each scenario's prices. If the needs add up to more than the cash, the answer is `not-possible` with the deficit.
 * Other collateral assets (which cannot be isolated margin) are left out of the split.
 *
 * @param account - the account.
 * @param prices - today's prices.
 * @param scenarios - the scenarios every position must survive.
 * @param options - price source.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, isolatedMarginPlan } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }] });
 * const plan = isolatedMarginPlan(account, createPrices({ markets: { ETH: { mark: 3000 } } }),
 *   [{ name: '-12%', shock: { kind: 'uniform', move: '-0.12' } }]);
 * // needs max(IMR 300, MMR 132 + loss 360 at −12 %) = 492
 * if (plan.kind === 'plan') plan.margins.ETH?.toString(); // => '492'
 * ```
 * @category Stress
 */
export function isolatedMarginPlan(
  account: MarginAccount,
  prices: Prices,
  scenarios: readonly Scenario[],
  options: SummaryOptions = {},
): IsolatedMarginPlan {
  checkAccount(account);
  checkPrices(prices);
  checkScenarios(scenarios);
  checkOptions(options);
  // Today: the initial requirement with no credit for a gain (an unrealised loss and owed funding are covered).
  const today = summarizeAccount(account, prices, options);
  const required = today.positions.map((p) =>
    p.requirement.initial.plus(D.max(0, p.unsettledFunding.minus(p.unrealizedPnl))),
  );
  // Each scenario, along its path: maintenance − uPnL + funding, the margin that keeps equity at maintenance.
  // With linear contracts only, each need peaks at an end of the path.
  const linearOnly = Object.values(account.markets).every((m) => m.kind === 'linear');
  for (const scenario of scenarios) {
    const funded = scenario.funding ? withProjectedFunding(account, prices, scenario.funding) : account;
    today.positions.forEach((_, i) => {
      const { value: need } = maxAlongPath(
        prices,
        scenario.shock,
        (p) => {
          const position = summarizeAccount(funded, p, options).positions[i];
          return position
            ? position.requirement.maintenance.minus(position.unrealizedPnl).plus(position.unsettledFunding)
            : new D(0);
        },
        linearOnly,
      );
      const current = required[i];
      if (current && need.greaterThan(current)) required[i] = need;
    });
  }
  const byId: Record<string, Decimal> = {};
  account.positions.forEach((p, i) => {
    byId[p.id] = D.max(0, required[i] ?? 0);
  });
  const settle = account.collateral.find((c) => c.asset === account.settleAsset)?.amount ?? new D(0);
  const available = account.positions.reduce((s, p) => s.plus(p.isolatedMargin ?? 0), settle);
  const total = Object.values(byId).reduce((a, b) => a.plus(b), new D(0));
  if (total.greaterThan(available)) {
    return { kind: 'not-possible', required: byId, available, deficit: total.minus(available) };
  }
  return { kind: 'plan', margins: byId, leftover: available.minus(total) };
}
