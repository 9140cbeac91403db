import { createMarginAccount } from '../account/createMarginAccount.js';
import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkObject, checkPrices } from '../internal/argumentShape.js';
import { Decimal as D, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { Position } from '../position/Position.js';
import type { Prices } from '../prices/Prices.js';
import type { MarginLayout } from '../stress/marginLayouts.js';
import {
  cascadeWithOptions,
  type OptionCascadeOptions,
  type OptionCascadeResult,
} from './cascadeWithOptions.js';
import { checkOptionBook } from './checkOptionMarket.js';
import { createOptionBook } from './createOptionBook.js';
import type { OptionValuation } from './OptionAccountSummary.js';
import type { OptionBook, OptionPosition } from './OptionBook.js';
import type { OptionScenario } from './OptionScenario.js';
import { summarizeWithOptions } from './summarizeWithOptions.js';

/**
 * An account and its option legs laid out again.
 * @category Options
 */
export interface OptionLayout {
  readonly account: MarginAccount;
  readonly book: OptionBook;
}

/**
 * Rebuilds an account with option legs under a margin layout, keeping every perpetual, future and option position
 * and the total settlement-asset cash (the cross balance plus every isolated margin, perpetuals' and legs' alike):
 *
 * - `cross`: every position and leg cross; isolated margins return to the cross collateral.
 * - `isolated`: every position and leg isolated; the cash is split in proportion to their initial requirements at
 *   today's prices and valuation (an option leg's: its standard margin, 0 for a long). Other collateral stays cross.
 * - `split`: the named positions or option legs (by position id) isolated with the given margins; the rest cross
 *   with what remains.
 *
 * @param account - the account.
 * @param book - its option legs.
 * @param prices - today's prices.
 * @param valuation - the valuation of the legs (for the proportional split).
 * @param layout - the layout.
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION` for a split naming no position or leg (path
 *   `['layout', 'margins', id]`), `INVALID_ARGUMENT` for a negative margin or a split allocating more than the cash.
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook, createPrices, withOptionLayout } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', collateral: [{ asset: 'USDC', amount: 30_000 }],
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }],
 *   positions: [{ marketId: 'BTC-PERP', size: 1, entryPrice: 100_000, marginMode: 'cross' }] });
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-C', optionType: 'call', strike: 100_000, expiry: 0, underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 1000, marginMode: 'cross' }] }, account);
 * const split = withOptionLayout(account, book, createPrices({ markets: { 'BTC-PERP': { mark: 100_000 } } }),
 *   { nowMs: 0, volatilities: { 'BTC-C': '0.6' } }, { kind: 'split', margins: { 'BTC-C': 12_000 } });
 * split.book.positions[0]?.marginMode; // => 'isolated'
 * split.account.collateral[0]?.amount.toString(); // => '18000'
 * ```
 * @category Options
 */
export function withOptionLayout(
  account: MarginAccount,
  book: OptionBook,
  prices: Prices,
  valuation: OptionValuation,
  layout: MarginLayout,
): OptionLayout {
  checkAccount(account);
  checkOptionBook(book);
  checkPrices(prices);
  checkObject(layout, 'layout');
  if (layout.kind !== 'cross' && layout.kind !== 'isolated') checkObject(layout.margins, 'layout.margins');
  const settle = account.collateral.find((c) => c.asset === account.settleAsset);
  const cash = [...account.positions, ...book.positions].reduce(
    (sum, p) => sum.plus(p.isolatedMargin ?? 0),
    settle?.amount ?? new D(0),
  );
  const others = account.collateral.filter((c) => c.asset !== account.settleAsset);
  const ids = [...account.positions.map((p) => p.id), ...book.positions.map((p) => p.id)];
  const margins = new Map<string, D>();
  let remaining = cash;
  if (layout.kind === 'isolated') {
    if (!cash.isPositive() || cash.isZero()) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'there is no settlement-asset cash to isolate', [
        'layout',
      ]);
    }
    const summary = summarizeWithOptions(account, book, prices, valuation);
    const initial = [
      ...summary.perpetuals.positions.map((p) => p.requirement.initial),
      ...summary.options.map((l) => l.requirement.initial),
    ];
    const total = initial.reduce((a, b) => a.plus(b), new D(0));
    ids.forEach((id, i) => {
      const share = total.isZero() ? new D(1).div(ids.length) : (initial[i] ?? new D(0)).div(total);
      margins.set(id, cash.times(share));
    });
    remaining = new D(0);
  } else if (layout.kind === 'split') {
    for (const [id, value] of Object.entries(layout.margins)) {
      if (!ids.includes(id)) {
        throw new InvalidArgumentError('UNKNOWN_POSITION', `no position or option leg '${id}' to isolate`, [
          'layout',
          'margins',
          id,
        ]);
      }
      const margin = decimalArg(value as DecimalInput, `layout.margins.${id}`, ['layout', 'margins', id]);
      if (margin.isNegative() && !margin.isZero()) {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'an isolated margin must be ≥ 0', [
          'layout',
          'margins',
          id,
        ]);
      }
      margins.set(id, margin);
      remaining = remaining.minus(margin);
    }
    if (remaining.isNegative()) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `the split allocates ${remaining.negated()} more than the cash`,
        ['layout', 'margins'],
      );
    }
  }
  const laid = <P extends Position | OptionPosition>(p: P): P => {
    const { isolatedMargin: _drop, ...rest } = p;
    const margin = margins.get(p.id);
    return (
      margin === undefined
        ? { ...rest, marginMode: 'cross' }
        : { ...rest, marginMode: 'isolated', isolatedMargin: margin }
    ) as P;
  };
  const next = createMarginAccount({
    settleAsset: account.settleAsset,
    markets: Object.values(account.markets),
    collateral: [...others, { asset: account.settleAsset, amount: remaining }],
    positions: account.positions.map(laid),
  });
  const nextBook = createOptionBook(
    {
      markets: Object.values(book.markets).map((m) => ({
        id: m.id,
        optionType: m.optionType,
        strike: m.strike,
        expiry: m.expiry,
        underlying: m.underlying,
        settlement: m.settlement,
        contractSize: m.contractSize,
        margin: m.margin,
      })),
      positions: book.positions.map(laid),
    },
    next,
  );
  return { account: next, book: nextBook };
}

