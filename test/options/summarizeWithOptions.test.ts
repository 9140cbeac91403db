// Accounts with option legs: option values in cross and isolated pools, stress re-pricing with vol shocks and time
// decay, and the numeric liquidation search checked against the closed-form liquidation price and by hand.
import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  createPrices,
  Decimal,
  InvalidArgumentError,
  liquidationMoveWithOptions,
  liquidationPrice,
  optionMarkPrice,
  type Progress,
  stressWithOptions,
  summarizeWithOptions,
} from '../../src/index.js';
import { bookOf, DAY, must, NOW, startPrices, usdcAccount } from './fixtures.js';

const vols = { 'BTC-C-110K': '0.6', 'BTC-P-90K': '0.55' };
const account = usdcAccount([
  { marketId: 'BTC-PERP', size: '0.5', entryPrice: 100_000, marginMode: 'cross' },
  { marketId: 'ETH-PERP', size: '-12', entryPrice: 4000, marginMode: 'cross' },
]);

describe('summarizeWithOptions', () => {
  it('adds a short leg as a liability and its standard margin to the cross pool', () => {
    const book = bookOf(account, [
      { marketId: 'BTC-C-110K', size: -3, entryPrice: 900, marginMode: 'cross' },
    ]);
    const s = summarizeWithOptions(account, book, startPrices(), { nowMs: NOW, volatilities: vols });
    const mark = optionMarkPrice(must(book.markets['BTC-C-110K']), 100_000, NOW, '0.6');
    const leg = must(s.options[0]);
    expect(leg.markPrice.eq(mark)).toBe(true);
    expect(leg.value.eq(mark.times(-3))).toBe(true);
    expect(leg.unrealizedPnl.eq(mark.minus(900).times(-3))).toBe(true);
    expect(s.cross.equity.eq(s.perpetuals.cross.equity.plus(leg.value))).toBe(true);
    // Perpetual MMR 0.01·50 000 + 0.02·48 000; call MMR 3·(7500 + mark).
    const expected = new Decimal(500 + 960).plus(mark.plus(7500).times(3));
    expect(s.cross.maintenanceRequirement.eq(expected)).toBe(true);
    expect(s.liquidatable).toEqual([]);
  });

  it('gives an isolated leg its own pool: margin + value against its own requirement', () => {
    const book = bookOf(account, [
      { marketId: 'BTC-C-110K', size: -3, entryPrice: 900, marginMode: 'isolated', isolatedMargin: 5000 },
    ]);
    const s = summarizeWithOptions(account, book, startPrices(), { nowMs: NOW, volatilities: vols });
    const leg = must(s.options[0]);
    const pool = must(s.isolated.find((p) => p.positionId === 'BTC-C-110K'));
    expect(pool.equity.eq(leg.value.plus(5000))).toBe(true);
    expect(pool.maintenanceRequirement.eq(leg.requirement.maintenance)).toBe(true);
    expect(s.cross.equity.eq(s.perpetuals.cross.equity)).toBe(true);
    expect(pool.liquidatable).toBe(true); // 5000 + value < 3·(7500 + mark)
    expect(s.liquidatable).toEqual(['BTC-C-110K']);
  });

  it('carries a deep out-of-the-money mark far below 1e-40 through the summary', () => {
    const book = bookOf(account, [{ marketId: 'BTC-P-90K', size: -1, entryPrice: 1, marginMode: 'cross' }]);
    const crashless = createPrices({
      markets: { 'BTC-PERP': { mark: 200_000 }, 'ETH-PERP': { mark: 4000 } },
    });
    const s = summarizeWithOptions(account, book, crashless, {
      nowMs: NOW,
      volatilities: { 'BTC-P-90K': '0.2' },
    });
    const leg = must(s.options[0]);
    expect(leg.markPrice.greaterThan(0) && leg.markPrice.lessThan('1e-40')).toBe(true);
    expect(leg.requirement.maintenance.minus(15_000).abs().lessThan('1e-30')).toBe(true);
  });

  it('values a leg without a volatility at its own mark, and names a missing one', () => {
    const book = bookOf(account, [{ marketId: 'BTC-P-90K', size: 1, entryPrice: 300, marginMode: 'cross' }]);
    const prices = createPrices({
      markets: { 'BTC-PERP': { mark: 100_000 }, 'ETH-PERP': { mark: 4000 }, 'BTC-P-90K': { mark: 250 } },
    });
    const s = summarizeWithOptions(account, book, prices, { nowMs: NOW });
    expect(s.options[0]?.value.toString()).toBe('250');
    expect(s.options[0]?.unrealizedPnl.toString()).toBe('-50');
    expect(() => summarizeWithOptions(account, book, startPrices(), { nowMs: NOW })).toThrow(/BTC-P-90K/);
  });
});

describe('stressWithOptions', () => {
  const book = bookOf(account, [{ marketId: 'BTC-C-110K', size: -3, entryPrice: 900, marginMode: 'cross' }]);
  it('re-prices options under vol shocks and time decay', () => {
    const [base, volUp, decayed] = stressWithOptions(
      account,
      book,
      startPrices(),
      { nowMs: NOW, volatilities: vols },
      [{ name: 'base' }, { name: 'vol +50 %', volMove: '0.5' }, { name: 'one day later', horizonMs: DAY }],
    );
    const value = (r: typeof base) => must(must(r).summary.options[0]).value;
    expect(value(volUp).lessThan(value(base))).toBe(true); // a short option loses when vol rises
    expect(value(decayed).greaterThan(value(base))).toBe(true); // and gains as time passes
    const expected = optionMarkPrice(must(book.markets['BTC-C-110K']), 100_000, NOW, '0.9').times(-3);
    expect(value(volUp).eq(expected)).toBe(true);
  });

  it('rejects a leg without a volatility and a bad scenario with their paths', () => {
    const catchPath = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        return (error as InvalidArgumentError).path;
      }
      throw new Error('expected an error');
    };
    expect(catchPath(() => stressWithOptions(account, book, startPrices(), { nowMs: NOW }, []))).toEqual([
      'valuation',
      'volatilities',
      'BTC-C-110K',
    ]);
    expect(
      catchPath(() =>
        stressWithOptions(account, book, startPrices(), { nowMs: NOW, volatilities: vols }, [
          { name: 'crash', move: -1 },
        ]),
      ),
    ).toEqual(['scenarios', 0, 'move']);
    expect(
      catchPath(() =>
        stressWithOptions(account, book, startPrices(), { nowMs: NOW, volatilities: vols }, [
          { name: 'typo', market: 'BTC-PREP', move: '0.1' },
        ]),
      ),
    ).toEqual(['scenarios', 0, 'market']);
  });
});

