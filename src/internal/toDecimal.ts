import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal } from './decimal.js';

/** Why a value could not be read as a decimal. */
export type DecimalReadFailure = 'MISSING_FIELD' | 'NOT_A_NUMBER' | 'NOT_FINITE' | 'INVALID_TYPE';

/** The outcome of reading one numeric input. */
export type DecimalRead =
  | { readonly ok: true; readonly value: Decimal }
  | { readonly ok: false; readonly code: DecimalReadFailure; readonly message: string };

// Plain decimal notation with an optional exponent; decimal.js would also take hex, binary and 'Infinity'.
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads an input as an exact Decimal of the library's constructor, without throwing.
 * `number`s must be finite and go through `String(n)` (their shortest round-trip form).
 */
export function readDecimal(value: unknown): DecimalRead {
  const read = readAny(value);
  // −0 reads as 0, so a negative-zero input never trips a sign check.
  return read.ok && read.value.isZero() && read.value.isNegative()
    ? { ok: true, value: new Decimal(0) }
    : read;
}

function readAny(value: unknown): DecimalRead {
  if (value === undefined || value === null) {
    return { ok: false, code: 'MISSING_FIELD', message: 'a number is required' };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return { ok: false, code: 'NOT_FINITE', message: `${String(value)} is not a finite number` };
    }
    return { ok: true, value: new Decimal(String(value)) };
  }
  if (typeof value === 'bigint') return { ok: true, value: new Decimal(value.toString()) };
  if (typeof value === 'string') {
    const text = value.trim();
    if (!DECIMAL_TEXT.test(text)) {
      return { ok: false, code: 'NOT_A_NUMBER', message: `'${value}' is not a decimal number` };
    }
    return { ok: true, value: new Decimal(text) };
  }
  if (DecimalJs.isDecimal(value)) {
    const d = value as DecimalJs;
    if (!d.isFinite()) return { ok: false, code: 'NOT_FINITE', message: `${d.toString()} is not finite` };
    return { ok: true, value: new Decimal(d) };
  }
  return {
    ok: false,
    code: 'INVALID_TYPE',
    message: `expected a string, number, bigint or Decimal, got ${typeof value}`,
  };
}
