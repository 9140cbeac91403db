import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { positiveArg } from '../../internal/decimalArg.js';
import type { GmxLiquidationParams, GmxPositionInput } from './GmxPosition.js';
import { liquidationLine, liquidationReason, remainingAt } from './liquidationLine.js';

/**
 * Result of {@link gmxLiquidationCheck}, USD amounts.
 * @category Venue: GMX
 */
export interface GmxLiquidationCheck {
  /** Whether GMX would liquidate the position at this price. */
  readonly liquidatable: boolean;
  /** The contract's reason: `'min collateral'`, `'< 0'` or `'min collateral for leverage'`; absent when safe. */
  readonly reason?: 'min collateral' | '< 0' | 'min collateral for leverage';
  /** `collateral + PnL + capped price impact − closing fee − pending borrowing and funding`. */
  readonly remainingCollateralUsd: Decimal;
  /** `max(minCollateralUsd, sizeInUsd · minCollateralFactor)`: the level remaining collateral must not fall below. */
  readonly thresholdUsd: Decimal;
  /** PnL at the price: `±(sizeInTokens · price − sizeInUsd)`. */
  readonly pnlUsd: Decimal;
  /** Collateral value at the price. */
  readonly collateralUsd: Decimal;
  /** The close's price impact after the liquidation cap (≤ 0). */
  readonly priceImpactUsd: Decimal;
  /** `sizeInUsd · positionFeeFactor`. */
  readonly closingFeeUsd: Decimal;
}

/**
 * GMX v2's liquidation rule for one position at an index price (`PositionUtils.isPositionLiquidatable`):
 *
 * `remaining = collateralUsd + pnl + min(0, max(priceImpact, −size·maxImpactFactorForLiquidations)) − size·feeFactor
 *  − pendingBorrowing − pendingFunding`,
 *
 * liquidatable when `remaining < minCollateralUsd` ('min collateral'), `remaining ≤ 0` ('< 0') or
 * `remaining < sizeInUsd · minCollateralFactor` ('min collateral for leverage'), checked in that order.
 * `pnl = sizeInTokens·price − sizeInUsd` for longs and the opposite for shorts.
 *
 * Units: USD; the price is the index token's (GMX takes its minimum for longs, its maximum for shorts). Not modelled:
 * the cap of positive PnL by the pool's max PnL factor, and UI fees. Source: gmx-io/gmx-synthetics
 * `contracts/position/PositionUtils.sol` (`isPositionLiquidatable`); GMX docs "Liquidations"; vector
 * GMX-LIQ-TEST-01 (gmx-synthetics `test/exchange/LiquidationOrder.ts`).
 *
 * @param position - the position (human units).
 * @param params - the market's minimum collateral, closing fee factor and impact cap, and the close's impact.
 * @param indexPrice - the index token's price, USD (> 0).
 * @throws {@link ValidationError} for a malformed position (`position.*`) or parameter (`params.*`);
 *   {@link InvalidArgumentError} for a price ≤ 0.
 * @example
 * ```ts
 * import { gmxLiquidationCheck } from 'marginkit';
 * // 10x long: $50,000 of ETH bought at 2,500 (20 ETH) with 5,000 USDC
 * const position = { isLong: true, sizeInUsd: '50000', sizeInTokens: '20', collateralAmount: '5000',
 *   collateralTokenPrice: '1' };
 * const params = { minCollateralFactor: '0.005', minCollateralUsd: '1', positionFeeFactor: '0.0006' };
 * gmxLiquidationCheck(position, params, '2300').liquidatable; // => false
 * gmxLiquidationCheck(position, params, '2260').reason; // => 'min collateral for leverage'
 * ```
 * @category Venue: GMX
 */
export function gmxLiquidationCheck(
  position: GmxPositionInput,
  params: GmxLiquidationParams,
  indexPrice: DecimalInput,
): GmxLiquidationCheck {
  const line = liquidationLine(position, params);
  const price = positiveArg(indexPrice, 'indexPrice');
  const remaining = remainingAt(line, price);
  const reason = liquidationReason(line, remaining);
  const pnl = line.sizeInTokens.times(price).minus(line.sizeInUsd);
  return {
    liquidatable: reason !== undefined,
    ...(reason === undefined ? {} : { reason }),
    remainingCollateralUsd: remaining,
    thresholdUsd: line.threshold,
    pnlUsd: line.isLong ? pnl : pnl.neg(),
    collateralUsd: line.collateralUsdFixed.plus(line.collateralAmountAtIndex.times(price)),
    priceImpactUsd: line.priceImpactUsd,
    closingFeeUsd: line.closingFeeUsd,
  };
}
