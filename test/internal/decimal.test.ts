import { Decimal as SharedDecimal } from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/index.js';

describe('Decimal', () => {
  const sharedPrecision = SharedDecimal.precision;
  const sharedRounding = SharedDecimal.rounding;
  afterEach(() => {
    SharedDecimal.set({ precision: sharedPrecision, rounding: sharedRounding });
  });

  it('adds decimal fractions exactly', () => {
    // 0.1 + 0.2 = 0.3 exactly in decimal arithmetic
    expect(new Decimal('0.1').plus('0.2').toString()).toBe('0.3');
  });

  it('divides to 40 significant digits', () => {
    // 1/3 = 0.333… cut at 40 significant digits
    expect(new Decimal(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });

  it('rounds half to even', () => {
    // 2.5 → 2 (2 is even), 3.5 → 4 (4 is even), −2.5 → −2
    expect(new Decimal('2.5').toDecimalPlaces(0).toString()).toBe('2');
    expect(new Decimal('3.5').toDecimalPlaces(0).toString()).toBe('4');
    expect(new Decimal('-2.5').toDecimalPlaces(0).toString()).toBe('-2');
  });

  it('is not affected by settings made on the shared decimal.js constructor', () => {
    SharedDecimal.set({ precision: 5, rounding: SharedDecimal.ROUND_UP });
    // still 40 digits and half-even: 2/3 = 0.666…6667 (40 sixes then rounding of the 41st digit)
    expect(new Decimal(2).div(3).toString()).toBe(`0.${'6'.repeat(39)}7`);
    expect(new Decimal('2.5').toDecimalPlaces(0).toString()).toBe('2');
  });
});
