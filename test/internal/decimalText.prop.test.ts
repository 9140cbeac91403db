// The one-pass reader of plain decimal text builds the same Decimal as decimal.js's own constructor (same sign,
// exponent and words, not just an equal value), and leaves zero, exponents, bad characters and out-of-range text
// to the full reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/internal/decimal.js';
import { MAX_EXPONENT, MAX_SIGNIFICANT_DIGITS, MIN_EXPONENT } from '../../src/internal/decimalLimits.js';
import { plainDecimalText } from '../../src/internal/decimalText.js';
import { readDecimal } from '../../src/internal/toDecimal.js';

const fields = (x: Decimal) => {
  const r = x as unknown as { s: number; e: number; d: number[] };
  return { s: r.s, e: r.e, d: [...r.d] };
};

describe('plainDecimalText', () => {
  it('reads venue-style text into the words decimal.js builds', () => {
    for (const text of [
      '1',
      '-1',
      '+5.',
      '.5',
      '-.25',
      '0.05',
      '97312.5',
      '-412000',
      '0.38214',
      '00012.3400',
      '1234567',
      '12345678',
      '0.1234567',
      '0.0000001',
      '9999999.9999999',
      '123456789.123456789',
    ]) {
      const read = plainDecimalText(text);
      expect(read, text).toBeDefined();
      expect(fields(read as Decimal), text).toEqual(fields(new Decimal(text)));
    }
  });

  it('matches decimal.js on any plain digit string it accepts, and accepts every one in range', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[+-]?\d{0,12}(\.\d{0,12})?$/),
          fc.stringMatching(/^[+-]?\d{0,45}(\.\d{0,45})?$/),
          fc
            .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
            .map(([a, b]) => `${'7'.repeat(a)}.${'3'.repeat(b)}`),
        ),
        (text) => {
          const read = plainDecimalText(text);
          const valid = /\d/.test(text) && /[1-9]/.test(text);
          if (!valid) return read === undefined;
          const expected = new Decimal(text);
          const inRange =
            expected.sd() <= MAX_SIGNIFICANT_DIGITS &&
            expected.e <= MAX_EXPONENT &&
            expected.e >= MIN_EXPONENT;
          if (!inRange) return read === undefined;
          expect(fields(read as Decimal)).toEqual(fields(expected));
          return true;
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('leaves zero, exponents, stray characters and out-of-range text to the full reader', () => {
    for (const text of ['0', '-0.000', '1e5', '1.5E-3', '12a', '1..2', '1.2.3', '', '-', '.', '0x10', '1e']) {
      expect(plainDecimalText(text), text).toBeUndefined();
    }
    expect(plainDecimalText(`1${'0'.repeat(40)}`)).toBeUndefined();
    expect(plainDecimalText(`0.${'0'.repeat(40)}1`)).toBeUndefined();
    expect(plainDecimalText(`0.${'1'.repeat(MAX_SIGNIFICANT_DIGITS + 1)}`)).toBeUndefined();
    expect(plainDecimalText(`0.${'1'.repeat(MAX_SIGNIFICANT_DIGITS)}`)).toBeDefined();
    // The full reader still reports them.
    expect(readDecimal(`1${'0'.repeat(40)}`)).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(readDecimal(`0.${'1'.repeat(MAX_SIGNIFICANT_DIGITS + 1)}`)).toMatchObject({
      ok: false,
      code: 'OUT_OF_RANGE',
    });
    expect(readDecimal('-0.000')).toMatchObject({ ok: true });
  });
});
