import { Decimal as SharedDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, InvalidArgumentError } from '../../src/index.js';
import { decimalArg } from '../../src/internal/decimalArg.js';

describe('decimalArg', () => {
  it('passes a finite library Decimal through unchanged', () => {
    const d = new Decimal('1.5');
    expect(decimalArg(d, 'price')).toBe(d);
  });

  it('converts strings, numbers, bigints and foreign Decimals', () => {
    expect(decimalArg('2.5', 'x').toString()).toBe('2.5');
    expect(decimalArg(0.1, 'x').toString()).toBe('0.1');
    expect(decimalArg(7n, 'x').toString()).toBe('7');
    expect(decimalArg(new SharedDecimal('-3'), 'x').toString()).toBe('-3');
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a hexadecimal string', '0x10'],
    ['a word', 'abc'],
    ['an infinite library Decimal', new Decimal(Number.POSITIVE_INFINITY)],
    ['a NaN library Decimal', new Decimal(Number.NaN)],
  ])('rejects %s with INVALID_ARGUMENT naming the argument', (_label, value) => {
    let caught: unknown;
    try {
      decimalArg(value, 'size');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
    expect((caught as InvalidArgumentError).path).toEqual(['size']);
  });
});
