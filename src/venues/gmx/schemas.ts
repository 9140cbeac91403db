// Zod schemas of the GMX v2 venue model's inputs: human units (USD, tokens, plain fractions), every field a
// decimal input read exactly. Objects are strict, so a misspelt factor name is reported instead of being ignored.
// Internal: not part of the public surface.
import * as z from 'zod/mini';
import { addIssue, decimalField, lazy, readField } from '../../schemas/fields.js';

/** Largest exponent factor accepted: GMX markets use 1 to about 2.5; a bound keeps `x^e` finite and cheap. */
export const MAX_EXPONENT_FACTOR = 10;

/** An exponent factor: a decimal in [1, 10] (GMX's `pow` is defined for exponents ≥ 1 in practice). */
export function exponentField() {
  return z.pipe(
    decimalField('positive'),
    z.transform((e, ctx) => {
      if (e.lessThan(1) || e.greaterThan(MAX_EXPONENT_FACTOR)) {
        addIssue(
          ctx,
          'OUT_OF_RANGE',
          `an exponent factor must lie in [1, ${MAX_EXPONENT_FACTOR}], got ${e.toString()}`,
        );
        return z.NEVER;
      }
      return e;
    }),
  );
}

/** A yes/no field. */
export function flagField() {
  return readField((value, ctx): boolean => {
    if (typeof value !== 'boolean') {
      addIssue(
        ctx,
        value === undefined ? 'MISSING_FIELD' : 'INVALID_TYPE',
        `expected true or false, got ${value === null ? 'null' : typeof value}`,
      );
      return z.NEVER;
    }
    return value;
  });
}

/** Input of `gmxPositionPriceImpact`. */
export const priceImpactSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    longOpenInterest: decimalField('nonNegative'),
    shortOpenInterest: decimalField('nonNegative'),
    isLong: flagField(),
    sizeDeltaUsd: decimalField(),
    positiveImpactFactor: decimalField('nonNegative'),
    negativeImpactFactor: decimalField('nonNegative'),
    impactExponent: exponentField(),
    positiveImpactExponent: z.optional(exponentField()),
    negativeImpactExponent: z.optional(exponentField()),
    maxPositiveImpactFactor: z.optional(decimalField('nonNegative')),
    maxNegativeImpactFactor: z.optional(decimalField('nonNegative')),
    impactPoolUsd: z.optional(decimalField('nonNegative')),
  }),
);

/** Input of `gmxPositionFee`. */
export const positionFeeSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    sizeDeltaUsd: decimalField('nonNegative'),
    balanceWasImproved: flagField(),
    positionFeeFactorForBalanceWasImproved: decimalField('fraction'),
    positionFeeFactorForBalanceWasNotImproved: decimalField('fraction'),
    totalRebateFactor: z.optional(decimalField('fraction')),
    traderDiscountFactor: z.optional(decimalField('fraction')),
  }),
);

/** Input of `gmxBorrowingFactorPerSecond`. */
export const borrowingSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    borrowingFactor: decimalField('nonNegative'),
    borrowingExponentFactor: z.optional(exponentField()),
    reservedUsd: decimalField('nonNegative'),
    poolUsd: decimalField('positive'),
  }),
);

/** Input of `gmxFundingFactorPerSecond`. */
export const fundingFactorSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    longOpenInterest: decimalField('nonNegative'),
    shortOpenInterest: decimalField('nonNegative'),
    fundingFactor: decimalField('nonNegative'),
    fundingExponentFactor: z.optional(exponentField()),
    maxFundingFactorPerSecond: z.optional(decimalField('nonNegative')),
  }),
);

/** Input of `gmxFundingRates`. */
export const fundingRatesSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    longOpenInterest: decimalField('nonNegative'),
    shortOpenInterest: decimalField('nonNegative'),
    fundingFactorPerSecond: decimalField('nonNegative'),
    longsPayShorts: flagField(),
  }),
);

/** Input of `gmxAccruedFees`. */
export const accruedFeesSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    sizeInUsd: decimalField('nonNegative'),
    seconds: decimalField('nonNegative'),
    borrowingFactorPerSecond: decimalField('nonNegative'),
    fundingFactorPerSecond: decimalField(),
  }),
);

/** A GMX position as the liquidation functions read it (human units). */
export const positionSchema = /*#__PURE__*/ lazy(() =>
  z.pipe(
    z.strictObject({
      isLong: flagField(),
      sizeInUsd: decimalField('positive'),
      sizeInTokens: decimalField('positive'),
      collateralAmount: decimalField('nonNegative'),
      collateralTokenPrice: z.optional(decimalField('positive')),
      collateralIsIndexToken: z.optional(flagField()),
      pendingBorrowingFeesUsd: z.optional(decimalField('nonNegative')),
      pendingFundingFeesUsd: z.optional(decimalField('nonNegative')),
    }),
    z.transform((v, ctx) => {
      if (v.collateralIsIndexToken !== true && v.collateralTokenPrice === undefined) {
        addIssue(ctx, 'MISSING_FIELD', 'is required unless collateralIsIndexToken is true', [
          'collateralTokenPrice',
        ]);
        return z.NEVER;
      }
      return v;
    }),
  ),
);

/** The market's liquidation parameters. */
export const liquidationParamsSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    minCollateralFactor: decimalField('fraction'),
    minCollateralUsd: decimalField('nonNegative'),
    positionFeeFactor: decimalField('fraction'),
    maxPositionImpactFactorForLiquidations: z.optional(decimalField('fraction')),
    priceImpactUsd: z.optional(decimalField()),
  }),
);

/** Per-second rates of `gmxLiquidationHours`. */
export const feeRatesSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    borrowingFactorPerSecond: decimalField('nonNegative'),
    fundingFactorPerSecond: decimalField(),
  }),
);

/** Input of `gmxLeverageCheck`. */
export const leverageCheckSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    sizeInUsd: decimalField('positive'),
    collateralUsd: decimalField('nonNegative'),
    realizedPnlUsd: z.optional(decimalField()),
    minCollateralFactor: decimalField('fraction'),
    minCollateralFactorForOpenInterestMultiplier: z.optional(decimalField('nonNegative')),
    openInterest: z.optional(decimalField('nonNegative')),
    openInterestDelta: z.optional(decimalField()),
  }),
);
