// `marginkit stress`: scenarios against one account, as a table and optionally a chart file.
import {
  renderStressChart,
  renderStressTable,
  type ScenarioResult,
  type StressOptions,
  stressAccount,
  stressChartSeries,
  summarizeAccount,
} from 'marginkit';
import type { Command, CommandContext } from '../Command.js';
import { moneyDecimals } from '../format.js';
import { inField } from '../inField.js';
import { heading, type Output, preformatted, text } from '../Layout.js';
import { mergeStressRuns } from '../mergeStressRuns.js';
import { scenarioInput } from '../scenarioInput.js';

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A self-contained HTML page holding the chart and the table. */
function htmlPage(title: string, svg: string, table: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;margin:2rem}pre{font-size:12px}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    svg,
    `<pre>${escapeHtml(table)}</pre>`,
    '</body></html>',
    '',
  ].join('\n');
}

function runStress(context: CommandContext): Output {
  const book = context.book();
  const scenarios = scenarioInput(context.values);
  const options: StressOptions = {
    priceSource: context.priceSource(book),
    ...(typeof context.values.slippage === 'string' ? { liquidationSlippage: context.values.slippage } : {}),
    ...(typeof context.values['fee-rate'] === 'string'
      ? { liquidationFeeRate: context.values['fee-rate'] }
      : {}),
    ...(context.values['whole-pool'] === true ? { crossLiquidation: 'whole-pool' as const } : {}),
  };
  // One scenario at a time, so that the bar moves; the run is the same as one call with every scenario.
  const progress = context.progress('stress', scenarios.length);
  const results: ScenarioResult[] = [];
  scenarios.forEach((scenario, i) => {
    const one = inField(['scenarios', i], () =>
      stressAccount(book.account, book.prices, [scenario], options),
    );
    results.push(...one.results);
    progress.update(i + 1);
  });
  progress.finish();
  const run = mergeStressRuns(summarizeAccount(book.account, book.prices, options), results);
  const title = `Stress: ${book.title}`;
  const table = renderStressTable(run, { places: moneyDecimals(book.account.settleAsset) });
  const chartFile = context.values.chart;
  const blocks = [heading(title), preformatted(table)];
  if (typeof chartFile === 'string') {
    const svg = renderStressChart(run, { title });
    context.writeFile(chartFile, chartFile.endsWith('.html') ? htmlPage(title, svg, table) : svg);
    blocks.push(text(`Chart written to ${chartFile}.`));
  }
  return {
    blocks,
    data: {
      title: book.title,
      worst: run.worst ?? null,
      firstLiquidatable: run.firstLiquidatable ?? null,
      meanLoss: run.meanLoss,
      results: run.results.map((r) => ({
        name: r.name,
        weight: r.weight,
        equity: r.summary.total.equity,
        initialRequirement: r.summary.total.initialRequirement,
        maintenanceRequirement: r.summary.total.maintenanceRequirement,
        liquidatable: r.liquidatable,
        failingPools: r.pools.filter((p) => p.liquidatable).map((p) => p.pool),
        shortfall: r.shortfall,
        liquidated: r.liquidated,
        finalEquity: r.finalEquity,
        loss: r.loss,
      })),
      chart: stressChartSeries(run),
    },
  };
}

export const stress: Command = {
  name: 'stress',
  summary: 'price scenarios against one account: equity, requirements, liquidation cascade and loss',
  help: `marginkit stress [file] [options]

Runs price scenarios against one account and prints, per scenario, equity, IMR and MMR, whether a pool fails,
the shortfall, the positions liquidated along the price path and the loss; then the worst scenario and the first
scenario (in the order given) at which a pool fails.

Options:
  --preset <name>       ladder (default: every market -30% … +30% by 5%), crash (0 … -50%), span (CME SPAN)
  --min, --max, --step  the ladder's moves as fractions (e.g. --min=-0.5 --max=0 --step=0.1)
  --scan-range <f>      the SPAN price scan range as a fraction (default 0.12)
  --scenarios <file>    scenarios from a JSON file (an array of { name, shock, funding?, weight? })
  --slippage <f>        slippage of forced closes as a fraction (default 0)
  --fee-rate <f>        liquidation fee on the closed notional (default 0)
  --whole-pool          a failing cross pool closes every cross position (default: largest loss first)
  --chart <file>        writes the chart: .svg for the image, .html for a page with the chart and the table

Example:
  marginkit stress examples/portfolio.json --account 1 --preset crash --chart stress.html`,
  options: {
    preset: { type: 'string' },
    min: { type: 'string' },
    max: { type: 'string' },
    step: { type: 'string' },
    'scan-range': { type: 'string' },
    scenarios: { type: 'string' },
    slippage: { type: 'string' },
    'fee-rate': { type: 'string' },
    'whole-pool': { type: 'boolean' },
    chart: { type: 'string' },
  },
  run: runStress,
};
