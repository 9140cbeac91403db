import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { positionFeeSchema } from './schemas.js';

/**
 * Input of {@link gmxPositionFee}.
 * @category Venue: GMX
 */
export interface GmxPositionFeeInput {
  /** Size opened or closed, USD (≥ 0). */
  readonly sizeDeltaUsd: DecimalInput;
  /** Whether the order improves the long/short balance (its price impact is positive). */
  readonly balanceWasImproved: boolean;
  /** `positionFeeFactor` for balance improved (e.g. 0.0004). */
  readonly positionFeeFactorForBalanceWasImproved: DecimalInput;
  /** `positionFeeFactor` for balance not improved (e.g. 0.0006). */
  readonly positionFeeFactorForBalanceWasNotImproved: DecimalInput;
  /** Referral tier's total rebate factor, a fraction of the fee (default 0). */
  readonly totalRebateFactor?: DecimalInput;
  /** Share of the rebate given back to the trader as a discount (default 0). */
  readonly traderDiscountFactor?: DecimalInput;
}

/**
 * Result of {@link gmxPositionFee}, in USD.
 * @category Venue: GMX
 */
export interface GmxPositionFee {
  /** The factor charged. */
  readonly feeFactor: Decimal;
  /** `sizeDeltaUsd · feeFactor`, before any referral discount. */
  readonly grossFeeUsd: Decimal;
  /** `grossFeeUsd · totalRebateFactor`: the referral rebate (trader discount plus affiliate reward). */
  readonly totalRebateUsd: Decimal;
  /** `totalRebateUsd · traderDiscountFactor`: the trader's discount. */
  readonly traderDiscountUsd: Decimal;
  /** `totalRebateUsd − traderDiscountUsd`: the affiliate's reward. */
  readonly affiliateRewardUsd: Decimal;
  /** `grossFeeUsd − traderDiscountUsd`: what the trader pays. */
  readonly positionFeeUsd: Decimal;
}

/**
 * GMX v2 open/close position fee:
 *
 * `gross = sizeDeltaUsd · (balance improved ? factorImproved : factorNotImproved)`,
 * `rebate = gross · totalRebateFactor`, `discount = rebate · traderDiscountFactor`, `fee = gross − discount`.
 *
 * Units: USD (GMX converts to collateral tokens at the collateral's minimum price). GMX's docs give 0.04 % (balance
 * improved) and 0.06 % (not improved) for all markets today. Exact; the contract floors each step to its token units.
 * Source: gmx-io/gmx-synthetics `contracts/pricing/PositionPricingUtils.sol` (`getPositionFeesAfterReferral`);
 * GMX docs "Fees" (open/close fees); gmx-io/gmx-interface `sdk/src/utils/__tests__/fees.spec.ts` (vectors GMX-FEE-*).
 *
 * @param input - size, whether balance improves, the two fee factors and the referral factors.
 * @throws {@link ValidationError} for a malformed field (path names it).
 * @example
 * ```ts
 * import { gmxPositionFee } from 'marginkit';
 * // $100,000 at 0.1 % with a 10 % rebate of which half goes to the trader
 * const fee = gmxPositionFee({ sizeDeltaUsd: '100000', balanceWasImproved: false,
 *   positionFeeFactorForBalanceWasImproved: '0.0005', positionFeeFactorForBalanceWasNotImproved: '0.001',
 *   totalRebateFactor: '0.1', traderDiscountFactor: '0.5' });
 * fee.positionFeeUsd.toString(); // => '95'
 * fee.traderDiscountUsd.toString(); // => '5'
 * ```
 * @category Venue: GMX
 */
export function gmxPositionFee(input: GmxPositionFeeInput): GmxPositionFee {
  const v = parseOrThrow(positionFeeSchema(), input);
  const feeFactor = v.balanceWasImproved
    ? v.positionFeeFactorForBalanceWasImproved
    : v.positionFeeFactorForBalanceWasNotImproved;
  const grossFeeUsd = v.sizeDeltaUsd.times(feeFactor);
  const totalRebateUsd = grossFeeUsd.times(v.totalRebateFactor ?? new Decimal(0));
  const traderDiscountUsd = totalRebateUsd.times(v.traderDiscountFactor ?? new Decimal(0));
  return {
    feeFactor,
    grossFeeUsd,
    totalRebateUsd,
    traderDiscountUsd,
    affiliateRewardUsd: totalRebateUsd.minus(traderDiscountUsd),
    positionFeeUsd: grossFeeUsd.minus(traderDiscountUsd),
  };
}
