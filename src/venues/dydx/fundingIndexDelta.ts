import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { dydxBaseToQuoteQuantums, integerArg, quo } from './quantums.js';

/**
 * dYdX v4 funding index delta of one funding tick, in ppm-quote-quantums per base quantum:
 * `ΔI = trunc( B2Q(Δt · rate8h_ppm) / 28 800 )`, where B2Q is {@link dydxBaseToQuoteQuantums} at the oracle
 * price (itself truncated toward zero). A rising index makes longs pay. Human units: USD per coin =
 * `ΔI · 10^(−12 − atomicResolution)`. Source: dydxprotocol/v4-chain `protocol/x/perpetuals/funding/funding.go`
 * (`GetFundingIndexDelta`).
 *
 * @param rate8hPpm - the 8-hour funding rate in ppm.
 * @param seconds - time since the last tick (3 600 on mainnet).
 * @param atomicResolution - the perpetual's atomic resolution.
 * @param price - oracle price integer.
 * @param exponent - oracle price exponent.
 * @example
 * ```ts
 * import { dydxFundingIndexDelta } from 'marginkit';
 * // 1 000 ppm per 8 h for one hour at BTC $50,000 (AR −10): $6.25 per BTC
 * dydxFundingIndexDelta(1000, 3600, -10, 5_000_000_000, -5).toString(); // => '625'
 * ```
 * @category Venue: dYdX
 */
export function dydxFundingIndexDelta(
  rate8hPpm: DecimalInput,
  seconds: DecimalInput,
  atomicResolution: number,
  price: DecimalInput,
  exponent: number,
): Decimal {
  const scaled = integerArg(seconds, 'seconds').times(integerArg(rate8hPpm, 'rate8hPpm'));
  return quo(dydxBaseToQuoteQuantums(scaled, atomicResolution, price, exponent), new Decimal(28_800));
}
