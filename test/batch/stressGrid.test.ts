import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  applyShock,
  confirmGrid,
  createMarginAccount,
  createPrices,
  type GridShard,
  gridPackedBook,
  InvalidArgumentError,
  mergeGridShards,
  packAccounts,
  packScenarios,
  type Scenario,
  stressGrid,
  stressGridAsync,
  summarizeAccount,
  uniformLadder,
} from '../../src/index.js';
import { randomBook } from '../support/randomBook.js';

const btc = {
  id: 'BTC',
  kind: 'linear' as const,
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat' as const, initialFraction: '0.1', maintenanceFraction: '0.05' },
};

/** Scenarios of every supported kind over the random book's markets. */
function mixedScenarios(): Scenario[] {
  return [
    ...uniformLadder('-0.3', '0.3', '0.05'),
    { name: 'relative', shock: { kind: 'relative', moves: { M1: '-0.2', M2: '0.15', BTC: '-0.3' } } },
    {
      name: 'factor',
      shock: {
        kind: 'factor',
        driver: 'M0',
        move: '-0.25',
        betas: { M3: '1.5', M4: '0.8' },
        idiosyncratic: { M5: '0.1' },
      },
    },
  ];
}

/** Decisions of a confirmed grid against the exact engine, cell by cell. */
function expectExact(
  grid: GridShard,
  book: ReturnType<typeof randomBook>,
  scenarios: readonly Scenario[],
): void {
  const shocked = scenarios.map((s) => (s.shock ? applyShock(book.prices, s.shock) : book.prices));
  const perScenario = new Array<number>(scenarios.length).fill(0);
  book.accounts.forEach((account, a) => {
    const flags = shocked.map((p) => summarizeAccount(account, p).total.liquidatable);
    const count = flags.filter(Boolean).length;
    flags.forEach((f, s) => {
      if (f) perScenario[s] = (perScenario[s] as number) + 1;
    });
    expect([a, grid.liquidatingCount[a]]).toEqual([a, count]);
    if (count > 0) expect([a, grid.firstLiquidating[a]]).toEqual([a, flags.indexOf(true)]);
  });
  expect([...grid.scenarioLiquidating]).toEqual(perScenario);
}

describe('stressGrid', () => {
  it('reduces a one-account grid by hand', () => {
    // 0.2 BTC from 50 000 with 1500 USDT, MMF 5 %: liquidatable below 44 736.84, i.e. at −20 % and −30 %.
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc],
      collateral: [{ asset: 'USDT', amount: 1500 }],
      positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }],
    });
    const grid = stressGrid(
      [account],
      createPrices({ markets: { BTC: { mark: 50_000 } } }),
      uniformLadder('-0.3', '0.1', '0.1'),
      { lossEdges: [0, 1000], matrix: true },
    );
    expect(grid.baseEquity[0]).toBe(1500);
    expect(grid.worstEquity[0]).toBeCloseTo(-1500, 9);
    expect(grid.worstScenario[0]).toBe(0);
    // Surplus at −30 %: 1500 − 3000 − 0.2 · 35 000 · 0.05 = −1850.
    expect(grid.minSurplus[0]).toBeCloseTo(-1850, 9);
    expect(grid.liquidatingCount[0]).toBe(2);
    expect(grid.firstLiquidating[0]).toBe(0);
    expect([...grid.scenarioLiquidating]).toEqual([1, 1, 0, 0, 0]);
    // Losses 3000, 2000, 1000, 0, −1000: bins (<0), [0, 1000), [1000, ∞).
    expect([...grid.lossHistogram]).toEqual([1, 1, 3]);
    expect(grid.scenarioLoss[0]).toBeCloseTo(3000, 9);
    expect([...(grid.matrix?.liquidatable ?? [])]).toEqual([1, 1, 0, 0, 0]);
    expect(grid.pending.length).toBe(0);
  });

  it('decides every cell as the exact engine on random accounts (uniform, relative and factor shocks)', () => {
    const book = randomBook(150, 21);
    const scenarios = mixedScenarios();
    const grid = stressGrid(book.accounts, book.prices, scenarios);
    expectExact(grid, book, scenarios);
    expect(grid.exactCount).toBeGreaterThan(0);
  });

  it('decides every cell as the exact engine on the factored path (uniform shocks only)', () => {
    const book = randomBook(150, 22);
    const scenarios = uniformLadder('-0.5', '0.5', '0.05');
    const grid = stressGrid(book.accounts, book.prices, scenarios);
    expectExact(grid, book, scenarios);
  });
});

