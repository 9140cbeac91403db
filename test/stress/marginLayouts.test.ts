import { describe, expect, it } from 'vitest';
import {
  compareMarginLayouts,
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  InvalidArgumentError,
  type MarginAccount,
  type MarketInput,
  type Scenario,
  stressAccount,
  summarizeAccount,
  withMarginLayout,
} from '../../src/index.js';

function linear(id: string, initialFraction = '0.1', maintenanceFraction = '0.05'): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat', initialFraction, maintenanceFraction },
  };
}

function near(actual: Decimal | undefined, expected: DecimalInput, tol: DecimalInput = '1e-20'): void {
  if (!actual) throw new Error('no value');
  const diff = actual.minus(new Decimal(expected.toString())).abs();
  expect(diff.lessThan(tol), `${actual.toString()} ≉ ${expected.toString()}`).toBe(true);
}

function frac(n: DecimalInput, d: DecimalInput): Decimal {
  return new Decimal(n.toString()).div(d.toString());
}

function margins(account: MarginAccount): Record<string, string | undefined> {
  return Object.fromEntries(account.positions.map((p) => [p.id, p.isolatedMargin?.toString()]));
}

function cash(account: MarginAccount): string | undefined {
  return account.collateral.find((c) => c.asset === account.settleAsset)?.amount.toString();
}

describe('withMarginLayout', () => {
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [linear('A'), linear('B', '0.2', '0.1')],
    collateral: [
      { asset: 'USDT', amount: 600 },
      { asset: 'WBTC', amount: '0.01', weight: '0.9' },
    ],
    positions: [
      { marketId: 'A', size: 10, entryPrice: 100, marginMode: 'cross' },
      { marketId: 'B', size: 10, entryPrice: 100, marginMode: 'cross' },
    ],
  });
  const prices = createPrices({ markets: { A: { mark: 100 }, B: { mark: 100 } }, assets: { WBTC: 50_000 } });

  it('isolated: splits the settlement cash in proportion to the initial requirements', () => {
    const iso = withMarginLayout(account, prices, { kind: 'isolated' });
    // IMR A = 0.1 · 1000 = 100, B = 0.2 · 1000 = 200 → 600 · 1/3 = 200 and 600 · 2/3 = 400
    expect(margins(iso)).toEqual({ A: '200', B: '400' });
    expect(iso.positions.every((p) => p.marginMode === 'isolated')).toBe(true);
    // no settlement cash left in cross; the WBTC stays cross collateral
    expect(cash(iso)).toBe('0');
    expect(iso.collateral.find((c) => c.asset === 'WBTC')?.amount.toString()).toBe('0.01');
  });

  it('split: isolates the named positions with the given margins, the rest stays cross', () => {
    const split = withMarginLayout(account, prices, { kind: 'split', margins: { B: 250 } });
    expect(margins(split)).toEqual({ A: undefined, B: '250' });
    expect(split.positions.map((p) => p.marginMode)).toEqual(['cross', 'isolated']);
    // 600 − 250 = 350 left in cross
    expect(cash(split)).toBe('350');
  });

  it('cross: returns isolated margins to the cross collateral', () => {
    const iso = withMarginLayout(account, prices, { kind: 'isolated' });
    const cross = withMarginLayout(iso, prices, { kind: 'cross' });
    // 0 + 200 + 400 = 600
    expect(cash(cross)).toBe('600');
    expect(cross.positions.every((p) => p.marginMode === 'cross' && p.isolatedMargin === undefined)).toBe(
      true,
    );
  });

  it('keeps total equity at today’s prices, unrealized PnL included', () => {
    const moved = createPrices({ markets: { A: { mark: 110 }, B: { mark: 95 } }, assets: { WBTC: 50_000 } });
    // cross: 600 + 450 (WBTC 0.01 · 50 000 · 0.9) + 100 − 50 = 1100
    const today = summarizeAccount(account, moved).total.equity;
    expect(today.toString()).toBe('1100');
    for (const layout of [
      { kind: 'isolated' },
      { kind: 'cross' },
      { kind: 'split', margins: { A: 123 } },
    ] as const) {
      expect(summarizeAccount(withMarginLayout(account, moved, layout), moved).total.equity.toString()).toBe(
        '1100',
      );
    }
    // shares by IMR at today's marks: A 0.1 · 1100 = 110, B 0.2 · 950 = 190 → 600 · 110/300 = 220, 600 · 190/300 = 380
    expect(margins(withMarginLayout(account, moved, { kind: 'isolated' }))).toEqual({ A: '220', B: '380' });
  });

  it('rejects an unknown position and a split larger than the cash', () => {
    try {
      withMarginLayout(account, prices, { kind: 'split', margins: { C: 10 } });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('UNKNOWN_POSITION');
      expect((error as InvalidArgumentError).path).toEqual(['margins', 'C']);
    }
    // 400 + 250 = 650 > 600
    expect(() => withMarginLayout(account, prices, { kind: 'split', margins: { A: 400, B: 250 } })).toThrow(
      /50 more than the cash/,
    );
  });
});

