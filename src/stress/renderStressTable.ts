import { checkObjectList, checkOptions, checkWhole } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import type { Ratio } from '../margin/Ratio.js';
import type { StressRun } from './stressAccount.js';

/** `d` with `places` decimals (the library's half-even rounding), grouped in thousands, never '-0.00'. */
function money(d: Decimal, places: number, locale: string, sign = false): string {
  const text = d.toFixed(places);
  const zero = /^-?[0.]+$/.test(text);
  const digits = zero ? text.replace('-', '') : text;
  // Intl.NumberFormat formats a decimal string exactly (no float on the way); it only adds the grouping here.
  const grouped = new Intl.NumberFormat(locale, {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  }).format(digits as unknown as number);
  return sign && !zero && d.isPositive() ? `+${grouped}` : grouped;
}

function ratio(r: Ratio): string {
  return r.kind === 'infinite' ? '∞' : `${r.value.times(100).toFixed(1)}%`;
}

/**
 * Options of {@link renderStressTable}.
 * @category Stress
 */
export interface StressTableOptions {
  /** Decimal places of amounts (default 2). */
  readonly places?: number;
  /** Locale of the thousands grouping (default `'en-US'`: 1,234.50). */
  readonly locale?: string;
}

/**
 * Renders a stress run as a plain-text table, amounts in the account's settlement asset: per scenario the total
 * equity, IMR and MMR at the scenario's prices, the margin ratio (MMR / equity), the pools that fail there
 * (`'cross'` or an isolated position's id), the shortfall `Σ max(0, MMR − equity)`, the positions liquidated in the
 * order they go along the price path, and the P&L after that cascade (`finalEquity − equity today`: a loss is
 * negative, a gain positive). Then the worst scenario (largest weighted loss), the mean weighted P&L, and the
 * scenarios where a pool fails, with the first of them in the order given. Amounts are rounded half-even to
 * `places` and grouped with `Intl.NumberFormat`. No DOM or Node dependency.
 *
 * @param run - a result of {@link stressAccount}.
 * @param options - decimal places and locale of amounts.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, renderStressTable, stressAccount, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const text = renderStressTable(stressAccount(account, createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0', '0.1')));
 * text.split('\n')[0]?.startsWith('Scenario'); // => true
 * text.split('\n').at(-1); // => 'Pools fail in 1 of 3 scenarios: -20%; the first in the order given: -20%.'
 * ```
 * @category Stress
 */
export function renderStressTable(run: StressRun, options: StressTableOptions = {}): string {
  checkObjectList(run?.results, 'run.results');
  checkOptions(options);
  checkWhole(options.places, 'options.places', 0, 20);
  const places = options.places ?? 2;
  const locale = options.locale ?? 'en-US';
  const amount = (d: Decimal, sign = false) => money(d, places, locale, sign);
  const unit = run.base.settleAsset;
  const header = [
    'Scenario',
    `Equity (${unit})`,
    'IMR',
    'MMR',
    'Margin ratio',
    'Failing pools',
    'Shortfall',
    'Liquidated (in order)',
    'P&L after liquidations',
  ];
  const rows = run.results.map((r) => {
    const failing = r.pools.filter((p) => p.liquidatable).map((p) => p.pool);
    return [
      r.name,
      amount(r.summary.total.equity),
      amount(r.summary.total.initialRequirement),
      amount(r.summary.total.maintenanceRequirement),
      ratio(r.summary.total.marginRatio),
      failing.length === 0 ? '-' : failing.join(', '),
      amount(r.shortfall),
      r.liquidated.length === 0 ? '-' : r.liquidated.join(' → '),
      amount(r.loss.negated(), true),
    ];
  });
  const leftAligned = new Set([0, 5, 7]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (leftAligned.has(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const worst = run.results.find((r) => r.name === run.worst);
  const failing = run.results.filter((r) => r.liquidatable || r.cascade.length > 0).map((r) => r.name);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    worst
      ? `Worst scenario (largest weighted loss): ${worst.name}, P&L ${amount(worst.loss.negated(), true)} ${unit}.`
      : 'Worst scenario: none (no scenarios).',
    `Mean weighted P&L: ${amount(run.meanLoss.negated(), true)} ${unit}.`,
    failing.length === 0
      ? 'No scenario makes a pool fail.'
      : `Pools fail in ${failing.length} of ${run.results.length} scenarios: ${failing.join(', ')}; ` +
        `the first in the order given: ${run.firstLiquidatable ?? failing[0]}.`,
  ].join('\n');
}
