import type { Decimal } from './decimal.js';
import { MAX_EXPONENT, MAX_SIGNIFICANT_DIGITS, MIN_EXPONENT } from './decimalLimits.js';
import { withFields } from './exactInteger.js';

/**
 * The library Decimal of plain decimal text (`[+-]digits[.digits]`, no exponent) that is non-zero and within the
 * library's range (exponent and significant digits), read in one pass straight into decimal.js's base-10⁷ words;
 * `undefined` for anything else (zero, an exponent, a bad character, out of range), which the full reader then
 * handles and reports. Venues send money, prices and sizes in this form, so it is the common case.
 */
export function plainDecimalText(text: string): Decimal | undefined {
  const n = text.length;
  let i = 0;
  let s = 1;
  const c0 = text.charCodeAt(0);
  if (c0 === 45) {
    s = -1;
    i = 1;
  } else if (c0 === 43) i = 1;
  // Positions of the decimal point and of the first and last non-zero digits.
  let point = -1;
  let first = -1;
  let last = -1;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 46) {
      if (point >= 0) return undefined;
      point = j;
    } else if (c < 48 || c > 57) return undefined;
    else if (c !== 48) {
      if (first < 0) first = j;
      last = j;
    }
  }
  if (first < 0) return undefined;
  if (point < 0) point = n;
  // Exponent of the first significant digit, and the significant digits (the point is not one).
  const e = first < point ? point - first - 1 : point - first;
  const sd = last - first + 1 - (first < point && point < last ? 1 : 0);
  if (sd > MAX_SIGNIFICANT_DIGITS || e > MAX_EXPONENT || e < MIN_EXPONENT) return undefined;
  // Words of seven digits aligned on the decimal point: the first holds (e mod 7) + 1 digits.
  const d: number[] = [];
  let take = (((e % 7) + 7) % 7) + 1;
  let word = 0;
  let filled = 0;
  for (let j = first; j <= last; j++) {
    if (j === point) continue;
    word = word * 10 + text.charCodeAt(j) - 48;
    if (++filled === take) {
      d.push(word);
      word = 0;
      filled = 0;
      take = 7;
    }
  }
  if (filled > 0) {
    for (; filled < take; filled++) word *= 10;
    d.push(word);
  }
  return withFields(s, e, d);
}
