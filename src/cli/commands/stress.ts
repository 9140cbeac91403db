// `marginkit stress`: scenarios against one account, as a table and optionally a chart file; or against every
// account of the input, summed up in one table.
import {
  Decimal,
  renderStressChart,
  renderStressTable,
  type Scenario,
  type ScenarioResult,
  type StressOptions,
  type StressRun,
  stressAccount,
  stressChartSeries,
  summarizeAccount,
} from 'marginkit';
import type { Book } from '../Book.js';
import { CliError, usage } from '../CliError.js';
import type { Command, CommandContext } from '../Command.js';
import { fixed, moneyDecimals, signed } from '../format.js';
import { inField } from '../inField.js';
import { heading, type Output, preformatted, table, text } from '../Layout.js';
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

function stressOptions(context: CommandContext, book: Book): StressOptions {
  return {
    priceSource: context.priceSource(book),
    ...(typeof context.values.slippage === 'string' ? { liquidationSlippage: context.values.slippage } : {}),
    ...(typeof context.values['fee-rate'] === 'string'
      ? { liquidationFeeRate: context.values['fee-rate'] }
      : {}),
    ...(context.values['whole-pool'] === true ? { crossLiquidation: 'whole-pool' as const } : {}),
  };
}

/**
 * Every scenario against one account, one at a time so that the bar moves (`done` scenarios were run before);
 * the run is the same as one `stressAccount` call with every scenario. An error names the account's input.
 */
function stressBook(
  context: CommandContext,
  book: Book,
  scenarios: readonly Scenario[],
  step: () => void,
): StressRun {
  const options = stressOptions(context, book);
  const results: ScenarioResult[] = [];
  scenarios.forEach((scenario, i) => {
    const one = inField(['scenarios', i], () =>
      stressAccount(book.account, book.prices, [scenario], options),
    );
    results.push(...one.results);
    step();
  });
  return mergeStressRuns(summarizeAccount(book.account, book.prices, options), results);
}

function runData(title: string, run: StressRun) {
  return {
    title,
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
  };
}

function runOne(context: CommandContext, book: Book, scenarios: readonly Scenario[]): Output {
  const progress = context.progress('stress', scenarios.length);
  let done = 0;
  const run = stressBook(context, book, scenarios, () => progress.update(++done));
  progress.finish();
  const title = `Stress: ${book.title}`;
  const table = renderStressTable(run, { places: moneyDecimals(book.account.settleAsset) });
  const chartFile = context.values.chart;
  const blocks = [heading(title), preformatted(table)];
  if (typeof chartFile === 'string') {
    const svg = renderStressChart(run, { title });
    context.writeFile(chartFile, chartFile.endsWith('.html') ? htmlPage(title, svg, table) : svg);
    blocks.push(text(`Chart written to ${chartFile}.`));
  }
  return { blocks, data: runData(book.title, run) };
}

/** Every account of the input against the same scenarios, summed up in one table, one row per account. */
function runAll(context: CommandContext, scenarios: readonly Scenario[]): Output {
  if (context.values.chart !== undefined) {
    throw usage('--chart draws one account: choose it with --account');
  }
  const { books } = context;
  const progress = context.progress('stress', books.length * scenarios.length);
  let done = 0;
  const runs = books.map((book) => {
    try {
      return stressBook(context, book, scenarios, () => progress.update(++done));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      throw new CliError(error.code, `${error.shortMessage} (stressing ${book.title})`, error.path, error);
    }
  });
  progress.finish();
  const rows = runs.map((run, i) => {
    const book = books[i] as Book;
    const dp = moneyDecimals(book.account.settleAsset);
    const unit = book.account.settleAsset;
    const worst = run.results.find((r) => r.name === run.worst);
    const first = firstAlongPath(run.results, scenarios);
    const failing = run.results.filter(fails).length;
    return [
      `${i + 1}. ${book.title}`,
      `${fixed(run.base.total.equity, dp)} ${unit}`,
      worst ? `${worst.name}: ${signed(worst.loss.negated(), dp)}` : '-',
      `${failing} of ${run.results.length}`,
      first ? `${first.name} (${failingPools(first)})` : 'none',
      signed(run.meanLoss.negated(), dp),
    ];
  });
  return {
    blocks: [
      heading(`Stress: ${books.length} accounts, ${scenarios.length} scenarios each`),
      table(
        [
          'Account',
          'Equity now',
          'Worst scenario: P&L',
          'Scenarios with a failing pool',
          'First failure along the path',
          'Mean weighted P&L',
        ],
        rows,
      ),
      text(
        'Worst scenario: the largest weighted loss, with its P&L after liquidations (a loss is negative).',
        'First failure along the path: of the scenarios at which a pool fails, the smallest uniform move ' +
          '(the first the price meets moving away from now; other scenarios in the order given), with the failing pools.',
      ),
    ],
    data: {
      accounts: runs.map((run, i) => {
        const first = firstAlongPath(run.results, scenarios);
        return { ...runData((books[i] as Book).title, run), firstAlongPath: first?.name ?? null };
      }),
    },
  };
}

