// Zod schemas of the GMX v2 venue model's inputs: human units (USD, tokens, plain fractions), every field a
// decimal input read exactly. Objects are strict, so a misspelt factor name is reported instead of being ignored.
// Internal: not part of the public surface.
import * as z from 'zod/mini';
import { Decimal } from '../../internal/decimal.js';
import { MAX_EXPONENT, MIN_EXPONENT } from '../../internal/decimalLimits.js';
import { addIssue, decimalField, idField, lazy, readField } from '../../schemas/fields.js';

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

/** Most characters of a raw integer: a uint256 has at most 78 digits. */
const MAX_RAW_DIGITS = 78;

/**
 * A raw fixed-point integer of a GMX payload (decimal string, bigint, or a safe-integer number), scaled down by
 * `10^decimals` into an exact Decimal within the library's magnitude limits.
 */
export function rawAmountField(decimals: number, rule: 'signed' | 'unsigned') {
  return readField((value, ctx): Decimal => {
    let text: string;
    if (typeof value === 'bigint') text = value.toString();
    else if (typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
    else if (typeof value === 'string') text = value.trim();
    else {
      addIssue(
        ctx,
        value === undefined ? 'MISSING_FIELD' : 'INVALID_TYPE',
        `expected an integer as a decimal string or a bigint, got ${value === null ? 'null' : typeof value}`,
      );
      return z.NEVER;
    }
    if (text.length > MAX_RAW_DIGITS + 1 || !/^-?\d+$/.test(text)) {
      addIssue(ctx, 'NOT_A_NUMBER', 'expected an integer of at most 78 digits (a GMX fixed-point value)');
      return z.NEVER;
    }
    const scaled = new Decimal(text).div(new Decimal(10).pow(decimals));
    if (rule === 'unsigned' && scaled.isNegative() && !scaled.isZero()) {
      addIssue(ctx, 'NEGATIVE', `must be ≥ 0, got ${text}`);
      return z.NEVER;
    }
    if (!scaled.isZero() && (scaled.e > MAX_EXPONENT || scaled.e < MIN_EXPONENT)) {
      addIssue(ctx, 'OUT_OF_RANGE', `${text} scaled by 10^-${decimals} is outside 1e-40 … 1e40 in magnitude`);
      return z.NEVER;
    }
    return scaled.isZero() ? new Decimal(0) : scaled;
  });
}

/** A token's decimals: a whole number in [0, 36]. */
export const tokenDecimalsSchema = /*#__PURE__*/ lazy(() =>
  readField((value, ctx): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 36) {
      addIssue(
        ctx,
        value === undefined ? 'MISSING_FIELD' : 'INVALID_FIELD',
        'token decimals must be a whole number from 0 to 36',
      );
      return z.NEVER;
    }
    return value;
  }),
);

/** Options of `fromGmxPositionInfo`. */
export const adapterOptionsSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    indexTokenDecimals: tokenDecimalsSchema(),
    collateralTokenDecimals: tokenDecimalsSchema(),
    collateralTokenPrice: decimalField('positive'),
    collateralIsIndexToken: z.optional(flagField()),
    marketId: z.optional(idField()),
  }),
);

/** The reader payload, scaled by the token decimals of the options. */
export function positionInfoSchema(indexDecimals: number, collateralDecimals: number) {
  const usd = (rule: 'signed' | 'unsigned') => rawAmountField(30, rule);
  const collateral = rawAmountField(collateralDecimals, 'unsigned');
  return z.object({
    position: z.object({
      addresses: z.object({ account: idField(), market: idField(), collateralToken: idField() }),
      numbers: z.object({
        sizeInUsd: usd('unsigned'),
        sizeInTokens: rawAmountField(indexDecimals, 'unsigned'),
        collateralAmount: collateral,
      }),
      flags: z.object({ isLong: flagField() }),
    }),
    fees: z.object({
      borrowing: z.object({ borrowingFeeUsd: usd('unsigned') }),
      funding: z.object({ fundingFeeAmount: collateral }),
      positionFeeAmount: collateral,
    }),
    executionPriceResult: z.object({ priceImpactUsd: usd('signed') }),
    basePnlUsd: usd('signed'),
    pnlAfterPriceImpactUsd: usd('signed'),
  });
}
