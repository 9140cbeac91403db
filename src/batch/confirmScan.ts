import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccounts, checkChoice, checkOptions, checkPrices } from '../internal/argumentShape.js';
import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import type { PriceSource, Prices } from '../prices/Prices.js';
import type { AccountScan } from './AccountScan.js';
import { checkScan } from './batchShape.js';
import { exactDecisions } from './exactDecisions.js';

/**
 * Options of {@link confirmScan}.
 * @category Batch
 */
export interface ConfirmOptions extends ProgressOptions {
  /** The price source the book was packed at (default `'mark'`). */
  readonly priceSource?: PriceSource;
}

/**
 * The screen's second step: every account flagged `needsExact` is recomputed with {@link summarizeAccount} and its
 * `liquidatable` and `meetsInitial` flags replaced by the exact engine's, so the scan's decisions equal the exact
 * engine's on every account. Returns a new scan (the input is not changed); amounts stay float. Progress counts the
 * flagged accounts; the signal is checked before each.
 *
 * @param scan - a float scan of `accounts` (same order).
 * @param accounts - the accounts that were packed.
 * @param prices - the snapshot they were packed at.
 * @param options - price source, progress, signal.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` when the scan and the accounts differ in length.
 * @throws {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { confirmScan, createMarginAccount, createPrices, packAccounts, scanPackedBook } from 'marginkit';
 * // Equity exactly at maintenance: 100 + 1·(95 − 100) = 95 = 1 · 95 · 1 — not liquidatable (strict).
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'X', kind: 'linear', baseAsset: 'X', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '1', maintenanceFraction: '1' } }],
 *   collateral: [{ asset: 'USDT', amount: 100 }],
 *   positions: [{ marketId: 'X', size: 1, entryPrice: 100, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { X: { mark: 95 } } });
 * const scan = confirmScan(scanPackedBook(packAccounts([account], prices)), [account], prices);
 * [scan.needsExact[0], scan.exactCount, scan.liquidatable[0], scan.meetsInitial[0]]; // => [1, 1, 0, 1]
 * ```
 * @category Batch
 */
export function confirmScan(
  scan: AccountScan,
  accounts: readonly MarginAccount[],
  prices: Prices,
  options: ConfirmOptions = {},
): AccountScan {
  checkScan(scan);
  checkConfirmArguments(accounts, prices, options);
  if (accounts.length !== scan.liquidatable.length) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'the scan and the accounts differ in length', [
      'accounts',
    ]);
  }
  const liquidatable = scan.liquidatable.slice();
  const meetsInitial = scan.meetsInitial.slice();
  const summaryOptions = { priceSource: options.priceSource ?? 'mark' } as const;
  let total = 0;
  for (const flag of scan.needsExact) total += flag;
  let done = 0;
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a];
    if (scan.needsExact[a] !== 1 || !account) continue;
    throwIfAborted(options.signal, `exact recompute at ${done} of ${total} accounts`);
    const exact = exactDecisions(account, prices, summaryOptions);
    liquidatable[a] = exact.liquidatable ? 1 : 0;
    meetsInitial[a] = exact.meetsInitial ? 1 : 0;
    reportProgress(options, ++done, total);
  }
  return { ...scan, liquidatable, meetsInitial, exactCount: scan.exactCount + done };
}

/** The shape of the arguments `confirmScan` and `confirmGrid` share. */
export function checkConfirmArguments(accounts: unknown, prices: unknown, options: unknown): void {
  checkAccounts(accounts);
  checkPrices(prices);
  checkOptions(options);
  const source = (options as ConfirmOptions).priceSource;
  if (source !== undefined) checkChoice(source, 'options.priceSource', ['mark', 'oracle']);
}
