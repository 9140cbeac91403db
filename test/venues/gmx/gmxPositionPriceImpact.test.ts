import { describe, expect, it } from 'vitest';
import {
  type GmxPriceImpactInput,
  gmxPositionPriceImpact,
  InvalidArgumentError,
  ValidationError,
} from '../../../src/index.js';

// Factors of the hand-checked cases: positive 1e-9, negative 2e-9 per USD², exponent 2.
const base = {
  positiveImpactFactor: '1e-9',
  negativeImpactFactor: '2e-9',
  impactExponent: 2,
} as const;

function impact(input: Partial<GmxPriceImpactInput>) {
  return gmxPositionPriceImpact({
    longOpenInterest: '1200000',
    shortOpenInterest: '1000000',
    isLong: true,
    sizeDeltaUsd: '100000',
    ...base,
    ...input,
  });
}

describe('gmxPositionPriceImpact', () => {
  it('charges a same-side order that widens the imbalance at the negative factor', () => {
    // diff 200k → 300k: 2e-9·(200k² − 300k²) = 2e-9·(4e10 − 9e10) = −100
    const pi = impact({});
    expect(pi.priceImpactUsd.toString()).toBe('-100');
    expect(pi.initialDiffUsd.toString()).toBe('200000');
    expect(pi.nextDiffUsd.toString()).toBe('300000');
    expect(pi.crossover).toBe(false);
    expect(pi.balanceWasImproved).toBe(false);
  });

  it('pays a same-side order that narrows the imbalance at the positive factor', () => {
    // short +100k: diff 200k → 100k: 1e-9·(4e10 − 1e10) = +30
    const pi = impact({ isLong: false });
    expect(pi.priceImpactUsd.toString()).toBe('30');
    expect(pi.balanceWasImproved).toBe(true);
    // the same by closing $100k of longs
    expect(impact({ sizeDeltaUsd: '-100000' }).priceImpactUsd.toString()).toBe('30');
  });

  it('uses the positive term before and the negative term after a crossover', () => {
    // long 1.1M, short 1M, short +300k → short 1.3M: 1e-9·100k² − 2e-9·200k² = 10 − 80 = −70
    const pi = impact({ longOpenInterest: '1100000', isLong: false, sizeDeltaUsd: '300000' });
    expect(pi.crossover).toBe(true);
    expect(pi.priceImpactUsd.toString()).toBe('-70');
  });

  it('treats a balanced market as the crossover case (GMX compares with ≤)', () => {
    const pi = impact({ longOpenInterest: '1000000', sizeDeltaUsd: '50000' });
    // 0 − 2e-9·50k² = −5
    expect(pi.crossover).toBe(true);
    expect(pi.priceImpactUsd.toString()).toBe('-5');
  });

  it('caps positive impact at the max factor and the impact pool', () => {
    const pi = impact({ isLong: false, maxPositiveImpactFactor: '0.0001' });
    // 100k · 0.0001 = 10 < 30
    expect(pi.priceImpactUsd.toString()).toBe('30');
    expect(pi.cappedPriceImpactUsd.toString()).toBe('10');
    expect(
      impact({
        isLong: false,
        maxPositiveImpactFactor: '0.0001',
        impactPoolUsd: '4',
      }).cappedPriceImpactUsd.toString(),
    ).toBe('4');
    // a cap never touches negative impact
    expect(impact({ maxPositiveImpactFactor: '0' }).cappedPriceImpactUsd.toString()).toBe('-100');
  });

  it('caps negative impact at the max negative factor when given', () => {
    // −100 against −100k · 0.0005 = −50
    expect(impact({ maxNegativeImpactFactor: '0.0005' }).cappedPriceImpactUsd.toString()).toBe('-50');
    expect(impact({ maxNegativeImpactFactor: '0.01' }).cappedPriceImpactUsd.toString()).toBe('-100');
  });

  it('counts an imbalance below one USD as none (applyExponentFactor)', () => {
    const pi = impact({ longOpenInterest: '0.5', shortOpenInterest: '0', sizeDeltaUsd: '0.3' });
    expect(pi.priceImpactUsd.isZero()).toBe(true);
    expect(pi.cappedPriceImpactUsd.toString()).toBe('0');
  });

  it('is linear with exponent 1 and takes separate exponents per term', () => {
    expect(impact({ impactExponent: 1 }).priceImpactUsd.toString()).toBe('-0.0002');
    // crossover with a positive exponent of 1 and a negative one of 2: 1e-9·100k − 2e-9·200k² = 0.0001 − 80
    const pi = impact({
      longOpenInterest: '1100000',
      isLong: false,
      sizeDeltaUsd: '300000',
      positiveImpactExponent: 1,
    });
    expect(pi.priceImpactUsd.toString()).toBe('-79.9999');
  });

  it('reproduces a non-integer exponent to 40 digits', () => {
    // 2e-9·(200k^1.5 − 300k^1.5) = 2e-9·(89442719.0999916 − 164316767.2515498) = −0.1497480963
    const pi = impact({ impactExponent: '1.5' });
    expect(pi.priceImpactUsd.toFixed(12)).toBe('-0.149748096303');
  });

  it('rejects a decrease larger than the open interest, as GMX reverts', () => {
    const run = () => impact({ sizeDeltaUsd: '-1200000.01' });
    expect(run).toThrow(InvalidArgumentError);
    expect(run).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['sizeDeltaUsd'] }));
    expect(impact({ sizeDeltaUsd: '-1200000' }).nextDiffUsd.toString()).toBe('1000000');
  });

  it('reports malformed fields with their path', () => {
    expect(() => impact({ impactExponent: '0.5' })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', path: ['impactExponent'] }),
    );
    expect(() => impact({ negativeImpactFactor: '-1' })).toThrow(
      expect.objectContaining({ code: 'NEGATIVE', path: ['negativeImpactFactor'] }),
    );
    expect(() => impact({ isLong: 'yes' as unknown as boolean })).toThrow(ValidationError);
    expect(() => impact({ impactExponant: 2 } as Partial<GmxPriceImpactInput>)).toThrow(ValidationError);
  });

  it('leaves its input untouched', () => {
    const input = Object.freeze({
      longOpenInterest: '1',
      shortOpenInterest: '2',
      isLong: true,
      sizeDeltaUsd: '3',
      ...base,
    });
    expect(() => gmxPositionPriceImpact(input)).not.toThrow();
  });
});
