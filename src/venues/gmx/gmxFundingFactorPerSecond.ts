import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { gmxPower } from './gmxPower.js';
import { fundingFactorSchema } from './schemas.js';

/**
 * Input of {@link gmxFundingFactorPerSecond}.
 * @category Venue: GMX
 */
export interface GmxFundingFactorInput {
  /** Long open interest, USD. */
  readonly longOpenInterest: DecimalInput;
  /** Short open interest, USD. */
  readonly shortOpenInterest: DecimalInput;
  /** The market's `fundingFactor` (GMX stores it times 10^30). */
  readonly fundingFactor: DecimalInput;
  /** `fundingExponentFactor`, in [1, 10]; default 1. */
  readonly fundingExponentFactor?: DecimalInput;
  /** `maxFundingFactorPerSecond`: the result is capped at it when given. */
  readonly maxFundingFactorPerSecond?: DecimalInput;
}

/**
 * Result of {@link gmxFundingFactorPerSecond}.
 * @category Venue: GMX
 */
export interface GmxFundingFactor {
  /** Funding paid per USD of the paying side's size per second (≥ 0). */
  readonly fundingFactorPerSecond: Decimal;
  /** True when longs pay (long open interest is the larger); false when shorts pay. */
  readonly longsPayShorts: boolean;
}

/**
 * GMX v2 funding factor per second from the open-interest imbalance (markets without adaptive funding):
 *
 * `f = min(fundingFactor · |long − short|^fundingExponentFactor / (long + short), maxFundingFactorPerSecond)`,
 *
 * paid by the larger side (`|long − short|^e` is 0 below one USD). The receiving side's rate follows from it by
 * {@link gmxFundingRates}. Units: a fraction of the payer's size per second.
 * Not modelled: adaptive funding (the saved factor moving toward a target between thresholds over time); for such
 * markets pass the `fundingFactorPerSecond` and `longsPayShorts` that GMX's reader reports to {@link gmxFundingRates}.
 * Source: gmx-io/gmx-synthetics `contracts/market/MarketUtils.sol` (`getNextFundingFactorPerSecond`); README
 * "Funding Fees" (vector GMX-FUND-README-01).
 *
 * @param input - open interest and the market's funding factors.
 * @throws {@link ValidationError} for a malformed field (path names it).
 * @example
 * ```ts
 * import { gmxFundingFactorPerSecond } from 'marginkit';
 * // factor 1/50,000; longs $150,000, shorts $50,000: 0.00002 · 100,000 / 200,000
 * const f = gmxFundingFactorPerSecond({ longOpenInterest: '150000', shortOpenInterest: '50000',
 *   fundingFactor: '0.00002' });
 * f.fundingFactorPerSecond.toString(); // => '0.00001'
 * f.longsPayShorts; // => true
 * ```
 * @category Venue: GMX
 */
export function gmxFundingFactorPerSecond(input: GmxFundingFactorInput): GmxFundingFactor {
  const v = parseOrThrow(fundingFactorSchema(), input);
  const diff = v.longOpenInterest.minus(v.shortOpenInterest).abs();
  const total = v.longOpenInterest.plus(v.shortOpenInterest);
  if (diff.isZero()) return { fundingFactorPerSecond: new Decimal(0), longsPayShorts: true };
  let f = v.fundingFactor.times(gmxPower(diff, v.fundingExponentFactor ?? new Decimal(1))).div(total);
  if (v.maxFundingFactorPerSecond !== undefined) f = Decimal.min(f, v.maxFundingFactorPerSecond);
  return {
    fundingFactorPerSecond: f.isZero() ? new Decimal(0) : f,
    longsPayShorts: v.longOpenInterest.greaterThan(v.shortOpenInterest),
  };
}
