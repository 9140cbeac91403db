import type { MarginAccount } from '../account/MarginAccount.js';
import type { Prices } from '../prices/Prices.js';
import type { AccountScan } from './AccountScan.js';
import { confirmScan } from './confirmScan.js';
import { type PackOptions, packAccounts } from './packAccounts.js';
import { type ScanOptions, scanPackedBook } from './scanPackedBook.js';

/**
 * Screens many accounts at one price snapshot: packs them ({@link packAccounts}), runs the float kernel
 * ({@link scanPackedBook}) and recomputes exactly every account the float result cannot decide
 * ({@link confirmScan}), so `liquidatable` and `meetsInitial` equal the exact engine's on every account while the
 * amounts stay float (never round, display or settle them). For repeated scans of the same book at new prices,
 * keep the packed book and call the steps yourself. Progress counts accounts of the float pass.
 *
 * @param accounts - created accounts.
 * @param prices - the snapshot.
 * @param options - price source, ids, liquidation prices, progress, signal.
 * @throws {@link MissingPriceError} for a missing price; {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, scanAccounts } from 'marginkit';
 * const markets = [{ id: 'BTC', kind: 'linear' as const, baseAsset: 'BTC', quoteAsset: 'USDT',
 *   marginSchedule: { type: 'flat' as const, initialFraction: '0.1', maintenanceFraction: '0.05' } }];
 * const accounts = [1000, 200].map((amount) => createMarginAccount({ settleAsset: 'USDT', markets,
 *   collateral: [{ asset: 'USDT', amount }],
 *   positions: [{ marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }] }));
 * const scan = scanAccounts(accounts, createPrices({ markets: { BTC: { mark: 49_000 } } }), { liquidationPrices: true });
 * [...scan.liquidatable]; // => [0, 1]
 * scan.positions?.liquidationPrice[0]?.toFixed(2); // => '42105.26'  ((0.1 · 50 000 − 1000) / (0.1 · 0.95))
 * ```
 * @category Batch
 */
export function scanAccounts(
  accounts: readonly MarginAccount[],
  prices: Prices,
  options: ScanOptions & PackOptions = {},
): AccountScan {
  const book = packAccounts(accounts, prices, options);
  const scan = scanPackedBook(book, options);
  return confirmScan(scan, accounts, prices, {
    priceSource: book.priceSource,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
