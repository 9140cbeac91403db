import { Decimal as SharedDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/internal/describeValue.js';

describe('describeValue', () => {
  it('quotes strings and cuts long ones to 40 characters', () => {
    expect(describeValue('abc')).toBe("'abc'");
    expect(describeValue('y'.repeat(40))).toBe(`'${'y'.repeat(40)}'`);
    expect(describeValue('y'.repeat(41))).toBe(`'${'y'.repeat(39)}…'`);
  });

  it('prints numbers, bigints, booleans, null and Decimals as text', () => {
    expect(describeValue(-1.5)).toBe('-1.5');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(12n)).toBe('12n');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(new SharedDecimal('0.125'))).toBe('0.125');
  });

  it('names arrays, objects and functions by their kind, and gives nothing for an absent value', () => {
    expect(describeValue([1, 2, 3])).toBe('an array of 3');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(undefined)).toBeUndefined();
  });
});
