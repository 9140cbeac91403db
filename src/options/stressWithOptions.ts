import type { MarginAccount } from '../account/MarginAccount.js';
import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import type { Prices } from '../prices/Prices.js';
import type { OptionValuation } from './OptionAccountSummary.js';
import type { OptionBook } from './OptionBook.js';
import type { OptionScenario, OptionScenarioResult } from './OptionScenario.js';
import { readOptionScenarios, shockWithOptions } from './shockWithOptions.js';
import { summarizeWithOptions } from './summarizeWithOptions.js';

/**
 * Stresses an account with option legs: per scenario, prices move by `move` (every market, or one `market`), every
 * option's volatility by `volMove` (σ·(1 + volMove)) and the clock by `horizonMs` (time decay), then the account is
 * summarized with every option re-priced by Black-76 ({@link summarizeWithOptions}). Dated futures' basis converges
 * over the horizon toward expiry after the move ({@link convergeBasis}; past expiry a future is valued at its index).
 * Funding over the horizon is not included. For the order in which pools fail and positions close along the way, see
 * {@link cascadeWithOptions}.
 *
 * Cost: one summary per scenario (each option leg one Black-76 value, about a millisecond).
 *
 * @param account - the margin account.
 * @param book - its option legs; every option market needs a volatility in `valuation.volatilities`.
 * @param prices - the starting prices.
 * @param valuation - `nowMs`, `volatilities`, optional `rate` and `priceSource`.
 * @param scenarios - the scenarios, in order.
 * @param options - `onProgress` after each scenario and a `signal` checked before each one.
 * @throws {@link InvalidArgumentError} for a leg without a volatility (path `['valuation', 'volatilities', id]`) or a
 * bad scenario (path `['scenarios', i, field]`); {@link MissingPriceError} for a missing price; {@link AbortedError}
 * `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook, createPrices, stressWithOptions } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', positions: [], collateral: [{ asset: 'USDC', amount: 10_000 }],
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }] });
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-C', optionType: 'call', strike: 100_000, expiry: 86_400_000, underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 1000, marginMode: 'cross' }] }, account);
 * const [row] = stressWithOptions(account, book, createPrices({ markets: { 'BTC-PERP': { mark: 100_000 } } }),
 *   { nowMs: 0, volatilities: { 'BTC-C': '0.6' } },
 *   [{ name: 'up 20 %, expiry reached', move: '0.2', horizonMs: 86_400_000 }]);
 * // At expiry the short call owes its payoff: 10 000 − (120 000 − 100 000)
 * row?.summary.cross.equity.toString(); // => '-10000'
 * ```
 * @category Options
 */
export function stressWithOptions(
  account: MarginAccount,
  book: OptionBook,
  prices: Prices,
  valuation: OptionValuation,
  scenarios: readonly OptionScenario[],
  options: ProgressOptions = {},
): OptionScenarioResult[] {
  const shocks = readOptionScenarios(account, book, valuation, scenarios, options);
  return scenarios.map((s, i) => {
    throwIfAborted(options.signal, `stressWithOptions at scenario ${i} of ${scenarios.length}`);
    const shocked = shockWithOptions(account, prices, valuation, shocks[i] as (typeof shocks)[number]);
    const summary = summarizeWithOptions(account, book, shocked.prices, shocked.valuation);
    reportProgress(options, i + 1, scenarios.length);
    return { name: s.name, summary };
  });
}
