// Zod schemas of Binance's own payloads. Binance sends most decimals as strings ("0.00100000") and bracket
// numbers as JSON numbers; every numeric field accepts both and becomes an exact Decimal. Objects are not strict:
// Binance adds fields over time, and fields this library does not read are dropped.
import * as z from 'zod/mini';
import { addIssue, decimalField, idField, lazy } from '../../schemas/fields.js';

/** One leverage bracket (USDⓈ-M notional bounds or COIN-M quantity bounds). */
export const bracketSchema = /*#__PURE__*/ lazy(() =>
  z.pipe(
    z.object({
      bracket: decimalField('positive'),
      initialLeverage: decimalField('positive'),
      notionalFloor: z.optional(decimalField('nonNegative')),
      notionalCap: z.optional(decimalField('positive')),
      qtyFloor: z.optional(decimalField('nonNegative')),
      qtylFloor: z.optional(decimalField('nonNegative')),
      qtyCap: z.optional(decimalField('positive')),
      maintMarginRatio: decimalField('fraction'),
      cum: decimalField('nonNegative'),
    }),
    z.transform((v, ctx) => {
      if (!v.bracket.isInteger()) {
        addIssue(ctx, 'INVALID_FIELD', `a bracket level is a whole number, got ${v.bracket.toString()}`, [
          'bracket',
        ]);
        return z.NEVER;
      }
      const usdm = v.notionalFloor !== undefined || v.notionalCap !== undefined;
      const coinm = v.qtyFloor !== undefined || v.qtylFloor !== undefined || v.qtyCap !== undefined;
      if (usdm && coinm) {
        addIssue(
          ctx,
          'INVALID_FIELD',
          'give notional bounds (USDⓈ-M) or quantity bounds (COIN-M), not both',
          ['qtyFloor'],
        );
        return z.NEVER;
      }
      const floor = coinm ? (v.qtyFloor ?? v.qtylFloor) : v.notionalFloor;
      const cap = coinm ? v.qtyCap : v.notionalCap;
      if (floor === undefined) {
        addIssue(ctx, 'MISSING_FIELD', 'is required', [coinm ? 'qtyFloor' : 'notionalFloor']);
        return z.NEVER;
      }
      if (cap === undefined) {
        addIssue(ctx, 'MISSING_FIELD', 'is required', [coinm ? 'qtyCap' : 'notionalCap']);
        return z.NEVER;
      }
      if (!cap.greaterThan(floor)) {
        addIssue(ctx, 'INVALID_RANGE', `cap ${cap.toString()} is not above floor ${floor.toString()}`, [
          coinm ? 'qtyCap' : 'notionalCap',
        ]);
        return z.NEVER;
      }
      return {
        bracket: v.bracket.toNumber(),
        initialLeverage: v.initialLeverage,
        floor,
        cap,
        maintMarginRatio: v.maintMarginRatio,
        cum: v.cum,
        bounds: coinm ? ('qty' as const) : ('notional' as const),
      };
    }),
  ),
);

/** A list of brackets as one symbol's `brackets` field holds it. */
export const bracketListSchema = /*#__PURE__*/ lazy(() =>
  z.array(bracketSchema()).check(z.minLength(1, 'a bracket list needs at least one bracket')),
);

/** One symbol of `GET /fapi/v1/leverageBracket`. */
export const symbolBracketsSchema = /*#__PURE__*/ lazy(() =>
  z.object({ symbol: idField(), brackets: bracketListSchema() }),
);

/** One row of `GET /fapi/v2/positionRisk` ("Position Information V2"). */
export const positionRiskSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    symbol: idField(),
    positionSide: z.enum(['BOTH', 'LONG', 'SHORT']),
    positionAmt: decimalField(),
    entryPrice: decimalField('nonNegative'),
    markPrice: decimalField('nonNegative'),
    unRealizedProfit: decimalField(),
    liquidationPrice: decimalField('nonNegative'),
    leverage: decimalField('positive'),
    marginType: z.enum(['cross', 'isolated']),
    isolatedWallet: z.optional(decimalField('nonNegative')),
    marginAsset: z.optional(idField()),
  }),
);

/** `GET /fapi/v2/account` ("Account Information V2"): the fields the adapter reads. */
export const accountSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    multiAssetsMargin: z.optional(z.boolean()),
    assets: z.array(
      z.object({
        asset: idField(),
        walletBalance: decimalField(),
        crossWalletBalance: decimalField(),
        marginAvailable: z.optional(z.boolean()),
      }),
    ),
    positions: z.optional(
      z.array(
        z.object({
          symbol: idField(),
          positionSide: z.enum(['BOTH', 'LONG', 'SHORT']),
          maintMargin: z.optional(decimalField()),
        }),
      ),
    ),
  }),
);

/** One row of `GET /fapi/v1/premiumIndex` ("Mark Price"). */
export const premiumIndexSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    symbol: idField(),
    markPrice: decimalField('nonNegative'),
    indexPrice: decimalField('nonNegative'),
  }),
);

/** The whole `positionRisk` array. */
export const positionRiskListSchema = /*#__PURE__*/ lazy(() => z.array(positionRiskSchema()));
