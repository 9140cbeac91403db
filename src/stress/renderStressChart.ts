import { checkObject, checkObjectList, checkOptions, checkWhole } from '../internal/argumentShape.js';
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
  /** Locale of the axis numbers' thousands grouping (default `'en-US'`). */
  readonly locale?: string;
}

/**
 * One line of {@link StressChartSeries}: a value per scenario, in the run's order.
 * @category Stress
 */
export interface StressChartLine {
  /** `'equity'`, `'maintenance'` or `'equity-after-liquidations'`. */
  readonly key: 'equity' | 'maintenance' | 'equity-after-liquidations';
  /** A label to show in a legend. */
  readonly label: string;
  /** One value per scenario, in the settlement asset; floats for drawing only (the run holds the exact decimals). */
  readonly values: readonly number[];
}

/**
 * A scenario at which pools fail, for a marker.
 * @category Stress
 */
export interface StressChartMarker {
  /** Index of the scenario in the run. */
  readonly index: number;
  readonly scenario: string;
  /** The failing pools: `'cross'` or isolated position ids. */
  readonly pools: readonly string[];
  /** Total equity at the scenario's prices, where the marker sits. */
  readonly equity: number;
}

/**
 * The data behind {@link renderStressChart}, as plain series a front-end can draw with its own chart library.
 * @category Stress
 */
export interface StressChartSeries {
  /** The settlement asset every value is in. */
  readonly unit: string;
  /** Scenario names: the x axis, in the run's order. */
  readonly scenarios: readonly string[];
  /** Total equity, total maintenance requirement, and total equity after the liquidation cascade. */
  readonly lines: readonly StressChartLine[];
  /** Scenarios at which some pool is liquidatable, with the pools. */
  readonly markers: readonly StressChartMarker[];
}

/**
 * The chart data of a stress run as plain series: per scenario (the x axis, in the run's order) the total equity
 * and maintenance requirement at the scenario's prices and the total equity after the liquidation cascade, in the
 * settlement asset, and a marker for every scenario where pools fail, naming them. Values are JavaScript numbers
 * converted from the exact decimals, for drawing only. The same data {@link renderStressChart} draws.
 *
 * @param run - a result of {@link stressAccount}.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, stressAccount, stressChartSeries, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const chart = stressChartSeries(stressAccount(account, createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0', '0.1')));
 * chart.scenarios; // => ['-20%', '-10%', '0%']
 * chart.lines[0]?.values; // => [-500, 500, 1500]  (1500 + 0.2 · 50 000 · move)
 * chart.markers; // => [{ index: 0, scenario: '-20%', pools: ['cross'], equity: -500 }]
 * ```
 * @category Stress
 */
export function stressChartSeries(run: StressRun): StressChartSeries {
  checkObjectList(run?.results, 'run.results');
  checkObject(run.base, 'run.base');
  const results = run.results;
  return {
    unit: run.base.settleAsset,
    scenarios: results.map((r) => r.name),
    lines: [
      { key: 'equity', label: 'equity', values: results.map((r) => r.summary.total.equity.toNumber()) },
      {
        key: 'maintenance',
        label: 'maintenance requirement',
        values: results.map((r) => r.summary.total.maintenanceRequirement.toNumber()),
      },
      {
        key: 'equity-after-liquidations',
        label: 'equity after liquidations',
        values: results.map((r) => r.finalEquity.toNumber()),
      },
    ],
    markers: results.flatMap((r, index) => {
      const pools = r.pools.filter((p) => p.liquidatable).map((p) => p.pool);
      return pools.length === 0
        ? []
        : [{ index, scenario: r.name, pools, equity: r.summary.total.equity.toNumber() }];
    }),
  };
}

/** Round tick values covering [lo, hi]: steps of 1, 2 or 5 × 10^k, about `target` of them. */
function niceTicks(low: number, high: number, target: number): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  // A flat chart still gets an axis around its value.
  const lo = high > low ? low : low - 1;
  const hi = high > low ? high : high + 1;
  const raw = (hi - lo) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step / 2; v += step)
    ticks.push(Math.round(v / step) * step);
  return ticks;
}

