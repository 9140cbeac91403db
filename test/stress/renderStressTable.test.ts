import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  type MarketInput,
  renderStressTable,
  stressAccount,
  uniformLadder,
} from '../../src/index.js';

function linear(id: string): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
  };
}

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
const run = stressAccount(account, prices, uniformLadder('-0.3', '0', '0.1'));
const text = renderStressTable(run);
const lines = text.split('\n');

const row = (table: string, name: string) =>
  table
    .split('\n')
    .find((l) => l.startsWith(`${name} `))
    ?.split(/\s{2,}/);

describe('renderStressTable', () => {
  it('has a header with the unit, a rule, one row per scenario, a blank line and three summary lines', () => {
    expect(lines[0]?.split(/\s{2,}/)).toEqual([
      'Scenario',
      'Equity (USDT)',
      'IMR',
      'MMR',
      'Margin ratio',
      'Failing pools',
      'Shortfall',
      'Liquidated (in order)',
      'P&L after liquidations',
    ]);
    expect(lines[1]).toMatch(/^-+( {2}-+){8}$/);
    expect(lines).toHaveLength(2 + run.results.length + 4);
    run.results.forEach((r, i) => {
      expect(lines[2 + i]?.startsWith(r.name)).toBe(true);
    });
    expect(lines[2 + run.results.length]).toBe('');
  });

  it('prints each scenario’s numbers, the failing pools, liquidations in path order and a signed P&L', () => {
    // −30 %: A at 700: 100 − 300 = −200, B: 200 − 300 = −100 → total 50 − 300 = −250; IMR 0.1 · 1400 = 140,
    // MMR 70; ratio ∞; both isolated pools fail (listed in account order: B, A); shortfall (35 + 200) + (35 + 100)
    // = 370; A is liquidated first along the path, then B; final 50 + 900/19 + 800/19 = 2650/19 ≈ 139.47 →
    // P&L 139.47 − 350 = −210.53 (a loss is negative)
    expect(row(text, '-30%')).toEqual([
      '-30%',
      '-250.00',
      '140.00',
      '70.00',
      '∞',
      'B, A',
      '370.00',
      'A → B',
      '-210.53',
    ]);
    // 0 %: equity 350, IMR 200, MMR 100, ratio 100/350 = 28.6 %, nothing fails, P&L 0
    expect(row(text, '0%')).toEqual(['0%', '350.00', '200.00', '100.00', '28.6%', '-', '0.00', '-', '0.00']);
    // −10 %: A at 900: 100 − 100 = 0 < 45 → fails, shortfall 45; B: 200 − 100 = 100 ≥ 45
    expect(row(text, '-10%')?.slice(5, 8)).toEqual(['A', '45.00', 'A']);
  });

  it('shows a gain as a positive P&L', () => {
    // +10 %: A and B gain 100 each, nothing is liquidated
    const gains = renderStressTable(stressAccount(account, prices, uniformLadder('0', '0.1', '0.1')));
    expect(row(gains, '+10%')?.at(-1)).toBe('+200.00');
    expect(gains).toContain('Worst scenario (largest weighted loss): 0%, P&L 0.00 USDT.');
    expect(gains).toContain('Mean weighted P&L: +100.00 USDT.');
  });

  it('groups thousands with Intl.NumberFormat, in the locale asked for', () => {
    const big = createMarginAccount({
      settleAsset: 'USDT',
      markets: [linear('A')],
      collateral: [{ asset: 'USDT', amount: '1234567.891' }],
      positions: [{ marketId: 'A', size: 1, entryPrice: 1000, marginMode: 'cross' }],
    });
    const one = stressAccount(big, prices, uniformLadder('0', '0', '0.1'));
    // equity 1 234 567.891 → 1,234,567.89 (half-even at 2 places)
    expect(row(renderStressTable(one), '0%')?.[1]).toBe('1,234,567.89');
    expect(row(renderStressTable(one, { locale: 'de-DE' }), '0%')?.[1]).toBe('1.234.567,89');
  });

  it('names the worst scenario, the mean weighted P&L, and every failing scenario with the first in the order given', () => {
    // −30 % and −20 % lose the same 4000/19 ≈ 210.53 (both pools closed at their liquidation prices, equal but for
    // bisection noise): the first listed, −30 %, is named. −10 % loses A only: 350 − (50 + 900/19 + 100) = 2900/19;
    // 0 % nothing → mean (4000 + 4000 + 2900 + 0)/19/4 = 10 900/76 ≈ 143.42, a loss
    expect(lines.slice(-3)).toEqual([
      'Worst scenario (largest weighted loss): -30%, P&L -210.53 USDT.',
      'Mean weighted P&L: -143.42 USDT.',
      'Pools fail in 3 of 4 scenarios: -30%, -20%, -10%; the first in the order given: -30%.',
    ]);
    expect(run.worst).toBe('-30%');
    expect(run.meanLoss.toFixed(2)).toBe('143.42');
  });

  it('says none for the worst scenario of an empty run', () => {
    const empty = renderStressTable(stressAccount(account, prices, [])).split('\n');
    // header, rule, no rows, a blank line, the summary
    expect(empty).toHaveLength(6);
    expect(empty.slice(-3)).toEqual([
      'Worst scenario: none (no scenarios).',
      'Mean weighted P&L: 0.00 USDT.',
      'No scenario makes a pool fail.',
    ]);
  });

  it('takes the number of decimal places', () => {
    expect(row(renderStressTable(run, { places: 4 }), '0%')?.[1]).toBe('350.0000');
  });

  it('says so when nothing fails', () => {
    const calm = renderStressTable(stressAccount(account, prices, uniformLadder('0', '0.1', '0.05')));
    expect(calm.split('\n').at(-1)).toBe('No scenario makes a pool fail.');
  });
});
