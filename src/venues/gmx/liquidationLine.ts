import { Decimal } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { GmxLiquidationParams, GmxPositionInput } from './GmxPosition.js';
import { liquidationParamsSchema, positionSchema } from './schemas.js';

/**
 * A GMX position's remaining collateral as a line in the index price, `remaining(P) = a + b·P`, with the terms of
 * `PositionUtils.isPositionLiquidatable`. Internal.
 */
export interface LiquidationLine {
  readonly isLong: boolean;
  readonly sizeInUsd: Decimal;
  readonly sizeInTokens: Decimal;
  readonly a: Decimal;
  readonly b: Decimal;
  /** Collateral USD: fixed for a stable collateral, `amount·P` for the index token (then `collateralAmount`). */
  readonly collateralUsdFixed: Decimal;
  readonly collateralAmountAtIndex: Decimal;
  /** The close's price impact after the liquidation cap, ≤ 0. */
  readonly priceImpactUsd: Decimal;
  readonly closingFeeUsd: Decimal;
  readonly pendingFeesUsd: Decimal;
  readonly minCollateralUsd: Decimal;
  /** `sizeInUsd · minCollateralFactor`. */
  readonly minCollateralUsdForLeverage: Decimal;
  /** `max(minCollateralUsd, sizeInUsd · minCollateralFactor)`. */
  readonly threshold: Decimal;
}

/** Reads a position and the market's parameters (paths `position.*`, `params.*`) into its line. */
export function liquidationLine(position: GmxPositionInput, params: GmxLiquidationParams): LiquidationLine {
  const p = parseOrThrow(positionSchema(), position, ['position']);
  const m = parseOrThrow(liquidationParamsSchema(), params, ['params']);
  const zero = new Decimal(0);
  const index = p.collateralIsIndexToken === true;
  const collateralUsdFixed = index ? zero : p.collateralAmount.times(p.collateralTokenPrice ?? zero);
  const collateralAmountAtIndex = index ? p.collateralAmount : zero;
  // Positive impact counts 0; negative impact at most size · maxPositionImpactFactorForLiquidations.
  let priceImpactUsd = Decimal.min(m.priceImpactUsd ?? zero, zero);
  if (m.maxPositionImpactFactorForLiquidations !== undefined) {
    priceImpactUsd = Decimal.max(
      priceImpactUsd,
      p.sizeInUsd.times(m.maxPositionImpactFactorForLiquidations).neg(),
    );
  }
  if (priceImpactUsd.isZero()) priceImpactUsd = zero;
  const closingFeeUsd = p.sizeInUsd.times(m.positionFeeFactor);
  const pendingFeesUsd = (p.pendingBorrowingFeesUsd ?? zero).plus(p.pendingFundingFeesUsd ?? zero);
  const side = p.isLong ? 1 : -1;
  const minCollateralUsdForLeverage = p.sizeInUsd.times(m.minCollateralFactor);
  return {
    isLong: p.isLong,
    sizeInUsd: p.sizeInUsd,
    sizeInTokens: p.sizeInTokens,
    // pnl = side·(sizeInTokens·P − sizeInUsd)
    a: collateralUsdFixed
      .minus(p.sizeInUsd.times(side))
      .plus(priceImpactUsd)
      .minus(closingFeeUsd)
      .minus(pendingFeesUsd),
    b: p.sizeInTokens.times(side).plus(collateralAmountAtIndex),
    collateralUsdFixed,
    collateralAmountAtIndex,
    priceImpactUsd,
    closingFeeUsd,
    pendingFeesUsd,
    minCollateralUsd: m.minCollateralUsd,
    minCollateralUsdForLeverage,
    threshold: Decimal.max(m.minCollateralUsd, minCollateralUsdForLeverage),
  };
}

/** Remaining collateral at index price `price`. */
export function remainingAt(line: LiquidationLine, price: Decimal): Decimal {
  return line.a.plus(line.b.times(price));
}

/** GMX's verdict and its reason, in the contract's order of checks; undefined when not liquidatable. */
export function liquidationReason(
  line: LiquidationLine,
  remaining: Decimal,
): 'min collateral' | '< 0' | 'min collateral for leverage' | undefined {
  if (remaining.lessThan(line.minCollateralUsd)) return 'min collateral';
  if (!remaining.isPositive() || remaining.isZero()) return '< 0';
  if (remaining.lessThan(line.minCollateralUsdForLeverage)) return 'min collateral for leverage';
  return undefined;
}
