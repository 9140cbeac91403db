import * as z from 'zod/mini';
import { quoteInput } from '../../internal/quoteInput.js';
import { addIssue, decimalField, decimalStringField, lazy } from '../../schemas/fields.js';

// zod schemas of the dYdX v4 indexer payloads read by `fromDydxIndexerSubaccount`, after the indexer's response
// types (dydxprotocol/v4-chain `indexer/services/comlink/src/types.ts`: `SubaccountResponseObject`,
// `PerpetualPositionResponseObject`, `AssetPositionResponseObject`, `PerpetualMarketResponseObject`). Decimals
// arrive as strings and must stay strings (a JSON number would already have lost digits); fields the adapter does
// not read are let through unchecked, so new indexer fields do not break it.

/** A decimal carried as a string, read exactly, with a range rule. */
const decimalString = decimalStringField;

const side = () => z.enum(['LONG', 'SHORT']);

/** An open perpetual position of the subaccount response. */
const perpetualPosition = () =>
  z
    .object({
      market: z.string().check(z.minLength(1)),
      side: side(),
      size: decimalString(),
      entryPrice: decimalString('positive'),
    })
    .check(
      z.superRefine((p, ctx) => {
        if (p.size.isZero()) addIssue(ctx, 'INVALID_FIELD', 'an open position has a non-zero size', ['size']);
        else if (p.size.isNegative() !== (p.side === 'SHORT')) {
          addIssue(
            ctx,
            'INVALID_FIELD',
            `a ${p.side} position has a ${p.side === 'SHORT' ? 'negative' : 'positive'} size, got ${p.size.toString()}`,
            ['size'],
          );
        }
      }),
    );

/** An asset position (USDC) of the subaccount response: unsigned size, sign in `side`. */
const assetPosition = () =>
  z.object({
    symbol: z.string().check(z.minLength(1)),
    side: side(),
    size: decimalString('nonNegative'),
  });

/** `SubaccountResponseObject`. */
export const indexerSubaccountSchema = /*#__PURE__*/ lazy(() =>
  z
    .object({
      address: z.optional(z.string()),
      subaccountNumber: z.int().check(z.nonnegative()),
      equity: z.optional(decimalString()),
      freeCollateral: z.optional(decimalString()),
      openPerpetualPositions: z.record(z.string(), perpetualPosition()),
      assetPositions: z.record(z.string(), assetPosition()),
    })
    .check(
      z.superRefine((s, ctx) => {
        for (const [key, p] of Object.entries(s.openPerpetualPositions)) {
          if (p.market !== key) {
            addIssue(
              ctx,
              'INVALID_FIELD',
              `position keyed ${quoteInput(key)} is in market ${quoteInput(p.market)}`,
              ['openPerpetualPositions', key, 'market'],
            );
          }
        }
        for (const [key, a] of Object.entries(s.assetPositions)) {
          if (a.symbol !== key) {
            addIssue(ctx, 'INVALID_FIELD', `asset position keyed '${key}' is '${a.symbol}'`, [
              'assetPositions',
              key,
              'symbol',
            ]);
          } else if (key !== 'USDC') {
            addIssue(ctx, 'INVALID_FIELD', `only USDC collateral exists on dYdX v4, got '${key}'`, [
              'assetPositions',
              key,
            ]);
          }
        }
      }),
    ),
);

/** `PerpetualMarketResponseObject` (the fields the adapter reads). */
export const indexerMarketSchema = /*#__PURE__*/ lazy(() =>
  z
    .object({
      ticker: z.string().check(z.minLength(1)),
      oraclePrice: decimalString('positive'),
      initialMarginFraction: decimalString('fraction'),
      maintenanceMarginFraction: decimalString('fraction'),
      openInterest: decimalString('nonNegative'),
      atomicResolution: z.int(),
      tickSize: decimalString('positive'),
      stepSize: decimalString('positive'),
      openInterestLowerCap: z.optional(decimalString('nonNegative')),
      openInterestUpperCap: z.optional(decimalString('nonNegative')),
      defaultFundingRate1H: z.optional(decimalString()),
      marketType: z.optional(z.enum(['CROSS', 'ISOLATED'])),
    })
    .check(
      z.superRefine((m, ctx) => {
        if (m.maintenanceMarginFraction.greaterThan(m.initialMarginFraction)) {
          addIssue(
            ctx,
            'MAINTENANCE_ABOVE_INITIAL',
            `maintenance fraction ${m.maintenanceMarginFraction.toString()} is above the initial fraction ${m.initialMarginFraction.toString()}`,
            ['maintenanceMarginFraction'],
          );
        }
        const lower = m.openInterestLowerCap;
        const upper = m.openInterestUpperCap;
        if (lower && upper && lower.greaterThan(upper)) {
          addIssue(ctx, 'INVALID_RANGE', 'the lower open-interest cap is above the upper cap', [
            'openInterestLowerCap',
          ]);
        }
      }),
    ),
);

/** The map of markets of `GET /v4/perpetualMarkets`, entries checked one by one later. */
export const indexerMarketMapSchema = /*#__PURE__*/ lazy(() => z.record(z.string(), z.unknown()));

/** Options of the adapter. */
export const indexerOptionsSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    childSubaccounts: z.optional(z.enum(['isolated', 'cross'])),
    openInterestScaling: z.optional(z.boolean()),
    leverage: z.optional(z.record(z.string(), decimalField('positive'))),
    markets: z.optional(z.array(z.string().check(z.minLength(1)))),
    fundingRateClampFactor: z.optional(decimalField('nonNegative')),
  }),
);
