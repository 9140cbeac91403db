// The contract every public function keeps on any input, checked by the fuzz suite:
// it returns a valid result or throws a library error with a string code and a path; a result holds no NaN,
// ±Infinity or −0 (as a number or a Decimal); a plain-data argument is left as it was (purity). An exception that
// the input itself throws (a hostile getter or Proxy trap) may pass through unchanged.
import { types } from 'node:util';
import { Decimal as ForeignDecimal } from 'decimal.js';
import { isMarginKitError } from '../../src/index.js';

/** The exception the hostile values of {@link hostile} throw; seeing it again is the input's own doing. */
export class HostileInputError extends Error {}

/** The contract, as printed in the test output. */
export const CONTRACT =
  'returns a value free of NaN/±Infinity/−0, or throws a library error (string code, array path); arguments not mutated';

/** Why an outcome breaks the contract, or undefined when it keeps it. */
export function contractBreach(
  outcome: { ok: true; value: unknown } | { ok: false; error: unknown },
): string | undefined {
  if (!outcome.ok) {
    const { error } = outcome;
    if (error instanceof HostileInputError) return undefined;
    if (!isMarginKitError(error)) return `raw ${describeError(error)}`;
    if (typeof error.code !== 'string' || !Array.isArray(error.path))
      return `library error without code/path: ${error.message}`;
    if (error.message.length > 2000) return `error message of ${error.message.length} characters`;
    return undefined;
  }
  return badValue(outcome.value, '(result)', new Set());
}

function describeError(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message.slice(0, 200)}`
    : `throw of ${typeof error}`;
}

function badValue(value: unknown, where: string, seen: Set<object>): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${where} is ${value}`;
    if (Object.is(value, -0)) return `${where} is -0`;
    return undefined;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (ForeignDecimal.isDecimal(value)) {
    if (!(value instanceof ForeignDecimal) || typeof value.isFinite !== 'function')
      return `${where} is a Decimal look-alike`;
    const d = value;
    if (!d.isFinite()) return `${where} is a non-finite Decimal`;
    if (d.isZero() && d.isNegative()) return `${where} is a −0 Decimal`;
    return undefined;
  }
  if (types.isProxy(value)) return undefined;
  for (const key of Object.keys(value)) {
    // A getter in a result can only be the caller's own object handed back; it is not read.
    const field = Object.getOwnPropertyDescriptor(value, key);
    if (!field || field.get) continue;
    const bad = badValue(field.value, `${where}.${key}`, seen);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * A fingerprint of plain data (objects, arrays, Decimals, primitives) for the purity check; undefined when the value
 * holds something that cannot be read without side effects (a Proxy, a getter).
 */
export function fingerprint(value: unknown): string | undefined {
  const seen = new Map<object, number>();
  let unreadable = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isFinite(v) ? v : String(v);
    if (typeof v === 'symbol' || typeof v === 'function') return String(v);
    if (typeof v !== 'object' || v === null) return v;
    if (types.isProxy(v)) {
      unreadable = true;
      return null;
    }
    const id = seen.get(v);
    if (id !== undefined) return `#cycle${id}`;
    seen.set(v, seen.size);
    // isDecimal reads `toStringTag`, which a hostile look-alike may make a throwing getter.
    let decimal: boolean;
    try {
      decimal = ForeignDecimal.isDecimal(v);
    } catch {
      unreadable = true;
      return null;
    }
    if (decimal) {
      try {
        return `D(${ForeignDecimal.prototype.toString.call(v)})`;
      } catch {
        unreadable = true;
        return null;
      }
    }
    const out: Record<string, unknown> = { frozen: Object.isFrozen(v), array: Array.isArray(v) };
    for (const key of Reflect.ownKeys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key);
      if (descriptor?.get) {
        unreadable = true;
        return null;
      }
      out[String(key)] = walk(descriptor?.value);
    }
    return out;
  };
  const text = JSON.stringify(walk(value));
  return unreadable ? undefined : text;
}
