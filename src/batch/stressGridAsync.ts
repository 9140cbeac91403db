import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { reportProgress } from '../internal/progress.js';
import type { Prices } from '../prices/Prices.js';
import type { Scenario } from '../stress/Scenario.js';
import { confirmGrid } from './confirmGrid.js';
import type { GridShard } from './GridShard.js';
import { type GridOptions, gridPackedBook } from './gridPackedBook.js';
import { mergeGridShards } from './mergeGridShards.js';
import { type PackOptions, packAccounts } from './packAccounts.js';
import { packScenarios } from './packScenarios.js';

/**
 * Options of {@link stressGridAsync}.
 * @category Batch
 */
export interface AsyncGridOptions extends GridOptions, PackOptions {
  /** Accounts per chunk between two yields to the event loop (default 2048). */
  readonly chunkSize?: number;
}

/** A macrotask turn, so rendering and input handlers run between chunks (a browser tab stays responsive). */
function yieldToEventLoop(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => {
    if (timer) timer(resolve, 0);
    else resolve();
  });
}

/**
 * {@link stressGrid} in chunks of accounts with a yield to the event loop between chunks: the same result, without
 * blocking the thread for the whole grid. Progress counts accounts after each chunk; an aborted signal rejects
 * with {@link AbortedError} `ABORTED` at the next chunk.
 *
 * @param accounts - created accounts.
 * @param prices - today's prices.
 * @param scenarios - uniform, relative or factor shocks.
 * @param options - as {@link stressGrid}, plus the chunk size.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, stressGridAsync, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const grid = await stressGridAsync([account], createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0', '0.1'));
 * [...grid.scenarioLiquidating]; // => [1, 0, 0]
 * ```
 * @category Batch
 */
export async function stressGridAsync(
  accounts: readonly MarginAccount[],
  prices: Prices,
  scenarios: readonly Scenario[],
  options: AsyncGridOptions = {},
): Promise<GridShard> {
  const book = packAccounts(accounts, prices, options);
  const packed = packScenarios(book, scenarios);
  if (options.chunkSize !== undefined && !Number.isFinite(options.chunkSize)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'options.chunkSize must be a finite number', [
      'options',
      'chunkSize',
    ]);
  }
  const chunk = Math.max(1, Math.floor(options.chunkSize ?? 2048));
  const from = options.from ?? 0;
  const to = options.to ?? book.accountCount;
  const shards: GridShard[] = [];
  const { onProgress: _progress, ...rest } = options;
  for (let start = from; start < to || shards.length === 0; start += chunk) {
    shards.push(gridPackedBook(book, packed, { ...rest, from: start, to: Math.min(to, start + chunk) }));
    reportProgress(options, Math.min(to, start + chunk) - from, to - from);
    await yieldToEventLoop();
  }
  return confirmGrid(mergeGridShards(shards), accounts, prices, scenarios, {
    priceSource: book.priceSource,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