describe('shards', () => {
  const book = randomBook(120, 31);
  const scenarios = mixedScenarios();
  const packed = packAccounts(book.accounts, book.prices);
  const packedScenarios = packScenarios(packed, scenarios);
  const options = { lossEdges: [-1000, 0, 1000, 1e6], matrix: true };

  it('merged shards equal the grid computed in one piece', () => {
    const whole = confirmGrid(
      gridPackedBook(packed, packedScenarios, options),
      book.accounts,
      book.prices,
      scenarios,
    );
    const parts = (
      [
        [70, 120],
        [0, 33],
        [33, 70],
      ] as const
    ).map(([from, to]) =>
      confirmGrid(
        gridPackedBook(packed, packedScenarios, { ...options, from, to }),
        book.accounts,
        book.prices,
        scenarios,
      ),
    );
    const merged = mergeGridShards(parts);
    for (const key of [
      'baseEquity',
      'worstEquity',
      'worstScenario',
      'minSurplus',
      'liquidatingCount',
      'firstLiquidating',
    ] as const) {
      expect([...merged[key]]).toEqual([...whole[key]]);
    }
    expect([...merged.scenarioLiquidating]).toEqual([...whole.scenarioLiquidating]);
    expect([...merged.lossHistogram]).toEqual([...whole.lossHistogram]);
    merged.scenarioLoss.forEach((loss, s) => {
      expect(loss).toBeCloseTo(whole.scenarioLoss[s] as number, 0);
    });
    expect([...(merged.matrix?.liquidatable ?? [])]).toEqual([...(whole.matrix?.liquidatable ?? [])]);
    expect(merged.exactCount).toBe(whole.exactCount);
  });

  it('refuses shards that overlap or differ in scenarios', () => {
    const a = gridPackedBook(packed, packedScenarios, { from: 0, to: 50 });
    const b = gridPackedBook(packed, packedScenarios, { from: 40, to: 120 });
    expect(() => mergeGridShards([a, b])).toThrow(InvalidArgumentError);
    expect(() => mergeGridShards([])).toThrow(InvalidArgumentError);
  });

  it('the chunked async grid equals the one-piece grid', async () => {
    const sync = stressGrid(book.accounts, book.prices, scenarios, options);
    let last = 0;
    const async = await stressGridAsync(book.accounts, book.prices, scenarios, {
      ...options,
      chunkSize: 16,
      onProgress: (p) => {
        last = p.done;
      },
    });
    expect(last).toBe(120);
    expect([...async.liquidatingCount]).toEqual([...sync.liquidatingCount]);
    expect([...async.worstEquity]).toEqual([...sync.worstEquity]);
    expect([...async.lossHistogram]).toEqual([...sync.lossHistogram]);
  });
});

describe('grid input and cancellation', () => {
  const book = randomBook(10, 41);

  it('refuses absolute shocks, funding horizons and moves to a zero price, naming the scenario', () => {
    const bad: Scenario[][] = [
      [{ name: 'abs', shock: { kind: 'absolute', prices: { M1: 1 } } }],
      [{ name: 'funding', funding: { fromMs: 0, toMs: 1, scenario: { kind: 'worst-case' } } }],
      [{ name: 'zero', shock: { kind: 'uniform', move: '-1' } }],
    ];
    for (const scenarios of bad) {
      try {
        stressGrid(book.accounts, book.prices, scenarios);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).path.slice(0, 2)).toEqual(['scenarios', 0]);
      }
    }
    expect(() => stressGrid(book.accounts, book.prices, [])).toThrow(InvalidArgumentError);
    const packed = packAccounts(book.accounts, book.prices);
    const one = packScenarios(packed, uniformLadder('-0.1', '0', '0.1'));
    expect(() => gridPackedBook(packed, one, { from: 5, to: 11 })).toThrow(InvalidArgumentError);
    expect(() => gridPackedBook(packed, one, { lossEdges: [1, 0] })).toThrow(InvalidArgumentError);
  });

  it('throws ABORTED, sync and async', async () => {
    const controller = new AbortController();
    controller.abort();
    const scenarios = uniformLadder('-0.1', '0', '0.1');
    expect(() => stressGrid(book.accounts, book.prices, scenarios, { signal: controller.signal })).toThrow(
      AbortedError,
    );
    await expect(
      stressGridAsync(book.accounts, book.prices, scenarios, { signal: controller.signal }),
    ).rejects.toThrow(AbortedError);
  });
});
