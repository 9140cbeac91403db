import type * as z from 'zod/mini';
import type { InputPath } from '../errors/MarginKitError.js';
import {
  ValidationError,
  type ValidationErrorCode,
  type ValidationIssue,
} from '../errors/ValidationError.js';
import { closestName } from '../internal/closestName.js';
import { describeValue } from '../internal/describeValue.js';
import { isPlainObject } from '../internal/isPlainObject.js';
import { kindOf } from './kindOf.js';

type Path = (string | number)[];

/** A field of the input for a report, or `undefined` when reading it throws (a getter, a proxy trap). */
function fieldOf(input: object, key: string): unknown {
  try {
    return (input as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** An issue with the value found and, where `options` holds a close match, the suggestion. */
function issueWith(
  code: ValidationErrorCode,
  path: InputPath,
  message: string,
  value: unknown,
  options: readonly unknown[] = [],
): ValidationIssue {
  const received = describeValue(value);
  const names = options.filter((o): o is string => typeof o === 'string');
  const suggestion = typeof value === 'string' ? closestName(value, names) : undefined;
  return {
    code,
    path,
    message: suggestion === undefined ? message : `${message}; did you mean '${suggestion}'?`,
    ...(received === undefined ? {} : { received }),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/** An unknown field `key` of the object at `path`, with the field it probably misspells. */
export function unknownField(
  path: InputPath,
  key: string,
  value: unknown,
  suggestion: string | undefined,
): ValidationIssue {
  const found = issueWith('UNKNOWN_FIELD', [...path, key], `unknown field '${key}'`, value);
  return suggestion === undefined
    ? found
    : { ...found, message: `${found.message}; did you mean '${suggestion}'?`, suggestion };
}

/** The unknown fields of an object checked by hand against the names it accepts. */
export function unknownFields(input: object, fields: readonly string[]): ValidationIssue[] {
  return Object.keys(input)
    .filter((key) => !fields.includes(key))
    .map((key) => unknownField([], key, fieldOf(input, key), closestName(key, fields)));
}

/** One zod issue as the library's issues (an unknown-keys issue gives one per key). */
function toIssues(issue: z.core.$ZodIssue): ValidationIssue[] {
  const path: Path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'custom': {
      // Custom issues come from addIssue, which always names one of the library's codes.
      const params = (issue.params ?? {}) as { code?: ValidationErrorCode; value?: unknown };
      const code = params.code ?? 'INVALID_FIELD';
      return [issueWith(code, path, issue.message, 'value' in params ? params.value : input)];
    }
    case 'invalid_type':
      return [
        input === undefined
          ? issueWith('MISSING_FIELD', path, 'is required', input)
          : issueWith('INVALID_TYPE', path, `expected ${issue.expected}, got ${kindOf(input)}`, input),
      ];
    case 'invalid_value':
      return [
        input === undefined
          ? issueWith('MISSING_FIELD', path, `is required (one of ${quoted(issue.values)})`, input)
          : issueWith('INVALID_OPTION', path, `must be one of ${quoted(issue.values)}`, input, issue.values),
      ];
    case 'invalid_union': {
      const union = issue as { note?: string; discriminator?: string; options?: readonly unknown[] };
      if (union.discriminator === undefined || union.options === undefined) {
        return [issueWith('INVALID_OPTION', path, union.note ?? 'matches none of the allowed shapes', input)];
      }
      const fields = isPlainObject(input) ? input : {};
      const value = fieldOf(fields, union.discriminator);
      // `{ typ: 'flat' }`: the typo'd discriminator is the mistake to report.
      const typo =
        value === undefined
          ? closestName(
              union.discriminator,
              Object.keys(fields).filter((key) => key !== union.discriminator),
            )
          : undefined;
      if (typo !== undefined)
        return [unknownField(path.slice(0, -1), typo, fieldOf(fields, typo), union.discriminator)];
      return [
        value === undefined
          ? issueWith('MISSING_FIELD', path, `is required (one of ${quoted(union.options)})`, value)
          : issueWith(
              'INVALID_OPTION',
              path,
              `must be one of ${quoted(union.options)}`,
              value,
              union.options,
            ),
      ];
    }
    case 'unrecognized_keys': {
      const known = (issue as { known?: readonly string[] }).known ?? [];
      const fields = isPlainObject(input) ? input : {};
      return issue.keys.map((key) => unknownField(path, key, fieldOf(fields, key), closestName(key, known)));
    }
    case 'too_small': {
      const code = (issue as { params?: { code?: string } }).params?.code;
      if (code === 'MISSING_FIELD') return [issueWith(code, path, issue.message, input)];
      return [issueWith(issue.origin === 'array' ? 'EMPTY' : 'INVALID_FIELD', path, issue.message, input)];
    }
    default:
      return [issueWith('INVALID_FIELD', path, issue.message, input)];
  }
}

const samePath = (a: InputPath, b: InputPath) => a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * A typo'd key (`marginMod`) leaves the field it meant missing: the two are one mistake, reported once as the
 * unknown field with its suggestion, in the place of the missing field.
 */
export function mergeTypos(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const out = [...issues];
  for (const unknown of issues) {
    if (unknown.code !== 'UNKNOWN_FIELD' || unknown.suggestion === undefined) continue;
    const meant = [...unknown.path.slice(0, -1), unknown.suggestion];
    const missing = out.findIndex((i) => i.code === 'MISSING_FIELD' && samePath(i.path, meant));
    if (missing < 0) continue;
    const at = out.indexOf(unknown);
    out[missing] = unknown;
    out.splice(at, 1);
  }
  return out;
}

/**
 * The message of a zod issue that carries none of its own (zod/mini ships no messages, so the library words them).
 */
function messageOf(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'too_small') {
    const bound = String(issue.minimum);
    if (issue.origin === 'string')
      return bound === '1' ? 'must not be empty' : `needs at least ${bound} characters`;
    if (issue.origin === 'array') return `needs at least ${bound} entries`;
    return `must be ${issue.inclusive ? '≥' : '>'} ${bound}`;
  }
  if (issue.code === 'too_big') return `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
  if (issue.code === 'unrecognized_keys') {
    // The names the object accepts, kept on the issue so an unknown key can be matched to the one it misspells.
    const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
    (issue as { known?: string[] }).known = shape ? Object.keys(shape) : [];
  }
  return 'is invalid';
}

/**
 * Runs a schema and returns its output, or throws a {@link ValidationError} listing every problem found (the first
 * one named by the error's `code` and `path`).
 */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  prefix: (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true, error: messageOf });
  if (result.success) return result.data;
  const issues = mergeTypos(result.error.issues.flatMap(toIssues)).map((issue) => ({
    ...issue,
    path: [...prefix, ...issue.path],
  }));
  const [first, ...rest] = issues;
  if (!first)
    throw new ValidationError(
      [{ code: 'INVALID_FIELD', path: prefix, message: 'invalid input' }],
      result.error,
    );
  throw new ValidationError([first, ...rest], result.error);
}
