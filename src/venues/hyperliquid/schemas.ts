// Zod schemas of Hyperliquid's own payloads (info endpoint: `clearinghouseState`, `meta`, `metaAndAssetCtxs`) and
// of the venue model's inputs. Payload objects are read leniently (fields the model does not use are dropped, so a
// new field in Hyperliquid's answer does not break the adapter); every field the model uses is checked strictly.
// Internal: not part of the public surface.
import * as z from 'zod/mini';
import {
  addIssue,
  type DecimalRule,
  decimalField,
  decimalStringField,
  idField,
  lazy,
  readField,
} from '../../schemas/fields.js';

/**
 * A decimal as Hyperliquid sends it: a JSON string such as `"2986.3"` or `"-95.059824"`, read exactly.
 * A JSON number is rejected (`INVALID_TYPE`): Hyperliquid never sends money or sizes as numbers, so one means the
 * payload was altered on the way.
 */
export function decimalText(rule: DecimalRule = 'any') {
  return decimalStringField(rule);
}

/** A whole number at least `min` (leverages, table ids, size decimals). */
export function wholeNumber(min: number) {
  return readField((value, ctx): number => {
    if (value === undefined) {
      addIssue(ctx, 'MISSING_FIELD', 'is required');
      return z.NEVER;
    }
    if (typeof value !== 'number') {
      addIssue(ctx, 'INVALID_TYPE', `expected a whole number, got ${value === null ? 'null' : typeof value}`);
      return z.NEVER;
    }
    if (!Number.isSafeInteger(value)) {
      addIssue(ctx, 'INVALID_FIELD', `must be a whole number, got ${value}`);
      return z.NEVER;
    }
    if (value < min) {
      addIssue(ctx, min === 1 ? 'NOT_POSITIVE' : 'NEGATIVE', `must be ≥ ${min}, got ${value}`);
      return z.NEVER;
    }
    return value;
  });
}

/**
 * A margin table: tiers from 0 with strictly rising lower bounds and never-rising maximum leverage. Lower bounds may
 * be any decimal input (the payload's strings, or numbers and Decimals typed by hand).
 */
export const marginTableSchema = /*#__PURE__*/ lazy(() =>
  z
    .object({
      description: z.optional(z.string()),
      marginTiers: z
        .array(z.object({ lowerBound: decimalField('nonNegative'), maxLeverage: wholeNumber(1) }))
        .check(z.minLength(1, 'a margin table needs at least one tier')),
    })
    .check(
      z.superRefine((table, ctx) => {
        table.marginTiers.forEach((tier, i) => {
          const previous = table.marginTiers[i - 1];
          if (i === 0 && !tier.lowerBound.isZero()) {
            addIssue(ctx, 'TIERS_NOT_ASCENDING', 'the first tier must start at 0', [
              'marginTiers',
              0,
              'lowerBound',
            ]);
          }
          if (!previous) return;
          if (!tier.lowerBound.greaterThan(previous.lowerBound)) {
            addIssue(ctx, 'TIERS_NOT_ASCENDING', 'lower bounds must strictly increase', [
              'marginTiers',
              i,
              'lowerBound',
            ]);
          }
          if (tier.maxLeverage > previous.maxLeverage) {
            addIssue(
              ctx,
              'FRACTIONS_DECREASING',
              'maximum leverage must not rise from one tier to the next',
              ['marginTiers', i, 'maxLeverage'],
            );
          }
        });
      }),
    ),
);

/** Input of `hyperliquidMarket` (the margin table is checked separately, with its own path). */
export const marketInputSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    coin: idField(),
    marginTable: z.unknown(),
    szDecimals: z.optional(wholeNumber(0)),
    collateralAsset: z.optional(idField()),
  }),
);

function summarySchema() {
  return z.object({
    accountValue: decimalText(),
    totalNtlPos: decimalText('nonNegative'),
    totalRawUsd: decimalText(),
    totalMarginUsed: decimalText('nonNegative'),
  });
}

function leverageSchema() {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('cross'), value: wholeNumber(1) }),
    z.object({ type: z.literal('isolated'), value: wholeNumber(1), rawUsd: decimalText() }),
  ]);
}

/** `clearinghouseState` answer (a user's perpetuals account summary). */
export const clearinghouseStateSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    assetPositions: z.array(
      z.object({
        type: z.optional(z.string()),
        position: z.object({
          coin: idField(),
          szi: decimalText(),
          entryPx: decimalText('positive'),
          leverage: leverageSchema(),
          liquidationPx: z.nullable(decimalText('nonNegative')),
          marginUsed: decimalText('nonNegative'),
          maxLeverage: wholeNumber(1),
          positionValue: decimalText('nonNegative'),
          unrealizedPnl: decimalText(),
        }),
      }),
    ),
    crossMaintenanceMarginUsed: decimalText('nonNegative'),
    crossMarginSummary: summarySchema(),
    marginSummary: summarySchema(),
    withdrawable: decimalText('nonNegative'),
    time: z.optional(z.number()),
  }),
);

/** `meta` answer (perpetuals universe and margin tables); also the first element of `metaAndAssetCtxs`. */
export const metaSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    universe: z
      .array(
        z.object({
          name: idField(),
          szDecimals: wholeNumber(0),
          maxLeverage: wholeNumber(1),
          marginTableId: z.optional(wholeNumber(0)),
        }),
      )
      .check(z.minLength(1, 'the universe lists no asset')),
    marginTables: z.optional(z.array(z.tuple([wholeNumber(0), z.unknown()]))),
  }),
);

/** Asset contexts, the second element of `metaAndAssetCtxs`: one per universe entry, in the same order. */
export const assetCtxsSchema = /*#__PURE__*/ lazy(() =>
  z.array(
    z.object({
      markPx: decimalText('positive'),
      oraclePx: decimalText('positive'),
      funding: decimalText(),
      openInterest: decimalText('nonNegative'),
    }),
  ),
);
