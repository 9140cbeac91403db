// Liquidation ordering with option legs: which pool fails first along a scenario's path and what closes, in order,
// in cross, isolated and split layouts. Expired calls are valued at their payoff, so every threshold has a closed
// form checked here by hand.
import { describe, expect, it } from 'vitest';
import {
  cascadeWithOptions,
  compareOptionLayouts,
  createMarginAccount,
  createOptionBook,
  createPrices,
  Decimal,
  type OptionPositionInput,
  stressAccount,
  withOptionLayout,
} from '../../src/index.js';
import { invalidArgument } from '../support/invalidArgument.js';
import { must } from './fixtures.js';

const flat = { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } as const;
function shortPerp(cash: number, size = -1) {
  return createMarginAccount({
    settleAsset: 'USDC',
    collateral: [{ asset: 'USDC', amount: cash }],
    markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC', marginSchedule: flat }],
    positions: [{ marketId: 'BTC-PERP', size, entryPrice: 100_000, marginMode: 'cross' }],
  });
}
// A short call at strike K that has expired: its value is −max(U − K, 0); its MMR 0.075·U + max(U − K, 0).
function callBook(
  account: ReturnType<typeof shortPerp>,
  leg: Partial<OptionPositionInput> = {},
  strike = 100_000,
) {
  return createOptionBook(
    {
      markets: [{ id: 'BTC-C', optionType: 'call', strike, expiry: 0, underlying: 'BTC-PERP' }],
      positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 1000, marginMode: 'cross', ...leg }],
    },
    account,
  );
}
const prices = createPrices({ markets: { 'BTC-PERP': { mark: 100_000 } } });
const valuation = { nowMs: 0, volatilities: { 'BTC-C': '0.6' } };
const up10 = [{ name: 'up 10 %', move: '0.1' }];
// The search finds each failure within 1/(64 · 2^40) of the path after the true crossing.
const near = (value: Decimal, exact: Decimal) => {
  const d = value.minus(exact);
  expect(d.gte(0) && d.lte('1e-12')).toBe(true);
};

describe('cascadeWithOptions', () => {
  it('cross one-by-one: the perpetual (worst PnL) closes first, the call later, on their own thresholds', () => {
    const account = shortPerp(30_000);
    const [r] = cascadeWithOptions(account, callBook(account), prices, valuation, up10);
    const run = must(r);
    // U = 100 000(1 + m): equity 30 000 − 200 000m = MMR 0.01U + 0.075U + 100 000m at m = 21 500/308 500.
    const m1 = new Decimal(21_500).div(308_500);
    expect(run.events.map((e) => [e.pool, e.positionId, e.leg])).toEqual([
      ['cross', 'BTC-PERP', 'perpetual'],
      ['cross', 'BTC-C', 'option'],
    ]);
    near(must(run.events[0]).at, m1.div('0.1'));
    // At m1 the perpetual loses 100 000·m1 (worse than the call's 100 000·m1 − 1000) and closes first; the call alone
    // then has 30 000 − 100 000·m1 − 100 000m against 7500(1 + m) + 100 000m: m2 = (22 500 − 100 000·m1)/207 500.
    const m2 = new Decimal(22_500).minus(m1.times(100_000)).div(207_500);
    near(must(run.events[1]).at, m2.div('0.1'));
    expect(must(run.events[1]).price.minus(m2.times(100_000)).abs().lte('1e-6')).toBe(true);
    expect(must(run.events[1]).realizedPnl.plus(m2.times(100_000)).minus(1000).abs().lte('1e-6')).toBe(true);
    expect(run.failedPools).toEqual(['cross']);
    expect(run.survivors).toEqual([]);
    expect(run.liquidated).toEqual(['BTC-PERP', 'BTC-C']);
    // Nothing left: the cash after both closes, 30 000 − 100 000·(m1 + m2).
    const final = new Decimal(30_000).minus(m1.plus(m2).times(100_000));
    expect(run.finalEquity.minus(final).abs().lte('1e-6')).toBe(true);
    expect(run.loss.plus(run.finalEquity).toString()).toBe('30000');
    expect(run.events.every((e) => e.deficit.isZero())).toBe(true);
  });

  it('cross whole-pool: both legs close together at the first failure', () => {
    const account = shortPerp(30_000);
    const [r] = cascadeWithOptions(account, callBook(account), prices, valuation, up10, {
      crossLiquidation: 'whole-pool',
    });
    const run = must(r);
    const m1 = new Decimal(21_500).div(308_500);
    expect(run.liquidated).toEqual(['BTC-PERP', 'BTC-C']);
    expect(must(run.events[0]).at.eq(must(run.events[1]).at)).toBe(true);
    expect(
      run.finalEquity
        .minus(new Decimal(30_000).minus(m1.times(200_000)))
        .abs()
        .lte('1e-6'),
    ).toBe(true);
  });

  it('an isolated call fails alone and returns what is left of its margin to the cross pool', () => {
    const account = shortPerp(18_000);
    const book = callBook(account, { marginMode: 'isolated', isolatedMargin: 12_000 });
    const [r] = cascadeWithOptions(account, book, prices, valuation, up10);
    const run = must(r);
    // 12 000 − 100 000m = 7500(1 + m) + 100 000m at m = 4500/207 500.
    const m = new Decimal(4500).div(207_500);
    expect(run.failedPools).toEqual(['BTC-C']);
    near(must(run.events[0]).at, m.div('0.1'));
    expect(run.survivors).toEqual(['BTC-PERP']);
    // 18 000 + (12 000 − 100 000m) − 10 000 (the perpetual at +10 %)
    const final = new Decimal(20_000).minus(m.times(100_000));
    expect(run.finalEquity.minus(final).abs().lte('1e-6')).toBe(true);
  });

  it('a pool already under water fails at t = 0 and its loss beyond the margin is a deficit', () => {
    const account = shortPerp(50_000, 0.5);
    // The call is 10 000 in the money: value −10 000 on a 2000 margin.
    const book = callBook(account, { marginMode: 'isolated', isolatedMargin: 2000 }, 90_000);
    const [r] = cascadeWithOptions(account, book, prices, valuation, [{ name: 'flat' }]);
    const e = must(must(r).events[0]);
    expect([e.at.toString(), e.pool, e.deficit.toString(), e.price.toString()]).toEqual([
      '0',
      'BTC-C',
      '8000',
      '10000',
    ]);
    expect(must(r).survivors).toEqual(['BTC-PERP']);
  });

  it('without option legs, finds the first failure where the perpetual-only cascade does', () => {
    const account = shortPerp(5000, 1);
    const empty = createOptionBook({ markets: [], positions: [] }, account);
    const [r] = cascadeWithOptions(account, empty, prices, { nowMs: 0 }, [
      { name: 'down 10 %', move: '-0.1' },
    ]);
    const exact = stressAccount(account, prices, [
      { name: 'down', shock: { kind: 'uniform', move: '-0.1' } },
    ]);
    const event = must(must(exact.results[0]).cascade[0]);
    // 5000 − 100 000m = 0.01 · 100 000(1 − m)… m = −4000/99 000
    near(must(must(r).events[0]).at, new Decimal(4000).div(99_000).div('0.1'));
    expect(must(must(r).events[0]).at.minus(event.at).abs().lte('1e-12')).toBe(true);
  });

  it('rejects bad options and scenarios with typed errors and paths', () => {
    const account = shortPerp(30_000);
    const book = callBook(account);
    const run = (options: object, scenarios: object[] = up10) =>
      invalidArgument(() =>
        cascadeWithOptions(account, book, prices, valuation, scenarios as never, options),
      );
    expect(run({ gridSteps: 0 }).path).toEqual(['options', 'gridSteps']);
    expect(run({ bisectionSteps: 101 }).path).toEqual(['options', 'bisectionSteps']);
    expect(run({ crossLiquidation: 'all' }).path).toEqual(['options', 'crossLiquidation']);
    expect(run({}, [{ name: 'x', move: '-1' }]).path).toEqual(['scenarios', 0, 'move']);
    expect(invalidArgument(() => cascadeWithOptions(account, book, prices, { nowMs: 0 }, up10)).path).toEqual(
      ['valuation', 'volatilities', 'BTC-C'],
    );
  });
});

