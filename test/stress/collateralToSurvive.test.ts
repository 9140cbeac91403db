import { describe, expect, it } from 'vitest';
import {
  applyShock,
  collateralToSurvive,
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  type MarginAccount,
  type MarketInput,
  type Scenario,
  stressAccount,
  summarizeAccount,
} from '../../src/index.js';

const HOUR = 3_600_000;

function linear(id: string): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
  };
}

const ethMarket: MarketInput = {
  ...linear('ETH'),
  fundingSchedule: {
    intervalMs: HOUR,
    ratePeriodMs: 8 * HOUR,
    paymentPrice: 'mark',
    rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.02' },
  },
};
const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [ethMarket, linear('BTC')],
  collateral: [{ asset: 'USDT', amount: 300 }],
  positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }],
});
const prices = createPrices({ markets: { ETH: { mark: 3000 }, BTC: { mark: 50_000 } } });
const uniform = (move: string): Scenario => ({ name: move, shock: { kind: 'uniform', move } });

function withCash(a: MarginAccount, extra: string): MarginAccount {
  return createMarginAccount({
    ...a,
    collateral: a.collateral.map((c) => (c.asset === 'USDT' ? { ...c, amount: c.amount.plus(extra) } : c)),
  });
}

describe('collateralToSurvive', () => {
  it('needs MMR − equity at the scenario (the docs example)', () => {
    // −12 %: 2640 → equity 300 − 360 = −60, MMR 132 → 192
    const need = collateralToSurvive(account, prices, [uniform('-0.12')]);
    expect(need.cross.toString()).toBe('192');
    expect(need.total.toString()).toBe('192');
    expect(need.bindingScenario).toBe('-0.12');
    expect(need.isolated).toEqual({});
  });

  it('takes the worst scenario and names it', () => {
    // −5 %: 142.5 − 150 = −7.5; −12 %: 192; −20 %: 120 − (−300) = 420; +10 %: 165 − 600 = −435
    const need = collateralToSurvive(account, prices, ['-0.05', '-0.12', '-0.2', '0.1'].map(uniform));
    expect(need.cross.toString()).toBe('420');
    expect(need.bindingScenario).toBe('-0.2');
  });

  it('needs nothing, and names no scenario, when every scenario is survived', () => {
    const need = collateralToSurvive(account, prices, ['-0.05', '0.1'].map(uniform));
    expect(need.cross.toString()).toBe('0');
    expect(need.total.toString()).toBe('0');
    expect(need).not.toHaveProperty('bindingScenario');
  });

  it('adds margin per isolated position, and sums everything', () => {
    const mixed = createMarginAccount({
      ...account,
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 },
        { marketId: 'BTC', size: '-0.1', entryPrice: 50_000, marginMode: 'isolated', isolatedMargin: 1000 },
        { id: 'BTC-cross', marketId: 'BTC', size: '0.01', entryPrice: 50_000, marginMode: 'cross' },
      ],
    });
    const need = collateralToSurvive(mixed, prices, ['-0.12', '0.05'].map(uniform));
    // ETH isolated as above: 192; the BTC short gains on −12 % and at +5 % has 1000 − 250 ≥ 0.05 · 5250 → 0
    expect(need.isolated.ETH?.toString()).toBe('192');
    expect(need.isolated.BTC?.toString()).toBe('0');
    // cross: 300 + 0.01 · (44 000 − 50 000) = 240 ≥ 0.05 · 440 = 22 → nothing
    expect(need.cross.toString()).toBe('0');
    expect(need.total.toString()).toBe('192');
  });

  it('counts the funding paid over a scenario’s horizon', () => {
    const need = collateralToSurvive(account, prices, [
      {
        ...uniform('-0.12'),
        funding: { fromMs: 0, toMs: 8 * HOUR, scenario: { kind: 'constant', rate: '0.001' } },
      },
    ]);
    // 192 + 8 · 3000 · 0.001 / 8 = 195
    expect(need.cross.toString()).toBe('195');
  });

  it('is exactly enough: at that amount no scenario is liquidatable, 1e-9 less and the binding one is', () => {
    const scenarios = ['-0.05', '-0.12', '-0.2', '0.1'].map(uniform);
    const need = collateralToSurvive(account, prices, scenarios);
    const enough = stressAccount(withCash(account, need.cross.toString()), prices, scenarios);
    expect(enough.results.map((r) => r.liquidatable)).toEqual([false, false, false, false]);
    expect(enough.results.every((r) => r.cascade.length === 0)).toBe(true);
    // −20 %: 720 − 300 = 420 = MMR 120 + 300 … exactly on maintenance
    const binding = enough.results[2]?.summary.cross;
    expect(binding?.equity.equals(binding.maintenanceRequirement)).toBe(true);
    const short = stressAccount(withCash(account, need.cross.minus('1e-9').toString()), prices, scenarios);
    expect(short.results.find((r) => r.name === need.bindingScenario)?.liquidatable).toBe(true);
  });

  it('is enough for an inverse short too, one smallest step above a rounding that would fall short (1 contract at 1000, +14 %)', () => {
    const coin = createMarginAccount({
      settleAsset: 'BTC',
      markets: [
        {
          id: 'BTCUSD',
          kind: 'inverse',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          marginSchedule: { type: 'flat', initialFraction: '0.0005', maintenanceFraction: '0.0005' },
        },
      ],
      collateral: [{ asset: 'BTC', amount: 0 }],
      positions: [{ marketId: 'BTCUSD', size: -1, entryPrice: 1000, marginMode: 'cross' }],
    });
    const coinPrices = createPrices({ markets: { BTCUSD: { mark: 1000 } } });
    const scenarios = [uniform('0.14')];
    const withBtc = (amount: Decimal) =>
      createMarginAccount({ ...coin, collateral: [{ asset: 'BTC', amount }] });
    // the worst point is the end, 1140: uPnL −(1/1000 − 1/1140) = −140/1 140 000, MMR 0.0005/1140 = 0.5/1 140 000
    // → need 140.5/1 140 000 ≈ 0.000123246. That quotient does not terminate; rounded to 40 digits it leaves the pool
    // about 4e-44 BTC under maintenance, so the need is raised by one step of 1e-38 (1e-38 · max(1, need))
    const need = collateralToSurvive(coin, coinPrices, scenarios);
    expect(need.cross.toFixed(9)).toBe('0.000123246');
    const rounded = new Decimal('140.5').div(1_140_000);
    expect(need.cross.toString()).toBe(rounded.plus('1e-38').toString());
    const oneStepLess = stressAccount(withBtc(rounded), coinPrices, scenarios).results[0];
    expect(oneStepLess?.liquidatable).toBe(true);
    // at the need the pool sits on maintenance, a hair above, and nothing is closed on the way
    const enough = stressAccount(withBtc(need.cross), coinPrices, scenarios).results[0];
    const pool = enough?.summary.cross;
    expect(pool?.equity.greaterThanOrEqualTo(pool.maintenanceRequirement)).toBe(true);
    expect(pool?.equity.minus(pool.maintenanceRequirement).lessThan('1e-37')).toBe(true);
    expect(enough?.liquidatable).toBe(false);
    expect(enough?.cascade).toEqual([]);
  });

  it('counts today’s prices, the start of every path', () => {
    // 100 USDT against ETH's MMR 150 today: short by 50 already; the +10 % end has 400 ≥ 165, the −5 % end needs
    // 142.5 − (100 − 150) = 192.5
    const thin = createMarginAccount({ ...account, collateral: [{ asset: 'USDT', amount: 100 }] });
    const up = collateralToSurvive(thin, prices, [uniform('0.1')]);
    expect(up.cross.toString()).toBe('50');
    expect(up.bindingScenario).toBe('0.1');
    const both = collateralToSurvive(thin, prices, [uniform('0.1'), uniform('-0.05')]);
    expect(both.cross.toString()).toBe('192.5');
    expect(both.bindingScenario).toBe('-0.05');
  });

  it('is enough to survive the whole price path, not only its end', () => {
    // A 1000-contract inverse short in A and a 7000-contract inverse long in B (1 USD contracts, entry 1) on
    // 100 BTC; the scenario takes A −50 % and B −10 % along a = 1 − t/2, b = 1 − t/10. In BTC:
    // equity = 100 + (1000/a − 1000) + (7000 − 7000/b), MMR = 0.01 (1000/a + 7000/b), so
    // MMR − equity = 7070/b − 990/a − 6100: −20 today, 7070/0.9 − 1980 − 6100 = −2020/9 ≈ −224.44 at the end,
    // but positive in between, largest where 707/b² = 495/a²
    const inv = (id: string): MarketInput => ({
      id,
      kind: 'inverse',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
    });
    const coin = createMarginAccount({
      settleAsset: 'BTC',
      markets: [inv('A'), inv('B')],
      collateral: [{ asset: 'BTC', amount: 100 }],
      positions: [
        { marketId: 'A', size: -1000, entryPrice: 1, marginMode: 'cross' },
        { marketId: 'B', size: 7000, entryPrice: 1, marginMode: 'cross' },
      ],
    });
    const coinPrices = createPrices({ markets: { A: { mark: 1 }, B: { mark: 1 } } });
    const shock = { kind: 'relative', moves: { A: '-0.5', B: '-0.1' } } as const;
    const scenarios: Scenario[] = [{ name: 'A -50%, B -10%', shock }];
    const withBtc = (extra: DecimalInput) =>
      createMarginAccount({ ...coin, collateral: [{ asset: 'BTC', amount: new Decimal(100).plus(extra) }] });
    // without a top-up the path walk force-closes B on the way (where MMR − equity crosses 0, t ≈ 0.104)
    const bare = stressAccount(coin, coinPrices, scenarios).results[0];
    expect(bare?.liquidatable).toBe(false);
    expect(bare?.cascade.map((e) => e.positionId)).toEqual(['B']);
    // the peak: with r = √(495/707), a = r b → t* = (1 − r) / (1/2 − r/10) ≈ 0.392134, need ≈ 27.108014
    const Wide = Decimal.clone({ precision: 60 });
    const r = new Wide(495).div(707).sqrt();
    const tStar = new Wide(1).minus(r).div(new Wide('0.5').minus(r.div(10)));
    const a = new Wide(1).minus(tStar.div(2));
    const b = new Wide(1).minus(tStar.div(10));
    const peak = new Wide(7070).div(b).minus(new Wide(990).div(a)).minus(6100);
    expect(tStar.toFixed(6)).toBe('0.392134');
    expect(peak.toFixed(6)).toBe('27.108014');
    const need = collateralToSurvive(coin, coinPrices, scenarios);
    expect(need.bindingScenario).toBe('A -50%, B -10%');
    // the path search finds the peak to well within 1e-20
    expect(new Wide(need.cross).minus(peak).abs().lessThan('1e-20'), need.cross.toString()).toBe(true);
    // topped up by the need, the path walk closes nothing; 1e-9 less and the pool is under maintenance at t*
    const topped = stressAccount(withBtc(need.cross), coinPrices, scenarios).results[0];
    expect(topped?.cascade).toEqual([]);
    expect(topped?.liquidatable).toBe(false);
    const atPeak = applyShock(coinPrices, shock, tStar.toSignificantDigits(40).toString());
    expect(summarizeAccount(withBtc(need.cross.minus('1e-9')), atPeak).cross.liquidatable).toBe(true);
  });
});
