import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { accruedFeesSchema } from './schemas.js';

/**
 * Input of {@link gmxAccruedFees}.
 * @category Venue: GMX
 */
export interface GmxAccruedFeesInput {
  /** The position's size, USD. */
  readonly sizeInUsd: DecimalInput;
  /** Time the rates are held for, seconds (≥ 0; 3,600 for an hour). */
  readonly seconds: DecimalInput;
  /** The side's borrowing factor per second ({@link gmxBorrowingFactorPerSecond}). */
  readonly borrowingFactorPerSecond: DecimalInput;
  /** The side's funding paid per USD per second ({@link gmxFundingRates}; negative when received). */
  readonly fundingFactorPerSecond: DecimalInput;
}

/**
 * Fees a GMX v2 position accrues over a time at constant rates, USD.
 * @category Venue: GMX
 */
export interface GmxAccruedFees {
  /** `sizeInUsd · borrowingFactorPerSecond · seconds` (≥ 0). */
  readonly borrowingFeeUsd: Decimal;
  /** `sizeInUsd · fundingFactorPerSecond · seconds`: paid when > 0, received when < 0. */
  readonly fundingFeeUsd: Decimal;
  /** `borrowingFeeUsd + fundingFeeUsd`: the net change of the position's costs. */
  readonly netFeeUsd: Decimal;
}

/**
 * Borrowing and funding a GMX v2 position accrues over `seconds` while the rates stay as given:
 *
 * `borrowing = size · borrowingFactorPerSecond · t`, `funding = size · fundingFactorPerSecond · t`.
 *
 * GMX accrues both through cumulative per-size factors updated at every action; at constant open interest and pool
 * value between updates this is the same amount. Units: USD (sizes) and seconds.
 * Source: gmx-io/gmx-synthetics `contracts/market/MarketUtils.sol` (`getNextCumulativeBorrowingFactor`:
 * `cumulative + seconds · borrowingFactorPerSecond`; `getBorrowingFees`: `size · (cumulative − position's)`;
 * `getNextFundingAmountPerSize`).
 *
 * @param input - size, seconds and the side's per-second factors.
 * @throws {@link ValidationError} for a malformed field (path names it).
 * @example
 * ```ts
 * import { gmxAccruedFees } from 'marginkit';
 * // $10,000 for one day at 1e-9 borrowing and 2e-9 funding per second
 * const fees = gmxAccruedFees({ sizeInUsd: '10000', seconds: 86_400, borrowingFactorPerSecond: '1e-9',
 *   fundingFactorPerSecond: '2e-9' });
 * fees.borrowingFeeUsd.toString(); // => '0.864'
 * fees.netFeeUsd.toString(); // => '2.592'
 * ```
 * @category Venue: GMX
 */
export function gmxAccruedFees(input: GmxAccruedFeesInput): GmxAccruedFees {
  const v = parseOrThrow(accruedFeesSchema(), input);
  const exposure = v.sizeInUsd.times(v.seconds);
  const borrowingFeeUsd = exposure.times(v.borrowingFactorPerSecond);
  const fundingFeeUsd = exposure.times(v.fundingFactorPerSecond);
  return { borrowingFeeUsd, fundingFeeUsd, netFeeUsd: borrowingFeeUsd.plus(fundingFeeUsd) };
}
