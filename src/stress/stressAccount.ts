import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { withProjectedFunding } from '../funding/withProjectedFunding.js';
import { convergeAt } from '../futures/convergeBasis.js';
import {
  checkAccount,
  checkOptions,
  checkPrices,
  checkScenarios,
  checkTime,
} from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { checkProgress, type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import type { AccountSummary, PoolSummary } from '../margin/AccountSummary.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { applyShock } from './applyShock.js';
import { cascadePath } from './cascadePath.js';
import { closeRules, type LiquidationEvent } from './liquidateAt.js';
import type { Scenario } from './Scenario.js';

/**
 * Options of {@link stressAccount}.
 * @category Stress
 */
export interface StressOptions extends SummaryOptions, ProgressOptions {
  /** Slippage of a forced close against the market price, as a fraction (default 0). */
  readonly liquidationSlippage?: DecimalInput;
  /** Liquidation fee on the closed notional (default 0; e.g. Binance's clearance fee, dYdX up to 1.5 %). */
  readonly liquidationFeeRate?: DecimalInput;
  /** Per-market slippage and fee of forced closes, overriding the two above for the markets named. */
  readonly liquidationCosts?: Readonly<
    Record<string, { readonly slippage?: DecimalInput; readonly feeRate?: DecimalInput }>
  >;
  /**
   * How a failing cross pool is liquidated: `'one-by-one'` (default) closes the position with the largest loss
   * first and stops once the pool is back above maintenance; `'whole-pool'` closes every cross position.
   */
  readonly crossLiquidation?: 'one-by-one' | 'whole-pool';
  /**
   * Accepted for compatibility and ignored: the first failure along a scenario's path is solved exactly (between
   * tier breakpoints each pool's `equity − MMR` is affine, or rational for inverse markets), not searched on a grid.
   * @deprecated
   */
  readonly pathSteps?: number;
}

/**
 * One pool at a scenario's prices, before any liquidation.
 * @category Stress
 */
export interface StressPool {
  /** `'cross'` or the isolated position's id. */
  readonly pool: string;
  readonly equity: Decimal;
  readonly initialRequirement: Decimal;
  readonly maintenanceRequirement: Decimal;
  readonly marginRatio: PoolSummary['marginRatio'];
  readonly liquidatable: boolean;
  /** `max(0, MMR − equity)`: what the pool lacks to stay above maintenance. */
  readonly shortfall: Decimal;
}

/**
 * One scenario's outcome.
 * @category Stress
 */
export interface ScenarioResult {
  readonly name: string;
  readonly weight: Decimal;
  /** Prices at the end of the scenario. */
  readonly prices: Prices;
  /** Funding paid over the scenario's horizon (0 without one). */
  readonly fundingPaid: Decimal;
  /** The account summary at the scenario's prices with no liquidation (a zero shock reproduces today's). */
  readonly summary: AccountSummary;
  /** Every pool at those prices. */
  readonly pools: readonly StressPool[];
  /** Any pool liquidatable at the scenario's prices. */
  readonly liquidatable: boolean;
  /** Σ pool shortfalls. */
  readonly shortfall: Decimal;
  /** Forced closes in the order they happen along the price path. */
  readonly cascade: readonly LiquidationEvent[];
  /** Positions still open at the end, and positions lost. */
  readonly survivors: readonly string[];
  readonly liquidated: readonly string[];
  /** Total equity at the end (after the cascade), and the loss against today's total equity. */
  readonly finalEquity: Decimal;
  readonly loss: Decimal;
  /** `loss · weight`. */
  readonly weightedLoss: Decimal;
}

/**
 * A stress run: every scenario's outcome and a summary.
 * @category Stress
 */
export interface StressRun {
  /** Today's summary. */
  readonly base: AccountSummary;
  readonly results: readonly ScenarioResult[];
  /** The first scenario with the largest weighted loss (losses within 1e-20 relative count as equal); absent with no scenarios. */
  readonly worst?: string;
  /** Weighted losses sorted from best to worst, and their mean. */
  readonly losses: readonly Decimal[];
  readonly meanLoss: Decimal;
  /** The first scenario (in the given order) at which some pool is liquidatable, if any. */
  readonly firstLiquidatable?: string;
}

function horizonOf(funding: { fromMs: number; toMs: number }, index: number): number {
  checkTime(funding.fromMs, `scenarios[${index}].funding.fromMs`);
  checkTime(funding.toMs, `scenarios[${index}].funding.toMs`);
  if (funding.toMs < funding.fromMs) {
    throw new InvalidArgumentError('END_BEFORE_START', 'the funding horizon ends before it starts', [
      'scenarios',
      index,
      'funding',
      'toMs',
    ]);
  }
  return funding.toMs - funding.fromMs;
}

function pools(summary: AccountSummary): StressPool[] {
  const one = (pool: string, p: PoolSummary): StressPool => ({
    pool,
    equity: p.equity,
    initialRequirement: p.initialRequirement,
    maintenanceRequirement: p.maintenanceRequirement,
    marginRatio: p.marginRatio,
    liquidatable: p.liquidatable,
    shortfall: D.max(0, p.maintenanceRequirement.minus(p.equity)),
  });
  return [one('cross', summary.cross), ...summary.isolated.map((p) => one(p.positionId, p))];
}

/**
 * Runs scenarios against an account. For each: the account at the scenario's prices (after its funding horizon),
 * every pool's equity, requirements, margin ratio and shortfall, and the liquidation cascade along a straight
 * price path from today's prices to the scenario's: the first pool to reach maintenance is liquidated at the
 * prices of that moment (fills worsened by the slippage, the fee charged), its proceeds settle, and the path
 * goes on. A cross pool is one unit — a violent leg drains the shared collateral until a healthy position goes
 * with it; each isolated position fails alone. A scenario's funding horizon is also time passing: every dated future's
 * basis converges toward its expiry over it ({@link convergeBasis} from `fromMs` over `toMs − fromMs`, after the
 * shock), and a future past expiry is valued at its index.
 *
 * @param account - the account.
 * @param prices - today's prices.
 * @param scenarios - the scenarios.
 * @param options - slippage, fee, cross liquidation rule, price source; `onProgress` after each scenario and a
 *   `signal` checked before each one.
 * @throws {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, stressAccount, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const run = stressAccount(account, createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0', '0.1'));
 * run.firstLiquidatable; // => '-20%'
 * run.results[0]?.cascade[0]?.price.toFixed(2); // => '44736.84'  ((0.2 · 50 000 − 1500) / (0.2 · 0.95))
 * ```
 * @category Stress
 */
export function stressAccount(
  account: MarginAccount,
  prices: Prices,
  scenarios: readonly Scenario[],
  options: StressOptions = {},
): StressRun {
  checkAccount(account);
  checkPrices(prices);
  checkScenarios(scenarios);
  checkOptions(options);
  checkProgress(options);
  const summaryOptions: SummaryOptions = options.priceSource ? { priceSource: options.priceSource } : {};
  const base = summarizeAccount(account, prices, summaryOptions);
  const rules = closeRules(options, summaryOptions);
  const hasFutures = Object.values(account.markets).some((m) => m.expiry !== undefined);
  const results = scenarios.map((scenario, index) => {
    throwIfAborted(options.signal, `stressAccount at scenario ${index} of ${scenarios.length}`);
    const weight = decimalArg(scenario.weight ?? 1, 'weight');
    let start = account;
    if (scenario.funding) start = withProjectedFunding(account, prices, scenario.funding);
    const fundingPaid = start.positions.reduce(
      (sum, p, i) => sum.plus(p.unsettledFunding.minus(account.positions[i]?.unsettledFunding ?? 0)),
      new D(0),
    );
    const shocked = scenario.shock ? applyShock(prices, scenario.shock) : prices;
    // Time passes over the funding horizon: every dated future's basis converges toward expiry.
    const endPrices =
      scenario.funding && hasFutures
        ? convergeAt(account, shocked, scenario.funding.fromMs, horizonOf(scenario.funding, index))
        : shocked;
    const summary = summarizeAccount(start, endPrices, summaryOptions);

    // The cascade along the straight path from today's prices to the scenario's, solved pool by pool.
    const { events: cascade, account: current } = cascadePath({
      account: start,
      start: prices,
      end: endPrices,
      priceSource: summaryOptions.priceSource ?? 'mark',
      rules,
    });
    // Nothing closed: the account at the end is the one already summarised.
    const final = cascade.length === 0 ? summary : summarizeAccount(current, endPrices, summaryOptions);
    const loss = base.total.equity.minus(final.total.equity);
    const poolList = pools(summary);
    reportProgress(options, index + 1, scenarios.length);
    return {
      name: scenario.name,
      weight,
      prices: endPrices,
      fundingPaid,
      summary,
      pools: poolList,
      liquidatable: poolList.some((p) => p.liquidatable),
      shortfall: poolList.reduce((sum, p) => sum.plus(p.shortfall), new D(0)),
      cascade,
      survivors: current.positions.map((p) => p.id),
      liquidated: cascade.map((e) => e.positionId),
      finalEquity: final.total.equity,
      loss,
      weightedLoss: loss.times(weight),
    };
  });
  const losses = results.map((r) => r.weightedLoss).sort((a, b) => a.comparedTo(b));
  // Ties within 1e-20 relative (the cascade's bisection noise) keep the first scenario.
  const largest = losses[losses.length - 1];
  const tolerance = largest ? D.max(1, largest.abs()).times('1e-20') : new D(0);
  const worst = largest
    ? results.find((r) => r.weightedLoss.greaterThanOrEqualTo(largest.minus(tolerance)))
    : undefined;
  const first = results.find((r) => r.liquidatable || r.cascade.length > 0);
  return {
    base,
    results,
    ...(worst ? { worst: worst.name } : {}),
    losses,
    meanLoss:
      losses.length === 0 ? new D(0) : losses.reduce((a, b) => a.plus(b), new D(0)).div(losses.length),
    ...(first ? { firstLiquidatable: first.name } : {}),
  };
}
