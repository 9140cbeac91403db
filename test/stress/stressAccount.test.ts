import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  type MarketInput,
  type Scenario,
  type ScenarioResult,
  type StressRun,
  stressAccount,
  summarizeAccount,
  uniformLadder,
} from '../../src/index.js';

const HOUR = 3_600_000;

function linear(id: string, initialFraction = '0.1', maintenanceFraction = '0.05'): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat', initialFraction, maintenanceFraction },
  };
}

/** |a − b| < tol: cascade times and prices come from a bisection to ~1e-30 in t. */
function near(actual: Decimal | undefined, expected: DecimalInput, tol: DecimalInput = '1e-20'): void {
  if (!actual) throw new Error('no value');
  const diff = actual.minus(new Decimal(expected.toString())).abs();
  expect(diff.lessThan(tol), `${actual.toString()} ≉ ${expected.toString()}`).toBe(true);
}

function frac(n: DecimalInput, d: DecimalInput): Decimal {
  return new Decimal(n.toString()).div(d.toString());
}

function result(run: StressRun, name: string): ScenarioResult {
  const r = run.results.find((x) => x.name === name);
  if (!r) throw new Error(`no scenario ${name}`);
  return r;
}

const uniform = (name: string, move: string, weight?: string): Scenario => ({
  name,
  shock: { kind: 'uniform', move },
  ...(weight === undefined ? {} : { weight }),
});

