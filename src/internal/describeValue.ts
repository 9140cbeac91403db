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
  if (typeof value === 'string') {
    return `'${value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value}'`;
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  if (DecimalJs.isDecimal(value)) return (value as DecimalJs).toString();
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}
