import type { MarginAccount } from '../account/MarginAccount.js';
import type { Prices } from '../prices/Prices.js';
import type { Scenario } from '../stress/Scenario.js';
import { confirmGrid } from './confirmGrid.js';
import type { GridShard } from './GridShard.js';
import { type GridOptions, gridPackedBook } from './gridPackedBook.js';
import { type PackOptions, packAccounts } from './packAccounts.js';
import { packScenarios } from './packScenarios.js';

/**
 * Stresses many accounts over many scenarios: packs accounts and scenarios, runs the float grid with streaming
 * reductions ({@link gridPackedBook}) and decides every cell the screen cannot with the exact engine
 * ({@link confirmGrid}), so which account is liquidatable in which scenario equals the exact engine's everywhere.
 * Unlike {@link stressAccount} there is no liquidation cascade and no funding horizon: each cell is the account at the
 * scenario's prices. Progress counts accounts of the float pass; the signal is checked throughout.
 *
 * @param accounts - created accounts.
 * @param prices - today's prices.
 * @param scenarios - uniform, relative or factor shocks.
 * @param options - price source, ids, account range, loss bins, matrix, progress, signal.
 * @throws {@link InvalidArgumentError} for an unsupported scenario; {@link AbortedError} `ABORTED` when aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, stressGrid, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const grid = stressGrid([account], createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0', '0.1'));
 * [...grid.scenarioLiquidating]; // => [1, 0, 0]
 * ```
 * @category Batch
 */
export function stressGrid(
  accounts: readonly MarginAccount[],
  prices: Prices,
  scenarios: readonly Scenario[],
  options: GridOptions & PackOptions = {},
): GridShard {
  const book = packAccounts(accounts, prices, options);
  const float = gridPackedBook(book, packScenarios(book, scenarios), options);
  return confirmGrid(float, accounts, prices, scenarios, {
    priceSource: book.priceSource,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
