import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { gmxPower } from './gmxPower.js';
import { priceImpactSchema } from './schemas.js';

/**
 * Input of {@link gmxPositionPriceImpact}. Amounts in USD, factors as plain numbers (GMX stores them times 10^30).
 * @category Venue: GMX
 */
export interface GmxPriceImpactInput {
  /** Long open interest of the market before the order, USD. */
  readonly longOpenInterest: DecimalInput;
  /** Short open interest of the market before the order, USD. */
  readonly shortOpenInterest: DecimalInput;
  /** Side of the position the order increases or decreases. */
  readonly isLong: boolean;
  /** Size change in USD: > 0 increases the position (and its side's open interest), < 0 decreases it. */
  readonly sizeDeltaUsd: DecimalInput;
  /** `positionImpactFactor` for positive impact (balance improved), per USD^exponent. */
  readonly positiveImpactFactor: DecimalInput;
  /** `positionImpactFactor` for negative impact (balance worsened), per USD^exponent. */
  readonly negativeImpactFactor: DecimalInput;
  /** `positionImpactExponentFactor`, in [1, 10]; GMX markets use 2 for most (some use up to 2.5). */
  readonly impactExponent: DecimalInput;
  /** Exponent of the positive term when the market sets one apart (newer markets); default `impactExponent`. */
  readonly positiveImpactExponent?: DecimalInput;
  /** Exponent of the negative term when the market sets one apart; default `impactExponent`. */
  readonly negativeImpactExponent?: DecimalInput;
  /** `maxPositionImpactFactor` (positive): positive impact is capped at `|sizeDeltaUsd| · factor`. */
  readonly maxPositiveImpactFactor?: DecimalInput;
  /** `maxPositionImpactFactor` (negative): GMX caps the negative impact of a decrease at `|sizeDeltaUsd| · factor`. */
  readonly maxNegativeImpactFactor?: DecimalInput;
  /** Value of the market's position impact pool, USD: positive impact is paid from it, so it caps it too. */
  readonly impactPoolUsd?: DecimalInput;
}

/**
 * Result of {@link gmxPositionPriceImpact}. Positive values are a rebate to the trader, negative a cost.
 * @category Venue: GMX
 */
export interface GmxPriceImpact {
  /** The impact by the formula, before any cap, USD. */
  readonly priceImpactUsd: Decimal;
  /** The impact after the caps that were given (positive: max factor and impact pool; negative: max factor), USD. */
  readonly cappedPriceImpactUsd: Decimal;
  /** `|long − short|` before the order, USD. */
  readonly initialDiffUsd: Decimal;
  /** `|long − short|` after the order, USD. */
  readonly nextDiffUsd: Decimal;
  /** True when the order moves the larger side across to the other (the crossover formula applies). */
  readonly crossover: boolean;
  /** True when the impact is positive: GMX then charges the lower position fee factor. */
  readonly balanceWasImproved: boolean;
}

/**
 * Price impact of increasing or decreasing a GMX v2 position, by the open-interest imbalance it leaves:
 *
 * - `term(d, factor, e) = d^e · factor`, and 0 when `d < 1` USD (`PricingUtils.applyImpactFactor`);
 * - same side (the larger side stays the larger): `impact = term(initialDiff, k) − term(nextDiff, k)`, with the
 *   positive factor and exponent when `nextDiff < initialDiff`, the negative ones otherwise;
 * - crossover: `impact = term(initialDiff, positive) − term(nextDiff, negative)`;
 * - caps: a positive impact is at most `|Δsize| · maxPositiveImpactFactor` and the impact pool's value; a negative
 *   one at least `−|Δsize| · maxNegativeImpactFactor` (GMX applies this cap when a position is decreased).
 *
 * Units: USD. Sign: > 0 is paid to the trader. The exponent 2 is exact; other exponents are correctly rounded to
 * 40 significant digits, more precise than the contract's 18-decimal `pow`, so results can differ from on-chain
 * values in the 18th significant digit. Virtual inventory (impact shared across markets) is not modelled.
 * Source: gmx-io/gmx-synthetics `contracts/pricing/PositionPricingUtils.sol` (`_getPriceImpactUsd`),
 * `contracts/pricing/PricingUtils.sol` and `contracts/utils/Precision.sol` (`applyExponentFactor`); the README's
 * "Price Impact" example (vectors GMX-PI-README-01, -02).
 *
 * @param input - open interest, the order and the market's impact factors.
 * @throws {@link ValidationError} for a malformed field (path names it); {@link InvalidArgumentError}
 *   `INVALID_ARGUMENT` for a decrease larger than its side's open interest (GMX reverts).
 * @example
 * ```ts
 * import { gmxPositionPriceImpact } from 'marginkit';
 * // A $50,000 long into a balanced $1M / $1M market, factors 1e-9 / 2e-9, exponent 2
 * const pi = gmxPositionPriceImpact({ longOpenInterest: '1000000', shortOpenInterest: '1000000', isLong: true,
 *   sizeDeltaUsd: '50000', positiveImpactFactor: '1e-9', negativeImpactFactor: '2e-9', impactExponent: 2 });
 * pi.priceImpactUsd.toString(); // => '-5'
 * pi.balanceWasImproved; // => false
 * ```
 * @category Venue: GMX
 */
