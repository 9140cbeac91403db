import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { positiveArg } from '../../internal/decimalArg.js';
import type { GmxLiquidationParams, GmxPositionInput } from './GmxPosition.js';
import { liquidationLine, liquidationReason, remainingAt } from './liquidationLine.js';

/**
 * Result of {@link gmxLiquidationPrice}: a price with its direction, `never` (no positive price reaches the
 * threshold) or `now` (already liquidatable at the given price).
 * @category Venue: GMX
 */
export type GmxLiquidationPrice =
  | {
      readonly kind: 'price';
      /** Index price at which remaining collateral equals the threshold, USD. */
      readonly price: Decimal;
      /** `'down'`: liquidated if the price falls below; `'up'`: if it rises above. */
      readonly direction: 'down' | 'up';
      /** `max(minCollateralUsd, sizeInUsd · minCollateralFactor)`, USD. */
      readonly thresholdUsd: Decimal;
    }
  | { readonly kind: 'never'; readonly thresholdUsd: Decimal }
  | {
      readonly kind: 'now';
      /** Remaining collateral at the given price, USD. */
      readonly remainingCollateralUsd: Decimal;
      readonly thresholdUsd: Decimal;
    };

/**
 * The index price at which a GMX v2 position reaches its liquidation threshold, fees and the close's impact held
 * as they are now. Remaining collateral is linear in the index price `P`,
 * `remaining(P) = a + b·P` ({@link gmxLiquidationCheck} gives its terms), so
 *
 * `P_liq = (max(minCollateralUsd, size·minCollateralFactor) − a) / b`, with
 * - stable collateral: `b = ±sizeInTokens`, `a = collateralUsd ∓ sizeInUsd + impact − closingFee − pendingFees`
 *   (long: `P = (threshold − remaining₀ + sizeInUsd) / sizeInTokens`);
 * - collateral in the index token: `b = ±sizeInTokens + collateralAmount` (long:
 *   `P = (sizeInUsd + threshold − impact + fees) / (sizeInTokens + collateralAmount)`).
 *
 * At `P_liq` remaining collateral equals the threshold exactly; GMX liquidates strictly beyond it. The result agrees
 * with GMX's interface (`getLiquidationPrice`), which solves the same equation. Units: USD per index token. Exact
 * up to the final division (40 significant digits).
 * Source: gmx-io/gmx-synthetics `contracts/position/PositionUtils.sol` (`isPositionLiquidatable`); gmx-io/gmx-interface
 * `sdk/src/utils/positions.ts` (`getLiquidationPrice`, equivalent and non-equivalent collateral).
 *
 * @param position - the position (human units).
 * @param params - the market's liquidation parameters.
 * @param indexPrice - the current index price, USD (> 0): `now` when already liquidatable there.
 * @throws {@link ValidationError} for a malformed position or parameter; {@link InvalidArgumentError} for a price ≤ 0.
 * @example
 * ```ts
 * import { gmxLiquidationPrice } from 'marginkit';
 * const position = { isLong: true, sizeInUsd: '50000', sizeInTokens: '20', collateralAmount: '5000',
 *   collateralTokenPrice: '1' };
 * const params = { minCollateralFactor: '0.005', minCollateralUsd: '1', positionFeeFactor: '0.0006' };
 * const lp = gmxLiquidationPrice(position, params, '2500');
 * // (250 − (5,000 − 50,000 − 30)) / 20
 * if (lp.kind === 'price') lp.price.toString(); // => '2264'
 * ```
 * @category Venue: GMX
 */
export function gmxLiquidationPrice(
  position: GmxPositionInput,
  params: GmxLiquidationParams,
  indexPrice: DecimalInput,
): GmxLiquidationPrice {
  const line = liquidationLine(position, params);
  const price = positiveArg(indexPrice, 'indexPrice');
  const thresholdUsd = line.threshold;
  const remaining = remainingAt(line, price);
  if (liquidationReason(line, remaining) !== undefined) {
    return { kind: 'now', remainingCollateralUsd: remaining, thresholdUsd };
  }
  if (line.b.isZero()) return { kind: 'never', thresholdUsd };
  const liq = thresholdUsd.minus(line.a).div(line.b);
  if (!liq.isPositive() || liq.isZero()) return { kind: 'never', thresholdUsd };
  return { kind: 'price', price: liq, direction: line.b.isPositive() ? 'down' : 'up', thresholdUsd };
}
