import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { positiveArg } from '../../internal/decimalArg.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { GmxLiquidationParams, GmxPositionInput } from './GmxPosition.js';
import { liquidationLine, liquidationReason, remainingAt } from './liquidationLine.js';
import { feeRatesSchema } from './schemas.js';

/**
 * The side's per-second rates for {@link gmxLiquidationHours}.
 * @category Venue: GMX
 */
export interface GmxFeeRatesInput {
  /** Borrowing factor per second of the position's side ({@link gmxBorrowingFactorPerSecond}). */
  readonly borrowingFactorPerSecond: DecimalInput;
  /** Funding paid per USD per second by the position's side ({@link gmxFundingRates}; negative when received). */
  readonly fundingFactorPerSecond: DecimalInput;
}

/**
 * Result of {@link gmxLiquidationHours}.
 * @category Venue: GMX
 */
export type GmxLiquidationHours =
  | {
      readonly kind: 'hours';
      /** Hours until fees bring remaining collateral down to the threshold. */
      readonly hours: Decimal;
      /** Fees charged per hour, USD. */
      readonly feesPerHourUsd: Decimal;
      /** Remaining collateral above the threshold now, USD. */
      readonly bufferUsd: Decimal;
    }
  | { readonly kind: 'never'; readonly bufferUsd: Decimal }
  | { readonly kind: 'now'; readonly bufferUsd: Decimal };

/**
 * "Liquidation hours": how long a GMX v2 position can be held at a constant index price before borrowing and funding
 * fees bring its remaining collateral down to the liquidation threshold:
 *
 * `hours = (remaining − max(minCollateralUsd, size·minCollateralFactor)) / (size · (borrowingFactorPerSecond +
 *  max(fundingFactorPerSecond, 0)) · 3600)`.
 *
 * Funding received is not counted: GMX credits it as claimable, not as collateral (the interface's estimate ignores
 * it the same way). `never` when no fee is charged; `now` when already liquidatable. Units: hours, USD.
 * Source: gmx-io/gmx-interface `src/domain/synthetics/positions/utils.ts` (`getEstimatedLiquidationTimeInHours`);
 * the rule of {@link gmxLiquidationCheck}.
 *
 * @param position - the position (human units).
 * @param params - the market's liquidation parameters.
 * @param indexPrice - the index price held constant, USD (> 0).
 * @param rates - the side's borrowing factor per second and funding paid per second.
 * @throws {@link ValidationError} for a malformed position, parameter or rate; {@link InvalidArgumentError} for a price ≤ 0.
 * @example
 * ```ts
 * import { gmxLiquidationHours } from 'marginkit';
 * const position = { isLong: true, sizeInUsd: '50000', sizeInTokens: '20', collateralAmount: '5000',
 *   collateralTokenPrice: '1' };
 * const params = { minCollateralFactor: '0.005', minCollateralUsd: '1', positionFeeFactor: '0.0006' };
 * // at 2,300 the buffer is 970 − 250 = 720 USD; fees 50,000 · 2e-8 · 3,600 = 3.6 USD an hour
 * const h = gmxLiquidationHours(position, params, '2300',
 *   { borrowingFactorPerSecond: '1.5e-8', fundingFactorPerSecond: '5e-9' });
 * if (h.kind === 'hours') h.hours.toString(); // => '200'
 * ```
 * @category Venue: GMX
 */
export function gmxLiquidationHours(
  position: GmxPositionInput,
  params: GmxLiquidationParams,
  indexPrice: DecimalInput,
  rates: GmxFeeRatesInput,
): GmxLiquidationHours {
  const line = liquidationLine(position, params);
  const price = positiveArg(indexPrice, 'indexPrice');
  const r = parseOrThrow(feeRatesSchema(), rates, ['rates']);
  const remaining = remainingAt(line, price);
  const bufferUsd = remaining.minus(line.threshold);
  if (liquidationReason(line, remaining) !== undefined) return { kind: 'now', bufferUsd };
  const perSecond = r.borrowingFactorPerSecond.plus(Decimal.max(r.fundingFactorPerSecond, 0));
  const feesPerHourUsd = line.sizeInUsd.times(perSecond).times(3600);
  if (feesPerHourUsd.isZero()) return { kind: 'never', bufferUsd };
  return { kind: 'hours', hours: bufferUsd.div(feesPerHourUsd), feesPerHourUsd, bufferUsd };
}
