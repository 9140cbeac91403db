import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkChoice, checkObject, checkText, checkWhole } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import {
  checkProgress,
  type Progress,
  type ProgressOptions,
  reportProgress,
  throwIfAborted,
} from '../internal/progress.js';
import type { Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import { checkOptionBook } from './checkOptionMarket.js';
import type { OptionAccountSummary, OptionValuation } from './OptionAccountSummary.js';
import type { OptionBook } from './OptionBook.js';
import { checkRepriceable, readOptionShock, shockWithOptions } from './shockWithOptions.js';
import { summarizeWithOptions } from './summarizeWithOptions.js';

/**
 * What {@link liquidationMoveWithOptions} searches.
 * @category Options
 */
export interface OptionLiquidationSearch extends ProgressOptions {
  /** Prices rise (`'up'`) or fall (`'down'`). */
  readonly direction: 'up' | 'down';
  /** The pool watched: `'cross'` (default) or an isolated position's id (a perpetual's or an option leg's). */
  readonly pool?: string;
  /** Move only this market (options on it re-priced); default every market and asset. */
  readonly market?: string;
  /** Volatility shock applied with the move: σ·(1 + volMove), default 0. */
  readonly volMove?: DecimalInput;
  /** Time passed before the move, ms, default 0. */
  readonly horizonMs?: number;
  /** Largest move searched, as a fraction: default 0.95 down (must be < 1), 4 up. */
  readonly maxMove?: DecimalInput;
  /** Grid points over (0, maxMove], 1 … 1000, default 64. */
  readonly gridSteps?: number;
  /** Bisection halvings of the grid cell where the pool first fails, 0 … 100, default 40. */
  readonly bisectionSteps?: number;
  /**
   * Called after each summary with `done` summaries of at most `total` = 1 + gridSteps + bisectionSteps (the search
   * can end sooner: at `now`, or at a failing grid point with no halvings left).
   */
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * Outcome of {@link liquidationMoveWithOptions}: `now` (already liquidatable), `never` (not within `maxMove` on the
 * grid) or the smallest move found, with the moved market's price when one market moves.
 * @category Options
 */
export type OptionLiquidationMove =
  | { readonly kind: 'now'; readonly evaluations: number }
  | { readonly kind: 'never'; readonly maxMove: Decimal; readonly evaluations: number }
  | {
      readonly kind: 'at';
      /** Signed move (fraction) at which the pool is first found liquidatable. */
      readonly move: Decimal;
      /** The moved market's price at `move` (only when `market` is given). */
      readonly price?: Decimal;
      /** The account at `move`. */
      readonly summary: OptionAccountSummary;
      /** Summaries computed (≤ 1 + gridSteps + bisectionSteps). */
      readonly evaluations: number;
    };

/**
 * The price move at which a pool of an account holding option legs becomes liquidatable, every option re-priced by
 * Black-76 along the path. Option values are not linear in price, so instead of the closed forms of
 * {@link liquidationPrice} this is a bounded numeric search:
 * 1. the pool at move 0 (`now` if already liquidatable);
 * 2. a grid of `gridSteps` moves m·i/gridSteps, i = 1 … gridSteps, m = ±maxMove, stopping at the first liquidatable one;
 * 3. `bisectionSteps` halvings of that cell, keeping the liquidatable end.
 * At most 1 + gridSteps + bisectionSteps summaries; the move is within maxMove/(gridSteps·2^bisectionSteps) above the
 * true threshold (never below it: the returned move is liquidatable). A liquidatable window narrower than one grid cell
 * (the pool failing and recovering between two grid points) can be missed; refine `gridSteps` if a book can have one.
 *
 * @param account - the margin account.
 * @param book - its option legs; every option market needs a volatility in `valuation.volatilities`.
 * @param prices - the starting prices.
 * @param valuation - `nowMs`, `volatilities`, optional `rate` and `priceSource`.
 * @param search - direction, pool, market, volMove, horizonMs, maxMove, gridSteps, bisectionSteps; `onProgress`
 *   after each summary and a `signal` checked before each one.
 * @throws {@link InvalidArgumentError} for bad search fields (path `['search', field]`), an unknown pool
 * (`UNKNOWN_POSITION`), a leg without a volatility; {@link AbortedError} `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook, createPrices, liquidationMoveWithOptions } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', positions: [], collateral: [{ asset: 'USDC', amount: 10_000 }],
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }] });
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-C', optionType: 'call', strike: 100_000, expiry: 0, underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 1000, marginMode: 'cross' }] }, account);
 * // Expired short call, U = 100 000·(1 + m): equity 10 000 − 100 000·m falls below MMR 0.075·U + 100 000·m
 * // once m > 2500 / 207 500 = 0.012048…
 * const at = liquidationMoveWithOptions(account, book, createPrices({ markets: { 'BTC-PERP': { mark: 100_000 } } }),
 *   { nowMs: 0, volatilities: { 'BTC-C': '0.6' } }, { direction: 'up' });
 * at.kind === 'at' && at.move.toFixed(5); // => '0.01205'
 * ```
 * @category Options
 */
export function liquidationMoveWithOptions(
  account: MarginAccount,
  book: OptionBook,
  prices: Prices,
  valuation: OptionValuation,
  search: OptionLiquidationSearch,
): OptionLiquidationMove {
  checkAccount(account);
  checkOptionBook(book);
  checkRepriceable(book, valuation);
  checkObject(search, 'search');
  const base = readOptionShock({ ...search, move: 0 }, ['search'], account);
  checkChoice(search.direction, 'search.direction', ['up', 'down']);
  if (search.pool !== undefined) checkText(search.pool, 'search.pool');
  checkWhole(search.gridSteps, 'search.gridSteps', 1, 1000);
  checkWhole(search.bisectionSteps, 'search.bisectionSteps', 0, 100);
  checkProgress(search, 'search');
  const down = search.direction === 'down';
  const maxMove = decimalArg(search.maxMove ?? (down ? '0.95' : 4), 'search.maxMove', ['search', 'maxMove']);
  if (
    !maxMove.isPositive() ||
    maxMove.isZero() ||
    (down && maxMove.greaterThanOrEqualTo(1)) ||
    maxMove.greaterThan(1000)
  ) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `maxMove must be > 0 and ${down ? '< 1 for a fall' : '≤ 1000'}, got ${maxMove}`,
      ['search', 'maxMove'],
    );
  }
  const pool = search.pool ?? 'cross';
  const gridSteps = search.gridSteps ?? 64;
  const bisectionSteps = search.bisectionSteps ?? 40;
  const sign = down ? -1 : 1;
  let evaluations = 0;
  const most = 1 + gridSteps + bisectionSteps;
  const at = (move: Decimal): { summary: OptionAccountSummary; failed: boolean } => {
    throwIfAborted(search.signal, `liquidationMoveWithOptions at summary ${evaluations} of at most ${most}`);
    evaluations++;
    const shocked = shockWithOptions(account, prices, valuation, { ...base, move });
    const summary = summarizeWithOptions(account, book, shocked.prices, shocked.valuation);
    reportProgress(search, evaluations, most);
    return { summary, failed: poolFailed(summary, pool) };
  };
  if (at(new Decimal(0)).failed) return { kind: 'now', evaluations };
  let safe = new Decimal(0);
  let failing: { move: Decimal; summary: OptionAccountSummary } | undefined;
  for (let i = 1; i <= gridSteps && failing === undefined; i++) {
    const move = maxMove.times(i).div(gridSteps).times(sign);
    const point = at(move);
    if (point.failed) failing = { move, summary: point.summary };
    else safe = move;
  }
  if (failing === undefined) return { kind: 'never', maxMove: maxMove.times(sign), evaluations };
  for (let k = 0; k < bisectionSteps; k++) {
    const middle = safe.plus(failing.move).div(2);
    const point = at(middle);
    if (point.failed) failing = { move: middle, summary: point.summary };
    else safe = middle;
  }
  const price =
    search.market === undefined
      ? undefined
      : priceOf(
          shockWithOptions(account, prices, valuation, { ...base, move: failing.move }).prices,
          search.market,
          valuation.priceSource ?? 'mark',
        );
  return {
    kind: 'at',
    move: failing.move,
    ...(price === undefined ? {} : { price }),
    summary: failing.summary,
    evaluations,
  };
}

function poolFailed(summary: OptionAccountSummary, pool: string): boolean {
  if (pool === 'cross') return summary.cross.liquidatable;
  const isolated = summary.isolated.find((p) => p.positionId === pool);
  if (isolated === undefined) {
    throw new InvalidArgumentError('UNKNOWN_POSITION', `no isolated position '${pool}'`, ['search', 'pool']);
  }
  return isolated.liquidatable;
}
