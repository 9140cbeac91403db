import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { big, cmp, div, mul, pow10, type Rat, rat, round, sub } from './fraction.js';
import { bookSide, type DydxBookLevel, impactPriceOf } from './impactPriceSubticks.js';
import { exponentArg, wholeArg } from './quantums.js';

/**
 * Input of {@link dydxPremiumVotePpm}: the book of one CLOB pair and the parameters of its perpetual, in chain
 * units.
 * @category Venue: dYdX
 */
export interface DydxPremiumVoteInput {
  /** Bids, best (highest) first. */
  readonly bids: readonly DydxBookLevel[];
  /** Asks, best (lowest) first. */
  readonly asks: readonly DydxBookLevel[];
  /** Index price integer from the price daemon (USD per coin = `indexPrice · 10^indexExponent`, > 0). */
  readonly indexPrice: DecimalInput;
  /** Index price exponent. */
  readonly indexExponent: number;
  /** The perpetual's atomic resolution. */
  readonly atomicResolution: number;
  /** The CLOB pair's `quantum_conversion_exponent`. */
  readonly quantumConversionExponent: number;
  /** The liquidity tier's `impact_notional`, in quote quantums. */
  readonly impactNotional: DecimalInput;
  /** Vote clamp in ppm: `floor(premium_vote_clamp_factor · (IMF − MM) / 1e6)` ({@link dydxFundingRateClampPpm}). */
  readonly maxAbsPremiumVotePpm: DecimalInput;
}

/**
 * dYdX v4 premium vote of a block proposer, in ppm: with the index price `I` in subticks,
 *
 * - `I < best bid`: `P = impactBid / I − 1` if `I < impactBid`, else 0;
 * - `I > best ask`: `P = impactAsk / I − 1` if `I > impactAsk`, else 0;
 * - otherwise, or when the side cannot fill the impact notional, 0;
 *
 * times 1 000 000, rounded toward zero and clamped to `±maxAbsPremiumVotePpm`. Impact prices are those of
 * {@link dydxImpactPriceSubticks}. Source: dydxprotocol/v4-chain `protocol/x/clob/memclob/memclob.go`
 * (`GetPricePremium`, `getPricePremiumFromSide`).
 *
 * @param input - book, index price and parameters.
 * @throws {@link InvalidArgumentError} for a malformed, unordered or crossed book.
 * @example
 * ```ts
 * import { dydxPremiumVotePpm } from 'marginkit';
 * // index $9,000 below bids of 0.1 BTC at $9,999 and 1 BTC at $9,998 (qce −8, AR −10): impact bid ≈ $9,998.2
 * dydxPremiumVotePpm({
 *   bids: [{ subticks: 99_990_000, quantums: 1_000_000_000 }, { subticks: 99_980_000, quantums: 10_000_000_000 }],
 *   asks: [{ subticks: 100_010_000, quantums: 10_000_000_000 }],
 *   indexPrice: 900_000_000, indexExponent: -5, atomicResolution: -10, quantumConversionExponent: -8,
 *   impactNotional: 5_000_000_000, maxAbsPremiumVotePpm: 1_000_000,
 * }).toString(); // => '110911'
 * ```
 * @category Venue: dYdX
 */
export function dydxPremiumVotePpm(input: DydxPremiumVoteInput): Decimal {
  checkObject(input, 'input');
  const bids = bookSide(input.bids, 'bids');
  const asks = bookSide(input.asks, 'asks');
  const qce = exponentArg(input.quantumConversionExponent, ['quantumConversionExponent']);
  const power =
    exponentArg(input.indexExponent, ['indexExponent']) -
    qce +
    exponentArg(input.atomicResolution, ['atomicResolution']) +
    6;
  const index: Rat = mul(rat(big(wholeArg(input.indexPrice, ['indexPrice'], 1))), pow10(power));
  const notional = big(wholeArg(input.impactNotional, ['impactNotional'], 0));
  const bound = big(wholeArg(input.maxAbsPremiumVotePpm, ['maxAbsPremiumVotePpm'], 0));
  const bestBid = bids[0];
  const bestAsk = asks[0];
  if (bestBid && bestAsk && bestBid.subticks >= bestAsk.subticks) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'the book is crossed: best bid ≥ best ask', [
      'bids',
      0,
      'subticks',
    ]);
  }
  let isBid: boolean;
  if (bestBid && cmp(index, rat(bestBid.subticks)) < 0) isBid = true;
  else if (bestAsk && cmp(index, rat(bestAsk.subticks)) > 0) isBid = false;
  else return new Decimal(0);

  const impact = impactPriceOf(isBid ? bids : asks, notional, qce);
  if (impact.kind !== 'price') return new Decimal(0);
  const impactRat = rat(big(impact.subticks.numerator), big(impact.subticks.denominator));
  const c = cmp(index, impactRat);
  if ((!isBid && c <= 0) || (isBid && c >= 0)) return new Decimal(0);
  const million = rat(1_000_000n);
  const premium = sub(div(mul(impactRat, million), index), million);
  const truncated = round(premium, premium.n < 0n);
  // bigints: no Math.min / Math.max
  let clamped = truncated;
  if (clamped > bound) clamped = bound;
  if (clamped < -bound) clamped = -bound;
  return new Decimal(clamped.toString());
}