// A mixed book: 1000 USDT cross collateral and 0.5 BTC of collateral at a 0.9 weight; cross BTC long and ETH
// short; an isolated SOL long with 100 USDT of margin.
const mixed = createMarginAccount({
  settleAsset: 'USDT',
  markets: [linear('BTC'), linear('ETH'), linear('SOL')],
  collateral: [{ asset: 'USDT', amount: 1000 }],
  positions: [
    { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' },
    { marketId: 'ETH', size: -1, entryPrice: 3000, marginMode: 'cross' },
    { marketId: 'SOL', size: 10, entryPrice: 100, marginMode: 'isolated', isolatedMargin: 100 },
  ],
});
const mixedPrices = createPrices({
  markets: { BTC: { mark: 50_000 }, ETH: { mark: 3000 }, SOL: { mark: 100 } },
});

describe('stressAccount: zero shock', () => {
  const withAsset = createMarginAccount({
    ...mixed,
    collateral: [...mixed.collateral, { asset: 'WBTC', amount: '0.5', weight: '0.9' }],
  });
  const prices = createPrices({ ...mixedPrices, assets: { WBTC: 50_000 } });

  it('reproduces summarizeAccount exactly, with and without a shock object', () => {
    const today = summarizeAccount(withAsset, prices);
    const run = stressAccount(withAsset, prices, [{ name: 'none' }, uniform('0%', '0')]);
    expect(JSON.stringify(run.base)).toBe(JSON.stringify(today));
    for (const r of run.results) {
      expect(JSON.stringify(r.summary)).toBe(JSON.stringify(today));
      expect(r.cascade).toEqual([]);
      expect(r.loss.isZero()).toBe(true);
      expect(r.finalEquity.equals(today.total.equity)).toBe(true);
      expect(r.fundingPaid.isZero()).toBe(true);
      expect(r.survivors).toEqual(['BTC', 'ETH', 'SOL']);
      expect(r.liquidated).toEqual([]);
    }
  });

  it('keeps the oracle price source when asked', () => {
    const twoPrices = createPrices({
      markets: {
        BTC: { mark: 50_000, oracle: 49_000 },
        ETH: { mark: 3000, oracle: 3100 },
        SOL: { mark: 100, oracle: 90 },
      },
    });
    const run = stressAccount(mixed, twoPrices, [uniform('0%', '0')], { priceSource: 'oracle' });
    expect(JSON.stringify(run.results[0]?.summary)).toBe(
      JSON.stringify(summarizeAccount(mixed, twoPrices, { priceSource: 'oracle' })),
    );
    // oracle: BTC 0.1 · (49 000 − 50 000) = −100; ETH −1 · (3100 − 3000) = −100 → cross equity 800
    expect(run.base.cross.equity.toString()).toBe('800');
  });
});

describe('stressAccount: pools, shortfall and liquidatable per scenario', () => {
  const run = stressAccount(mixed, mixedPrices, [
    uniform('0%', '0'),
    uniform('-20%', '-0.2'),
    uniform('+20%', '0.2'),
  ]);

  it('reports every pool at the scenario prices, before any liquidation', () => {
    const down = result(run, '-20%');
    // BTC 40 000: 0.1 · (−10 000) = −1000; ETH 2400: −1 · (−600) = +600 → cross equity 1000 − 1000 + 600 = 600
    // cross MMR 0.05 · (4000 + 2400) = 320, IMR 640; 600 ≥ 320 → not liquidatable, shortfall 0
    const cross = down.pools.find((p) => p.pool === 'cross');
    expect(cross?.equity.toString()).toBe('600');
    expect(cross?.maintenanceRequirement.toString()).toBe('320');
    expect(cross?.initialRequirement.toString()).toBe('640');
    expect(cross?.liquidatable).toBe(false);
    expect(cross?.shortfall.toString()).toBe('0');
    // margin ratio 320 / 600
    expect(cross?.marginRatio).toEqual({ kind: 'finite', value: frac(320, 600) });
    // SOL 80: 100 + 10 · (−20) = −100; MMR 0.05 · 800 = 40 → liquidatable, shortfall 40 − (−100) = 140
    const sol = down.pools.find((p) => p.pool === 'SOL');
    expect(sol?.equity.toString()).toBe('-100');
    expect(sol?.maintenanceRequirement.toString()).toBe('40');
    expect(sol?.liquidatable).toBe(true);
    expect(sol?.shortfall.toString()).toBe('140');
    expect(sol?.marginRatio).toEqual({ kind: 'infinite' });
    expect(down.liquidatable).toBe(true);
    // Σ shortfalls = 0 + 140
    expect(down.shortfall.toString()).toBe('140');
    expect(down.prices.markets.SOL?.mark?.toString()).toBe('80');
  });

  it('liquidates the isolated pool on the way and settles what is left of its margin to the cross pool', () => {
    const down = result(run, '-20%');
    // SOL fails where 100 + 10 · (p − 100) = 0.05 · 10 · p → p = 900 / 9.5 = 1800/19 ≈ 94.74,
    // on the path 100 − 20 t → t = 5/19; it returns its maintenance 0.5 · 1800/19 = 900/19
    expect(down.cascade).toHaveLength(1);
    const event = down.cascade[0];
    expect(event?.pool).toBe('SOL');
    expect(event?.positionId).toBe('SOL');
    expect(event?.marketId).toBe('SOL');
    near(event?.at, frac(5, 19));
    near(event?.price, frac(1800, 19));
    // realised 10 · (1800/19 − 100) = −1000/19
    near(event?.realizedPnl, frac(-1000, 19));
    expect(event?.fee.isZero()).toBe(true);
    expect(event?.deficit.isZero()).toBe(true);
    expect(down.survivors).toEqual(['BTC', 'ETH']);
    expect(down.liquidated).toEqual(['SOL']);
    // final: cross 600 + 900/19 = 12 300/19; loss against 1000 + 100 = 1100 today: 8600/19 ≈ 452.63
    near(down.finalEquity, frac(12_300, 19));
    near(down.loss, frac(8600, 19));
    near(down.weightedLoss, frac(8600, 19));
  });

  it('counts a gain as a negative loss', () => {
    const up = result(run, '+20%');
    // cross: 1000 + 1000 − 600 = 1400; SOL: 100 + 200 = 300; total 1700 → loss 1100 − 1700 = −600
    expect(up.liquidatable).toBe(false);
    expect(up.shortfall.toString()).toBe('0');
    expect(up.finalEquity.toString()).toBe('1700');
    expect(up.loss.toString()).toBe('-600');
  });

  it('summarises: worst, sorted weighted losses, mean, first liquidatable', () => {
    expect(run.worst).toBe('-20%');
    // sorted best to worst: −600, 0, 8600/19
    expect(run.losses.map((l) => l.toFixed(6))).toEqual(['-600.000000', '0.000000', '452.631579']);
    // (−600 + 0 + 8600/19) / 3 = −2800/57
    near(run.meanLoss, frac(-2800, 57));
    expect(run.firstLiquidatable).toBe('-20%');
  });
});

describe('stressAccount: one long through a ladder (hand-checked cascade)', () => {
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [linear('BTC')],
    collateral: [{ asset: 'USDT', amount: 1500 }],
    positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }],
  });
  const prices = createPrices({ markets: { BTC: { mark: 50_000 } } });

  it('closes at the price where equity meets maintenance, without slippage or fee', () => {
    const run = stressAccount(account, prices, uniformLadder('-0.2', '0', '0.1'));
    const down = result(run, '-20%');
    // 1500 + 0.2 (p − 50 000) = 0.05 · 0.2 p → 0.19 p = 8500 → p = 850 000/19 ≈ 44 736.84
    // path 50 000 − 10 000 t → t = 10/19
    near(down.cascade[0]?.price, frac(850_000, 19));
    near(down.cascade[0]?.at, frac(10, 19));
    expect(down.cascade[0]?.fillPrice.equals(down.cascade[0]?.price ?? 0)).toBe(true);
    // realised 0.2 · (850 000/19 − 950 000/19) = −20 000/19; left 1500 − 20 000/19 = 8500/19
    near(down.cascade[0]?.realizedPnl, frac(-20_000, 19));
    near(down.finalEquity, frac(8500, 19));
    near(down.loss, frac(20_000, 19));
    // −20 %: equity 1500 − 2000 = −500 < MMR 0.05 · 8000 = 400; shortfall 900
    expect(down.summary.cross.equity.toString()).toBe('-500');
    expect(down.shortfall.toString()).toBe('900');
    // −10 %: equity 500 ≥ MMR 450 → nothing happens, loss 1000
    const ten = result(run, '-10%');
    expect(ten.liquidatable).toBe(false);
    expect(ten.cascade).toEqual([]);
    expect(ten.loss.toString()).toBe('1000');
    expect(run.worst).toBe('-20%');
    expect(run.firstLiquidatable).toBe('-20%');
  });

  it('worsens the forced close by the slippage and charges the fee on the fill notional', () => {
    const run = stressAccount(account, prices, [uniform('-20%', '-0.2')], {
      liquidationSlippage: '0.01',
      liquidationFeeRate: '0.005',
    });
    const event = run.results[0]?.cascade[0];
    // a long sells below: fill = 850 000/19 · 0.99 = 841 500/19 ≈ 44 289.47
    near(event?.fillPrice, frac(841_500, 19));
    // realised 0.2 · (841 500 − 950 000)/19 = −21 700/19 ≈ −1142.11
    near(event?.realizedPnl, frac(-21_700, 19));
    // fee 0.005 · 0.2 · 841 500/19 = 841.5/19 ≈ 44.29
    near(event?.fee, frac('841.5', 19));
    // left 1500 − 21 700/19 − 841.5/19 = 5958.5/19 ≈ 313.61; loss 22 541.5/19 ≈ 1186.39
    near(run.results[0]?.finalEquity, frac('5958.5', 19));
    near(run.results[0]?.loss, frac('22541.5', 19));
  });

  it('buys a short back above the market', () => {
    const short = createMarginAccount({
      settleAsset: 'USDT',
      markets: [linear('ETH')],
      collateral: [{ asset: 'USDT', amount: 300 }],
      positions: [{ marketId: 'ETH', size: -1, entryPrice: 3000, marginMode: 'cross' }],
    });
    const run = stressAccount(
      short,
      createPrices({ markets: { ETH: { mark: 3000 } } }),
      [uniform('+20%', '0.2')],
      {
        liquidationSlippage: '0.02',
        liquidationFeeRate: '0.001',
      },
    );
    const event = run.results[0]?.cascade[0];
    // 300 − (p − 3000) = 0.05 p → p = 3300 / 1.05 = 22 000/7 ≈ 3142.86; t = (22 000/7 − 3000) / 600 = 5/21
    near(event?.price, frac(22_000, 7));
    near(event?.at, frac(5, 21));
    // fill 22 000/7 · 1.02 = 22 440/7; realised −(22 440 − 21 000)/7 = −1440/7; fee 0.001 · 22 440/7 = 22.44/7
    near(event?.fillPrice, frac(22_440, 7));
    near(event?.realizedPnl, frac(-1440, 7));
    near(event?.fee, frac('22.44', 7));
    // left 300 − 1440/7 − 22.44/7 = 637.56/7 ≈ 91.08
    near(run.results[0]?.finalEquity, frac('637.56', 7));
  });

  it('works in coin for an inverse contract', () => {
    const inverse = createMarginAccount({
      settleAsset: 'BTC',
      markets: [
        {
          id: 'BTCUSD',
          kind: 'inverse',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          contractSize: 100,
          marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
        },
      ],
      collateral: [{ asset: 'BTC', amount: '0.2' }],
      positions: [{ marketId: 'BTCUSD', size: 1000, entryPrice: 50_000, marginMode: 'cross' }],
    });
    const run = stressAccount(inverse, createPrices({ markets: { BTCUSD: { mark: 50_000 } } }), [
      uniform('-10%', '-0.1'),
    ]);
    const r = run.results[0];
    // 0.2 + 100 000 (1/50 000 − 1/p) = 0.01 · 100 000/p → 2.2 = 101 000/p → p = 101 000/2.2 ≈ 45 909.09
    // path 50 000 − 5000 t → t = 9/11
    near(r?.cascade[0]?.price, frac(101_000, '2.2'));
    near(r?.cascade[0]?.at, frac(9, 11));
    // left: the maintenance at p, 1000/p = 2.2/101; loss 0.2 − 2.2/101 = 18/101 BTC
    near(r?.finalEquity, frac('2.2', 101));
    near(r?.loss, frac(18, 101));
  });
});

