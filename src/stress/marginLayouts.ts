import { createMarginAccount } from '../account/createMarginAccount.js';
import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import {
  checkAccount,
  checkObject,
  checkOptions,
  checkPrices,
  checkScenarios,
} from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Position } from '../position/Position.js';
import type { Prices } from '../prices/Prices.js';
import type { Scenario } from './Scenario.js';
import { type StressOptions, type StressRun, stressAccount } from './stressAccount.js';

/**
 * The same positions under another margin layout.
 * @category Stress
 */
export type MarginLayout =
  | { readonly kind: 'cross' }
  | { readonly kind: 'isolated' }
  | { readonly kind: 'split'; readonly margins: Readonly<Record<string, DecimalInput>> };

/**
 * Rebuilds an account under a layout, keeping every position and the total settlement-asset cash:
 *
 * - `cross`: every position cross; isolated margins return to the cross collateral.
 * - `isolated`: every position isolated; the settlement-asset cash (with all isolated margins) is split in
 *   proportion to the positions' initial requirements at today's prices. Other collateral assets stay cross.
 * - `split`: the named positions isolated with the given margins; the rest cross with what remains.
 *
 * @param account - the account.
 * @param prices - today's prices (for the proportional split).
 * @param layout - the layout.
 * @param options - price source of the proportional split.
 * @throws {@link InvalidArgumentError} when a split names an unknown position or allocates more cash than exists.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, withMarginLayout } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'A', kind: 'linear', baseAsset: 'A', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } },
 *             { id: 'B', kind: 'linear', baseAsset: 'B', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.2', maintenanceFraction: '0.1' } }],
 *   collateral: [{ asset: 'USDT', amount: 600 }],
 *   positions: [{ marketId: 'A', size: 10, entryPrice: 100, marginMode: 'cross' }, { marketId: 'B', size: 10, entryPrice: 100, marginMode: 'cross' }] });
 * const iso = withMarginLayout(account, createPrices({ markets: { A: { mark: 100 }, B: { mark: 100 } } }), { kind: 'isolated' });
 * iso.positions.map((p) => p.isolatedMargin?.toString()); // => ['200', '400']
 * ```
 * @category Stress
 */
export function withMarginLayout(
  account: MarginAccount,
  prices: Prices,
  layout: MarginLayout,
  options: SummaryOptions = {},
): MarginAccount {
  checkAccount(account);
  checkPrices(prices);
  checkObject(layout, 'layout');
  if (layout.kind !== 'cross' && layout.kind !== 'isolated') checkObject(layout.margins, 'layout.margins');
  checkOptions(options);
  const settle = account.collateral.find((c) => c.asset === account.settleAsset);
  const isolatedTotal = account.positions.reduce((s, p) => s.plus(p.isolatedMargin ?? 0), new D(0));
  const cash = (settle?.amount ?? new D(0)).plus(isolatedTotal);
  const others = account.collateral.filter((c) => c.asset !== account.settleAsset);
  const asCross = (p: Position): Position => {
    const { isolatedMargin: _drop, ...rest } = p;
    return { ...rest, marginMode: 'cross' };
  };
  let positions: Position[];
  let remaining = cash;
  if (layout.kind === 'cross') positions = account.positions.map(asCross);
  else if (layout.kind === 'isolated') {
    if (!cash.isPositive() || cash.isZero()) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'there is no settlement-asset cash to isolate', [
        'layout',
      ]);
    }
    const summary = summarizeAccount(account, prices, options);
    const imr = summary.positions.map((p) => p.requirement.initial);
    const total = imr.reduce((a, b) => a.plus(b), new D(0));
    positions = account.positions.map((p, i) => {
      const share = total.isZero() ? new D(1).div(account.positions.length) : (imr[i] ?? new D(0)).div(total);
      return { ...p, marginMode: 'isolated', isolatedMargin: cash.times(share) };
    });
    remaining = new D(0);
  } else {
    for (const id of Object.keys(layout.margins)) {
      positionOf(account, id, ['margins', id]);
    }
    positions = account.positions.map((p) => {
      if (!Object.hasOwn(layout.margins, p.id)) return asCross(p);
      const margin = decimalArg(layout.margins[p.id] as DecimalInput, p.id);
      remaining = remaining.minus(margin);
      return { ...p, marginMode: 'isolated', isolatedMargin: margin };
    });
    if (remaining.isNegative()) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `the split allocates ${remaining.negated()} more than the cash`,
        ['margins'],
      );
    }
  }
  return createMarginAccount({
    settleAsset: account.settleAsset,
    markets: Object.values(account.markets),
    collateral: [...others, { asset: account.settleAsset, amount: remaining }],
    positions,
  });
}

/**
 * One layout's outcome across scenarios.
 * @category Stress
 */
export interface LayoutOutcome {
  /** The layout's name: `'cross'`, `'isolated'` or `'split'`. */
  readonly layout: MarginLayout['kind'];
  /** The account under the layout. */
  readonly account: MarginAccount;
  /** The stress run. */
  readonly run: StressRun;
  /** Per scenario: positions that survive and the total loss. */
  readonly byScenario: readonly {
    readonly name: string;
    readonly survivors: readonly string[];
    readonly loss: Decimal;
  }[];
}

/**
 * Cross against isolated: the same positions and cash under cross, fully isolated, and (optionally) a given
 * split, each run through the same scenarios — which positions survive each scenario and the loss in each layout.
 *
 * @param account - the account.
 * @param prices - today's prices.
 * @param scenarios - the scenarios.
 * @param options - stress options, and a `split` layout to add.
 * @example
 * ```ts
 * import { compareMarginLayouts, createMarginAccount, createPrices } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ALT', kind: 'linear', baseAsset: 'ALT', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } },
 *             { id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 400 }],
 *   positions: [{ marketId: 'ALT', size: 10, entryPrice: 100, marginMode: 'cross' }, { marketId: 'BTC', size: 10, entryPrice: 100, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { ALT: { mark: 100 }, BTC: { mark: 100 } } });
 * const c = compareMarginLayouts(account, prices, [{ name: 'ALT -40%', shock: { kind: 'relative', moves: { ALT: '-0.4' } } }],
 *   { crossLiquidation: 'whole-pool' });
 * c.map((o) => `${o.layout}: ${o.byScenario[0]?.survivors.join(',')}`); // => ['cross: ', 'isolated: BTC']
 * ```
 * @category Stress
 */
export function compareMarginLayouts(
  account: MarginAccount,
  prices: Prices,
  scenarios: readonly Scenario[],
  options: StressOptions & { readonly split?: Readonly<Record<string, DecimalInput>> } = {},
): LayoutOutcome[] {
  checkAccount(account);
  checkPrices(prices);
  checkScenarios(scenarios);
  checkOptions(options);
  const layouts: MarginLayout[] = [{ kind: 'cross' }, { kind: 'isolated' }];
  if (options.split) layouts.push({ kind: 'split', margins: options.split });
  return layouts.map((layout) => {
    const laidOut = withMarginLayout(account, prices, layout, options);
    const run = stressAccount(laidOut, prices, scenarios, options);
    return {
      layout: layout.kind,
      account: laidOut,
      run,
      byScenario: run.results.map((r) => ({ name: r.name, survivors: r.survivors, loss: r.loss })),
    };
  });
}
