import { Decimal as SharedDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/index.js';
import { readDecimal } from '../../src/internal/toDecimal.js';

function readValue(input: unknown): Decimal {
  const read = readDecimal(input);
  if (!read.ok) throw new Error(`expected ${String(input)} to be read, got ${read.code}`);
  return read.value;
}

describe('readDecimal', () => {
  it.each([
    ['a plain decimal string', '1234.5', '1234.5'],
    ['a negative decimal string', '-2.25', '-2.25'],
    ['a string with a leading plus sign', '+3', '3'],
    ['a string starting with the decimal point', '.5', '0.5'],
    ['a string ending with the decimal point', '5.', '5'],
    ['a string with an upper-case exponent', '1E3', '1000'],
    ['a string with a negative exponent', '-2.5e-3', '-0.0025'],
    ['a string with surrounding spaces', ' 42 ', '42'],
    ['the number 0.1 (exactly one tenth, through its shortest string form)', 0.1, '0.1'],
    ['the number 0.1 + 0.2 (its shortest string form, not 0.3)', 0.1 + 0.2, '0.30000000000000004'],
    ['a number printed with an exponent', 1e21, '1e+21'],
    ['negative zero as a number', -0, '0'],
    ['a bigint beyond 2^53', 12345678901234567890n, '12345678901234567890'],
  ])('reads %s', (_label, input, expected) => {
    expect(readValue(input).toString()).toBe(expected);
  });

  it('reads a tiny number through its exponent form without loss', () => {
    // String(5e-7) = '5e-7' = 0.0000005
    expect(readValue(5e-7).equals(new Decimal('0.0000005'))).toBe(true);
  });

  it('keeps every digit of a Decimal from another decimal.js copy, beyond the 40-digit precision', () => {
    const digits = '1.2345678901234567890123456789012345678901234567891'; // 50 significant digits
    const read = readValue(new SharedDecimal(digits));
    expect(read.toString()).toBe(digits);
  });

  it('returns instances of the library constructor', () => {
    expect(readValue('1')).toBeInstanceOf(Decimal);
    expect(readValue(new SharedDecimal('1'))).toBeInstanceOf(Decimal);
    expect(readValue(2n)).toBeInstanceOf(Decimal);
  });

  it.each([
    ['undefined', undefined, 'MISSING_FIELD'],
    ['null', null, 'MISSING_FIELD'],
    ['NaN', Number.NaN, 'NOT_FINITE'],
    ['Infinity', Number.POSITIVE_INFINITY, 'NOT_FINITE'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'NOT_FINITE'],
    ['a NaN Decimal', new SharedDecimal(Number.NaN), 'NOT_FINITE'],
    ['an infinite Decimal', new SharedDecimal(Number.POSITIVE_INFINITY), 'NOT_FINITE'],
    ['the string "Infinity"', 'Infinity', 'NOT_A_NUMBER'],
    ['the string "NaN"', 'NaN', 'NOT_A_NUMBER'],
    ['a hexadecimal string', '0x10', 'NOT_A_NUMBER'],
    ['a binary string', '0b101', 'NOT_A_NUMBER'],
    ['an octal string', '0o17', 'NOT_A_NUMBER'],
    ['an empty string', '', 'NOT_A_NUMBER'],
    ['a blank string', '   ', 'NOT_A_NUMBER'],
    ['a string with a thousands separator', '1,000', 'NOT_A_NUMBER'],
    ['a string with an underscore separator', '1_000', 'NOT_A_NUMBER'],
    ['a string with a dangling exponent', '1e', 'NOT_A_NUMBER'],
    ['a string with two signs', '--1', 'NOT_A_NUMBER'],
    ['a word', 'abc', 'NOT_A_NUMBER'],
    ['a boolean', true, 'INVALID_TYPE'],
    ['a plain object', { value: 1 }, 'INVALID_TYPE'],
    ['an array', [1], 'INVALID_TYPE'],
  ])('rejects %s with its failure code', (_label, input, code) => {
    const read = readDecimal(input);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.code).toBe(code);
      expect(read.message.length).toBeGreaterThan(0);
    }
  });
});

describe('readDecimal magnitude limits', () => {
  function failure(input: unknown): { code: string; message: string } {
    const read = readDecimal(input);
    if (read.ok) throw new Error(`expected ${String(input).slice(0, 40)} to be rejected`);
    return read;
  }

  it.each([
    ['an exponent that decimal.js would overflow to Infinity', '1e9000000000000001'],
    ['an exponent that decimal.js would underflow to 0', '1e-9000000000000001'],
    ['a value at 1e40', '1e40'],
    ['a value just below 1e-40', '9.9e-41'],
    ['a number too large for the limits', 1e300],
    ['a denormal number', 5e-324],
    ['a bigint of 41 digits', 10n ** 40n],
    ['a bigint of a million bits', 2n ** 1_000_000n],
    ['51 significant digits', `1.${'1'.repeat(50)}`],
    ['a 100 001-character string', `${'1'.repeat(100_000)}x`],
    ['a foreign Decimal beyond the limits', new SharedDecimal('1e500')],
  ])('rejects %s as OUT_OF_RANGE', (_label, input) => {
    expect(failure(input).code).toBe('OUT_OF_RANGE');
  });

  it.each([
    ['the largest accepted exponent', '9.99e39', '9.99e+39'],
    ['the smallest accepted magnitude', '-1e-40', '-1e-40'],
    ['zero with a huge exponent (exact whatever the exponent)', '0e9000000000000001', '0'],
    ['50 significant digits', `1.${'1'.repeat(49)}`, `1.${'1'.repeat(49)}`],
    ['a negative-zero foreign Decimal', new SharedDecimal('-0'), '0'],
  ])('accepts %s', (_label, input, expected) => {
    const read = readDecimal(input);
    expect(read.ok && read.value.toString()).toBe(expected);
    expect(read.ok && Object.is(read.value.isNegative() && read.value.isZero(), false)).toBe(true);
  });

  it('checks the length before the pattern runs and quotes only a short prefix', () => {
    const start = performance.now();
    const { message } = failure(`${'1'.repeat(100_000)}x`);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(message.length).toBeLessThan(80);
  });

  it('reads a near-limit rejected text in linear time (no backtracking) and quotes a prefix', () => {
    const { code, message } = failure(`${'1'.repeat(99)}x`);
    expect(code).toBe('NOT_A_NUMBER');
    expect(message).toContain('…');
  });

  it('reads a plain object that prints like a Decimal as INVALID_TYPE or NOT_A_NUMBER, never trusting its shape', () => {
    const lookalike = { toStringTag: '[object Decimal]', toString: () => 'Decimal(5)', isFinite: 1 };
    expect(failure(lookalike).code).toBe('INVALID_TYPE');
    const printer = { toString: () => 'Decimal(5)' };
    expect(failure(printer).code).toBe('INVALID_TYPE');
  });

  it('rejects a Decimal look-alike whose accessors throw as INVALID_TYPE', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        getPrototypeOf() {
          throw new Error('boom');
        },
      },
    );
    expect(failure(hostile).code).toBe('INVALID_TYPE');
  });
});
