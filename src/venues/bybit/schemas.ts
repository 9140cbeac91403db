// Internal: zod schemas of the Bybit v5 payload items the venue model reads. Decimals arrive as strings ('' for an
// absent value); unknown fields are ignored (the API adds fields over time).
import * as z from 'zod/mini';
import type { InputPath } from '../../errors/MarginKitError.js';
import { failValidation as fail } from '../../errors/ValidationError.js';
import { isPlainObject as isObject } from '../../internal/isPlainObject.js';
import { describeValue, quoteInput } from '../../internal/quoteInput.js';
import {
  addIssue,
  type DecimalRule,
  decimalField,
  decimalStringField,
  idField,
  lazy,
} from '../../schemas/fields.js';

/** A decimal sent as a string. */
function text(rule: DecimalRule = 'any') {
  return decimalStringField(rule);
}

/** A decimal sent as a string that may be absent or `''`. */
function optionalText(rule: DecimalRule = 'any') {
  return z.pipe(
    z.pipe(
      z.optional(z.string()),
      z.transform((v) => (v === '' ? undefined : v)),
    ),
    z.optional(decimalStringField(rule)),
  );
}

export const riskLimitTierSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    symbol: z.optional(idField()),
    riskLimitValue: text('positive'),
    // Documented as numbers, sent as strings: both are read.
    maintenanceMargin: decimalField('nonNegative'),
    initialMargin: decimalField('positive'),
    maxLeverage: text('positive'),
    mmDeduction: optionalText('nonNegative'),
  }),
);

export const positionInfoSchema = /*#__PURE__*/ lazy(() =>
  z
    .object({
      positionIdx: z.literal([0, 1, 2]),
      symbol: idField(),
      side: z.enum(['Buy', 'Sell', '', 'None']),
      size: text('nonNegative'),
      avgPrice: text('nonNegative'),
      positionValue: optionalText('nonNegative'),
      tradeMode: z.literal([0, 1]),
      leverage: optionalText('positive'),
      markPrice: optionalText('positive'),
      liqPrice: optionalText('nonNegative'),
      bustPrice: optionalText('nonNegative'),
      positionIM: optionalText('nonNegative'),
      positionMM: optionalText('nonNegative'),
      positionBalance: optionalText('any'),
      unrealisedPnl: optionalText('any'),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.size.isZero()) return;
        if (v.side !== 'Buy' && v.side !== 'Sell') {
          addIssue(ctx, 'INVALID_OPTION', `an open position has side 'Buy' or 'Sell', got '${v.side}'`, [
            'side',
          ]);
        } else if ((v.positionIdx === 1 && v.side !== 'Buy') || (v.positionIdx === 2 && v.side !== 'Sell')) {
          addIssue(
            ctx,
            'INVALID_FIELD',
            `positionIdx ${v.positionIdx} is the ${v.positionIdx === 1 ? 'Buy' : 'Sell'} side of hedge mode, got side '${v.side}'`,
            ['side'],
          );
        }
        if (v.avgPrice.isZero())
          addIssue(ctx, 'NOT_POSITIVE', 'an open position needs avgPrice > 0', ['avgPrice']);
        if (v.leverage === undefined)
          addIssue(ctx, 'MISSING_FIELD', 'an open position needs its leverage', ['leverage']);
        if (v.positionIM === undefined) {
          addIssue(
            ctx,
            'MISSING_FIELD',
            'an open position needs positionIM (portfolio margin is not modelled)',
            ['positionIM'],
          );
        }
        if (v.positionMM === undefined) {
          addIssue(
            ctx,
            'MISSING_FIELD',
            'an open position needs positionMM (portfolio margin is not modelled)',
            ['positionMM'],
          );
        }
      }),
    ),
);

export const walletCoinSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    coin: idField(),
    equity: optionalText(),
    walletBalance: text(),
    unrealisedPnl: optionalText(),
  }),
);

export const walletAccountSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    accountType: z.optional(z.string()),
    coin: z.array(z.unknown()),
  }),
);

export const tickerSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    symbol: idField(),
    markPrice: text('positive'),
    indexPrice: optionalText('positive'),
    fundingRate: optionalText(),
  }),
);

/** A list payload unwrapped: its items, the path of the `list` array, and the category when given. */
export interface Unwrapped {
  readonly items: readonly unknown[];
  readonly listPath: InputPath;
  readonly category?: string;
}

/**
 * Unwraps a whole response (`{ retCode, result: { list } }`) or a `result` object (`{ list }`); a non-zero
 * `retCode` is an error payload and is rejected.
 */
export function unwrapList(payload: unknown, path: InputPath): Unwrapped {
  if (!isObject(payload)) fail('INVALID_TYPE', path, 'expected a Bybit response or its result object');
  let result: unknown = payload;
  let at: InputPath = path;
  if ('result' in payload) {
    const code = payload.retCode;
    if (code !== undefined && code !== 0) {
      fail(
        'INVALID_FIELD',
        [...path, 'retCode'],
        `an error response (retCode ${describeValue(code)}${typeof payload.retMsg === 'string' ? `: ${quoteInput(payload.retMsg)}` : ''})`,
      );
    }
    result = payload.result;
    at = [...path, 'result'];
    if (!isObject(result)) fail('INVALID_TYPE', at, 'expected the result object');
  }
  const record = result as Record<string, unknown>;
  const list = record.list;
  if (list === undefined) fail('MISSING_FIELD', [...at, 'list'], 'is required');
  if (!Array.isArray(list)) fail('INVALID_TYPE', [...at, 'list'], 'expected an array');
  const category = record.category;
  if (category !== undefined && typeof category !== 'string') {
    fail('INVALID_TYPE', [...at, 'category'], 'expected a string');
  }
  return category === undefined || category === ''
    ? { items: list, listPath: [...at, 'list'] }
    : { items: list, listPath: [...at, 'list'], category };
}
