import { describe, expect, it } from 'vitest';
import { coinAccount, coinPrices, usdtAccount, usdtPrices } from '../../examples/portfolio.js';
import { mergeStressRuns } from '../../src/cli/mergeStressRuns.js';
import { spanScenarios, stressAccount, summarizeAccount, uniformLadder } from '../../src/index.js';

describe('mergeStressRuns', () => {
  it.each([
    ['USDT account, ladder', usdtAccount, usdtPrices, uniformLadder('-0.3', '0.3', '0.1')],
    ['coin account, SPAN (weighted extremes)', coinAccount, coinPrices, spanScenarios('0.2')],
  ] as const)('scenario by scenario gives the run of one call (%s)', (_, account, prices, scenarios) => {
    const whole = stressAccount(account, prices, scenarios);
    const merged = mergeStressRuns(
      summarizeAccount(account, prices),
      scenarios.flatMap((s) => stressAccount(account, prices, [s]).results),
    );
    expect(merged.worst).toBe(whole.worst);
    expect(merged.firstLiquidatable).toBe(whole.firstLiquidatable);
    expect(merged.meanLoss.toString()).toBe(whole.meanLoss.toString());
    expect(merged.losses.map(String)).toEqual(whole.losses.map(String));
    expect(merged.results.map((r) => r.finalEquity.toString())).toEqual(
      whole.results.map((r) => r.finalEquity.toString()),
    );
  });

  it('is empty without scenarios', () => {
    const merged = mergeStressRuns(summarizeAccount(coinAccount, coinPrices), []);
    expect(merged.worst).toBeUndefined();
    expect(merged.firstLiquidatable).toBeUndefined();
    expect(merged.meanLoss.toString()).toBe('0');
  });
});
