import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { intArg } from './integers.js';

/**
 * A Drift funding rate (`amm.lastFundingRate`, `last24hAvgFundingRate`: quote per coin per hour at 1e9) as the
 * fraction of the oracle TWAP paid per hour, exact:
 *
 * `rate / 1e9 / (oracleTwap / 1e6)` — positive: longs pay shorts.
 *
 * Drift's funding period is one hour; the SDK's `calculateFormattedLiveFundingRate` shows the same fraction (×100
 * as a percentage). Source: drift-labs/protocol-v2 `sdk/src/math/funding.ts`, `programs/drift/src/state/perp_market.rs`
 * (`last_funding_rate`: "unit is quote per base").
 *
 * @param fundingRate - the rate, 1e9 quote per coin per hour.
 * @param oraclePriceTwap - the oracle TWAP of the funding period (`lastFundingOracleTwap`), PRICE_PRECISION.
 * @throws {@link InvalidArgumentError} for a fractional integer or a TWAP ≤ 0.
 * @example
 * ```ts
 * import { driftHourlyFundingRate } from 'marginkit';
 * // $0.0125 per coin per hour at a $125 TWAP: 0.01 % per hour
 * driftHourlyFundingRate(12_500_000, 125_000_000).toString(); // => '0.0001'
 * ```
 * @category Venue: Drift
 */
export function driftHourlyFundingRate(fundingRate: DecimalInput, oraclePriceTwap: DecimalInput): Decimal {
  const rate = intArg(fundingRate, ['fundingRate']);
  const twap = intArg(oraclePriceTwap, ['oraclePriceTwap'], 1);
  return new Decimal(rate.toString()).div(new Decimal(twap.toString()).times(1000));
}
