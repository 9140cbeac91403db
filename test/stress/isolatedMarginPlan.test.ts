import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  isolatedMarginPlan,
  type MarketInput,
  type Scenario,
  stressAccount,
  withMarginLayout,
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

const markets = [
  {
    ...linear('ETH'),
    fundingSchedule: {
      intervalMs: HOUR,
      ratePeriodMs: 8 * HOUR,
      paymentPrice: 'mark' as const,
      rate: { type: 'premium-interest' as const, interestRate: '0.0001', cap: '0.02' },
    },
  },
  linear('BTC'),
];
const prices = createPrices({ markets: { ETH: { mark: 3000 }, BTC: { mark: 50_000 } } });
const uniform = (move: string): Scenario => ({ name: move, shock: { kind: 'uniform', move } });
const book = (cash: number) =>
  createMarginAccount({
    settleAsset: 'USDT',
    markets,
    collateral: [{ asset: 'USDT', amount: cash }],
    positions: [
      { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' },
      { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' },
    ],
  });

describe('isolatedMarginPlan', () => {
  it('gives each position the larger of its opening need and its worst maintenance need', () => {
    const plan = isolatedMarginPlan(book(2000), prices, [uniform('-0.12')]);
    expect(plan.kind).toBe('plan');
    if (plan.kind !== 'plan') return;
    // ETH: max(IMR 300, MMR 0.05 · 2640 − uPnL (−360) = 492) = 492
    // BTC: max(IMR 500, 0.05 · 4400 + 600 = 820) = 820
    expect(plan.margins.ETH?.toString()).toBe('492');
    expect(plan.margins.BTC?.toString()).toBe('820');
    // 2000 − 1312
    expect(plan.leftover.toString()).toBe('688');
  });

  it('keeps the initial requirement when the scenarios are mild', () => {
    const plan = isolatedMarginPlan(book(2000), prices, [uniform('-0.01')]);
    // ETH: 0.05 · 2970 + 30 = 178.5 < 300; BTC: 0.05 · 4950 + 50 = 297.5 < 500
    expect(plan.kind === 'plan' && plan.margins.ETH?.toString()).toBe('300');
    expect(plan.kind === 'plan' && plan.margins.BTC?.toString()).toBe('500');
  });

  it('applied with withMarginLayout, every position survives every scenario, on maintenance at the worst', () => {
    const scenarios = ['-0.12', '-0.06', '0.12'].map(uniform);
    const account = book(2000);
    const plan = isolatedMarginPlan(account, prices, scenarios);
    if (plan.kind !== 'plan') throw new Error('expected a plan');
    const split = withMarginLayout(account, prices, { kind: 'split', margins: plan.margins });
    expect(split.collateral[0]?.amount.toString()).toBe('688');
    const run = stressAccount(split, prices, scenarios);
    for (const r of run.results) {
      expect(r.liquidatable).toBe(false);
      expect(r.liquidated).toEqual([]);
    }
    // at −12 % each isolated pool's equity equals its MMR: 492 − 360 = 132, 820 − 600 = 220
    const worst = run.results[0]?.pools;
    expect(worst?.find((p) => p.pool === 'ETH')?.equity.toString()).toBe('132');
    expect(worst?.find((p) => p.pool === 'BTC')?.equity.toString()).toBe('220');
    expect(worst?.find((p) => p.pool === 'BTC')?.maintenanceRequirement.toString()).toBe('220');
  });

  it('is not possible when the needs add up to more than the cash, and says by how much', () => {
    const plan = isolatedMarginPlan(book(1000), prices, [uniform('-0.12')]);
    expect(plan.kind).toBe('not-possible');
    if (plan.kind !== 'not-possible') return;
    expect(plan.required.ETH?.toString()).toBe('492');
    expect(plan.required.BTC?.toString()).toBe('820');
    expect(plan.available.toString()).toBe('1000');
    // 1312 − 1000
    expect(plan.deficit.toString()).toBe('312');
  });

  it('counts margins already isolated as available, and includes funding over the horizon', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets,
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 400 },
        { marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' },
      ],
    });
    const plan = isolatedMarginPlan(account, prices, [
      {
        ...uniform('-0.12'),
        funding: { fromMs: 0, toMs: 8 * HOUR, scenario: { kind: 'constant', rate: '0.001' } },
      },
    ]);
    if (plan.kind !== 'plan') throw new Error('expected a plan');
    // ETH pays 3 over 8 h: 492 + 3 = 495; BTC has no funding schedule: 820; 1400 − 1315 = 85
    expect(plan.margins.ETH?.toString()).toBe('495');
    expect(plan.margins.BTC?.toString()).toBe('820');
    expect(plan.leftover.toString()).toBe('85');
  });

  it('gives a profitable position its initial requirement, with no credit for the gain, and the layout accepts it', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets,
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [{ marketId: 'ETH', size: 1, entryPrice: 2500, marginMode: 'cross' }],
    });
    // today: IMR 300 + max(0, 0 − uPnL 500) = 300; along −12 %: MMR − uPnL = 0.05 p − (p − 2500) = 2500 − 0.95 p,
    // at most 2500 − 0.95 · 2640 = −8 → 300
    const plan = isolatedMarginPlan(account, prices, [uniform('-0.12')]);
    if (plan.kind !== 'plan') throw new Error('expected a plan');
    expect(plan.margins.ETH?.toString()).toBe('300');
    expect(plan.leftover.toString()).toBe('700');
    const split = withMarginLayout(account, prices, { kind: 'split', margins: plan.margins });
    expect(split.positions[0]?.isolatedMargin?.toString()).toBe('300');
    // at −12 % the isolated pool holds 300 + (2640 − 2500) = 440 ≥ MMR 132
    const r = stressAccount(split, prices, [uniform('-0.12')]).results[0];
    expect(r?.pools.find((p) => p.pool === 'ETH')?.equity.toString()).toBe('440');
    expect(r?.liquidated).toEqual([]);
  });

  it('covers today’s loss and owed funding on top of the initial requirement, but not a gain', () => {
    const at = (entryPrice: number, unsettledFunding: number) =>
      createMarginAccount({
        settleAsset: 'USDT',
        markets,
        collateral: [{ asset: 'USDT', amount: 1000 }],
        positions: [{ marketId: 'ETH', size: 1, entryPrice, marginMode: 'cross', unsettledFunding }],
      });
    const margin = (entryPrice: number, unsettledFunding: number) => {
      const plan = isolatedMarginPlan(at(entryPrice, unsettledFunding), prices, []);
      return plan.kind === 'plan' ? plan.margins.ETH?.toString() : plan.kind;
    };
    // entry 3100, 20 owed: 300 + max(0, 20 − (−100)) = 420
    expect(margin(3100, 20)).toBe('420');
    // entry 2900, 20 owed: 300 + max(0, 20 − 100) = 300
    expect(margin(2900, 20)).toBe('300');
    // entry 2900, 150 owed: 300 + max(0, 150 − 100) = 350
    expect(margin(2900, 150)).toBe('350');
  });
});
