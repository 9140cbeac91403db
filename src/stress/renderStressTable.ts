import { checkObjectList, checkOptions, checkWhole } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import type { Ratio } from '../margin/Ratio.js';
import type { StressRun } from './stressAccount.js';

function money(d: Decimal, places: number): string {
  return d.toFixed(places);
}

function ratio(r: Ratio): string {
  return r.kind === 'infinite' ? '∞' : `${r.value.times(100).toFixed(1)}%`;
}

/**
 * Renders a stress run as a plain-text table: per scenario the total equity, IMR and MMR at the scenario's
 * prices, the margin ratio, whether a pool is liquidatable, the shortfall, the positions liquidated in order, and
 * the loss after the cascade; then the worst scenario and the mean loss. No DOM or Node dependency.
 *
 * @param run - a result of {@link stressAccount}.
 * @param options - decimal places for amounts (default 2).
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, renderStressTable, stressAccount, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const text = renderStressTable(stressAccount(account, createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0', '0.1')));
 * text.split('\n')[0]?.startsWith('Scenario'); // => true
 * ```
 * @category Stress
 */
export function renderStressTable(run: StressRun, options: { readonly places?: number } = {}): string {
  checkObjectList(run?.results, 'run.results');
  checkOptions(options);
  checkWhole(options.places, 'options.places', 0, 20);
  const places = options.places ?? 2;
  const header = [
    'Scenario',
    'Equity',
    'IMR',
    'MMR',
    'Margin ratio',
    'Liq.',
    'Shortfall',
    'Liquidated',
    'Loss',
  ];
  const rows = run.results.map((r) => [
    r.name,
    money(r.summary.total.equity, places),
    money(r.summary.total.initialRequirement, places),
    money(r.summary.total.maintenanceRequirement, places),
    ratio(r.summary.total.marginRatio),
    r.liquidatable ? 'yes' : 'no',
    money(r.shortfall, places),
    r.liquidated.length === 0 ? '-' : r.liquidated.join(' > '),
    money(r.loss, places),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `Worst scenario: ${run.worst ?? 'none'}; mean weighted loss ${money(run.meanLoss, places)}; first liquidatable: ${run.firstLiquidatable ?? 'none'}`,
  ].join('\n');
}
