import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal } from './decimal.js';
import { MAX_EXPONENT, MAX_SIGNIFICANT_DIGITS, MAX_TEXT_LENGTH, MIN_EXPONENT } from './decimalLimits.js';
import { plainDecimalText } from './decimalText.js';
import { quoteInput } from './quoteInput.js';

/** Why a value could not be read as a decimal. */
export type DecimalReadFailure =
  | 'MISSING_FIELD'
  | 'NOT_A_NUMBER'
  | 'NOT_FINITE'
  | 'INVALID_TYPE'
  | 'OUT_OF_RANGE';

/** The outcome of reading one numeric input. */
export type DecimalRead =
  | { readonly ok: true; readonly value: Decimal }
  | { readonly ok: false; readonly code: DecimalReadFailure; readonly message: string };

// Plain decimal notation with an optional exponent; decimal.js would also take hex, binary and 'Infinity'.
// Linear time: the integer digits and the fraction can only split at the '.', so nothing backtracks.
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?$/i;
// An exponent beyond this is out of range whatever the mantissa (at most 100 characters of digits).
const EXPONENT_TEXT_LIMIT = 1000;
const ZERO_MANTISSA = /^[+-]?[0.]*(?:e|$)/i;
const RANGE = '1e-40 … 1e40'; // MIN_EXPONENT … MAX_EXPONENT + 1

function fail(code: DecimalReadFailure, message: string): DecimalRead {
  return { ok: false, code, message };
}

/**
 * Reads an input as an exact Decimal of the library's constructor, without throwing.
 * `number`s must be finite and go through `String(n)` (their shortest round-trip form); a Decimal of any
 * decimal.js copy is read through its string form, never trusted by shape. Every value is held to the
 * magnitude limits of `decimalLimits.ts` (`OUT_OF_RANGE`), so nothing overflows or silently becomes 0.
 */
export function readDecimal(value: unknown): DecimalRead {
  if (value === undefined || value === null) return fail('MISSING_FIELD', 'a number is required');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('NOT_FINITE', `${String(value)} is not a finite number`);
    return readText(String(value));
  }
  if (typeof value === 'bigint') {
    // Compared before printing, so a bigint of a million digits costs nothing.
    const magnitude = value < 0n ? -value : value;
    if (magnitude >= 10n ** BigInt(MAX_EXPONENT + 1)) {
      return fail('OUT_OF_RANGE', `must be below 1e${MAX_EXPONENT + 1} in magnitude`);
    }
    return readText(value.toString());
  }
  if (typeof value === 'string') return readText(value);
  if (typeof value === 'object') return readDecimalObject(value);
  return fail('INVALID_TYPE', `expected a string, number, bigint or Decimal, got ${typeof value}`);
}

/** A Decimal of this or another decimal.js copy, through its string form; anything else is the wrong type. */
function readDecimalObject(value: object): DecimalRead {
  let text: unknown;
  try {
    if (!DecimalJs.isDecimal(value)) {
      return fail('INVALID_TYPE', `expected a string, number, bigint or Decimal, got ${describe(value)}`);
    }
    text = DecimalJs.prototype.toString.call(value);
  } catch {
    text = undefined;
  }
  if (typeof text !== 'string')
    return fail('INVALID_TYPE', 'expected a Decimal, got an object that only looks like one');
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity')
    return fail('NOT_FINITE', `${text} is not finite`);
  return readText(text);
}

function describe(value: object): string {
  return Array.isArray(value) ? 'array' : 'object';
}

/** Decimal text: the length first, then a linear pattern, then the exponent and digit limits. */
function readText(raw: string): DecimalRead {
  if (raw.length > MAX_TEXT_LENGTH) {
    return fail('OUT_OF_RANGE', `${quoteInput(raw)} is longer than ${MAX_TEXT_LENGTH} characters`);
  }
  const text = raw.trim();
  const plain = plainDecimalText(text);
  if (plain !== undefined) return { ok: true, value: plain };
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return fail('NOT_A_NUMBER', `${quoteInput(raw)} is not a decimal number`);
  if (Math.abs(Number(match[1] ?? 0)) > EXPONENT_TEXT_LIMIT) {
    // decimal.js would overflow to Infinity or underflow to 0; only a zero mantissa is still exact.
    if (ZERO_MANTISSA.test(text)) return { ok: true, value: new Decimal(0) };
    return fail('OUT_OF_RANGE', `${quoteInput(raw)} is outside ${RANGE} in magnitude`);
  }
  const d = new Decimal(text);
  if (d.isZero()) return { ok: true, value: d.isNegative() ? new Decimal(0) : d };
  if (d.e > MAX_EXPONENT || d.e < MIN_EXPONENT) {
    return fail('OUT_OF_RANGE', `${quoteInput(raw)} is outside ${RANGE} in magnitude`);
  }
  if (d.sd() > MAX_SIGNIFICANT_DIGITS) {
    return fail(
      'OUT_OF_RANGE',
      `${quoteInput(raw)} has more than ${MAX_SIGNIFICANT_DIGITS} significant digits`,
    );
  }
  return { ok: true, value: d };
}
