import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { AMM_TO_QUOTE, abs, dec, FUNDING_RATE_BUFFER, intArg, PRICE_PRECISION } from './integers.js';

/**
 * Drift's funding payment of a perp position since its last settlement (`calculate_funding_payment`), received
 * (> 0) or paid (< 0), in QUOTE_PRECISION (1e6 = $1):
 *
 * `Δ = cumulative − last`; `m = ⌊|Δ| · |base| / 1e6 / 1e3⌋` (1e9 precision); `payment = −sign(base) · sign(Δ) · m`,
 * then divided by 1e3 truncating toward zero.
 *
 * A positive rate (mark above oracle) makes longs pay. Drift settles funding every hour (`fundingPeriod` 3 600 s);
 * the cumulative rates are the market's `amm.cumulativeFundingRateLong` / `Short` (1e9 quote per coin).
 * Source: drift-labs/protocol-v2 `programs/drift/src/math/funding.rs`.
 *
 * @param cumulativeFundingRate - the market's cumulative rate for the position's side (1e9 quote per coin).
 * @param lastCumulativeFundingRate - the position's `lastCumulativeFundingRate` (1e9).
 * @param baseAssetAmount - signed size, BASE_PRECISION (1e9 = 1 coin).
 * @throws {@link InvalidArgumentError} for a fractional integer.
 * @example
 * ```ts
 * import { driftFundingPayment } from 'marginkit';
 * // long 2 coins, the rate rose by $0.05 per coin: pays $0.10
 * driftFundingPayment(50_000_000, 0, 2_000_000_000).toString(); // => '-100000'
 * ```
 * @category Venue: Drift
 */
export function driftFundingPayment(
  cumulativeFundingRate: DecimalInput,
  lastCumulativeFundingRate: DecimalInput,
  baseAssetAmount: DecimalInput,
): Decimal {
  return dec(
    fundingPaymentOf(
      intArg(cumulativeFundingRate, ['cumulativeFundingRate']) -
        intArg(lastCumulativeFundingRate, ['lastCumulativeFundingRate']),
      intArg(baseAssetAmount, ['baseAssetAmount']),
    ),
  );
}

/** The same on checked values, from the rate delta. */
export function fundingPaymentOf(delta: bigint, base: bigint): bigint {
  if (delta === 0n) return 0n;
  const magnitude = (abs(delta) * abs(base)) / PRICE_PRECISION / FUNDING_RATE_BUFFER;
  const sign = (base > 0n ? -1n : 1n) * (delta > 0n ? 1n : -1n);
  return (magnitude * sign) / AMM_TO_QUOTE;
}
