import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkList } from '../internal/argumentShape.js';
import { checkGridShard } from './batchShape.js';
import type { GridShard } from './GridShard.js';
import { concatColumns as concat, sumColumns as sum } from './joinColumns.js';

/**
 * Merges grid shards of adjacent account ranges (in any order) into one: per account arrays are concatenated, per
 * scenario counts and losses and the histogram added, pending cells and exact counts joined. Merging the shards
 * of a split grid gives the grid computed in one piece.
 *
 * @param shards - shards over the same scenarios and loss edges whose ranges tile one range without gaps.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for no shards, different scenarios or edges, or ranges
 *   that overlap or leave a gap.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, gridPackedBook, mergeGridShards, packAccounts, packScenarios, uniformLadder } from 'marginkit';
 * const markets = [{ id: 'BTC', kind: 'linear' as const, baseAsset: 'BTC', quoteAsset: 'USDT',
 *   marginSchedule: { type: 'flat' as const, initialFraction: '0.1', maintenanceFraction: '0.05' } }];
 * const accounts = [1500, 3000, 9000].map((amount) => createMarginAccount({ settleAsset: 'USDT', markets,
 *   collateral: [{ asset: 'USDT', amount }], positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] }));
 * const book = packAccounts(accounts, createPrices({ markets: { BTC: { mark: 50_000 } } }));
 * const scenarios = packScenarios(book, uniformLadder('-0.5', '0', '0.1'));
 * const merged = mergeGridShards([gridPackedBook(book, scenarios, { from: 2 }), gridPackedBook(book, scenarios, { to: 2 })]);
 * [...merged.liquidatingCount]; // => [4, 3, 0]
 * ```
 * @category Batch
 */
export function mergeGridShards(shards: readonly GridShard[]): GridShard {
  checkList(shards, 'shards');
  shards.forEach((shard, i) => {
    checkGridShard(shard, `shards[${i}]`);
  });
  const sorted = [...shards].sort((x, y) => x.from - y.from);
  const first = sorted[0];
  if (!first) throw new InvalidArgumentError('INVALID_ARGUMENT', 'nothing to merge', ['shards']);
  sorted.forEach((s, i) => {
    const previous = sorted[i - 1];
    if (
      s.scenarioCount !== first.scenarioCount ||
      s.lossEdges.length !== first.lossEdges.length ||
      s.lossEdges.some((e, k) => e !== first.lossEdges[k]) ||
      (previous && previous.to !== s.from) ||
      Boolean(s.matrix) !== Boolean(first.matrix)
    ) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        'shards must share scenarios, loss edges and matrix choice, and tile one account range',
        ['shards', shards.indexOf(s)],
      );
    }
  });
  const f64 = (n: number) => new Float64Array(n);
  const i32 = (n: number) => new Int32Array(n);
  const matrices = sorted.flatMap((s) => (s.matrix ? [s.matrix] : []));
  return {
    from: first.from,
    to: sorted[sorted.length - 1]?.to ?? first.to,
    scenarioCount: first.scenarioCount,
    baseEquity: concat(
      sorted.map((s) => s.baseEquity),
      f64,
    ),
    worstEquity: concat(
      sorted.map((s) => s.worstEquity),
      f64,
    ),
    worstScenario: concat(
      sorted.map((s) => s.worstScenario),
      i32,
    ),
    minSurplus: concat(
      sorted.map((s) => s.minSurplus),
      f64,
    ),
    liquidatingCount: concat(
      sorted.map((s) => s.liquidatingCount),
      i32,
    ),
    firstLiquidating: concat(
      sorted.map((s) => s.firstLiquidating),
      i32,
    ),
    scenarioLiquidating: sum(
      sorted.map((s) => s.scenarioLiquidating),
      i32,
    ),
    scenarioLoss: sum(
      sorted.map((s) => s.scenarioLoss),
      f64,
    ),
    lossEdges: [...first.lossEdges],
    lossHistogram: sum(
      sorted.map((s) => s.lossHistogram),
      f64,
    ),
    pending: concat(
      sorted.map((s) => s.pending),
      i32,
    ),
    exactCount: sorted.reduce((n, s) => n + s.exactCount, 0),
    ...(first.matrix
      ? {
          matrix: {
            equity: concat(
              matrices.map((m) => m.equity),
              f64,
            ),
            liquidatable: concat(
              matrices.map((m) => m.liquidatable),
              (n) => new Uint8Array(n),
            ),
          },
        }
      : {}),
  };
}
