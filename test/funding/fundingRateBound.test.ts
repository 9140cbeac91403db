import { describe, expect, it } from 'vitest';
import { fundingRateBound, InvalidArgumentError } from '../../src/index.js';

describe('fundingRateBound', () => {
  it('reproduces the BitMEX cap: 75 % of (IM − MM), IM 1 % and MM 0.5 % → 0.375 %', () => {
    // 0.75 · (0.01 − 0.005) = 0.75 · 0.005 = 0.00375
    expect(fundingRateBound('0.01', '0.005', '0.75').toString()).toBe('0.00375');
  });

  it('gives the dYdX v4 clamp: 600 % of (IMF − MMF)', () => {
    // IMF 15 %, MMF 0.15 · 0.8 = 12 %: 6 · (0.15 − 0.12) = 6 · 0.03 = 0.18 (18 % per 8 h)
    expect(fundingRateBound('0.15', '0.12', 6).toString()).toBe('0.18');
    // IMF 20 %, MMF 18 %: 6 · 0.02 = 0.12
    expect(fundingRateBound('0.2', '0.18', 6).toString()).toBe('0.12');
  });

  it('is zero when initial and maintenance fractions coincide', () => {
    // 0.75 · (0.05 − 0.05) = 0
    expect(fundingRateBound('0.05', '0.05', '0.75').isZero()).toBe(true);
  });

  it('is exact for fractions with no binary form', () => {
    // 3 · (0.3 − 0.1) = 3 · 0.2 = 0.6 (0.3 − 0.1 is 0.19999999999999998 in float64)
    expect(fundingRateBound(0.3, 0.1, 3).toString()).toBe('0.6');
  });

  it('rejects a malformed argument with a typed error naming it', () => {
    try {
      fundingRateBound('0.01', '0.005', 'x');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).path).toEqual(['factor']);
    }
  });
});
