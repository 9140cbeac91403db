import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import {
  checkAccount,
  checkObjectList,
  checkOptions,
  checkPrices,
  checkTime,
} from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { checkProgress, reportProgress, throwIfAborted } from '../internal/progress.js';
import { summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { liquidatablePools } from './liquidatablePools.js';
import { closeRules, type LiquidationEvent, liquidatePool } from './liquidateAt.js';
import type { StressOptions } from './stressAccount.js';

/**
 * One step of a historical price path.
 * @category Stress
 */
export interface PricePathStep {
  /** Time of the step, ms since the epoch; strictly increasing along the path. */
  readonly time: number;
  /** The true prices at that time. */
  readonly prices: Prices;
}

/**
 * Options of {@link replayPricePath}.
 * @category Stress
 */
export interface ReplayOptions extends StressOptions {
  /**
   * Oracle lag in steps: the margin check at step i sees the prices of step i − k (the first step's before that),
   * while forced closes fill at the true prices of step i. Default 0.
   */
  readonly lagSteps?: number;
}

/**
 * One replayed step.
 * @category Stress
 */
export interface ReplayStep {
  readonly time: number;
  /** Total equity at the true prices, after this step's liquidations. */
  readonly equity: Decimal;
  /** Total maintenance requirement at the true prices, after this step's liquidations. */
  readonly maintenanceRequirement: Decimal;
  /** Pools the (possibly lagged) check found liquidatable at this step. */
  readonly liquidatedPools: readonly string[];
}

/**
 * Result of {@link replayPricePath}.
 * @category Stress
 */
export interface PathReplay {
  readonly steps: readonly ReplayStep[];
  /** Forced closes in order; `at` is the step index. */
  readonly cascade: readonly LiquidationEvent[];
  /** Positions still open at the end, and positions lost. */
  readonly survivors: readonly string[];
  readonly liquidated: readonly string[];
  /** Total equity at the start (first step's true prices) and at the end, and the loss between them. */
  readonly startEquity: Decimal;
  readonly finalEquity: Decimal;
  readonly loss: Decimal;
}

/**
 * Replays a historical price path step by step: at each step the margin check runs on the prices the venue sees
 * (lagged by `lagSteps` to model a slow oracle), every pool it finds liquidatable is liquidated at the step's true
 * prices (worsened by the slippage, the fee charged; cross one by one, worst first, or whole pool), and the
 * account goes on to the next step. A lagging oracle lets a fast move run past the liquidation price before the
 * check sees it, so fills land deeper and losses grow — which the replay measures.
 *
 * @param account - the account at the start.
 * @param path - steps in time order (at least one).
 * @param options - lag, slippage, fee, cross liquidation rule, price source; `onProgress` after each step and a
 *   `signal` checked before each one.
 * @throws {@link InvalidArgumentError} for an empty path, times out of order, or a negative lag.
 * @throws {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, replayPricePath } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const path = [50_000, 46_000, 44_000, 42_000].map((mark, i) => ({ time: i * 60_000, prices: createPrices({ markets: { BTC: { mark } } }) }));
 * replayPricePath(account, path).cascade[0]?.price.toString(); // => '44000'
 * replayPricePath(account, path, { lagSteps: 1 }).cascade[0]?.price.toString(); // => '42000'
 * ```
 * @category Stress
 */
export function replayPricePath(
  account: MarginAccount,
  path: readonly PricePathStep[],
  options: ReplayOptions = {},
): PathReplay {
  checkAccount(account);
  checkObjectList(path, 'path');
  checkOptions(options);
  checkProgress(options);
  const first = path[0];
  if (!first)
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a price path needs at least one step', ['path']);
  path.forEach((step, i) => {
    checkTime(step.time, `path[${i}].time`);
    checkPrices(step.prices, `path[${i}].prices`);
    const previous = path[i - 1];
    if (previous && step.time <= previous.time) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'path times must strictly increase', [
        'path',
        i,
        'time',
      ]);
    }
  });
  const lag = options.lagSteps ?? 0;
  if (!Number.isSafeInteger(lag) || lag < 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'lagSteps must be a whole number ≥ 0', ['lagSteps']);
  }
  const summaryOptions = options.priceSource ? { priceSource: options.priceSource } : {};
  const rules = closeRules(options, summaryOptions);
  const startEquity = summarizeAccount(account, first.prices, summaryOptions).total.equity;
  let current = account;
  const cascade: LiquidationEvent[] = [];
  const steps: ReplayStep[] = path.map((step, i) => {
    throwIfAborted(options.signal, `replayPricePath at step ${i} of ${path.length}`);
    const seen = (path[Math.max(0, i - lag)] ?? first).prices;
    const pools = liquidatablePools(summarizeAccount(current, seen, summaryOptions));
    for (const pool of pools) {
      const closed = liquidatePool(current, pool, step.prices, seen, new D(i), rules);
      cascade.push(...closed.events);
      current = closed.account;
    }
    const after = summarizeAccount(current, step.prices, summaryOptions).total;
    reportProgress(options, i + 1, path.length);
    return {
      time: step.time,
      equity: after.equity,
      maintenanceRequirement: after.maintenanceRequirement,
      liquidatedPools: pools,
    };
  });
  const finalEquity = steps[steps.length - 1]?.equity ?? startEquity;
  return {
    steps,
    cascade,
    survivors: current.positions.map((p) => p.id),
    liquidated: cascade.map((e) => e.positionId),
    startEquity,
    finalEquity,
    loss: startEquity.minus(finalEquity),
  };
}
