import { Decimal as DecimalJs } from 'decimal.js';

/** Freezes plain objects and arrays recursively; Decimal instances (already immutable by API) are left as they are. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || DecimalJs.isDecimal(value) || Object.isFrozen(value))
    return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/** Copies `source` without its `undefined` properties (for `exactOptionalPropertyTypes`-clean outputs). */
export function withoutUndefined<T extends object>(source: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(source)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
