import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { leverageCheckSchema } from './schemas.js';

/**
 * Input of {@link gmxLeverageCheck}.
 * @category Venue: GMX
 */
export interface GmxLeverageCheckInput {
  /** The position's size after the order, USD (> 0). */
  readonly sizeInUsd: DecimalInput;
  /** Its collateral after the order at the collateral's minimum price, USD. */
  readonly collateralUsd: DecimalInput;
  /** PnL realized by the order; a loss is paid from collateral, a gain is not counted (default 0). */
  readonly realizedPnlUsd?: DecimalInput;
  /** The market's `minCollateralFactor`. */
  readonly minCollateralFactor: DecimalInput;
  /** `minCollateralFactorForOpenInterestMultiplier` of the position's side (default 0: no open-interest scaling). */
  readonly minCollateralFactorForOpenInterestMultiplier?: DecimalInput;
  /** The side's open interest before the order, USD (default 0). */
  readonly openInterest?: DecimalInput;
  /** The order's change of that open interest, USD (default 0). */
  readonly openInterestDelta?: DecimalInput;
}

/**
 * Result of {@link gmxLeverageCheck}.
 * @category Venue: GMX
 */
export interface GmxLeverageCheck {
  /** `max(minCollateralFactor, (openInterest + delta) · multiplier)`. */
  readonly minCollateralFactor: Decimal;
  /** `1 / minCollateralFactor`: the highest leverage the rule allows (`'unbounded'` when the factor is 0). */
  readonly maxLeverage: Decimal | 'unbounded';
  /** `collateralUsd + min(realizedPnlUsd, 0)`. */
  readonly remainingCollateralUsd: Decimal;
  /** `sizeInUsd · minCollateralFactor`. */
  readonly requiredCollateralUsd: Decimal;
  /** Whether `remainingCollateralUsd ≥ requiredCollateralUsd` (and remaining ≥ 0). */
  readonly sufficient: boolean;
}

/**
 * GMX v2's max-leverage rule for opening or increasing a position
 * (`PositionUtils.willPositionCollateralBeSufficient`): the minimum collateral factor grows with the side's open
 * interest,
 *
 * `factor = max(minCollateralFactor, (openInterest + openInterestDelta) · minCollateralFactorForOpenInterestMultiplier)`,
 *
 * and the order is allowed when `collateralUsd + min(realizedPnl, 0) ≥ sizeInUsd · factor`. Fees, price impact and
 * unrealized PnL are left out on purpose (the contract checks them separately with {@link gmxLiquidationCheck}).
 * Units: USD; factors are fractions, leverage a multiple.
 * Source: gmx-io/gmx-synthetics `contracts/position/PositionUtils.sol` (`willPositionCollateralBeSufficient`) and
 * `contracts/market/MarketUtils.sol` (`getMinCollateralFactorForOpenInterest`).
 *
 * @param input - size, collateral and realized PnL after the order, and the market's factors and open interest.
 * @throws {@link ValidationError} for a malformed field (path names it).
 * @example
 * ```ts
 * import { gmxLeverageCheck } from 'marginkit';
 * // $10M of longs open, +$1M more, multiplier 1e-9: factor max(0.01, 11,000,000 · 1e-9 = 0.011) = 0.011
 * const c = gmxLeverageCheck({ sizeInUsd: '1000000', collateralUsd: '10000', minCollateralFactor: '0.01',
 *   minCollateralFactorForOpenInterestMultiplier: '1e-9', openInterest: '10000000', openInterestDelta: '1000000' });
 * c.minCollateralFactor.toString(); // => '0.011'
 * c.sufficient; // => false
 * ```
 * @category Venue: GMX
 */
export function gmxLeverageCheck(input: GmxLeverageCheckInput): GmxLeverageCheck {
  const v = parseOrThrow(leverageCheckSchema(), input);
  const zero = new Decimal(0);
  const openInterest = Decimal.max((v.openInterest ?? zero).plus(v.openInterestDelta ?? zero), zero);
  const scaled = openInterest.times(v.minCollateralFactorForOpenInterestMultiplier ?? zero);
  const minCollateralFactor = Decimal.max(v.minCollateralFactor, scaled);
  const remainingCollateralUsd = v.collateralUsd.plus(Decimal.min(v.realizedPnlUsd ?? zero, zero));
  const requiredCollateralUsd = v.sizeInUsd.times(minCollateralFactor);
  return {
    minCollateralFactor,
    maxLeverage: minCollateralFactor.isZero() ? 'unbounded' : new Decimal(1).div(minCollateralFactor),
    remainingCollateralUsd,
    requiredCollateralUsd,
    sufficient:
      !remainingCollateralUsd.isNegative() &&
      remainingCollateralUsd.greaterThanOrEqualTo(requiredCollateralUsd),
  };
}
