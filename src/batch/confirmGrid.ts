import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkScenarios } from '../internal/argumentShape.js';
import { reportProgress, throwIfAborted } from '../internal/progress.js';
import { summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { applyShock } from '../stress/applyShock.js';
import type { Scenario } from '../stress/Scenario.js';
import { checkGridShard } from './batchShape.js';
import { type ConfirmOptions, checkConfirmArguments } from './confirmScan.js';
import type { GridShard } from './GridShard.js';

/**
 * The grid's second step: every pending cell is decided by the exact engine, `summarizeAccount(account,
 * applyShock(prices, shock)).total.liquidatable`, and the reductions that count decisions (per account count and first
 * scenario, per scenario count, the matrix flag) are completed, so they equal the exact engine's on every cell.
 * Returns a new shard with no pending cell; the input is not changed. Progress counts pending cells.
 *
 * @param shard - a grid shard (or a merged grid).
 * @param accounts - the packed accounts, indexed as in the book (the whole list, not the shard's slice).
 * @param prices - the snapshot the book was packed at.
 * @param scenarios - the scenarios that were packed.
 * @param options - price source, progress, signal.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` when a pending cell names a missing account or scenario.
 * @throws {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { confirmGrid, createMarginAccount, createPrices, gridPackedBook, packAccounts, packScenarios } from 'marginkit';
 * // At −5 % equity is 100 − 5 = 95 = MMR exactly: not liquidatable, and the float screen cannot tell.
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'X', kind: 'linear', baseAsset: 'X', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '1', maintenanceFraction: '1' } }],
 *   collateral: [{ asset: 'USDT', amount: 100 }],
 *   positions: [{ marketId: 'X', size: 1, entryPrice: 100, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { X: { mark: 100 } } });
 * const scenarios = [{ name: '-5%', shock: { kind: 'uniform' as const, move: '-0.05' } }];
 * const book = packAccounts([account], prices);
 * const grid = gridPackedBook(book, packScenarios(book, scenarios));
 * const exact = confirmGrid(grid, [account], prices, scenarios);
 * [grid.pending.length, exact.exactCount, exact.liquidatingCount[0]]; // => [2, 1, 0]
 * ```
 * @category Batch
 */
export function confirmGrid(
  shard: GridShard,
  accounts: readonly MarginAccount[],
  prices: Prices,
  scenarios: readonly Scenario[],
  options: ConfirmOptions = {},
): GridShard {
  checkGridShard(shard);
  checkConfirmArguments(accounts, prices, options);
  checkScenarios(scenarios);
  const summaryOptions = { priceSource: options.priceSource ?? 'mark' } as const;
  const S = shard.scenarioCount;
  const liquidatingCount = shard.liquidatingCount.slice();
  const firstLiquidating = shard.firstLiquidating.slice();
  const scenarioLiquidating = shard.scenarioLiquidating.slice();
  const matrix = shard.matrix
    ? { equity: shard.matrix.equity, liquidatable: shard.matrix.liquidatable.slice() }
    : undefined;
  const shocked = new Map<number, Prices>();
  const total = shard.pending.length / 2;
  for (let k = 0; k < total; k++) {
    const a = shard.pending[2 * k] as number;
    const s = shard.pending[2 * k + 1] as number;
    const account = accounts[a];
    const scenario = scenarios[s];
    if (!account || !scenario || a < shard.from || a >= shard.to) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `pending cell (${a}, ${s}) has no account or scenario`,
        ['shard', 'pending'],
      );
    }
    throwIfAborted(options.signal, `exact recompute at ${k} of ${total} cells`);
    let at = shocked.get(s);
    if (!at) {
      at = scenario.shock ? applyShock(prices, scenario.shock) : prices;
      shocked.set(s, at);
    }
    if (summarizeAccount(account, at, summaryOptions).total.liquidatable) {
      const r = a - shard.from;
      if (liquidatingCount[r] === 0 || (firstLiquidating[r] as number) > s) firstLiquidating[r] = s;
      liquidatingCount[r] = (liquidatingCount[r] as number) + 1;
      scenarioLiquidating[s] = (scenarioLiquidating[s] as number) + 1;
      if (matrix) matrix.liquidatable[r * S + s] = 1;
    }
    reportProgress(options, k + 1, total);
  }
  return {
    ...shard,
    liquidatingCount,
    firstLiquidating,
    scenarioLiquidating,
    pending: new Int32Array(0),
    exactCount: shard.exactCount + total,
    ...(matrix ? { matrix } : {}),
  };
}