/**
 * Renders a stress run as a self-contained SVG string: total equity and maintenance requirement against the
 * scenarios (in the run's order, e.g. a ladder of shocks), equity after the liquidation cascade as a dashed line,
 * a y axis in the settlement asset with round, grouped ticks and grid lines, and a red marker on every scenario
 * where pools fail, labelled with the failing pools (`'cross'` or the isolated position's id). Coordinates come
 * from {@link stressChartSeries}, for drawing only. No DOM or Node dependency.
 *
 * @param run - a result of {@link stressAccount}.
 * @param options - title, size and locale.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, renderStressChart, stressAccount, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1500 }],
 *   positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }] });
 * const svg = renderStressChart(stressAccount(account, createPrices({ markets: { BTC: { mark: 50_000 } } }), uniformLadder('-0.2', '0.2', '0.05')));
 * svg.startsWith('<svg'); // => true
 * svg.includes('>Equity (USDT)</text>'); // => true
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
  const grouping = new Intl.NumberFormat(options.locale ?? 'en-US', { maximumFractionDigits: 2 });
  // The title and the legend sit above the plot, on rows of their own.
  const pad = { left: 84, right: 20, top: 56, bottom: 70 };
  const data = stressChartSeries(run);
  const n = data.scenarios.length;
  const [equity, maintenance, after] = data.lines.map((l) => l.values);
  const all = [...data.lines.flatMap((l) => l.values), 0];
  const ticks = niceTicks(Math.min(...all), Math.max(...all), 6);
  const lo = Math.min(...ticks);
  const hi = Math.max(...ticks);
  const span = hi - lo || 1;
  const x = (i: number) => pad.left + (n <= 1 ? 0 : (i * (width - pad.left - pad.right)) / (n - 1));
  const y = (v: number) => pad.top + ((hi - v) * (height - pad.top - pad.bottom)) / span;
  const path = (values: readonly number[] = []) =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const axis = ticks
    .map((v) => {
      const at = y(v).toFixed(1);
      return (
        `<line x1="${pad.left}" y1="${at}" x2="${width - pad.right}" y2="${at}" stroke="${v === 0 ? '#999' : '#e5e5e5'}" stroke-width="${v === 0 ? 1 : 0.5}"/>` +
        `<text x="${pad.left - 6}" y="${at}" dy="0.32em" text-anchor="end" font-size="11">${xmlText(grouping.format(v))}</text>`
      );
    })
    .join('');
  const labels = data.scenarios
    .map(
      (name, i) =>
        `<text x="${x(i).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="end" font-size="10" transform="rotate(-45 ${x(i).toFixed(1)} ${height - pad.bottom + 16})">${xmlText(name)}</text>`,
    )
    .join('');
  // A marker on the equity line names the failing pools; the label is written where the set of pools changes.
  let previous = '';
  const markers = data.markers
    .map((m) => {
      const pools = m.pools.join(', ');
      const label =
        pools === previous
          ? ''
          : `<text x="${x(m.index).toFixed(1)}" y="${(y(m.equity) - 8).toFixed(1)}" text-anchor="middle" font-size="10" fill="#d62728">${xmlText(pools)}</text>`;
      previous = pools;
      return `<circle cx="${x(m.index).toFixed(1)}" cy="${y(m.equity).toFixed(1)}" r="4" fill="#d62728"><title>${xmlText(m.scenario)}: liquidatable: ${xmlText(pools)}</title></circle>${label}`;
    })
    .join('');
  const yLabelX = 16;
  const yLabelY = pad.top + (height - pad.top - pad.bottom) / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${pad.left}" y="20" font-size="14">${xmlText(options.title ?? 'Equity and maintenance requirement by scenario')}</text>`,
    axis,
    `<text x="${yLabelX}" y="${yLabelY.toFixed(1)}" text-anchor="middle" font-size="11" transform="rotate(-90 ${yLabelX} ${yLabelY.toFixed(1)})">Equity (${xmlText(data.unit)})</text>`,
    `<path d="${path(equity)}" fill="none" stroke="#1f77b4" stroke-width="2"><title>equity</title></path>`,
    `<path d="${path(maintenance)}" fill="none" stroke="#d62728" stroke-width="2"><title>maintenance requirement</title></path>`,
    `<path d="${path(after)}" fill="none" stroke="#1f77b4" stroke-width="1" stroke-dasharray="4 3"><title>equity after liquidations</title></path>`,
    markers,
    labels,
    `<text x="${((pad.left + width - pad.right) / 2).toFixed(1)}" y="${height - 6}" text-anchor="middle" font-size="11">Scenario</text>`,
    `<text x="${pad.left}" y="38" font-size="11"><tspan fill="#1f77b4">equity</tspan> · <tspan fill="#d62728">maintenance requirement</tspan> · dashed: equity after liquidations · <tspan fill="#d62728">●</tspan> failing pools</text>`,
    '</svg>',
  ].join('');
}
