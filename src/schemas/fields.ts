import * as z from 'zod/mini';
import type { ValidationErrorCode } from '../errors/ValidationError.js';
import { Decimal } from '../internal/decimal.js';
import { MAX_ID_LENGTH } from '../internal/idLimit.js';
import { readDecimal } from '../internal/toDecimal.js';
import { kindOf } from './kindOf.js';

/** The sign or range rule a decimal field must satisfy. */
export type DecimalRule = 'any' | 'nonNegative' | 'positive' | 'fraction' | 'positiveFraction';

/** What a refinement or a transform is given: the value being checked and the issues found so far. */
export type IssueContext = z.core.ParsePayload<unknown> & {
  addIssue?: z.core.$RefinementCtx<unknown>['addIssue'];
};

/** Adds an issue carrying one of the library's codes; `path` is relative to the value being checked. */
export function addIssue(
  ctx: IssueContext,
  code: ValidationErrorCode,
  message: string,
  path?: (string | number)[],
): void {
  // The value at `path` travels with the issue, so the report can show what was found there.
  const issue = {
    code: 'custom' as const,
    message,
    params: { code, value: path ? valueAt(ctx.value, path) : ctx.value },
    ...(path ? { path } : {}),
  };
  // A refinement reports through addIssue; a transform's context is the bare payload.
  if (ctx.addIssue) ctx.addIssue(issue);
  else ctx.issues.push({ ...issue, input: ctx.value });
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** A schema whose input is read by `read`, which reports its own issues (zod/mini form of `.transform`). */
export function readField<T>(read: (value: unknown, ctx: IssueContext) => T) {
  return z.pipe(z.unknown(), z.transform(read));
}

/** A numeric field: string | number | bigint | Decimal in, library Decimal out, with a range rule. */
export function decimalField(rule: DecimalRule = 'any') {
  return readField((value, ctx): Decimal => {
    const read = readDecimal(value);
    if (!read.ok) {
      addIssue(ctx, read.code, read.message);
      return z.NEVER;
    }
    const d = read.value;
    if ((rule === 'nonNegative' || rule === 'fraction') && d.isNegative() && !d.isZero()) {
      addIssue(ctx, 'NEGATIVE', `must be ≥ 0, got ${d.toString()}`);
      return z.NEVER;
    }
    if ((rule === 'positive' || rule === 'positiveFraction') && (!d.isPositive() || d.isZero())) {
      addIssue(ctx, 'NOT_POSITIVE', `must be > 0, got ${d.toString()}`);
      return z.NEVER;
    }
    if ((rule === 'fraction' || rule === 'positiveFraction') && d.greaterThan(1)) {
      addIssue(ctx, 'ABOVE_ONE', `must be ≤ 1, got ${d.toString()}`);
      return z.NEVER;
    }
    // -0 is read as 0 so equal inputs give equal outputs.
    return d.isZero() ? new Decimal(0) : d;
  });
}

/**
 * A decimal that must arrive as a string (as venues send money and sizes in their payloads: a JSON number would
 * already have lost digits), read exactly with a range rule. A number is rejected as `INVALID_TYPE`.
 */
export function decimalStringField(rule: DecimalRule = 'any') {
  // decimalField reads any input; after z.string() it only ever sees a string.
  return z.pipe(z.string(), decimalField(rule) as unknown as z.ZodMiniType<Decimal, string>);
}

/**
 * A non-empty identifier string. Read by hand rather than with `z.string()`, so small bundles carry no string
 * schema; the issues are the ones the string schema gives (`MISSING_FIELD` 'is required', `INVALID_TYPE`
 * 'expected string, got …').
 */
export function idField() {
  return readField((value, ctx): string => {
    if (value === undefined) addIssue(ctx, 'MISSING_FIELD', 'is required');
    else if (typeof value !== 'string')
      addIssue(ctx, 'INVALID_TYPE', `expected string, got ${kindOf(value)}`);
    else if (value.trim() === '') addIssue(ctx, 'MISSING_FIELD', 'must not be empty');
    // Ids are echoed by error messages, so they are bounded like decimal text.
    else if (value.length > MAX_ID_LENGTH)
      addIssue(ctx, 'OUT_OF_RANGE', `must be at most ${MAX_ID_LENGTH} characters`);
    else return value;
    return z.NEVER;
  });
}

/**
 * One of a few names: the issues of zod's enum (`invalid_value`), read by hand so that small bundles carry no enum
 * schema.
 */
export function choiceField<const T extends string>(
  values: readonly T[],
  hints: Readonly<Record<string, string>> = {},
) {
  return readField((value, ctx): T => {
    if ((values as readonly unknown[]).includes(value)) return value as T;
    // A name that belongs elsewhere in the library gets a pointer there (hints), any other the allowed names.
    if (typeof value === 'string' && Object.hasOwn(hints, value)) {
      addIssue(
        ctx,
        'INVALID_OPTION',
        `must be one of ${values.map((v) => `"${v}"`).join(', ')}: ${hints[value]}`,
      );
      return z.NEVER;
    }
    ctx.issues.push({ code: 'invalid_value', values: [...values], input: value });
    return z.NEVER;
  });
}

/** The tag of a variant of {@link variantField}, already matched when the variant is read. */
export function tagField<const T extends string>(tag: T) {
  return readField((): T => tag);
}

/**
 * One of several object shapes, chosen by the name at `key` (`{ type: 'flat', … }`): zod's discriminated union
 * read by hand, with its issues (`invalid_type` for a non-object, `invalid_union` with the names when no shape
 * matches, else the issues of the chosen shape), so that small bundles carry no union schema.
 */
export function variantField<const V extends Record<string, z.ZodMiniType>>(key: string, variants: V) {
  return readField((value, ctx): z.output<V[keyof V]> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.issues.push({ code: 'invalid_type', expected: 'object', input: value });
      return z.NEVER;
    }
    const tag = (value as Record<string, unknown>)[key];
    const variant = typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    if (!variant) {
      ctx.issues.push({
        code: 'invalid_union',
        errors: [],
        note: 'No matching discriminator',
        discriminator: key,
        options: Object.keys(variants),
        input: value,
        path: [key],
      });
      return z.NEVER;
    }
    // The chosen shape's raw issues join this parse's (finished with its messages at the end, as nested fields are).
    const read = variant._zod.run({ value, issues: [] }, { async: false }) as z.core.ParsePayload<
      z.output<V[keyof V]>
    >;
    ctx.issues.push(...read.issues);
    return read.issues.length > 0 ? z.NEVER : read.value;
  });
}

