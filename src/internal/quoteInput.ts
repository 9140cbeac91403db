const PREFIX = 24;

/** An input string quoted for an error message: at most a short prefix, so a huge input is never echoed whole. */
export function quoteInput(text: string): string {
  return text.length <= PREFIX ? `'${text}'` : `'${text.slice(0, PREFIX)}…' (${text.length} characters)`;
}

/**
 * Any received value named for an error message without calling into it: strings as a short quoted prefix, other
 * primitives printed, objects by kind only (their `toString` may throw or print anything).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteInput(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined')
    return String(value);
  if (typeof value === 'bigint') return quoteInput(`${value}n`);
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
}
