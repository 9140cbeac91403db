import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { MAX_EXPONENT, MIN_EXPONENT } from '../internal/decimalLimits.js';
import { YEAR_MS } from '../internal/time.js';
import { narrow, wideDecimal } from '../options/wideDecimal.js';
import type { FutureFairPriceInput } from './Future.js';
import { priceField, remainingMs } from './futureTime.js';

/** Beyond |r·τ| = 200 the price e^(r·τ)·S lies outside 1e-40 … 1e40 for every accepted S. */
const MAX_CARRY = 200;

/**
 * The fair price of a dated future from cost of carry, continuously compounded:
 * F = S · e^(r·τ), τ = max(expiry − now, 0) / 365 days in years; r the carry rate per year (funding cost less any
 * yield). The exponential is taken at 60 significant digits and F rounded to the library's 40. At r = 0, F = S.
 * At or after expiry (τ = 0) the future settles at the index: F = S.
 *
 * The inverse is {@link futureBasis}'s `impliedRate`: `futureFairPrice` at that rate gives back the future's price.
 *
 * @param input - `indexPrice` (> 0), `rate`, `nowMs`, `expiry` (whole milliseconds, at most 100 years apart).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for an index ≤ 0 or a bad time; `OUT_OF_RANGE` when F
 *   would lie outside 1e-40 … 1e40 (path `['input', 'rate']`).
 * @example
 * ```ts
 * import { futureFairPrice } from 'marginkit';
 * // 5 % carry for half a year on an index of 100 000: 100 000 · e^0.025
 * futureFairPrice({ indexPrice: 100_000, rate: '0.05', nowMs: 0, expiry: 15_768_000_000 }).toFixed(4); // => '102531.5121'
 * ```
 * @category Futures
 */
export function futureFairPrice(input: FutureFairPriceInput): Decimal {
  const remaining = remainingMs(input);
  const index = priceField(input.indexPrice, 'indexPrice');
  const rate = decimalArg(input.rate, 'input.rate', ['input', 'rate']);
  if (remaining <= 0 || rate.isZero()) return index;
  const W = wideDecimal();
  const carry = new W(rate).times(remaining).div(YEAR_MS);
  const outside = (): InvalidArgumentError =>
    new InvalidArgumentError('OUT_OF_RANGE', 'the fair price lies outside 1e-40 … 1e40', ['input', 'rate']);
  if (carry.abs().greaterThan(MAX_CARRY)) throw outside();
  const price = narrow(carry.exp().times(new W(index)));
  if (price.isZero() || price.e > MAX_EXPONENT || price.e < MIN_EXPONENT) throw outside();
  return new Decimal(price);
}
