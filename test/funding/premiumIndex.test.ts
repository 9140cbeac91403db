import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, isMarginKitError, premiumIndex } from '../../src/index.js';

describe('premiumIndex', () => {
  it('reproduces the Hyperliquid "Funding" page example: impact bid 10,100 over an oracle of 10,000', () => {
    // (max(0, 10 100 − 10 000) − max(0, 10 000 − 10 200)) / 10 000 = (100 − 0) / 10 000 = 0.01
    expect(premiumIndex(10_100, 10_200, 10_000).toString()).toBe('0.01');
  });

  it('is negative when the impact ask sits below the index (a discount)', () => {
    // (max(0, 9 900 − 10 000) − max(0, 10 000 − 9 950)) / 10 000 = (0 − 50) / 10 000 = −0.005
    expect(premiumIndex(9_900, 9_950, 10_000).toString()).toBe('-0.005');
  });

  it('is zero while the index lies between the impact bid and the impact ask', () => {
    // (max(0, 9 990 − 10 000) − max(0, 10 000 − 10 010)) / 10 000 = (0 − 0) / 10 000 = 0
    expect(premiumIndex(9_990, 10_010, 10_000).isZero()).toBe(true);
  });

  it('is exact in decimal: a premium of 0.3 on 3,000 is exactly one basis point', () => {
    // (3000.3 − 3000) / 3000 = 0.3 / 3000 = 0.0001 (no binary float residue)
    expect(premiumIndex('3000.3', '3001', '3000').toString()).toBe('0.0001');
  });

  it('counts the ask side only by how far the index exceeds it', () => {
    // bid 1 999 < index 2 000, ask 1 990 < index: (0 − (2 000 − 1 990)) / 2 000 = −10 / 2 000 = −0.005
    expect(premiumIndex(1_999, 1_990, 2_000).toString()).toBe('-0.005');
  });

  it('rejects a malformed argument with a typed error naming it', () => {
    try {
      premiumIndex('abc', 1, 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      expect((error as InvalidArgumentError).path).toEqual(['impactBid']);
    }
  });

  it('rejects an index price that is not positive', () => {
    for (const index of [0, -10_000]) {
      let thrown: unknown;
      try {
        premiumIndex(10_100, 10_200, index);
      } catch (error) {
        thrown = error;
      }
      expect(isMarginKitError(thrown)).toBe(true);
      expect((thrown as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      expect((thrown as InvalidArgumentError).path).toEqual(['index']);
    }
  });
});