describe('stressAccount: cascade order', () => {
  // Two isolated longs listed B first; A has half B's margin, so A fails first on the way down.
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [linear('A'), linear('B')],
    collateral: [{ asset: 'USDT', amount: 50 }],
    positions: [
      { marketId: 'B', size: 1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 200 },
      { marketId: 'A', size: 1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 100 },
    ],
  });
  const prices = createPrices({ markets: { A: { mark: 1000 }, B: { mark: 1000 } } });

  it('orders forced closes by when each pool reaches maintenance along the path', () => {
    const r = stressAccount(account, prices, [uniform('-30%', '-0.3')]).results[0];
    // A: 100 + (p − 1000) = 0.05 p → p = 900/0.95 = 18 000/19; 1000 − 300 t = 18 000/19 → t = 10/57
    // B: 200 + (p − 1000) = 0.05 p → p = 800/0.95 = 16 000/19; t = 3000/(19 · 300) = 10/19
    expect(r?.cascade.map((e) => e.positionId)).toEqual(['A', 'B']);
    expect(r?.liquidated).toEqual(['A', 'B']);
    near(r?.cascade[0]?.at, frac(10, 57));
    near(r?.cascade[1]?.at, frac(10, 19));
    near(r?.cascade[0]?.price, frac(18_000, 19));
    near(r?.cascade[1]?.price, frac(16_000, 19));
    // each returns its maintenance to cross: 0.05 · 18 000/19 = 900/19 and 800/19 → 50 + 1700/19 = 2650/19
    near(r?.finalEquity, frac(2650, 19));
    expect(r?.survivors).toEqual([]);
  });

  it('stops the path at the scenario: a smaller move loses only the weaker pool', () => {
    // −10 %: A at 900 is below 18 000/19 ≈ 947.37, B at 900 is above 16 000/19 ≈ 842.11
    const r = stressAccount(account, prices, [uniform('-10%', '-0.1')]).results[0];
    expect(r?.liquidated).toEqual(['A']);
    expect(r?.survivors).toEqual(['B']);
    // A at t: 1000 − 100 t = 18 000/19 → t = 10/19
    near(r?.cascade[0]?.at, frac(10, 19));
  });
});

