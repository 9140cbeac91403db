import type { z } from 'zod';
import {
  ValidationError,
  type ValidationErrorCode,
  type ValidationIssue,
} from '../errors/ValidationError.js';

const CODES: ReadonlySet<string> = /*#__PURE__*/ new Set<ValidationErrorCode>([
  'MISSING_FIELD',
  'INVALID_TYPE',
  'NOT_A_NUMBER',
  'NOT_FINITE',
  'OUT_OF_RANGE',
  'NEGATIVE',
  'NOT_POSITIVE',
  'ABOVE_ONE',
  'OFF_STEP',
  'MAINTENANCE_ABOVE_INITIAL',
  'TIERS_NOT_ASCENDING',
  'FRACTIONS_DECREASING',
  'UNKNOWN_MARKET',
  'DUPLICATE_ID',
  'ISOLATED_WITHOUT_MARGIN',
  'MARGIN_ON_CROSS',
  'SETTLEMENT_MISMATCH',
  'INVALID_OPTION',
  'UNKNOWN_FIELD',
  'INVALID_RANGE',
  'NOT_IN_ORDER',
  'EMPTY',
  'CROSSED_BOOK',
  'INVALID_FIELD',
]);

function toIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: string } | undefined)?.code;
      return {
        code: code && CODES.has(code) ? (code as ValidationErrorCode) : 'INVALID_FIELD',
        path,
        message: issue.message,
      };
    }
    case 'invalid_type':
      return issue.input === undefined
        ? { code: 'MISSING_FIELD', path, message: 'is required' }
        : { code: 'INVALID_TYPE', path, message: `expected ${issue.expected}` };
    case 'invalid_value':
      return {
        code: 'INVALID_OPTION',
        path,
        message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'invalid_union': {
      const discriminator = (issue as { note?: string }).note;
      return { code: 'INVALID_OPTION', path, message: discriminator ?? 'matches none of the allowed shapes' };
    }
    case 'unrecognized_keys':
      return {
        code: 'UNKNOWN_FIELD',
        path: [...path, issue.keys[0] ?? ''],
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
      };
    case 'too_small': {
      const code = (issue as { params?: { code?: string } }).params?.code;
      if (code === 'MISSING_FIELD') return { code, path, message: issue.message };
      return { code: issue.origin === 'array' ? 'EMPTY' : 'INVALID_FIELD', path, message: issue.message };
    }
    default:
      return { code: 'INVALID_FIELD', path, message: issue.message };
  }
}

/** Runs a schema and returns its output, or throws a {@link ValidationError} naming the first problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const mapped = toIssue(issue);
    return { ...mapped, path: [...prefix, ...mapped.path] };
  });
  const [first, ...rest] = issues;
  if (!first)
    throw new ValidationError(
      [{ code: 'INVALID_FIELD', path: prefix, message: 'invalid input' }],
      result.error,
    );
  throw new ValidationError([first, ...rest], result.error);
}
