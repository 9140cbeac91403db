// Risk-limit tiers → tiered margin schedule: floors, the deduction recursion, sorting, rate units, rejections.
import { describe, expect, it } from 'vitest';
import { createMarket, marginRequirement, ValidationError } from '../../../src/index.js';
import { bybitMarginSchedule } from '../../../src/venues/bybit/marginSchedule.js';
import type { BybitRiskLimitTier } from '../../../src/venues/bybit/payloads.js';
import { thrown } from './support.js';

const btcusdt: BybitRiskLimitTier[] = [
  {
    id: 1,
    symbol: 'BTCUSDT',
    riskLimitValue: '2000000',
    maintenanceMargin: '0.005',
    initialMargin: '0.01',
    maxLeverage: '100.00',
    mmDeduction: '',
  },
  {
    id: 2,
    symbol: 'BTCUSDT',
    riskLimitValue: '2600000',
    maintenanceMargin: '0.0056',
    initialMargin: '0.0112',
    maxLeverage: '89.28',
    mmDeduction: '1200',
  },
  {
    id: 3,
    symbol: 'BTCUSDT',
    riskLimitValue: '3200000',
    maintenanceMargin: '0.0062',
    initialMargin: '0.0124',
    maxLeverage: '80.64',
    mmDeduction: '2760',
  },
];

