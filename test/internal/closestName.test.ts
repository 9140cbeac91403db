import { describe, expect, it } from 'vitest';
import { closestName } from '../../src/internal/closestName.js';

describe('closestName', () => {
  const fields = ['marginMode', 'marketId', 'entryPrice', 'size'];

  it('finds a name one edit away: a dropped, added, changed or swapped letter', () => {
    expect(closestName('marginMod', fields)).toBe('marginMode');
    expect(closestName('marketIdd', fields)).toBe('marketId');
    expect(closestName('entryPrise', fields)).toBe('entryPrice');
    expect(closestName('szie', fields)).toBe('size');
  });

  it('ignores case and matches a cut-short name', () => {
    expect(closestName('ENTRYPRICE', fields)).toBe('entryPrice');
    expect(closestName('lin', ['linear', 'inverse'])).toBe('linear');
  });

  it('prefers the closest of several candidates', () => {
    expect(closestName('mark', ['market', 'mark', 'marks'])).toBe('mark');
    expect(closestName('oracel', ['oracle', 'mark', 'index'])).toBe('oracle');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(closestName('colour', fields)).toBeUndefined();
    expect(closestName('portfolio', ['cross', 'isolated'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
    expect(closestName(`marginMode${'e'.repeat(100)}`, fields)).toBeUndefined();
  });
});
