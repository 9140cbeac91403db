import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { positiveZero } from '../internal/positiveZero.js';
import { YEAR_MS } from '../internal/time.js';
import { narrow, wideDecimal } from '../options/wideDecimal.js';
import type { FutureBasis, FutureBasisInput } from './Future.js';
import { priceField, remainingMs, years } from './futureTime.js';

/**
 * The basis of a dated future: with F the future's price, S the index, τ = (expiry − now) / 365 days in years,
 * - basis = F − S (quote asset), basisFraction = (F − S) / S;
 * - annualizedBasis = (F / S − 1) / τ (simple, the venues' "annualised premium");
 * - impliedRate = ln(F / S) / τ (continuously compounded, the carry at which {@link futureFairPrice} returns F).
 * The logarithm is taken at 60 significant digits and the results rounded to the library's 40.
 *
 * At or after expiry (now ≥ expiry) the future settles at the index and has no basis to annualise: the call is
 * rejected with `EXPIRED` (use {@link convergeBasis} to value an expired future at its index).
 *
 * @param input - `futurePrice`, `indexPrice` (> 0), `nowMs`, `expiry` (whole milliseconds, at most 100 years apart).
 * @throws {@link InvalidArgumentError} `EXPIRED` at `['input', 'nowMs']` when now ≥ expiry; `INVALID_ARGUMENT` for a
 *   price ≤ 0 or a bad time (path `['input', field]`).
 * @example
 * ```ts
 * import { futureBasis } from 'marginkit';
 * // A quarterly future at 102 000 against an index of 100 000, 73 days (a fifth of a year) before expiry
 * const b = futureBasis({ futurePrice: 102_000, indexPrice: 100_000, nowMs: 0, expiry: 73 * 86_400_000 });
 * b.basis.toString(); // => '2000'
 * b.annualizedBasis.toString(); // => '0.1'
 * b.impliedRate.toFixed(6); // => '0.099013'
 * ```
 * @category Futures
 */
export function futureBasis(input: FutureBasisInput): FutureBasis {
  const remaining = remainingMs(input);
  const future = priceField(input.futurePrice, 'futurePrice');
  const index = priceField(input.indexPrice, 'indexPrice');
  if (remaining <= 0) {
    throw new InvalidArgumentError(
      'EXPIRED',
      'the future has expired: it settles at the index and has no basis to annualise',
      ['input', 'nowMs'],
    );
  }
  const tau = years(remaining);
  const basis = positiveZero(future.minus(index));
  const basisFraction = positiveZero(basis.div(index));
  const W = wideDecimal();
  const logRatio = new W(future).div(new W(index)).ln();
  return {
    basis,
    basisFraction,
    timeToExpiry: tau,
    annualizedBasis: positiveZero(basisFraction.div(tau)),
    impliedRate: narrow(logRatio.times(YEAR_MS).div(remaining)),
  };
}
