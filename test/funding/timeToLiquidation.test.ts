import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  type FundingScenarios,
  InvalidArgumentError,
  type MarginAccount,
  type MarketInput,
  MissingPriceError,
  type PoolTimeToLiquidation,
  type PositionInput,
  summarizeAccount,
  timeToLiquidation,
  withProjectedFunding,
} from '../../src/index.js';

const HOUR = 3_600_000;
const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;
// ETH: Hyperliquid-like, an 8-hour rate paid hourly at 1/8 on the oracle price, cap ±0.04 per 8 h.
const eth: MarketInput = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDC',
  marginSchedule: flat,
  fundingSchedule: {
    intervalMs: HOUR,
    ratePeriodMs: 8 * HOUR,
    paymentPrice: 'oracle',
    rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' },
  },
};
// BTC: Binance-like, an 8-hour rate paid every 8 hours, cap ±0.0075.
const btc: MarketInput = {
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDC',
  marginSchedule: flat,
  fundingSchedule: {
    intervalMs: 8 * HOUR,
    paymentPrice: 'oracle',
    rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.0075' },
  },
};
const prices = createPrices({
  markets: { ETH: { oracle: 3000, mark: 3000 }, BTC: { oracle: 50_000, mark: 50_000 } },
});
const ethLong: PositionInput = { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' };

const account = (collateral: number | string, positions: PositionInput[], markets = [eth, btc]) =>
  createMarginAccount({
    settleAsset: 'USDC',
    markets,
    collateral: [{ asset: 'USDC', amount: collateral }],
    positions,
  });

// 1 ETH long at 3 000 with 400 USDC: MMR 0.05 · 3 000 = 150; surplus (equity − MMR) 250.
const docAccount = account(400, [ethLong]);
const worst = { kind: 'worst-case' } as const;

function at(result: PoolTimeToLiquidation) {
  if (result.kind !== 'at') throw new Error(`expected 'at', got '${result.kind}'`);
  return result;
}

/** The pool's equity and MMR after projecting funding over (fromMs, toMs]. */
function projected(
  a: MarginAccount,
  scenario: FundingScenarios,
  fromMs: number,
  toMs: number,
  pool = 'cross',
) {
  const s = summarizeAccount(withProjectedFunding(a, prices, { fromMs, toMs, scenario }), prices);
  const p = pool === 'cross' ? s.cross : s.isolated.find((i) => i.positionId === pool);
  if (!p) throw new Error(`no pool ${pool}`);
  return { equity: p.equity.toString(), below: p.equity.lessThan(p.maintenanceRequirement) };
}

describe('timeToLiquidation: exact crossing at constant rates', () => {
  it('worst case: 15 an hour eats a surplus of 250 in the 17th hour', () => {
    const t = at(timeToLiquidation(docAccount, prices, { fromMs: 0, scenario: worst }));
    // 3 000 · 0.04 / 8 = 15 an hour; after 16 h 250 − 240 = 10 left; after 17 h −5 → 17 h = 61 200 000 ms
    expect(t.pool).toBe('cross');
    expect(t.time).toBe(17 * HOUR);
    expect(t.elapsedMs).toBe(17 * HOUR);
    // equity 400 − 17 · 15 = 145 < MMR 150
    expect(t.equity.toString()).toBe('145');
    expect(t.maintenanceRequirement.toString()).toBe('150');
    // the same answer stepping with withProjectedFunding
    expect(projected(docAccount, worst, 0, 16 * HOUR)).toEqual({ equity: '160', below: false });
    expect(projected(docAccount, worst, 0, 17 * HOUR)).toEqual({ equity: '145', below: true });
  });

  it('constant baseline rate: 0.3 an hour takes 834 hours', () => {
    const scenario = { kind: 'constant', rate: '0.0008' } as const;
    const t = at(timeToLiquidation(docAccount, prices, { fromMs: 0, scenario }));
    // 3 000 · 0.0008 / 8 = 0.3 an hour; 250 / 0.3 = 833.3… → the 834th hour; equity 400 − 834 · 0.3 = 149.8
    expect(t.time).toBe(834 * HOUR);
    expect(t.equity.toString()).toBe('149.8');
    expect(projected(docAccount, scenario, 0, 833 * HOUR)).toEqual({ equity: '150.1', below: false });
  });

  it('equity exactly at maintenance is not liquidatable: the crossing is one payment later', () => {
    // ETH at 4 000: MMR 200; collateral 450 → surplus 250; rate 0.01 → 4 000 · 0.01 / 8 = 5 an hour
    const p4000 = createPrices({ markets: { ETH: { oracle: 4000, mark: 4000 } } });
    const a = account(450, [{ ...ethLong, entryPrice: 4000 }], [eth]);
    const t = at(timeToLiquidation(a, p4000, { fromMs: 0, scenario: { kind: 'constant', rate: '0.01' } }));
    // after 50 h the surplus is exactly 0 (equity 200 = MMR); after 51 h it is −5 → 51 h, equity 195
    expect(t.time).toBe(51 * HOUR);
    expect(t.equity.toString()).toBe('195');
  });

  it('counts from the start, exclusive, on the settlement grid', () => {
    // from 00:30 the payments are at 1 h, 2 h, …; the 17th at 17 h, 16.5 h after the start
    const t = at(timeToLiquidation(docAccount, prices, { fromMs: HOUR / 2, scenario: worst }));
    expect(t.time).toBe(17 * HOUR);
    expect(t.elapsedMs).toBe(16.5 * HOUR);
    // from 5 h exactly (a settlement time, excluded): the 17th payment is at 22 h
    expect(at(timeToLiquidation(docAccount, prices, { fromMs: 5 * HOUR, scenario: worst })).time).toBe(
      22 * HOUR,
    );
  });

  it('a short pays at the floor in the worst case', () => {
    const short = account(400, [{ ...ethLong, size: -1 }]);
    // −1 · 3 000 · −0.04 / 8 = 15 an hour: 17 h as for the long
    expect(at(timeToLiquidation(short, prices, { fromMs: 0, scenario: worst })).time).toBe(17 * HOUR);
  });
});

describe('timeToLiquidation: now and never', () => {
  it('now: the pool is already below maintenance', () => {
    // equity 100 < MMR 150
    const t = timeToLiquidation(account(100, [ethLong]), prices, { fromMs: 0, scenario: worst });
    expect(t.kind).toBe('now');
    if (t.kind !== 'now') return;
    expect(t.equity.toString()).toBe('100');
    expect(t.maintenanceRequirement.toString()).toBe('150');
  });

  it('never: a receiver, a zero rate, or a market left out of the scenario map', () => {
    const short = account(400, [{ ...ethLong, size: -1 }]);
    // a positive rate: the short receives
    expect(
      timeToLiquidation(short, prices, { fromMs: 0, scenario: { kind: 'constant', rate: '0.0008' } }).kind,
    ).toBe('never');
    // a negative rate: the long receives
    expect(
      timeToLiquidation(docAccount, prices, { fromMs: 0, scenario: { kind: 'constant', rate: '-0.0008' } })
        .kind,
    ).toBe('never');
    expect(
      timeToLiquidation(docAccount, prices, { fromMs: 0, scenario: { kind: 'constant', rate: 0 } }).kind,
    ).toBe('never');
    expect(timeToLiquidation(docAccount, prices, { fromMs: 0, scenario: { BTC: worst } }).kind).toBe('never');
  });
});

describe('timeToLiquidation: rate paths', () => {
  it('walks a path, then holds its last rate', () => {
    const scenario = {
      kind: 'path',
      points: [
        { time: 0, rate: '0.0008' },
        { time: 10 * HOUR, rate: '0.0016' },
      ],
    } as const;
    const t = at(timeToLiquidation(docAccount, prices, { fromMs: 0, scenario }));
    // 1 h … 10 h settle intervals at 0.0008: 10 · 0.3 = 3 → surplus 247
    // from 11 h at 0.0016: 0.6 an hour; 247 / 0.6 = 411.7 → 412 more hours → 422 h; equity 400 − 3 − 247.2 = 149.8
    expect(t.time).toBe(422 * HOUR);
    expect(t.equity.toString()).toBe('149.8');
    expect(projected(docAccount, scenario, 0, 421 * HOUR).below).toBe(false);
    expect(projected(docAccount, scenario, 0, 422 * HOUR).below).toBe(true);
  });

  it('finds a crossing while the path is still being walked', () => {
    const scenario = {
      kind: 'path',
      points: [
        { time: 0, rate: '0.04' },
        { time: 100 * HOUR, rate: '-0.04' },
      ],
    } as const;
    // 15 an hour from the start: 17 h, long before the path turns at 100 h
    expect(at(timeToLiquidation(docAccount, prices, { fromMs: 0, scenario })).time).toBe(17 * HOUR);
  });

  it('never, when the path turns to receiving before the surplus is gone', () => {
    const scenario = {
      kind: 'path',
      points: [
        { time: 0, rate: '0.0008' },
        { time: 5 * HOUR, rate: '-0.0008' },
      ],
    } as const;
    // pays 5 · 0.3 = 1.5, then receives for ever
    expect(timeToLiquidation(docAccount, prices, { fromMs: 0, scenario }).kind).toBe('never');
  });

  it('rejects a path with no rate at the start (NO_RATE)', () => {
    try {
      timeToLiquidation(docAccount, prices, {
        fromMs: 0,
        scenario: { kind: 'path', points: [{ time: 5 * HOUR, rate: '0.0008' }] },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('NO_RATE');
    }
  });
});

describe('timeToLiquidation: several markets and pools', () => {
  // Cross: 1 ETH (hourly) and 0.1 BTC (8-hourly); MMR 150 + 0.05 · 5 000 = 400.
  const ethAndBtc = (collateral: number | string) =>
    account(collateral, [ethLong, { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }]);
  // ETH 0.3 an hour; BTC 0.1 · 50 000 · 0.0001 = 0.5 every 8 h; 8 · 0.3 + 0.5 = 2.9 per 8 h
  const scenario = {
    ETH: { kind: 'constant', rate: '0.0008' },
    BTC: { kind: 'constant', rate: '0.0001' },
  } as const;

  it('mixes 1-hour and 8-hour intervals in one pool', () => {
    // surplus 500 − 400 = 100; after 34 · 8 h = 272 h: 100 − 34 · 2.9 = 1.4; then 0.3 an hour:
    // 273 h 1.1, 274 h 0.8, 275 h 0.5, 276 h 0.2, 277 h −0.1 → 277 h, equity 399.9
    const t = at(timeToLiquidation(ethAndBtc(500), prices, { fromMs: 0, scenario }));
    expect(t.time).toBe(277 * HOUR);
    expect(t.equity.toString()).toBe('399.9');
    expect(projected(ethAndBtc(500), scenario, 0, 276 * HOUR)).toEqual({ equity: '400.2', below: false });
    expect(projected(ethAndBtc(500), scenario, 0, 277 * HOUR)).toEqual({ equity: '399.9', below: true });
  });

  it('finds a crossing at a time both markets settle', () => {
    // surplus 98.5: after 264 h 98.5 − 33 · 2.9 = 2.8; 265 … 271 h: 2.8 − 2.1 = 0.7;
    // 272 h: ETH 0.3 + BTC 0.5 → −0.1 → 272 h, equity 399.9
    const t = at(timeToLiquidation(ethAndBtc('498.5'), prices, { fromMs: 0, scenario }));
    expect(t.time).toBe(272 * HOUR);
    expect(t.equity.toString()).toBe('399.9');
    expect(projected(ethAndBtc('498.5'), scenario, 0, 271 * HOUR).below).toBe(false);
  });

  it('reports isolated pools separately and picks the earliest', () => {
    // cross: the doc account (17 h). Isolated BTC: margin 300, MMR 250, surplus 50; worst case
    // 0.1 · 50 000 · 0.0075 = 37.5 every 8 h: 8 h 12.5, 16 h −25 → 16 h, equity 225
    const a = account(400, [
      ethLong,
      { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'isolated', isolatedMargin: 300 },
    ]);
    const t = timeToLiquidation(a, prices, { fromMs: 0, scenario: worst });
    expect(t.pools).toHaveLength(2);
    const cross = at(t.pools[0] as PoolTimeToLiquidation);
    const isolated = at(t.pools[1] as PoolTimeToLiquidation);
    expect(cross.pool).toBe('cross');
    expect(cross.time).toBe(17 * HOUR);
    expect(cross.equity.toString()).toBe('145');
    expect(isolated.pool).toBe('BTC');
    expect(isolated.time).toBe(16 * HOUR);
    expect(isolated.equity.toString()).toBe('225');
    expect(isolated.maintenanceRequirement.toString()).toBe('250');
    // earliest: the isolated pool
    const first = at(t);
    expect(first.pool).toBe('BTC');
    expect(first.time).toBe(16 * HOUR);
    expect(projected(a, worst, 0, 8 * HOUR, 'BTC').below).toBe(false);
    expect(projected(a, worst, 0, 16 * HOUR, 'BTC').below).toBe(true);
  });

  it('picks the cross pool when it goes first', () => {
    // isolated margin 400: surplus 150 → 112.5, 75, 37.5, 0 (not below), −37.5 at 40 h; cross still 17 h
    const a = account(400, [
      ethLong,
      { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'isolated', isolatedMargin: 400 },
    ]);
    const t = timeToLiquidation(a, prices, { fromMs: 0, scenario: worst });
    expect(at(t.pools[1] as PoolTimeToLiquidation).time).toBe(40 * HOUR);
    expect(at(t).pool).toBe('cross');
    expect(at(t).time).toBe(17 * HOUR);
  });

  it('an isolated pool already below maintenance comes first', () => {
    // isolated margin 200 < MMR 250
    const a = account(400, [
      ethLong,
      { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'isolated', isolatedMargin: 200 },
    ]);
    const t = timeToLiquidation(a, prices, { fromMs: 0, scenario: worst });
    expect(t.kind).toBe('now');
    expect(t.pool).toBe('BTC');
    expect(t.pools[0]?.kind).toBe('at');
  });
});

describe('timeToLiquidation: pools without a maintenance requirement', () => {
  // Cross: equity −10 and no position (MMR 0) is never liquidatable (MMR > 0 ∧ equity < MMR). The isolated ETH
  // pool: margin 1 000, MMR 150, worst case 15 an hour: 850 / 15 = 56.7 → below maintenance in the 57th hour.
  it('reports never for a pool with no maintenance requirement, and headlines the isolated pool', () => {
    const a = createMarginAccount({
      settleAsset: 'USDC',
      markets: [eth],
      collateral: [{ asset: 'USDC', amount: -10 }],
      positions: [{ ...ethLong, marginMode: 'isolated', isolatedMargin: 1000 }],
    });
    expect(summarizeAccount(a, prices).cross.liquidatable).toBe(false);
    const t = timeToLiquidation(a, prices, { fromMs: 0, scenario: worst });
    expect(t.pools[0]?.kind).toBe('never');
    expect(at(t).pool).toBe('ETH');
    expect(at(t).time).toBe(57 * HOUR);
  });
});

describe('timeToLiquidation: bad input', () => {
  it('rejects a start that is not a whole millisecond', () => {
    try {
      timeToLiquidation(docAccount, prices, { fromMs: 0.5, scenario: worst });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      expect((error as InvalidArgumentError).path).toEqual(['fromMs']);
    }
  });

  it('needs the payment price', () => {
    expect(() =>
      timeToLiquidation(docAccount, createPrices({ markets: { ETH: { mark: 3000 } } }), {
        fromMs: 0,
        scenario: worst,
      }),
    ).toThrow(MissingPriceError);
  });
});
