import { Decimal as DecimalJs } from 'decimal.js';

/** Longest string quoted in full; longer ones are cut and end in '…'. */
const MAX_TEXT = 40;

/**
 * A short, printable form of a bad input value for error reports: strings quoted and cut after 40 characters,
 * numbers, bigints, booleans, null and Decimals as text, arrays and objects by their kind. Undefined for an absent
 * value.
 */
export function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return `'${cut(value)}'`;
  if (typeof value === 'bigint') return `${cut(value.toString())}n`;
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  // A Decimal, or a look-alike whose tag or printer is missing or throws (then it is just an object).
  try {
    if (DecimalJs.isDecimal(value)) {
      const text: unknown = DecimalJs.prototype.toString.call(value);
      if (typeof text === 'string') return cut(text);
    }
  } catch {
    return 'an object';
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