describe('stressAccount: cross pool, one by one against whole pool', () => {
  // The trader-notes book: a violent ALT leg and a healthy BTC leg sharing 400 USDT.
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [linear('ALT'), linear('BTC')],
    collateral: [{ asset: 'USDT', amount: 400 }],
    positions: [
      { marketId: 'BTC', size: 10, entryPrice: 100, marginMode: 'cross' },
      { marketId: 'ALT', size: 10, entryPrice: 100, marginMode: 'cross' },
    ],
  });
  const prices = createPrices({ markets: { ALT: { mark: 100 }, BTC: { mark: 100 } } });
  const altCrash: Scenario = { name: 'ALT -50%', shock: { kind: 'relative', moves: { ALT: '-0.5' } } };
  // Path: ALT 100 − 50 t; equity 400 − 500 t; MMR 0.05 (1000 − 500 t + 1000) = 100 − 25 t → t = 300/475 = 12/19,
  // ALT at 100 − 600/19 = 1300/19 ≈ 68.42; ALT's PnL there 10 · (1300 − 1900)/19 = −6000/19

  it('one by one (default): closes the worst loser first and stops once the pool is healthy', () => {
    const r = stressAccount(account, prices, [altCrash]).results[0];
    expect(r?.cascade.map((e) => e.positionId)).toEqual(['ALT']);
    near(r?.cascade[0]?.at, frac(12, 19));
    near(r?.cascade[0]?.price, frac(1300, 19));
    // left 400 − 6000/19 = 1600/19 ≈ 84.21 against BTC's MMR 50 → BTC survives
    expect(r?.survivors).toEqual(['BTC']);
    near(r?.finalEquity, frac(1600, 19));
    near(r?.loss, frac(6000, 19));
  });

  it('whole pool: closes every cross position at the same moment', () => {
    const r = stressAccount(account, prices, [altCrash], { crossLiquidation: 'whole-pool' }).results[0];
    // largest loss first, then the rest: ALT, BTC (at 100, PnL 0), both at t = 12/19
    expect(r?.cascade.map((e) => e.positionId)).toEqual(['ALT', 'BTC']);
    expect(r?.cascade.every((e) => e.pool === 'cross')).toBe(true);
    near(r?.cascade[1]?.at, frac(12, 19));
    expect(r?.cascade[1]?.price.toString()).toBe('100');
    expect(r?.cascade[1]?.realizedPnl.isZero()).toBe(true);
    expect(r?.survivors).toEqual([]);
    near(r?.loss, frac(6000, 19));
  });

  it('with 10 % slippage the violent leg drags the healthy one down even one by one', () => {
    const r = stressAccount(account, prices, [altCrash], { liquidationSlippage: '0.1' }).results[0];
    // ALT fill 0.9 · 1300/19 = 1170/19; realised 10 · (1170 − 1900)/19 = −7300/19; left 400 − 7300/19 = 300/19
    // 300/19 ≈ 15.79 < BTC's MMR 50 → BTC is sold at 90: −100 → left 300/19 − 100 = −1600/19 (see the deficit below)
    expect(r?.cascade.map((e) => e.positionId)).toEqual(['ALT', 'BTC']);
    near(r?.cascade[0]?.realizedPnl, frac(-7300, 19));
    expect(r?.cascade[1]?.fillPrice.toString()).toBe('90');
    expect(r?.cascade[1]?.realizedPnl.toString()).toBe('-100');
    expect(r?.survivors).toEqual([]);
  });

  it('reports a cross pool closed out below zero as a deficit and caps the loss at the equity', () => {
    const r = stressAccount(account, prices, [altCrash], { liquidationSlippage: '0.1' }).results[0];
    // as above: after BTC's close the pool holds 300/19 − 100 = −1600/19 ≈ −84.21 with no position left; that
    // balance is the insurance fund's loss, reported on the last close (BTC), and the balance is set back to 0
    expect(r?.cascade[0]?.deficit.isZero()).toBe(true);
    near(r?.cascade[1]?.deficit, frac(1600, 19));
    expect(r?.finalEquity.toString()).toBe('0');
    // the trader loses the whole 400 of equity, not 400 + 1600/19 = 9200/19 ≈ 484.21
    expect(r?.loss.toString()).toBe('400');
    // the scenario's pool figures are taken before any liquidation: 400 − 500 = −100 at ALT 50
    expect(r?.summary.cross.equity.toString()).toBe('-100');
  });

  it('whole pool: the same close-out below zero gives the same deficit on the last close', () => {
    const r = stressAccount(account, prices, [altCrash], {
      liquidationSlippage: '0.1',
      crossLiquidation: 'whole-pool',
    }).results[0];
    // ALT then BTC, both at t = 12/19: 400 − 7300/19 − 100 = −1600/19 → deficit 1600/19 on BTC, final 0
    expect(r?.cascade.map((e) => e.positionId)).toEqual(['ALT', 'BTC']);
    expect(r?.cascade[0]?.deficit.isZero()).toBe(true);
    near(r?.cascade[1]?.deficit, frac(1600, 19));
    expect(r?.finalEquity.toString()).toBe('0');
    expect(r?.loss.toString()).toBe('400');
  });
});

