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

describe('renderStressTable', () => {
  it('has a header, a rule, one row per scenario, a blank line and a summary', () => {
    expect(lines[0]?.split(/\s{2,}/)).toEqual([
      'Scenario',
      'Equity',
      'IMR',
      'MMR',
      'Margin ratio',
      'Liq.',
      'Shortfall',
      'Liquidated',
      'Loss',
    ]);
    expect(lines[1]).toMatch(/^-+( {2}-+){8}$/);
    expect(lines).toHaveLength(2 + run.results.length + 2);
    run.results.forEach((r, i) => {
      expect(lines[2 + i]?.startsWith(r.name)).toBe(true);
    });
    expect(lines[2 + run.results.length]).toBe('');
  });

  it('prints each scenario’s numbers, liquidations in order and the loss', () => {
    const row = (name: string) => lines.find((l) => l.startsWith(`${name} `))?.split(/\s{2,}/);
    // −30 %: A at 700: 100 − 300 = −200, B: 200 − 300 = −100 → total 50 − 300 = −250; IMR 0.1 · 1400 = 140,
    // MMR 70; ratio ∞; both liquidatable; shortfall (35 + 200) + (35 + 100) = 370; A then B;
    // final 50 + 900/19 + 800/19 = 2650/19 ≈ 139.47 → loss 350 − 139.47 = 210.53
    expect(row('-30%')).toEqual([
      '-30%',
      '-250.00',
      '140.00',
      '70.00',
      '∞',
      'yes',
      '370.00',
      'A > B',
      '210.53',
    ]);
    // 0 %: equity 350, IMR 200, MMR 100, ratio 100/350 = 28.6 %
    expect(row('0%')).toEqual(['0%', '350.00', '200.00', '100.00', '28.6%', 'no', '0.00', '-', '0.00']);
    // −10 %: A at 900: 100 − 100 = 0 < 45 → liquidatable, shortfall 45; B: 200 − 100 = 100 ≥ 45
    expect(row('-10%')?.slice(5, 8)).toEqual(['yes', '45.00', 'A']);
  });

  it('ends with the worst scenario, the mean weighted loss and the first liquidatable scenario', () => {
    const last = lines.at(-1);
    // −30 % and −20 % lose the same 4000/19 ≈ 210.53 (both pools closed at their liquidation prices, equal but for
    // bisection noise): the first listed, −30 %, is named. −10 % loses A only: 350 − (50 + 900/19 + 100) = 2900/19;
    // 0 % nothing → mean (4000 + 4000 + 2900 + 0)/19/4 = 10 900/76 ≈ 143.42
    expect(last).toBe('Worst scenario: -30%; mean weighted loss 143.42; first liquidatable: -30%');
    expect(run.worst).toBe('-30%');
    expect(last).toContain(`mean weighted loss ${run.meanLoss.toFixed(2)}`);
  });

  it('says none for the worst scenario of an empty run', () => {
    const empty = renderStressTable(stressAccount(account, prices, [])).split('\n');
    // header, rule, no rows, a blank line, the summary
    expect(empty).toHaveLength(4);
    expect(empty.at(-1)).toBe('Worst scenario: none; mean weighted loss 0.00; first liquidatable: none');
  });

  it('takes the number of decimal places', () => {
    const four = renderStressTable(run, { places: 4 }).split('\n');
    expect(four.find((l) => l.startsWith('0% '))?.split(/\s{2,}/)[1]).toBe('350.0000');
  });

  it('says none when nothing is liquidatable', () => {
    const calm = renderStressTable(stressAccount(account, prices, uniformLadder('0', '0.1', '0.05')));
    expect(calm.split('\n').at(-1)).toMatch(/first liquidatable: none$/);
  });
});