/** A whole number of milliseconds (a time or a duration). */
export function millisecondsField(rule: 'any' | 'positive' | 'nonNegative') {
  return readField((value, ctx): number => {
    if (value === undefined || value === null) {
      addIssue(ctx, 'MISSING_FIELD', 'a whole number of milliseconds is required');
      return z.NEVER;
    }
    if (typeof value !== 'number') {
      addIssue(ctx, 'INVALID_TYPE', `expected a number of milliseconds, got ${typeof value}`);
      return z.NEVER;
    }
    if (!Number.isFinite(value)) {
      addIssue(ctx, 'NOT_FINITE', `${String(value)} is not a finite number`);
      return z.NEVER;
    }
    if (!Number.isSafeInteger(value)) {
      addIssue(ctx, 'INVALID_FIELD', `must be a whole number of milliseconds, got ${value}`);
      return z.NEVER;
    }
    if (rule === 'positive' && value <= 0) {
      addIssue(ctx, 'NOT_POSITIVE', `must be > 0, got ${value}`);
      return z.NEVER;
    }
    if (rule === 'nonNegative' && value < 0) {
      addIssue(ctx, 'NEGATIVE', `must be ≥ 0, got ${value}`);
      return z.NEVER;
    }
    // -0 is read as 0, so equal inputs give equal outputs (and no -0 reaches a result).
    return value === 0 ? 0 : value;
  });
}

/**
 * Defers building a schema to its first use, so that importing the library's pure math never evaluates zod
 * (the bundle of a front-end that uses `notional` alone stays free of zod).
 */
export function lazy<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => {
    if (schema === undefined) schema = build();
    return schema;
  };
}