describe('stressAccount: isolated deficit', () => {
  it('leaves the cross collateral untouched when an isolated pool ends below zero', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [linear('BTC', '0.02', '0.005')],
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [
        { marketId: 'BTC', size: 1, entryPrice: 20_000, marginMode: 'isolated', isolatedMargin: 400 },
      ],
    });
    const r = stressAccount(
      account,
      createPrices({ markets: { BTC: { mark: 20_000 } } }),
      [uniform('-10%', '-0.1')],
      {
        liquidationSlippage: '0.05',
      },
    ).results[0];
    const event = r?.cascade[0];
    // 400 + (p − 20 000) = 0.005 p → p = 19 600/0.995 = 3 920 000/199 ≈ 19 698.49
    near(event?.price, frac(3_920_000, 199));
    // fill 0.95 · p = 3 724 000/199; realised (3 724 000 − 3 980 000)/199 = −256 000/199 ≈ −1286.43
    near(event?.realizedPnl, frac(-256_000, 199));
    // 400 − 256 000/199 = −176 400/199 ≈ −886.43 → deficit 176 400/199, nothing returned
    near(event?.deficit, frac(176_400, 199));
    expect(event?.pool).toBe('BTC');
    // total equity 1000 + 400 → 1000: the loss is the margin, exactly
    expect(r?.finalEquity.toString()).toBe('1000');
    expect(r?.loss.toString()).toBe('400');
  });
});

