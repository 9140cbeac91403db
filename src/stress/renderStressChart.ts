import { checkObjectList, checkOptions, checkWhole } from '../internal/argumentShape.js';
import type { StressRun } from './stressAccount.js';

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Options of {@link renderStressChart}.
 * @category Stress
 */
export interface ChartOptions {
  /** Chart title. */
  readonly title?: string;
  /** Width and height in pixels (default 720 × 360). */
  readonly width?: number;
  readonly height?: number;
}

/**
 * Renders a stress run as a self-contained SVG string: total equity and maintenance requirement against the
 * scenarios (in the run's order, e.g. a ladder of shocks), equity after the liquidation cascade as a dashed line,
 * and a red marker on every scenario at which a pool is liquidatable. Coordinates are computed from the decimals
 * for drawing only. No DOM or Node dependency.
 *
 * @param run - a result of {@link stressAccount}.
 * @param options - title and size.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, renderStressChart, stressAccount, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const svg = renderStressChart(stressAccount(account, createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0.2', '0.05')));
 * svg.startsWith('<svg'); // => true
 * ```
 * @category Stress
 */
export function renderStressChart(run: StressRun, options: ChartOptions = {}): string {
  checkObjectList(run?.results, 'run.results');
  checkOptions(options);
  checkWhole(options.width, 'options.width', 100, 10_000);
  checkWhole(options.height, 'options.height', 100, 10_000);
  const width = options.width ?? 720;
  const height = options.height ?? 360;
  const pad = { left: 70, right: 20, top: 36, bottom: 60 };
  const n = run.results.length;
  const series = run.results.map((r) => ({
    name: r.name,
    equity: r.summary.total.equity.toNumber(),
    mmr: r.summary.total.maintenanceRequirement.toNumber(),
    final: r.finalEquity.toNumber(),
    liquidatable: r.liquidatable,
  }));
  const values = series.flatMap((s) => [s.equity, s.mmr, s.final, 0]);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (i: number) => pad.left + (n <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (n - 1));
  const y = (v: number) => pad.top + ((hi - v) * (height - pad.top - pad.bottom)) / span;
  const path = (pick: (s: (typeof series)[number]) => number) =>
    series.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(pick(s)).toFixed(1)}`).join(' ');
  const ticks = [lo, lo + span / 2, hi]
    .map(
      (v) =>
        `<text x="${pad.left - 6}" y="${y(v).toFixed(1)}" text-anchor="end" font-size="11">${v.toFixed(0)}</text>`,
    )
    .join('');
  const labels = series
    .map(
      (s, i) =>
        `<text x="${x(i).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="end" font-size="10" transform="rotate(-45 ${x(i).toFixed(1)} ${height - pad.bottom + 16})">${xmlText(s.name)}</text>`,
    )
    .join('');
  const markers = series
    .map((s, i) =>
      s.liquidatable
        ? `<circle cx="${x(i).toFixed(1)}" cy="${y(s.equity).toFixed(1)}" r="4" fill="#d62728"><title>${xmlText(s.name)}: liquidatable</title></circle>`
        : '',
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${pad.left}" y="20" font-size="14">${xmlText(options.title ?? 'Equity and maintenance requirement by scenario')}</text>`,
    `<line x1="${pad.left}" y1="${y(0).toFixed(1)}" x2="${width - pad.right}" y2="${y(0).toFixed(1)}" stroke="#999" stroke-width="0.5"/>`,
    ticks,
    `<path d="${path((s) => s.equity)}" fill="none" stroke="#1f77b4" stroke-width="2"><title>equity</title></path>`,
    `<path d="${path((s) => s.mmr)}" fill="none" stroke="#d62728" stroke-width="2"><title>maintenance requirement</title></path>`,
    `<path d="${path((s) => s.final)}" fill="none" stroke="#1f77b4" stroke-width="1" stroke-dasharray="4 3"><title>equity after liquidations</title></path>`,
    markers,
    labels,
    `<text x="${width - pad.right}" y="20" text-anchor="end" font-size="11"><tspan fill="#1f77b4">equity</tspan> · <tspan fill="#d62728">maintenance</tspan> · dashed: after liquidations</text>`,
    '</svg>',
  ].join('');
}
