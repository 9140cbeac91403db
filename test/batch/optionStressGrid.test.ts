// optionStressGrid against stressWithOptions: on generated small books with options (cross and isolated perpetuals
// and legs, calls and puts, price, volatility and time shocks) every row's liquidatable pools equal the exact engine's,
// every pool's float equity − MMR lies within its bound of the exact one, and the share of rows recomputed is reported;
// a pool exactly at its threshold is recomputed and decided as the exact engine decides it; progress and cancellation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  createMarginAccount,
  createOptionBook,
  createPrices,
  Decimal,
  InvalidArgumentError,
  type OptionScenario,
  optionStressGrid,
  stressWithOptions,
} from '../../src/index.js';
import { bookOf, DAY, must, NOW, optionMarkets, startPrices, usdcAccount } from '../options/fixtures.js';

const num = (min: number, max: number, step = 1e-3) =>
  fc
    .integer({ min: Math.round(min / step), max: Math.round(max / step) })
    .map((i) => String(new Decimal(i).times(step)));

const perpArb = fc.record({
  marketId: fc.constantFrom('BTC-PERP', 'ETH-PERP'),
  size: num(-2, 2),
  entry: num(0.8, 1.2),
  isolated: fc.boolean(),
  margin: num(100, 20_000, 1),
});
const legArb = fc.record({
  marketId: fc.constantFrom('BTC-C-110K', 'BTC-P-90K'),
  size: num(-3, 3, 0.1),
  isolated: fc.boolean(),
  margin: num(100, 30_000, 1),
});
const scenarioArb = fc.record({
  move: num(-0.4, 0.4),
  market: fc.constantFrom(undefined, 'BTC-PERP', 'ETH-PERP'),
  volMove: num(-0.5, 1),
  horizonMs: fc.integer({ min: 0, max: 8 * DAY }),
});
const caseArb = fc.record({
  collateral: num(0, 40_000, 1),
  perps: fc.array(perpArb, { maxLength: 2 }),
  legs: fc.array(legArb, { minLength: 1, maxLength: 3 }),
  scenarios: fc.array(scenarioArb, { minLength: 1, maxLength: 10 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const base = { 'BTC-PERP': 100_000, 'ETH-PERP': 4000 } as const;
  const account = usdcAccount(
    c.perps.map((p, i) => ({
      id: `perp${i}`,
      marketId: p.marketId,
      size: p.size,
      entryPrice: new Decimal(p.entry).times(base[p.marketId]).toString(),
      marginMode: p.isolated ? ('isolated' as const) : ('cross' as const),
      ...(p.isolated ? { isolatedMargin: p.margin } : {}),
    })),
  );
  const book = bookOf(
    account,
    c.legs.map((l, i) => ({
      id: `leg${i}`,
      marketId: l.marketId,
      size: l.size,
      entryPrice: 1000,
      marginMode: l.isolated ? ('isolated' as const) : ('cross' as const),
      ...(l.isolated ? { isolatedMargin: l.margin } : {}),
    })),
  );
  const scenarios: OptionScenario[] = c.scenarios.map((s, i) => ({
    name: `s${i}`,
    move: s.move,
    ...(s.market ? { market: s.market } : {}),
    volMove: s.volMove,
    horizonMs: s.horizonMs,
  }));
  return { account, book, scenarios };
}

const valuation = { nowMs: NOW, volatilities: { 'BTC-C-110K': '0.6', 'BTC-P-90K': '0.75' } };

describe('optionStressGrid', () => {
  it('decides every row as stressWithOptions, with every float surplus within its bound (generated books)', () => {
    let rows = 0;
    let recomputed = 0;
    let worst = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const { account, book, scenarios } = build(c);
        const grid = optionStressGrid(account, book, startPrices(), valuation, scenarios);
        const exact = stressWithOptions(account, book, startPrices(), valuation, scenarios);
        expect(grid.pools).toEqual(['cross', ...(exact[0]?.summary.isolated.map((p) => p.positionId) ?? [])]);
        grid.rows.forEach((row, s) => {
          const summary = exact[s]?.summary;
          if (!summary) throw new Error('missing row');
          expect(row.liquidatable).toEqual(summary.liquidatable);
          const exactPools = [summary.cross, ...summary.isolated];
          exactPools.forEach((pool, q) => {
            const exactSurplus = pool.equity.minus(pool.maintenanceRequirement);
            const floatSurplus = (row.equity[q] as number) - (row.maintenance[q] as number);
            const err = exactSurplus.minus(floatSurplus).abs().toNumber();
            const bound = row.bound[q] as number;
            expect(err).toBeLessThanOrEqual(bound);
            if (bound > 0) worst = Math.max(worst, err / bound);
          });
        });
        rows += grid.rows.length;
        recomputed += grid.exactCount;
      }),
      { numRuns: 60 },
    );
    console.log(
      `optionStressGrid: ${recomputed} of ${rows} rows recomputed exactly (${((100 * recomputed) / rows).toFixed(1)} %); ` +
        `worst float error ${worst.toExponential(2)} of its bound`,
    );
    expect(rows).toBeGreaterThan(0);
  });

  it('decides coin-settled books as stressWithOptions (inverse perpetual and inverse options)', () => {
    const account = createMarginAccount({
      settleAsset: 'BTC',
      collateral: [{ asset: 'BTC', amount: 1 }],
      positions: [{ marketId: 'BTCUSD', size: -200, entryPrice: 40_000, marginMode: 'cross' }],
      markets: [
        {
          id: 'BTCUSD',
          kind: 'inverse',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          contractSize: 10,
          marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
        },
      ],
    });
    const prices = createPrices({ markets: { BTCUSD: { mark: 40_000 } } });
    const coinLegArb = fc.record({
      call: fc.boolean(),
      size: num(-3, 3, 0.1),
      isolated: fc.boolean(),
      margin: num(0.01, 1, 0.01),
    });
    fc.assert(
      fc.property(
        fc.array(coinLegArb, { minLength: 1, maxLength: 3 }),
        fc.array(scenarioArb, { minLength: 1, maxLength: 8 }),
        (legs, generated) => {
          const book = createOptionBook(
            {
              markets: [
                { id: 'C', optionType: 'call', strike: 44_000, expiry: NOW + 3 * DAY, underlying: 'BTCUSD' },
                { id: 'P', optionType: 'put', strike: 36_000, expiry: NOW + 5 * DAY, underlying: 'BTCUSD' },
              ],
              positions: legs.map((l, i) => ({
                id: `leg${i}`,
                marketId: l.call ? 'C' : 'P',
                size: l.size,
                entryPrice: '0.01',
                marginMode: l.isolated ? ('isolated' as const) : ('cross' as const),
                ...(l.isolated ? { isolatedMargin: l.margin } : {}),
              })),
            },
            account,
          );
          const scenarios = generated.map((g, i) => ({
            name: `s${i}`,
            move: g.move,
            volMove: g.volMove,
            horizonMs: g.horizonMs,
          }));
          const coinValuation = { nowMs: NOW, volatilities: { C: '0.7', P: '0.8' } };
          const grid = optionStressGrid(account, book, prices, coinValuation, scenarios);
          const exact = stressWithOptions(account, book, prices, coinValuation, scenarios);
          grid.rows.forEach((row, s) => {
            const summary = exact[s]?.summary;
            if (!summary) throw new Error('missing row');
            expect(row.liquidatable).toEqual(summary.liquidatable);
            [summary.cross, ...summary.isolated].forEach((pool, q) => {
              const err = pool.equity
                .minus(pool.maintenanceRequirement)
                .minus((row.equity[q] as number) - (row.maintenance[q] as number))
                .abs()
                .toNumber();
              expect(err).toBeLessThanOrEqual(row.bound[q] as number);
            });
          });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('recomputes a pool exactly at its threshold and decides it as the exact engine (equity = MMR: not liquidatable)', () => {
    // Short call K = 110 000 past expiry at U = 121 000: payoff 11 000, MMR 0.075 · 121 000 + 11 000 = 20 075;
    // collateral 31 075 leaves equity 20 075 = MMR. Float 100 000 · 1.21 is not exactly 121 000.
    const account = usdcAccount();
    const at = (amount: number) => {
      const acc = {
        ...account,
        collateral: [{ ...must(account.collateral[0]), amount: new Decimal(amount) }],
      };
      return [
        acc,
        bookOf(acc, [{ marketId: 'BTC-C-110K', size: -1, entryPrice: 1000, marginMode: 'cross' }]),
      ] as const;
    };
    const scenarios = [{ name: 'up 21 %, expired', move: '0.21', horizonMs: 3 * DAY }];
    const [acc, book] = at(31_075);
    const grid = optionStressGrid(acc, book, startPrices(), valuation, scenarios);
    expect(grid.rows[0]?.exact).toBe(true);
    expect(grid.exactCount).toBe(1);
    expect(grid.rows[0]?.liquidatable).toEqual([]);
    const [poorer, poorerBook] = at(31_074);
    const below = optionStressGrid(poorer, poorerBook, startPrices(), valuation, scenarios);
    expect(below.rows[0]?.liquidatable).toEqual(['cross']);
    expect(below.rows[0]?.exact).toBe(false);
    expect(below.rows[0]?.equity[0]).toBeCloseTo(20_074, 6);
    expect(below.rows[0]?.maintenance[0]).toBeCloseTo(20_075, 6);
  });

  it('reports progress per scenario, stops on an aborted signal, checks its options, serialises to JSON', () => {
    const account = usdcAccount();
    const book = bookOf(account, [
      { marketId: 'BTC-P-90K', size: -1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 5000 },
    ]);
    const scenarios = [
      { name: 'a', move: '-0.1' },
      { name: 'b', move: '-0.3', volMove: '1' },
    ];
    const seen: number[] = [];
    const grid = optionStressGrid(account, book, startPrices(), valuation, scenarios, {
      onProgress: (p) => seen.push(p.done, p.total),
    });
    expect(seen).toEqual([1, 2, 2, 2]);
    expect(grid.pools).toEqual(['cross', 'BTC-P-90K']);
    expect(JSON.parse(JSON.stringify(grid))).toEqual(grid);
    expect(() =>
      optionStressGrid(account, book, startPrices(), valuation, scenarios, { signal: { aborted: true } }),
    ).toThrow(AbortedError);
    expect(() =>
      optionStressGrid(account, book, startPrices(), valuation, scenarios, { onProgress: 3 } as never),
    ).toThrow(InvalidArgumentError);
    expect(() => optionStressGrid(account, book, startPrices(), { nowMs: NOW }, scenarios)).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      optionStressGrid(account, book, createPrices({ markets: {} }), valuation, scenarios),
    ).toThrow();
  });

  it('throws as stressWithOptions when a shocked volatility leaves the model’s bounds (σ > 100, even past expiry)', () => {
    const account = usdcAccount();
    const book = bookOf(account, [
      { marketId: 'BTC-C-110K', size: -1, entryPrice: 1000, marginMode: 'cross' },
    ]);
    for (const horizonMs of [0, 5 * DAY]) {
      const scenarios = [{ name: 'vol × 201', volMove: '200', horizonMs }];
      const thrown = (f: () => unknown) => {
        try {
          f();
        } catch (e) {
          return e as InvalidArgumentError;
        }
        throw new Error('did not throw');
      };
      const exact = thrown(() => stressWithOptions(account, book, startPrices(), valuation, scenarios));
      const grid = thrown(() => optionStressGrid(account, book, startPrices(), valuation, scenarios));
      expect(grid).toBeInstanceOf(InvalidArgumentError);
      expect([grid.code, grid.path]).toEqual([exact.code, exact.path]);
    }
  });

  it('gives no rows for no scenarios', () => {
    const account = usdcAccount();
    const book = createOptionBook({ markets: optionMarkets, positions: [] }, account);
    expect(optionStressGrid(account, book, startPrices(), valuation, []).rows).toEqual([]);
  });
});