describe('option layouts', () => {
  it('compares cross, isolated and a split with the option leg, by hand', () => {
    const account = shortPerp(30_000);
    const outcomes = compareOptionLayouts(account, callBook(account), prices, valuation, up10, {
      split: { 'BTC-C': 12_000 },
    });
    expect(outcomes.map((o) => o.layout)).toEqual(['cross', 'isolated', 'split']);
    const [cross, isolated, split] = outcomes.map((o) => must(o.results[0]));
    expect(must(cross).failedPools).toEqual(['cross']);
    // Isolated: cash split 2000 : 15 000 by initial requirement (2 % of 100 000; the call's 15 % of U).
    const iso = must(outcomes[1]);
    expect(iso.account.positions[0]?.isolatedMargin?.toString()).toBe(
      new Decimal(30_000).times(2000).div(17_000).toString(),
    );
    expect(iso.book.positions[0]?.isolatedMargin?.toString()).toBe(
      new Decimal(30_000).times(15_000).div(17_000).toString(),
    );
    // The perpetual's pool fails first (3529.41 − 100 000m = 1000(1 + m)), then the call's.
    expect(must(isolated).failedPools).toEqual(['BTC-PERP', 'BTC-C']);
    const mPerp = new Decimal(30_000).times(2000).div(17_000).minus(1000).div(101_000);
    near(must(must(isolated).events[0]).at, mPerp.div('0.1'));
    expect(must(split).failedPools).toEqual(['BTC-C']);
    expect(must(split).survivors).toEqual(['BTC-PERP']);
    // Only the split keeps the short perpetual through +10 %.
    expect(outcomes.map((o) => must(o.results[0]).survivors.length)).toEqual([0, 0, 1]);
  });

  it('lays out cash exactly and rejects unknown ids and over-allocation', () => {
    const account = shortPerp(30_000);
    const book = callBook(account, { marginMode: 'isolated', isolatedMargin: 5000 });
    const cross = withOptionLayout(account, book, prices, valuation, { kind: 'cross' });
    expect(cross.account.collateral[0]?.amount.toString()).toBe('35000');
    expect(cross.book.positions[0]?.marginMode).toBe('cross');
    const unknown = invalidArgument(() =>
      withOptionLayout(account, book, prices, valuation, { kind: 'split', margins: { 'ETH-C': 1 } }),
    );
    expect([unknown.code, unknown.path]).toEqual(['UNKNOWN_POSITION', ['layout', 'margins', 'ETH-C']]);
    const over = invalidArgument(() =>
      withOptionLayout(account, book, prices, valuation, { kind: 'split', margins: { 'BTC-C': 35_001 } }),
    );
    expect(over.path).toEqual(['layout', 'margins']);
    const negative = invalidArgument(() =>
      withOptionLayout(account, book, prices, valuation, { kind: 'split', margins: { 'BTC-PERP': -1 } }),
    );
    expect(negative.path).toEqual(['layout', 'margins', 'BTC-PERP']);
  });
});
