import type { MarginAccount } from '../account/MarginAccount.js';
import { checkAccount, checkObject, checkPrices } from '../internal/argumentShape.js';
import { deepFreeze } from '../internal/freeze.js';
import { marketOf } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import type { FundingAccrual, FundingScenario } from './FundingScenario.js';
import { paymentPriceOf } from './paymentPriceOf.js';
import { projectFunding } from './projectFunding.js';

/**
 * A scenario for every market, or one per market id.
 * @category Funding
 */
export type FundingScenarios = FundingScenario | Readonly<Record<string, FundingScenario>>;

/** The scenario for one market. */
export function scenarioFor(scenarios: FundingScenarios, marketId: string): FundingScenario | undefined {
  if (typeof (scenarios as { kind?: unknown }).kind === 'string') return scenarios as FundingScenario;
  const map = scenarios as Readonly<Record<string, FundingScenario>>;
  return Object.hasOwn(map, marketId) ? map[marketId] : undefined;
}

/**
 * Options of {@link withProjectedFunding}.
 * @category Funding
 */
export interface ProjectedFundingOptions {
  /** Start of the horizon, exclusive (ms since the epoch). */
  readonly fromMs: number;
  /** End of the horizon, inclusive. */
  readonly toMs: number;
  /** The rates assumed: one scenario for all markets, or one per market id (markets left out pay nothing). */
  readonly scenario: FundingScenarios;
  /** Discrete (default) or continuous accrual. */
  readonly accrual?: FundingAccrual;
}

/**
 * The account as it would stand after paying the projected funding of `(fromMs, toMs]` at today's prices: each
 * position's projected payments are added to its unsettled funding. Feed the result to
 * {@link summarizeAccount} or {@link liquidationPrice} for the equity, margin ratio and liquidation price after
 * the horizon — the buffer that funding eats.
 *
 * Positions in markets without a funding schedule, or without a scenario in a per-market map, are unchanged.
 * Each payment uses the schedule's payment price from `prices` (an `index` price is read as the oracle price).
 *
 * @param account - the account now.
 * @param prices - prices, held constant over the horizon.
 * @param options - horizon, scenario(s) and accrual.
 * @returns a new, frozen account; the input is not changed.
 * @throws {@link InvalidArgumentError} and {@link MissingPriceError} as {@link projectFunding} and {@link priceOf}.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, liquidationPrice, withProjectedFunding } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
 *     fundingSchedule: { intervalMs: 3_600_000, ratePeriodMs: 28_800_000, paymentPrice: 'oracle',
 *       rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' } } }],
 *   collateral: [{ asset: 'USDC', amount: 400 }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { ETH: { oracle: 3000, mark: 3000 } } });
 * const later = withProjectedFunding(account, prices, { fromMs: 0, toMs: 86_400_000, scenario: { kind: 'worst-case' } });
 * later.positions[0]?.unsettledFunding.toString(); // => '360'  (24 h · 3000 · 0.04 / 8)
 * ```
 * @category Funding
 */
export function withProjectedFunding(
  account: MarginAccount,
  prices: Prices,
  options: ProjectedFundingOptions,
): MarginAccount {
  checkAccount(account);
  checkPrices(prices);
  checkObject(options, 'options');
  checkObject(options.scenario, 'options.scenario');
  const positions = account.positions.map((position) => {
    const market = marketOf(account, position.marketId);
    const schedule = market.fundingSchedule;
    const scenario = scenarioFor(options.scenario, market.id);
    if (!schedule || !scenario) return position;
    const projection = projectFunding(market, position.size, {
      price: paymentPriceOf(prices, market.id, schedule),
      fromMs: options.fromMs,
      toMs: options.toMs,
      scenario,
      schedule,
      ...(options.accrual === undefined ? {} : { accrual: options.accrual }),
    });
    return { ...position, unsettledFunding: position.unsettledFunding.plus(projection.total) };
  });
  return deepFreeze({ ...account, positions });
}