describe('liquidationMoveWithOptions', () => {
  it('agrees with the closed-form liquidation price on a book without options', () => {
    const empty = bookOf(account, []);
    const closed = liquidationPrice(account, startPrices(), 'BTC-PERP');
    const found = liquidationMoveWithOptions(
      account,
      empty,
      startPrices(),
      { nowMs: NOW },
      {
        direction: 'down',
        market: 'BTC-PERP',
      },
    );
    if (closed.kind !== 'price' || found.kind !== 'at') throw new Error(`${closed.kind} / ${found.kind}`);
    // The search returns a liquidatable point within maxMove / (64 · 2^40) · 100 000 below the threshold.
    const gap = closed.price.minus(found.price as Decimal);
    expect(gap.greaterThanOrEqualTo(0) && gap.lessThan('1e-6')).toBe(true);
    expect(found.evaluations).toBeLessThanOrEqual(1 + 64 + 40);
  });

  it('moves a perpetual’s liquidation price when the book holds a short call on it', () => {
    const withCall = bookOf(account, [
      { marketId: 'BTC-C-110K', size: -3, entryPrice: 900, marginMode: 'cross' },
    ]);
    const valuation = { nowMs: NOW, volatilities: vols };
    const up = (book: typeof withCall) =>
      liquidationMoveWithOptions(account, book, startPrices(), valuation, {
        direction: 'up',
        market: 'BTC-PERP',
      });
    const alone = up(bookOf(account, []));
    const hedged = up(withCall);
    // Long 0.5 BTC perp: never liquidated on a rise alone; the short 3 calls liquidate the cross pool on one.
    expect(alone.kind).toBe('never');
    if (hedged.kind !== 'at') throw new Error(hedged.kind);
    expect(hedged.summary.cross.liquidatable).toBe(true);
    const justBelow = hedged.move.minus('1e-6');
    const [row] = stressWithOptions(account, withCall, startPrices(), valuation, [
      { name: 'just below', market: 'BTC-PERP', move: justBelow },
    ]);
    expect(row?.summary.cross.liquidatable).toBe(false);
  });

  it('says now, and rejects an unknown pool or a fall of 100 %', () => {
    const book = bookOf(account, [
      { marketId: 'BTC-C-110K', size: -3, entryPrice: 900, marginMode: 'isolated', isolatedMargin: 5000 },
    ]);
    const valuation = { nowMs: NOW, volatilities: vols };
    expect(
      liquidationMoveWithOptions(account, book, startPrices(), valuation, {
        direction: 'up',
        pool: 'BTC-C-110K',
      }).kind,
    ).toBe('now');
    expect(() =>
      liquidationMoveWithOptions(account, book, startPrices(), valuation, { direction: 'up', pool: 'nope' }),
    ).toThrow(/no isolated position/);
    expect(() =>
      liquidationMoveWithOptions(account, book, startPrices(), valuation, { direction: 'down', maxMove: 1 }),
    ).toThrow(InvalidArgumentError);
  });
});

describe('progress and cancellation of the option searches', () => {
  const book = bookOf(account, [{ marketId: 'BTC-C-110K', size: -3, entryPrice: 900, marginMode: 'cross' }]);
  const valuation = { nowMs: NOW, volatilities: vols };
  const scenarios = [
    { name: 'base' },
    { name: 'vol +50 %', volMove: '0.5' },
    { name: 'a day', horizonMs: DAY },
  ];

  it('stressWithOptions reports each scenario and stops at the next one once aborted', () => {
    const seen: Progress[] = [];
    stressWithOptions(account, book, startPrices(), valuation, scenarios, {
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    const controller = new AbortController();
    const run = () =>
      stressWithOptions(account, book, startPrices(), valuation, scenarios, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
    expect(run).toThrow(AbortedError);
  });

  it('liquidationMoveWithOptions reports each summary against its bound and stops when aborted', () => {
    const seen: Progress[] = [];
    const found = liquidationMoveWithOptions(account, book, startPrices(), valuation, {
      direction: 'up',
      market: 'BTC-PERP',
      gridSteps: 16,
      bisectionSteps: 8,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: found.evaluations }, (_, i) => i + 1));
    expect(seen.every((p) => p.total === 1 + 16 + 8)).toBe(true);
    const controller = new AbortController();
    let summaries = 0;
    expect(() =>
      liquidationMoveWithOptions(account, book, startPrices(), valuation, {
        direction: 'up',
        signal: controller.signal,
        onProgress: () => {
          summaries++;
          if (summaries === 3) controller.abort('enough');
        },
      }),
    ).toThrow(AbortedError);
    expect(summaries).toBe(3);
    expect(() =>
      liquidationMoveWithOptions(account, book, startPrices(), valuation, {
        direction: 'up',
        onProgress: 1,
      } as never),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['search', 'onProgress'] }));
  });
});