describe('stressAccount: funding horizon', () => {
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [
      {
        ...linear('ETH'),
        fundingSchedule: {
          intervalMs: HOUR,
          ratePeriodMs: 8 * HOUR,
          paymentPrice: 'mark',
          rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.02' },
        },
      },
    ],
    // MMR at 3000 is 0.05 · 3000 = 150: a 2 USDT buffer
    collateral: [{ asset: 'USDT', amount: 152 }],
    positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }],
  });
  const prices = createPrices({ markets: { ETH: { mark: 3000, oracle: 3000 } } });

  it('pays the funding before the shock and can liquidate at the start of the path', () => {
    const run = stressAccount(account, prices, [
      { name: 'flat' },
      {
        name: '8 h at 0.1 %',
        funding: { fromMs: 0, toMs: 8 * HOUR, scenario: { kind: 'constant', rate: '0.001' } },
      },
      { name: '8 h worst case', funding: { fromMs: 0, toMs: 8 * HOUR, scenario: { kind: 'worst-case' } } },
    ]);
    expect(result(run, 'flat').liquidatable).toBe(false);
    // 8 hourly payments of 3000 · 0.001 / 8 = 0.375 → 3; equity 152 − 3 = 149 < 150
    const paid = result(run, '8 h at 0.1 %');
    expect(paid.fundingPaid.toString()).toBe('3');
    expect(paid.summary.cross.equity.toString()).toBe('149');
    expect(paid.liquidatable).toBe(true);
    expect(paid.shortfall.toString()).toBe('1');
    // the buffer is gone before any price move: closed at t = 0 at 3000, the funding settled
    expect(paid.cascade[0]?.at.toString()).toBe('0');
    expect(paid.cascade[0]?.price.toString()).toBe('3000');
    expect(paid.finalEquity.toString()).toBe('149');
    expect(paid.loss.toString()).toBe('3');
    // worst case for a long: the 2 % cap per 8 h → 3000 · 0.02 = 60
    expect(result(run, '8 h worst case').fundingPaid.toString()).toBe('60');
    expect(run.firstLiquidatable).toBe('8 h at 0.1 %');
    expect(run.worst).toBe('8 h worst case');
  });

  it('combines funding and a price move', () => {
    const rich = createMarginAccount({ ...account, collateral: [{ asset: 'USDT', amount: 500 }] });
    const r = stressAccount(rich, prices, [
      {
        name: '-5% after 8 h',
        shock: { kind: 'uniform', move: '-0.05' },
        funding: { fromMs: 0, toMs: 8 * HOUR, scenario: { kind: 'constant', rate: '0.001' } },
      },
    ]).results[0];
    // 500 − 3 + (2850 − 3000) = 347; MMR 0.05 · 2850 = 142.5
    expect(r?.summary.cross.equity.toString()).toBe('347');
    expect(r?.summary.cross.maintenanceRequirement.toString()).toBe('142.5');
    expect(r?.loss.toString()).toBe('153');
  });
});