describe('compareMarginLayouts: the trader-notes cascade', () => {
  // One violent leg (an alt that can lose half its value) and one healthy position share 400 USDT.
  const account = createMarginAccount({
    settleAsset: 'USDT',
    markets: [linear('ALT'), linear('BTC')],
    collateral: [{ asset: 'USDT', amount: 400 }],
    positions: [
      { marketId: 'ALT', size: 10, entryPrice: 100, marginMode: 'cross' },
      { marketId: 'BTC', size: 10, entryPrice: 100, marginMode: 'cross' },
    ],
  });
  const prices = createPrices({ markets: { ALT: { mark: 100 }, BTC: { mark: 100 } } });
  const scenarios: Scenario[] = [
    { name: 'ALT -50%', shock: { kind: 'relative', moves: { ALT: '-0.5' } } },
    { name: 'all -15%', shock: { kind: 'uniform', move: '-0.15' } },
  ];
  const outcomes = compareMarginLayouts(account, prices, scenarios, {
    liquidationSlippage: '0.1',
    split: { ALT: 150 },
  });
  const by = (layout: string) => {
    const o = outcomes.find((x) => x.layout === layout);
    if (!o) throw new Error(`no layout ${layout}`);
    return o;
  };

  it('runs cross, isolated and the split through the same scenarios', () => {
    expect(outcomes.map((o) => o.layout)).toEqual(['cross', 'isolated', 'split']);
    for (const o of outcomes) {
      expect(o.byScenario.map((s) => s.name)).toEqual(['ALT -50%', 'all -15%']);
      // each outcome is the plain stress run of its laid-out account
      const again = stressAccount(o.account, prices, scenarios, { liquidationSlippage: '0.1' });
      expect(o.byScenario.map((s) => s.loss.toString())).toEqual(again.results.map((r) => r.loss.toString()));
    }
    expect(margins(by('isolated').account)).toEqual({ ALT: '200', BTC: '200' });
    expect(margins(by('split').account)).toEqual({ ALT: '150', BTC: undefined });
    expect(compareMarginLayouts(account, prices, scenarios).map((o) => o.layout)).toEqual([
      'cross',
      'isolated',
    ]);
  });

  it('cross: the violent leg drains the shared collateral and the healthy BTC position is lost', () => {
    const crash = by('cross').byScenario[0];
    expect(crash?.survivors).toEqual([]);
    // ALT fails at 1300/19 (t = 12/19), sold at 0.9 of it: −7300/19; 300/19 left is under BTC's MMR 50,
    // so BTC is sold at 90: −100 → −1600/19 with nothing left open. That 1600/19 ≈ 84.21 is the insurance
    // fund's deficit on BTC's close; the trader loses the whole 400 and ends at 0
    const cascade = by('cross').run.results[0]?.cascade;
    expect(cascade?.map((e) => e.positionId)).toEqual(['ALT', 'BTC']);
    expect(cascade?.[0]?.deficit.isZero()).toBe(true);
    near(cascade?.[1]?.deficit, frac(1600, 19));
    expect(crash?.loss.toString()).toBe('400');
    expect(by('cross').run.results[0]?.finalEquity.toString()).toBe('0');
  });

  it('isolated: ALT loses its own margin only and BTC survives', () => {
    const crash = by('isolated').byScenario[0];
    expect(crash?.survivors).toEqual(['BTC']);
    // ALT alone: 200 + 10 (p − 100) = 0.5 p → p = 800/9.5 = 1600/19; sold at 0.9 · 1600/19: realised
    // 10 · (1440 − 1900)/19 = −4600/19 → 200 − 4600/19 = −800/19 → a deficit of 800/19, the loss is the margin 200
    const event = by('isolated').run.results[0]?.cascade[0];
    near(event?.price, frac(1600, 19));
    near(event?.deficit, frac(800, 19));
    expect(crash?.loss.toString()).toBe('200');
  });

  it('split: ALT isolated with 150, BTC keeps the rest in cross', () => {
    const crash = by('split').byScenario[0];
    expect(crash?.survivors).toEqual(['BTC']);
    // ALT: 150 + 10 (p − 100) = 0.5 p → p = 850/9.5 = 1700/19, t = (100 − 1700/19)/50 = 4/19
    near(by('split').run.results[0]?.cascade[0]?.at, frac(4, 19), '1e-20');
    expect(crash?.loss.toString()).toBe('150');
  });

  it('a broad −15 % move: cross and fully isolated keep both legs, the thinner ALT split margin does not', () => {
    // cross: 400 − 300 = 100 ≥ 0.05 · 1700 = 85; isolated: 200 − 150 = 50 ≥ 42.5; split: ALT 150 − 150 = 0 < 42.5
    expect(by('cross').byScenario[1]?.survivors).toEqual(['ALT', 'BTC']);
    expect(by('isolated').byScenario[1]?.survivors).toEqual(['ALT', 'BTC']);
    expect(by('split').byScenario[1]?.survivors).toEqual(['BTC']);
    expect(by('cross').byScenario[1]?.loss.toString()).toBe('300');
  });

  it('the reverse case: a hedged book survives in cross and loses its hedge when isolated', () => {
    const hedged = createMarginAccount({
      settleAsset: 'USDT',
      markets: [linear('BTC'), linear('ETH')],
      collateral: [{ asset: 'USDT', amount: 300 }],
      positions: [
        { marketId: 'BTC', size: 10, entryPrice: 100, marginMode: 'cross' },
        { marketId: 'ETH', size: -10, entryPrice: 100, marginMode: 'cross' },
      ],
    });
    const both = createPrices({ markets: { BTC: { mark: 100 }, ETH: { mark: 100 } } });
    const [cross, iso] = compareMarginLayouts(hedged, both, [
      { name: '+30%', shock: { kind: 'uniform', move: '0.3' } },
    ]);
    // cross: +300 − 300 = 0 → equity 300 ≥ 0.05 · 2600 = 130
    expect(cross?.byScenario[0]?.survivors).toEqual(['BTC', 'ETH']);
    expect(cross?.byScenario[0]?.loss.toString()).toBe('0');
    // isolated 150 each: the ETH short fails at 150 − 10 (p − 100) = 0.5 p → p = 1150/10.5 ≈ 109.52
    expect(iso?.byScenario[0]?.survivors).toEqual(['BTC']);
    // it returns its MMR 0.5 · 1150/10.5 = 1150/21; BTC isolated 150 + 300 → loss 300 − 450 − 1150/21 = −4300/21
    near(iso?.byScenario[0]?.loss, frac(-4300, 21));
  });
});