describe('bybitMarginSchedule', () => {
  it('TSDoc example', () => {
    const schedule = bybitMarginSchedule([
      {
        riskLimitValue: '2000000',
        maintenanceMargin: '0.005',
        initialMargin: '0.01',
        maxLeverage: '100.00',
        mmDeduction: '',
      },
      {
        riskLimitValue: '2600000',
        maintenanceMargin: '0.0056',
        initialMargin: '0.0112',
        maxLeverage: '89.28',
        mmDeduction: '1200',
      },
    ]);
    expect(schedule.tiers[1]?.notionalFloor.toString()).toBe('2000000');
    expect(schedule.tiers[1]?.maintenanceDeduction.toString()).toBe('1200');
  });

  it('tier n starts at tier n−1’s risk limit; deductions follow the recursion (0, 1,200, 2,760)', () => {
    const s = bybitMarginSchedule(btcusdt);
    expect(s.type).toBe('tiered');
    expect(s.tiers.map((t) => t.notionalFloor.toString())).toEqual(['0', '2000000', '2600000']);
    expect(s.tiers.map((t) => t.maintenanceDeduction.toString())).toEqual(['0', '1200', '2760']);
    expect(s.tiers.map((t) => t.initialFraction.toString())).toEqual(['0.01', '0.0112', '0.0124']);
    expect(Object.isFrozen(s) && Object.isFrozen(s.tiers[0])).toBe(true);
  });

  it('derives empty deductions and keeps the maintenance margin continuous at each limit', () => {
    const s = bybitMarginSchedule(btcusdt.map((t) => ({ ...t, mmDeduction: '' })));
    expect(s.tiers.map((t) => t.maintenanceDeduction.toString())).toEqual(['0', '1200', '2760']);
    const market = createMarket({
      id: 'BTCUSDT',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      marginSchedule: s,
    });
    // Doc statement: ≤ 2,000,000 uses 0.5 %; 2,600,000 uses 0.56 %. At the limit both tiers give 10,000.
    expect(marginRequirement(market, 1, 2_000_000).maintenance.toString()).toBe('10000');
    expect(marginRequirement(market, 1, '1999999.99').maintenanceFraction.toString()).toBe('0.005');
    // 2,600,000 · 0.0062 − 2,760 = 2,600,000 · 0.0056 − 1,200 = 13,360
    expect(marginRequirement(market, 1, 2_600_000).maintenance.toString()).toBe('13360');
    expect(marginRequirement(market, 1, '2599999').maintenance.toString()).toBe('13359.9944');
  });

  it('sorts tiers listed by risk ID (the live API has returned id 2 before id 1)', () => {
    const s = bybitMarginSchedule([btcusdt[2], btcusdt[0], btcusdt[1]] as BybitRiskLimitTier[]);
    expect(s.tiers.map((t) => t.notionalFloor.toString())).toEqual(['0', '2000000', '2600000']);
  });

  it('reads percentages with rateUnit "percent" (the response example of the "Get Risk Limit" page)', () => {
    const doc: BybitRiskLimitTier[] = [
      {
        id: 1,
        symbol: 'BTCUSD',
        riskLimitValue: '150',
        maintenanceMargin: '0.5',
        initialMargin: '1',
        isLowestRisk: 1,
        maxLeverage: '100.00',
      },
    ];
    const s = bybitMarginSchedule(doc, { rateUnit: 'percent' });
    expect(s.tiers[0]?.maintenanceFraction.toString()).toBe('0.005');
    expect(s.tiers[0]?.initialFraction.toString()).toBe('0.01');
    // Read as fractions, 1 × 100× leverage is not ≈ 1: rejected, with the hint.
    const error = thrown(() => bybitMarginSchedule(doc));
    expect(error).toMatchObject({ code: 'INVALID_FIELD', path: ['tiers', 0, 'initialMargin'] });
    expect(String((error as unknown as Error).message)).toMatch(/rateUnit: 'percent'/);
    // And fractions read as percent are rejected too.
    expect(thrown(() => bybitMarginSchedule(btcusdt, { rateUnit: 'percent' })).path).toEqual([
      'tiers',
      0,
      'initialMargin',
    ]);
  });

  it('accepts rates sent as JSON numbers (documented type) and a deduction within the tolerance', () => {
    const tiers = btcusdt.map((t) => ({ ...t, maintenanceMargin: Number(t.maintenanceMargin) }));
    expect(bybitMarginSchedule(tiers).tiers[2]?.maintenanceFraction.toString()).toBe('0.0062');
    const off = btcusdt.map((t, i) => (i === 2 ? { ...t, mmDeduction: '2760.01' } : t));
    expect(
      bybitMarginSchedule(off, { deductionTolerance: '0.01' }).tiers[2]?.maintenanceDeduction.toString(),
    ).toBe('2760.01');
  });

  it('rejects a deduction that breaks the recursion, naming it', () => {
    const bad = btcusdt.map((t, i) => (i === 1 ? { ...t, mmDeduction: '1000' } : t));
    const error = thrown(() => bybitMarginSchedule(bad));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'INVALID_FIELD', path: ['tiers', 1, 'mmDeduction'] });
    // A first tier with a deduction other than 0.
    expect(
      thrown(() => bybitMarginSchedule([{ ...btcusdt[0], mmDeduction: '5' } as BybitRiskLimitTier])).path,
    ).toEqual(['tiers', 0, 'mmDeduction']);
  });

  it('rejects malformed tiers with typed errors and paths', () => {
    const cases: [BybitRiskLimitTier[], string, (string | number)[]][] = [
      [[], 'EMPTY', ['tiers']],
      [
        [{ ...btcusdt[0], riskLimitValue: 'abc' } as BybitRiskLimitTier],
        'NOT_A_NUMBER',
        ['tiers', 0, 'riskLimitValue'],
      ],
      [
        [{ ...btcusdt[0], riskLimitValue: 2000000 } as unknown as BybitRiskLimitTier],
        'INVALID_TYPE',
        ['tiers', 0, 'riskLimitValue'],
      ],
      [
        [{ ...btcusdt[0], maxLeverage: undefined } as unknown as BybitRiskLimitTier],
        'MISSING_FIELD',
        ['tiers', 0, 'maxLeverage'],
      ],
      [
        [{ ...btcusdt[0], initialMargin: '0' } as BybitRiskLimitTier],
        'NOT_POSITIVE',
        ['tiers', 0, 'initialMargin'],
      ],
      [
        [{ ...btcusdt[0], maintenanceMargin: '0.02' } as BybitRiskLimitTier],
        'MAINTENANCE_ABOVE_INITIAL',
        ['tiers', 0, 'maintenanceMargin'],
      ],
      [
        [btcusdt[0], { ...btcusdt[1], riskLimitValue: '2000000' }] as BybitRiskLimitTier[],
        'TIERS_NOT_ASCENDING',
        ['tiers', 1, 'riskLimitValue'],
      ],
      [
        [btcusdt[0], { ...btcusdt[1], maintenanceMargin: '0.004', mmDeduction: '' }] as BybitRiskLimitTier[],
        'FRACTIONS_DECREASING',
        ['tiers', 1, 'maintenanceMargin'],
      ],
      [
        [btcusdt[0], { ...btcusdt[1], symbol: 'ETHUSDT' }] as BybitRiskLimitTier[],
        'INVALID_FIELD',
        ['tiers', 1, 'symbol'],
      ],
    ];
    for (const [tiers, code, path] of cases) {
      expect(
        thrown(() => bybitMarginSchedule(tiers)),
        `${code} ${path.join('.')}`,
      ).toMatchObject({ code, path });
    }
    expect(thrown(() => bybitMarginSchedule('x' as unknown as BybitRiskLimitTier[])).code).toBe(
      'INVALID_TYPE',
    );
    expect(thrown(() => bybitMarginSchedule(btcusdt, { rateUnit: 'bp' as 'percent' })).path).toEqual([
      'options',
      'rateUnit',
    ]);
  });
});