export function gmxPositionPriceImpact(input: GmxPriceImpactInput): GmxPriceImpact {
  const v = parseOrThrow(priceImpactSchema(), input);
  const long = v.longOpenInterest;
  const short = v.shortOpenInterest;
  const sideOpenInterest = v.isLong ? long : short;
  const nextSide = sideOpenInterest.plus(v.sizeDeltaUsd);
  if (nextSide.isNegative() && !nextSide.isZero()) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `a decrease of ${v.sizeDeltaUsd.neg().toString()} USD exceeds the ${v.isLong ? 'long' : 'short'} open interest ${sideOpenInterest.toString()}`,
      ['sizeDeltaUsd'],
    );
  }
  const nextLong = v.isLong ? nextSide : long;
  const nextShort = v.isLong ? short : nextSide;
  const initialDiffUsd = long.minus(short).abs();
  const nextDiffUsd = nextLong.minus(nextShort).abs();
  const positiveExponent = v.positiveImpactExponent ?? v.impactExponent;
  const negativeExponent = v.negativeImpactExponent ?? v.impactExponent;
  const term = (diff: Decimal, factor: Decimal, exponent: Decimal) => gmxPower(diff, exponent).times(factor);

  const crossover = long.lessThanOrEqualTo(short) !== nextLong.lessThanOrEqualTo(nextShort);
  let priceImpactUsd: Decimal;
  if (crossover) {
    priceImpactUsd = term(initialDiffUsd, v.positiveImpactFactor, positiveExponent).minus(
      term(nextDiffUsd, v.negativeImpactFactor, negativeExponent),
    );
  } else {
    const improves = nextDiffUsd.lessThan(initialDiffUsd);
    const factor = improves ? v.positiveImpactFactor : v.negativeImpactFactor;
    const exponent = improves ? positiveExponent : negativeExponent;
    priceImpactUsd = term(initialDiffUsd, factor, exponent).minus(term(nextDiffUsd, factor, exponent));
  }

  const size = v.sizeDeltaUsd.abs();
  let capped = priceImpactUsd;
  if (capped.isPositive() && !capped.isZero()) {
    if (v.maxPositiveImpactFactor !== undefined)
      capped = Decimal.min(capped, size.times(v.maxPositiveImpactFactor));
    if (v.impactPoolUsd !== undefined) capped = Decimal.min(capped, v.impactPoolUsd);
  } else if (capped.isNegative() && v.maxNegativeImpactFactor !== undefined) {
    capped = Decimal.max(capped, size.times(v.maxNegativeImpactFactor).neg());
  }
  const zero = new Decimal(0);
  return {
    priceImpactUsd: priceImpactUsd.isZero() ? zero : priceImpactUsd,
    cappedPriceImpactUsd: capped.isZero() ? zero : capped,
    initialDiffUsd,
    nextDiffUsd,
    crossover,
    balanceWasImproved: priceImpactUsd.isPositive() && !priceImpactUsd.isZero(),
  };
}
