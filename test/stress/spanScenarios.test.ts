import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  type Scenario,
  spanScenarios,
  stressAccount,
} from '../../src/index.js';

interface ScenarioRow {
  readonly n: number;
  readonly price_move_x_scan: number;
  readonly vol_move_x_scan: number;
  readonly weight: number;
}
interface Vector {
  readonly id: string;
  readonly source: string;
  readonly inputs: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
  readonly tolerance?: { readonly abs?: number };
}

const vectors = JSON.parse(
  readFileSync(fileURLToPath(new URL('../conformance/vectors/cex.json', import.meta.url)), 'utf8'),
) as Vector[];
function vector(id: string): Vector {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(`no vector ${id}`);
  return v;
}

function move(s: Scenario | undefined): Decimal {
  if (s?.shock?.kind !== 'uniform') throw new Error('expected a uniform shock');
  return new Decimal(s.shock.move.toString());
}

describe('spanScenarios', () => {
  // SPAN-SCEN-TABLE: CME "Components of SPAN"; the 16-scenario course table.
  const table = vector('SPAN-SCEN-TABLE');
  const rows = (table.expected as { scenarios: ScenarioRow[] }).scenarios;
  const tolerance = table.tolerance?.abs ?? 0.0001;

  it('has the 16 scenarios of the SPAN-SCEN-TABLE vector: moves, order and weights', () => {
    const range = new Decimal('0.12');
    const scenarios = spanScenarios(range);
    expect(rows).toHaveLength(16);
    expect(scenarios).toHaveLength(16);
    rows.forEach((row, i) => {
      const s = scenarios[i];
      // move / range = the table's price move in scan ranges (0, ±1/3, ±2/3, ±1, ±2)
      const inRanges = move(s).div(range);
      expect(inRanges.minus(row.price_move_x_scan).abs().toNumber()).toBeLessThanOrEqual(tolerance);
      expect(new Decimal(s?.weight?.toString() ?? 1).toNumber()).toBe(row.weight);
      expect(s?.name.startsWith(`SPAN ${row.n}: `)).toBe(true);
      // a perpetual or future has the same array for vol up and vol down: scenarios 1–14 come in pairs
      if (row.vol_move_x_scan !== 0)
        expect(s?.name).toContain(row.vol_move_x_scan > 0 ? 'vol up' : 'vol down');
      else expect(s?.name).toContain('(extreme)');
    });
  });

  it('moves by exact fractions of the range', () => {
    const s = spanScenarios('0.12');
    // 0.12 · 1/3 = 0.04, 0.12 · 2/3 = 0.08, 0.12 · 1 = 0.12, 0.12 · 2 = 0.24
    expect(s.map((x) => move(x).toString())).toEqual([
      '0',
      '0',
      '0.04',
      '0.04',
      '-0.04',
      '-0.04',
      '0.08',
      '0.08',
      '-0.08',
      '-0.08',
      '0.12',
      '0.12',
      '-0.12',
      '-0.12',
      '0.24',
      '-0.24',
    ]);
    // 0.15 · 1/3 = 0.05 and 0.15 · 2/3 = 0.1 to 40 significant digits
    expect(move(spanScenarios('0.15')[2]).toString()).toBe('0.05');
    expect(move(spanScenarios('0.15')[8]).toString()).toBe('-0.1');
  });

  it('names the scenarios', () => {
    const s = spanScenarios('0.15');
    expect(s[0]?.name).toBe('SPAN 1: 0 range, vol up');
    expect(s[2]?.name).toBe('SPAN 3: +1/3 range, vol up');
    expect(s[13]?.name).toBe('SPAN 14: -3/3 range, vol down');
    expect(s[14]?.name).toBe('SPAN 15: +2 × range (extreme)');
    expect(s[15]?.name).toBe('SPAN 16: -2 × range (extreme)');
  });

  it('takes the extreme multiple and weight as parameters (some CCPs use 3×)', () => {
    const s = spanScenarios('0.1', { extremeMultiple: 3, extremeWeight: '0.3' });
    // 0.1 · 3 = 0.3 at 30 %
    expect(move(s[14]).toString()).toBe('0.3');
    expect(move(s[15]).toString()).toBe('-0.3');
    expect(s[14]?.weight?.toString()).toBe('0.3');
    expect(s[14]?.name).toBe('SPAN 15: +3 × range (extreme)');
    expect(s.slice(0, 14).every((x) => x.weight === undefined)).toBe(true);
  });

  it('reproduces the McMillan scanning risk of a long S&P future (SPAN-MCM-FUT)', () => {
    // Long 1 future, $500 a point at 2000 points; a 20-point scan range is 1 % → $10 000 a range.
    const v = vector('SPAN-MCM-FUT');
    const array = (v.inputs as { risk_array_profit_positive: number[] }).risk_array_profit_positive;
    const account = createMarginAccount({
      settleAsset: 'USD',
      markets: [
        {
          id: 'ES',
          kind: 'linear',
          baseAsset: 'SPX',
          quoteAsset: 'USD',
          contractSize: 500,
          marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0' },
        },
      ],
      collateral: [{ asset: 'USD', amount: 1_000_000 }],
      positions: [{ marketId: 'ES', size: 1, entryPrice: 2000, marginMode: 'cross' }],
    });
    const run = stressAccount(
      account,
      createPrices({ markets: { ES: { mark: 2000 } } }),
      spanScenarios('0.01'),
    );
    // Profit-positive array = −weighted loss: ±1/3 → ±500 · 20/3 = ±3333.33 (McMillan prints 3,330),
    // ±2/3 → ±6666.67 (6,670), ±1 → ±10 000, extremes ±500 · 40 · 0.35 = ±7000.
    run.results.forEach((r, i) => {
      const expected = array[i] ?? Number.NaN;
      const exactThirds = Math.abs(expected) === 3330 || Math.abs(expected) === 6670;
      const profit = r.weightedLoss.negated();
      if (exactThirds) expect(profit.minus(expected).abs().toNumber()).toBeLessThan(5);
      else expect(profit.equals(expected), `${r.name}: ${profit} vs ${expected}`).toBe(true);
    });
    // requirement = largest weighted loss = 10 000, first reached at scenario 13
    const expected = v.expected as { span_requirement_usd: number; worst_scenario: number[] };
    const worst = run.results.find((r) => r.name === run.worst);
    expect(worst?.weightedLoss.toString()).toBe(String(expected.span_requirement_usd));
    expect(run.worst?.startsWith(`SPAN ${expected.worst_scenario[0]}:`)).toBe(true);
    expect(run.results[12]?.weightedLoss.toString()).toBe('10000');
    expect(run.results[13]?.weightedLoss.toString()).toBe('10000');
    // the −2× extreme: loss 20 000 counted at 35 %
    expect(run.results[15]?.loss.toString()).toBe('20000');
    expect(run.results[15]?.weightedLoss.toString()).toBe('7000');
  });

  it('rejects a scan range outside (0, 1) and an extreme reaching −100 %', () => {
    for (const bad of ['0', '-0.1', '1', '1.5']) {
      expect(() => spanScenarios(bad)).toThrow(InvalidArgumentError);
    }
    // 0.5 · 2 = 1 → the −2× extreme would take prices to 0
    expect(() => spanScenarios('0.5')).toThrow(/−100 %/);
    expect(() => spanScenarios('0.3', { extremeMultiple: 4 })).toThrow(InvalidArgumentError);
    expect(spanScenarios('0.3', { extremeMultiple: 3 })).toHaveLength(16);
  });

  it('rejects a negative extreme weight or extreme multiple', () => {
    for (const options of [
      { extremeWeight: '-0.35' },
      { extremeMultiple: -2 },
      { extremeWeight: '-1e-30' },
    ]) {
      try {
        spanScenarios('0.12', options);
        throw new Error(`expected ${JSON.stringify(options)} to be rejected`);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      }
    }
    // 0 is allowed for both: the extremes then weigh nothing, or do not move (0.12 · 0 = 0)
    const weightless = spanScenarios('0.12', { extremeWeight: 0 });
    expect(weightless[14]?.weight?.toString()).toBe('0');
    expect(move(weightless[14]).toString()).toBe('0.24');
    expect(move(spanScenarios('0.12', { extremeMultiple: 0 })[15]).isZero()).toBe(true);
  });
});
