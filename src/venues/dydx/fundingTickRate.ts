import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkList } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { integerArg, quo } from './quantums.js';

/**
 * dYdX v4 8-hour funding rate formed at a funding tick, in ppm: the premium samples of the tick, padded with zeros
 * up to `max(samples, expectedSamples)` (expected = tick duration / sample duration, e.g. 3 600 / 60 = 60), averaged
 * with the mean truncated toward zero, plus the perpetual's default funding, clamped to ±`clampPpm`.
 * Source: dydxprotocol/v4-chain `protocol/x/perpetuals/keeper/perpetual.go` (`MaybeProcessNewFundingTickEpoch`).
 *
 * @param samplesPpm - premium samples recorded during the tick (ppm).
 * @param expectedSamples - tick duration / sample duration.
 * @param defaultFundingPpm - the perpetual's `default_funding_ppm` (8-hour rate).
 * @param clampPpm - bound from {@link dydxFundingRateClampPpm}.
 * @example
 * ```ts
 * import { dydxFundingTickRate } from 'marginkit';
 * // 60 samples of 1 000 ppm with 120 expected: padded mean 500
 * dydxFundingTickRate(Array(60).fill(1000), 120, 0, 1_000_000).toString(); // => '500'
 * ```
 * @category Venue: dYdX
 */
export function dydxFundingTickRate(
  samplesPpm: readonly DecimalInput[],
  expectedSamples: number,
  defaultFundingPpm: DecimalInput,
  clampPpm: DecimalInput,
): Decimal {
  checkList(samplesPpm, 'samplesPpm');
  if (!Number.isSafeInteger(expectedSamples) || expectedSamples <= 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'expectedSamples must be a whole number > 0', [
      'expectedSamples',
    ]);
  }
  let sum = new Decimal(0);
  samplesPpm.forEach((s, i) => {
    sum = sum.plus(integerArg(s, `samplesPpm[${i}]`));
  });
  const count = Math.max(samplesPpm.length, expectedSamples);
  const rate = quo(sum, new Decimal(count)).plus(integerArg(defaultFundingPpm, 'defaultFundingPpm'));
  const bound = integerArg(clampPpm, 'clampPpm').abs();
  return Decimal.min(bound, Decimal.max(bound.negated(), rate));
}