describe('stressAccount: weights', () => {
  it('weights the loss and picks the worst by weighted loss', () => {
    const run = stressAccount(mixed, mixedPrices, [
      uniform('-10%', '-0.1'),
      uniform('extreme -20%', '-0.2', '0.35'),
    ]);
    // −10 %: SOL (at 90, equity 0 < 45) closes at 1800/19 on the way, returning 900/19; cross 1000 − 500 + 300 = 800
    // → final 800 + 900/19 = 16 100/19, loss 1100 − 16 100/19 = 4800/19 ≈ 252.63
    near(result(run, '-10%').loss, frac(4800, 19));
    // −20 %: loss 8600/19, weighted 0.35 · 8600/19 = 3010/19 ≈ 158.42
    const extreme = result(run, 'extreme -20%');
    expect(extreme.weight.toString()).toBe('0.35');
    near(extreme.weightedLoss, frac(3010, 19));
    expect(run.worst).toBe('-10%');
    // mean of weighted losses (4800 + 3010)/19/2 = 7810/38
    near(run.meanLoss, frac(7810, 38));
  });

  it('has no first liquidatable scenario when none is', () => {
    const run = stressAccount(mixed, mixedPrices, [uniform('+5%', '0.05'), uniform('-1%', '-0.01')]);
    expect(run.firstLiquidatable).toBeUndefined();
    expect('firstLiquidatable' in run).toBe(false);
    // +5 %: cross 1000 + 250 − 150 = 1100; SOL 100 + 50 = 150 → loss 1100 − 1250 = −150
    // −1 %: cross 1000 − 50 + 30 = 980; SOL 100 − 10 = 90 → loss 30
    expect(run.worst).toBe('-1%');
    expect(run.losses.map(String)).toEqual(['-150', '30']);
  });
});

describe('stressAccount: worst scenario', () => {
  // The cascade-order book: two isolated longs (A with 100, B with 200 of margin) and 50 USDT of cross cash.
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [linear('A'), linear('B')],
    collateral: [{ asset: 'USDT', amount: 50 }],
    positions: [
      { marketId: 'B', size: 1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 200 },
      { marketId: 'A', size: 1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 100 },
    ],
  });
  const prices = createPrices({ markets: { A: { mark: 1000 }, B: { mark: 1000 } } });

  it('keeps the first of scenarios whose weighted losses tie to 1e-20', () => {
    // −30 % and −20 % both pass A's 18 000/19 and B's 16 000/19: each pool returns its maintenance, 900/19 and
    // 800/19 → final 50 + 1700/19 = 2650/19, loss 350 − 2650/19 = 4000/19 ≈ 210.53 in both; the two cascades'
    // bisections differ only in the last digits
    const down = stressAccount(account, prices, [uniform('-30%', '-0.3'), uniform('-20%', '-0.2')]);
    for (const r of down.results) near(r.weightedLoss, frac(4000, 19));
    expect(down.worst).toBe('-30%');
    const reversed = stressAccount(account, prices, [uniform('-20%', '-0.2'), uniform('-30%', '-0.3')]);
    expect(reversed.worst).toBe('-20%');
    // a clear winner is still picked wherever it is listed: −10 % loses only A; B at 900 keeps 200 − 100 = 100
    // → final 50 + 900/19 + 100, loss 350 − 150 − 900/19 = 2900/19 ≈ 152.63 < 4000/19
    const clear = stressAccount(account, prices, [uniform('-10%', '-0.1'), uniform('-30%', '-0.3')]);
    near(clear.results[0]?.loss, frac(2900, 19));
    expect(clear.worst).toBe('-30%');
  });

  it('names no worst scenario when there are none', () => {
    const run = stressAccount(account, prices, []);
    expect(run.results).toEqual([]);
    expect(run.worst).toBeUndefined();
    expect('worst' in run).toBe(false);
    expect(run.losses).toEqual([]);
    expect(run.meanLoss.toString()).toBe('0');
    expect(run.firstLiquidatable).toBeUndefined();
  });
});
