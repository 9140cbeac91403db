import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { fundingRatesSchema } from './schemas.js';

/**
 * Input of {@link gmxFundingRates}.
 * @category Venue: GMX
 */
export interface GmxFundingRatesInput {
  /** Long open interest, USD. */
  readonly longOpenInterest: DecimalInput;
  /** Short open interest, USD. */
  readonly shortOpenInterest: DecimalInput;
  /** The paying side's funding factor per second ({@link gmxFundingFactorPerSecond}, or GMX's reader). */
  readonly fundingFactorPerSecond: DecimalInput;
  /** Which side pays. */
  readonly longsPayShorts: boolean;
}

/**
 * Per-side GMX v2 funding rates. Sign: the amount *paid* per USD of position size per second; negative means
 * received. (GMX's interface shows the opposite sign: positive for the side that receives.)
 * @category Venue: GMX
 */
export interface GmxFundingRates {
  /** Paid by longs per USD of size per second. */
  readonly long: Decimal;
  /** Paid by shorts per USD of size per second. */
  readonly short: Decimal;
}

/**
 * Funding of both sides of a GMX v2 market. The paying side pays `f` per USD of size per second, which is
 * `f · payingOpenInterest` USD per second in all; the receiving side shares it:
 *
 * `paying = f`, `receiving = −f · payingOpenInterest / receivingOpenInterest`.
 *
 * Both are 0 when either side has no open interest (GMX then does not update funding). Units: a fraction of size
 * per second; multiply by 3,600 for an hour. The contract rounds the per-size amounts to token units; this is exact.
 * Source: gmx-io/gmx-synthetics `contracts/market/MarketUtils.sol` (`getNextFundingAmountPerSize`: `fundingUsd =
 * sizeOfPayingSide · seconds · f`, split over the receiving side); gmx-io/gmx-interface
 * `sdk/src/utils/__tests__/fees.spec.ts` (`getFundingFactorPerPeriod`, vectors GMX-FUND-SDK-01…04).
 *
 * @param input - open interest, the paying side's factor and which side pays.
 * @throws {@link ValidationError} for a malformed field (path names it).
 * @example
 * ```ts
 * import { gmxFundingRates } from 'marginkit';
 * // shorts pay 50 % per second; longs $8M, shorts $10M: longs receive 0.5 · 10/8 = 62.5 %
 * const r = gmxFundingRates({ longOpenInterest: '8000000', shortOpenInterest: '10000000',
 *   fundingFactorPerSecond: '0.5', longsPayShorts: false });
 * r.long.toString(); // => '-0.625'
 * r.short.toString(); // => '0.5'
 * ```
 * @category Venue: GMX
 */
export function gmxFundingRates(input: GmxFundingRatesInput): GmxFundingRates {
  const v = parseOrThrow(fundingRatesSchema(), input);
  const zero = new Decimal(0);
  if (v.longOpenInterest.isZero() || v.shortOpenInterest.isZero() || v.fundingFactorPerSecond.isZero()) {
    return { long: zero, short: zero };
  }
  const f = v.fundingFactorPerSecond;
  const paying = v.longsPayShorts ? v.longOpenInterest : v.shortOpenInterest;
  const receiving = v.longsPayShorts ? v.shortOpenInterest : v.longOpenInterest;
  const received = f.times(paying).div(receiving).neg();
  return v.longsPayShorts ? { long: f, short: received } : { long: received, short: f };
}
