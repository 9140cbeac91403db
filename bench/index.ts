// Benchmarks of the exact path against the same formulas written plainly (bignumber.js) and a float64 loop.
// Run with `npm run bench`; figures are ratios measured in one run on one machine (see bench/results.md).
import { bench, do_not_optimize, group, run, summary } from 'mitata';
import {
  createMarginAccount,
  liquidationPrice,
  stressAccount,
  summarizeAccount,
  uniformLadder,
} from '../src/index.js';
import { bruteForceCascade } from '../test/support/bruteForceCascade.js';
import { FULL, runBatchBench } from './batch.js';
import { accountInput, BOOK, BRACKETS, COLLATERAL } from './fixtures.js';
import { plainLiquidationPrice } from './plain/liquidationPrice.js';
import { plainSummary } from './plain/summary.js';
import { account, crossCheck, markets, plain, plainMarks, prices, thinAccount } from './setup.js';

crossCheck();

// The same account as Float64Arrays, with the bracket lookup inline.
const N = BOOK.length;
const fSize = Float64Array.from(BOOK.map((b) => Number(b[3])));
const fEntry = Float64Array.from(BOOK.map((b) => Number(b[2])));
const fMark = Float64Array.from(BOOK.map((b) => Number(b[1])));
const floors = BRACKETS.map((t) => Number(t.notionalFloor));
const imfs = BRACKETS.map((t) => Number(t.initialFraction));
const mmfs = BRACKETS.map((t) => Number(t.maintenanceFraction));
const deds = floors.map((_, i) => {
  let d = 0;
  for (let k = 1; k <= i; k++) d += (floors[k] as number) * ((mmfs[k] as number) - (mmfs[k - 1] as number));
  return d;
});
function floatSummary(): number {
  let equity = Number(COLLATERAL);
  let imr = 0;
  let mmr = 0;
  for (let i = 0; i < N; i++) {
    const s = fSize[i] as number;
    const p = fMark[i] as number;
    const n = Math.abs(s) * p;
    let t = 0;
    while (t + 1 < floors.length && (floors[t + 1] as number) <= n) t++;
    equity += s * (p - (fEntry[i] as number));
    imr += n * (imfs[t] as number);
    mmr += n * (mmfs[t] as number) - (deds[t] as number);
  }
  return equity - imr + mmr;
}

const ladder = uniformLadder('-0.5', '0.5', '0.05');
const input = accountInput(markets);

// The path search the stress run replaced: a 32-point grid of full summaries and bisection to 1e-30 per failure,
// with summary-based liquidation. Cross-checked against the closed form before timing.
function gridStress(): number {
  let events = 0;
  for (const scenario of ladder)
    events += bruteForceCascade(thinAccount, prices, scenario, {}, 32).events.length;
  return events;
}
const closedForm = stressAccount(thinAccount, prices, ladder);
const closedEvents = closedForm.results.reduce((n, r) => n + r.cascade.length, 0);
if (closedEvents === 0 || gridStress() !== closedEvents)
  throw new Error('bench cross-check failed: stress events');
console.log(`stress ladder: ${ladder.length} scenarios, ${closedEvents} forced closes`);

summary(() => {
  group(`account summary, ${N} tiered cross positions`, () => {
    bench('summarizeAccount (marginkit)', () => do_not_optimize(summarizeAccount(account, prices)));
    bench('plain bignumber.js', () => do_not_optimize(plainSummary(plain, plainMarks)));
    bench('float64 loop', () => do_not_optimize(floatSummary()));
  });
  group('cross liquidation price, tier-consistent', () => {
    bench('liquidationPrice (marginkit)', () =>
      do_not_optimize(liquidationPrice(account, prices, 'BTC-PERP')),
    );
    bench('plain bignumber.js bracket search', () =>
      do_not_optimize(plainLiquidationPrice(plain, plainMarks, 'BTC-PERP')),
    );
  });
  group('account creation against one summary', () => {
    bench('createMarginAccount (created markets)', () => do_not_optimize(createMarginAccount(input)));
    bench('summarizeAccount', () => do_not_optimize(summarizeAccount(account, prices)));
  });
});
summary(() => {
  group(`stress, ${ladder.length}-scenario uniform ladder with cascades (thin collateral)`, () => {
    bench('stressAccount (closed-form cascade)', () =>
      do_not_optimize(stressAccount(thinAccount, prices, ladder)),
    );
    bench('grid search + bisection (previous algorithm)', () => do_not_optimize(gridStress()));
  });
});

await run();

// Sustained pairs: alternating rounds of 20,000 calls each, garbage collection included in the time (mitata's mean
// is the mean of its samples, where a rare major collection of one sample weighs heavily), median of seven rounds.
function sustained(
  label: string,
  ours: () => unknown,
  theirs: () => unknown,
  theirLabel: string,
  figure: 'speed' | 'cost',
): void {
  const time = (f: () => unknown) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 20_000; i++) do_not_optimize(f());
    return Number(process.hrtime.bigint() - start) / 20_000 / 1000;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < 7; round++) {
    a.push(time(ours));
    b.push(time(theirs));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[3] as number;
  const [ma, mb] = [median(a), median(b)];
  const ratio =
    figure === 'speed' ? `${(mb / ma).toFixed(2)}× the speed` : `${(ma / mb).toFixed(2)}× the cost`;
  console.log(
    `sustained: ${label} ${ma.toFixed(2)} µs, ${theirLabel} ${mb.toFixed(2)} µs per call: ${ratio} of ${theirLabel}`,
  );
}
sustained(
  'summarizeAccount',
  () => summarizeAccount(account, prices),
  () => plainSummary(plain, plainMarks),
  'plain bignumber.js',
  'speed',
);
sustained(
  'liquidationPrice',
  () => liquidationPrice(account, prices, 'BTC-PERP'),
  () => plainLiquidationPrice(plain, plainMarks, 'BTC-PERP'),
  'plain bracket search',
  'speed',
);
sustained(
  'createMarginAccount',
  () => createMarginAccount(input),
  () => summarizeAccount(account, prices),
  'summarizeAccount',
  'cost',
);

// The batch screen's figures (recorded in bench/results.md).
const figures = await runBatchBench(FULL, (line) => console.log(line));
console.log(JSON.stringify(figures, null, 2));
