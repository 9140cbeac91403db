import { describe, expect, it } from 'vitest';
import { dydxFundingTickRate, isMarginKitError } from '../../../src/index.js';

const times = (n: number, value: number) => Array<number>(n).fill(value);
const LT1_CLAMP = 1_500_000; // IMF 100 %, MF 75 %: 6 · (1 000 000 − 750 000)
const LT6_CLAMP = 120_000; // IMF 20 %, MF 90 %: 6 · (200 000 − 180 000)

// rate8h = trunc(Σ samples / max(n, expected)) + default, clamped to ±clamp
// (v4-chain x/perpetuals/keeper/perpetual.go MaybeProcessNewFundingTickEpoch)
describe('dydxFundingTickRate', () => {
  it('averages a full hour of samples (v4-chain TestMaybeProcessNewFundingTickEpoch_ProcessNewEpoch)', () => {
    // 60 · 1 000 / 60 = 1 000
    expect(dydxFundingTickRate(times(60, 1000), 60, 0, LT1_CLAMP).toString()).toBe('1000');
  });

  it('clamps to the tier’s bound', () => {
    // 60 · 150 000 / 60 = 150 000 → clamp 120 000
    expect(dydxFundingTickRate(times(60, 150_000), 60, 0, LT6_CLAMP).toString()).toBe('120000');
    // and below: −150 000 → −120 000
    expect(dydxFundingTickRate(times(60, -150_000), 60, 0, LT6_CLAMP).toString()).toBe('-120000');
  });

  it('pads missing samples with zeros', () => {
    // 30-second samples: 120 expected, 60 recorded: 60 000 / 120 = 500
    expect(dydxFundingTickRate(times(60, 1000), 120, 0, LT1_CLAMP).toString()).toBe('500');
    // no samples at all: 0
    expect(dydxFundingTickRate([], 60, 0, LT1_CLAMP).isZero()).toBe(true);
  });

  it('averages over all samples when there are more than expected', () => {
    // 75 · 1 000 + 25 · 5 000 = 200 000 over 100 samples = 2 000
    expect(dydxFundingTickRate([...times(75, 1000), ...times(25, 5000)], 60, 0, LT1_CLAMP).toString()).toBe(
      '2000',
    );
  });

  it('truncates the mean toward zero', () => {
    // 100 / 60 = 1.67 → 1; −100 / 60 = −1.67 → −1 (not −2)
    expect(dydxFundingTickRate([100], 60, 0, LT1_CLAMP).toString()).toBe('1');
    expect(dydxFundingTickRate([-100], 60, 0, LT1_CLAMP).toString()).toBe('-1');
  });

  it('adds the default funding before clamping', () => {
    // dev genesis default 100 ppm with no premium: 0 + 100 = 100
    expect(dydxFundingTickRate(times(60, 0), 60, 100, LT1_CLAMP).toString()).toBe('100');
    // 119 950 + 100 = 120 050 → clamp 120 000
    expect(dydxFundingTickRate(times(60, 119_950), 60, 100, LT6_CLAMP).toString()).toBe('120000');
    // −100 / 60 → −1, + 100 = 99
    expect(dydxFundingTickRate([-100], 60, 100, LT1_CLAMP).toString()).toBe('99');
  });

  it('reads the clamp as a magnitude', () => {
    expect(dydxFundingTickRate(times(60, 150_000), 60, 0, -LT6_CLAMP).toString()).toBe('120000');
  });

  it('rejects a fractional sample or a non-positive expected count', () => {
    expect(() => dydxFundingTickRate(['1.5'], 60, 0, LT1_CLAMP)).toThrow(/samplesPpm\[0\]/);
    expect(() => dydxFundingTickRate([1], 0, 0, LT1_CLAMP)).toThrow();
    expect(() => dydxFundingTickRate([1], 1.5, 0, LT1_CLAMP)).toThrow();
  });

  it('rejects a non-positive expected count with a typed error', () => {
    let thrown: unknown;
    try {
      dydxFundingTickRate([1], 0, 0, LT1_CLAMP);
    } catch (error) {
      thrown = error;
    }
    expect(isMarginKitError(thrown)).toBe(true);
  });
});
