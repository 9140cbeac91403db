import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, maintenanceDeductions } from '../../src/index.js';

describe('maintenanceDeductions', () => {
  it('reproduces the Binance BTCUSDT brackets', () => {
    // d0 = 0; d1 = 50 000 · (0.005 − 0.004) = 50; d2 = 50 + 250 000 · (0.01 − 0.005) = 1 300
    expect(
      maintenanceDeductions([
        { notionalFloor: 0, maintenanceFraction: '0.004' },
        { notionalFloor: 50_000, maintenanceFraction: '0.005' },
        { notionalFloor: 250_000, maintenanceFraction: '0.01' },
      ]).map(String),
    ).toEqual(['0', '50', '1300']);
  });

  it('keeps the deduction when a tier does not raise the maintenance fraction', () => {
    // d1 = 1 000 · (0.01 − 0.01) = 0; d2 = 0 + 5 000 · (0.03 − 0.01) = 100
    expect(
      maintenanceDeductions([
        { notionalFloor: 0, maintenanceFraction: '0.01' },
        { notionalFloor: 1000, maintenanceFraction: '0.01' },
        { notionalFloor: 5000, maintenanceFraction: '0.03' },
      ]).map(String),
    ).toEqual(['0', '0', '100']);
  });

  it('makes the requirement continuous at every floor', () => {
    const tiers = [
      { notionalFloor: '0', maintenanceFraction: '0.01' },
      { notionalFloor: '10000', maintenanceFraction: '0.025' },
      { notionalFloor: '50000', maintenanceFraction: '0.05' },
    ];
    const d = maintenanceDeductions(tiers);
    // at 10 000: 10 000 · 0.01 − 0 = 100 = 10 000 · 0.025 − 150
    expect(d[1]?.toString()).toBe('150');
    // at 50 000: 50 000 · 0.025 − 150 = 1 100 = 50 000 · 0.05 − 1 400
    expect(d[2]?.toString()).toBe('1400');
  });

  it('returns one deduction of 0 for a single tier and none for no tier', () => {
    expect(maintenanceDeductions([{ notionalFloor: 0, maintenanceFraction: '0.5' }]).map(String)).toEqual([
      '0',
    ]);
    expect(maintenanceDeductions([])).toEqual([]);
  });

  it('rejects a malformed tier value', () => {
    expect(() =>
      maintenanceDeductions([
        { notionalFloor: 0, maintenanceFraction: '0.01' },
        { notionalFloor: 'abc', maintenanceFraction: '0.02' },
      ]),
    ).toThrow(InvalidArgumentError);
  });

  // Library problem: the path of the error is the single string 'tiers[1].notionalFloor' instead of the
  // structured path ['tiers', 1, 'notionalFloor'] that every other error uses.
  it('names a malformed tier value with a structured path', () => {
    let caught: unknown;
    try {
      maintenanceDeductions([
        { notionalFloor: 0, maintenanceFraction: '0.01' },
        { notionalFloor: 'abc', maintenanceFraction: '0.02' },
      ]);
    } catch (error) {
      caught = error;
    }
    expect((caught as InvalidArgumentError).path).toEqual(['tiers', 1, 'notionalFloor']);
  });
});
