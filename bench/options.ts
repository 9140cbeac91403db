// Option legs: the exact Black-76 value and greeks against the same formulas in float64, and what one option leg adds
// to an account summary (the bench account's ten perpetuals, with and without a short call). Cross-checked first.
import { bench, do_not_optimize, group, run, summary } from 'mitata';
import {
  black76Float,
  black76Greeks,
  createOptionBook,
  liquidationMoveWithOptions,
  optionStressGrid,
  stressWithOptions,
  summarizeAccount,
  summarizeWithOptions,
} from '../src/index.js';
import { account, prices } from './setup.js';

// Normal CDF in float64: the same series and continued fraction as the exact path, to double precision.
function floatTail(a: number): number {
  if (a > 40) return 0;
  const density = Math.exp((-a * a) / 2) / Math.sqrt(2 * Math.PI);
  if (a <= 8) {
    let term = a;
    let sum = a;
    for (let n = 0; n < 500 && term > sum * 1e-17; n++) {
      term *= (a * a) / (2 * n + 3);
      sum += term;
    }
    return 0.5 - density * sum;
  }
  let f = a;
  let c = a;
  let d = 0;
  for (let j = 1; j < 500; j++) {
    d = 1 / (a + j * d);
    c = a + j / c;
    f *= c * d;
    if (Math.abs(c * d - 1) < 1e-17) break;
  }
  return density / f;
}
const floatCdf = (x: number) => (x < 0 ? floatTail(-x) : 1 - floatTail(x));

function floatGreeks(F: number, K: number, sigma: number, t: number): number[] {
  const s = sigma * Math.sqrt(t);
  const d1 = (Math.log(F / K) + (s * s) / 2) / s;
  const density = Math.exp((-d1 * d1) / 2) / Math.sqrt(2 * Math.PI);
  const price = F * floatCdf(d1) - K * floatCdf(d1 - s);
  return [
    price,
    floatCdf(d1),
    density / (F * s),
    F * density * Math.sqrt(t),
    (-F * density * sigma) / (2 * Math.sqrt(t)),
  ];
}

const option = {
  optionType: 'call',
  forward: 98_500,
  strike: 105_000,
  volatility: '0.62',
  time: '0.0054794520547945',
} as const;
const exact = black76Greeks(option);
const float = floatGreeks(98_500, 105_000, 0.62, 0.0054794520547945);
[exact.price, exact.delta, exact.gamma, exact.vega, exact.theta].forEach((d, i) => {
  const f = float[i] as number;
  if (Math.abs(d.toNumber() - f) > 1e-9 * Math.abs(f))
    throw new Error(`bench cross-check failed: greek ${i}`);
});

const NOW = Date.UTC(2026, 11, 4, 8);
const book = createOptionBook(
  {
    markets: [
      {
        id: 'BTC-C',
        optionType: 'call',
        strike: 105_000,
        expiry: NOW + 2 * 86_400_000,
        underlying: 'BTC-PERP',
      },
    ],
    positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 300, marginMode: 'cross' }],
  },
  account,
);
const empty = createOptionBook({ markets: [], positions: [] }, account);
const valuation = { nowMs: NOW, volatilities: { 'BTC-C': '0.62' } };
const perpsOnly = summarizeWithOptions(account, empty, prices, valuation);
if (!perpsOnly.cross.equity.eq(summarizeAccount(account, prices).cross.equity)) {
  throw new Error('bench cross-check failed: option summary without options');
}
const t0 = performance.now();
const search = liquidationMoveWithOptions(account, book, prices, valuation, {
  direction: 'down',
  maxMove: '0.9',
});
console.log(
  `liquidationMoveWithOptions (10 perpetuals + 1 call, 64-point grid + 40 halvings): ${(performance.now() - t0).toFixed(0)} ms, ` +
    `${search.kind === 'never' ? 'never' : search.evaluations} evaluations (${search.kind})`,
);
console.log(
  'cross-check: exact greeks equal float64 to 1e-9; the option summary without options equals summarizeAccount',
);

// 200 scenarios: moves −30 % … +30 %, volatility −20 % … +80 %, horizons 0 … 36 h (past the call's expiry).
const scenarios = Array.from({ length: 200 }, (_, i) => ({
  name: `s${i}`,
  move: ((i % 20) - 10) * 0.03,
  volMove: ((i % 7) - 2) * 0.2,
  horizonMs: (i % 4) * 12 * 3_600_000,
}));
const gridRows = optionStressGrid(account, book, prices, valuation, scenarios).rows;
const exactRows = stressWithOptions(account, book, prices, valuation, scenarios);
gridRows.forEach((row, s) => {
  if (row.liquidatable.join() !== exactRows[s]?.summary.liquidatable.join())
    throw new Error(`bench cross-check failed: optionStressGrid flags at scenario ${s}`);
});
const g0 = performance.now();
const once = optionStressGrid(account, book, prices, valuation, scenarios);
const g1 = performance.now();
stressWithOptions(account, book, prices, valuation, scenarios);
const g2 = performance.now();
console.log(
  `200 option scenarios (10 perpetuals + 1 call), one run each: optionStressGrid ${(g1 - g0).toFixed(1)} ms ` +
    `(${once.exactCount} rows recomputed), stressWithOptions ${(g2 - g1).toFixed(1)} ms; liquidatable flags equal`,
);

summary(() => {
  group('Black-76 value and greeks', () => {
    bench('black76Greeks (exact, 60 digits)', () => do_not_optimize(black76Greeks(option)));
    bench('float64 Black-76', () => do_not_optimize(floatGreeks(98_500, 105_000, 0.62, 0.0054794520547945)));
    bench("black76Float (the library's float64, checked inputs)", () =>
      do_not_optimize(
        black76Float({
          optionType: 'call',
          forward: 98_500,
          strike: 105_000,
          volatility: 0.62,
          time: 0.0054794520547945,
        }),
      ),
    );
  });
  group('200 option scenarios, 10 perpetuals + 1 call', () => {
    bench('stressWithOptions (exact)', () =>
      do_not_optimize(stressWithOptions(account, book, prices, valuation, scenarios)),
    );
    bench('optionStressGrid (float screen, then exact)', () =>
      do_not_optimize(optionStressGrid(account, book, prices, valuation, scenarios)),
    );
  });
  group('account summary, 10 perpetuals', () => {
    bench('summarizeAccount', () => do_not_optimize(summarizeAccount(account, prices)));
    bench('summarizeWithOptions, no option', () =>
      do_not_optimize(summarizeWithOptions(account, empty, prices, valuation)),
    );
    bench('summarizeWithOptions, one short call', () =>
      do_not_optimize(summarizeWithOptions(account, book, prices, valuation)),
    );
  });
});
await run();