function fails(result: ScenarioResult): boolean {
  return result.liquidatable || result.cascade.length > 0;
}

function failingPools(result: ScenarioResult): string {
  const pools = result.pools.filter((p) => p.liquidatable).map((p) => p.pool);
  return pools.length > 0 ? pools.join(', ') : result.liquidated.join(', ');
}

/**
 * The failing scenario the price meets first moving away from now: when every failing scenario is a uniform move,
 * the smallest move in size (the first of equal ones); otherwise the first failing one in the order given.
 */
export function firstAlongPath(
  results: readonly ScenarioResult[],
  scenarios: readonly Scenario[],
): ScenarioResult | undefined {
  const failing = results.flatMap((result, i) =>
    fails(result) ? [{ result, shock: scenarios[i]?.shock }] : [],
  );
  const moves = failing.map(({ shock }) =>
    shock?.kind === 'uniform' ? new Decimal(String(shock.move)).abs() : undefined,
  );
  if (moves.some((m) => m === undefined)) return failing[0]?.result;
  let best = 0;
  moves.forEach((m, i) => {
    if ((m as Decimal).lessThan(moves[best] as Decimal)) best = i;
  });
  return failing[best]?.result;
}

function runStress(context: CommandContext): Output {
  const scenarios = scenarioInput(context.values);
  if (context.books.length > 1 && context.values.account === undefined) return runAll(context, scenarios);
  return runOne(context, context.book(), scenarios);
}

export const stress: Command = {
  name: 'stress',
  summary: 'price scenarios against accounts: equity, requirements, liquidation cascade and loss',
  help: `marginkit stress [file] [more files or directories …] [options]

Runs price scenarios against one account and prints, per scenario, equity, IMR and MMR, whether a pool fails,
the shortfall, the positions liquidated along the price path and the loss; then the worst scenario and the first
scenario (in the order given) at which a pool fails.

With several accounts (an input holding several and no --account, several files, or a directory of .json
files) every account runs the same scenarios, and one table sums them up: per account its worst scenario with
its P&L, how many scenarios fail a pool, and the first failure along the path (the smallest uniform move at
which a pool fails, with the failing pools). A progress bar shows on a terminal.

Options:
  --preset <name>       ladder (default: every market -30% … +30% by 5%), crash (0 … -50%), span (CME SPAN)
  --min, --max, --step  the ladder's moves as fractions (e.g. --min=-0.5 --max=0 --step=0.1)
  --scan-range <f>      the SPAN price scan range as a fraction (default 0.12)
  --scenarios <file>    scenarios from a JSON file (an array of { name, shock, funding?, weight? })
  --slippage <f>        slippage of forced closes as a fraction (default 0)
  --fee-rate <f>        liquidation fee on the closed notional (default 0)
  --whole-pool          a failing cross pool closes every cross position (default: largest loss first)
  --chart <file>        writes the chart of one account: .svg for the image, .html for a page with the chart
                        and the table

Example:
  marginkit stress examples/portfolio.json --account 1 --preset crash --chart stress.html
  marginkit stress examples/portfolio.json --preset crash
  marginkit stress accounts/ --from binance`,
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
  manyInputs: true,
  run: runStress,
};