/**
 * One layout's cascades.
 * @category Options
 */
export interface OptionLayoutOutcome extends OptionLayout {
  /** `'cross'`, `'isolated'` or `'split'`. */
  readonly layout: MarginLayout['kind'];
  /** Per scenario, the cascade under this layout. */
  readonly results: readonly OptionCascadeResult[];
}

/**
 * Cross against isolated with option legs: the same perpetuals, futures, option legs and cash laid out all cross,
 * all isolated and (optionally) as a given split ({@link withOptionLayout}), each run through the same scenarios by
 * {@link cascadeWithOptions} — which pools fail, in what order, what survives and the loss in each layout.
 *
 * @param account - the account.
 * @param book - its option legs.
 * @param prices - today's prices.
 * @param valuation - `nowMs`, `volatilities`, optional `rate` and `priceSource`.
 * @param scenarios - the scenarios.
 * @param options - the cascade's options, and a `split` (margins by position id) to add as a third layout.
 * @throws as {@link withOptionLayout} and {@link cascadeWithOptions}.
 * @example
 * ```ts
 * import { compareOptionLayouts, createMarginAccount, createOptionBook, createPrices } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', collateral: [{ asset: 'USDC', amount: 30_000 }],
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }],
 *   positions: [{ marketId: 'BTC-PERP', size: -1, entryPrice: 100_000, marginMode: 'cross' }] });
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-C', optionType: 'call', strike: 100_000, expiry: 0, underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 1000, marginMode: 'cross' }] }, account);
 * const outcomes = compareOptionLayouts(account, book, createPrices({ markets: { 'BTC-PERP': { mark: 100_000 } } }),
 *   { nowMs: 0, volatilities: { 'BTC-C': '0.6' } }, [{ name: 'up 10 %', move: '0.1' }],
 *   { split: { 'BTC-C': 12_000 } });
 * // The short perpetual survives +10 % only with the call isolated on 12 000
 * outcomes.map((o) => `${o.layout}: ${o.results[0]?.survivors.join(',')}`); // => ['cross: ', 'isolated: ', 'split: BTC-PERP']
 * ```
 * @category Options
 */
export function compareOptionLayouts(
  account: MarginAccount,
  book: OptionBook,
  prices: Prices,
  valuation: OptionValuation,
  scenarios: readonly OptionScenario[],
  options: OptionCascadeOptions & { readonly split?: Readonly<Record<string, DecimalInput>> } = {},
): OptionLayoutOutcome[] {
  checkObject(options, 'options');
  const layouts: MarginLayout[] = [{ kind: 'cross' }, { kind: 'isolated' }];
  if (options.split !== undefined) {
    checkObject(options.split, 'options.split');
    layouts.push({ kind: 'split', margins: options.split });
  }
  return layouts.map((layout) => {
    const laid = withOptionLayout(account, book, prices, valuation, layout);
    return {
      layout: layout.kind,
      ...laid,
      results: cascadeWithOptions(laid.account, laid.book, prices, valuation, scenarios, options),
    };
  });
}
