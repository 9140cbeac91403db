import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { dec, IMF_PRECISION, intArg, isqrt, MARGIN_PRECISION } from './integers.js';

/**
 * Drift's size premium on a liability weight or margin ratio (`calculate_size_premium_liability_weight`): the weight
 * grows with the square root of the size, and never falls below the base weight:
 *
 * `w = max(base, base − ⌊base/5⌋ + ⌊⌊√(10·size + 1)⌋ · imfFactor / (1e5 · 1e6 / precision)⌋)`
 *
 * with `size` in BASE_PRECISION (1e9 = 1 coin, so `√(10·size)` is in 1e5 units), `imfFactor` in 1e6 and `base` and
 * the result in `precision` (MARGIN_PRECISION 1e4 for perp margin ratios and spot liability weights). An
 * `imfFactor` of 0 returns `base`. Source: drift-labs/protocol-v2 `programs/drift/src/math/margin.rs` and
 * `sdk/src/math/margin.ts` (`calculateSizePremiumLiabilityWeight`).
 *
 * @param size - |size| in BASE_PRECISION (a sign is ignored).
 * @param imfFactor - the market's `imfFactor` (1e6 = 1).
 * @param liabilityWeight - the base weight or margin ratio, in `precision`.
 * @param precision - the precision of the weight; default 10 000.
 * @throws {@link InvalidArgumentError} for a fractional or negative integer argument.
 * @example
 * ```ts
 * import { driftSizePremiumLiabilityWeight } from 'marginkit';
 * // 1 000 USDC borrowed (1e12 at 1e9), liability weight 1.1, imfFactor 0.01: ⌊√1e13⌋ = 3 162 277
 * driftSizePremiumLiabilityWeight(1_000_000_000_000n, 10_000, 11_000).toString(); // => '11962'
 * ```
 * @category Venue: Drift
 */
export function driftSizePremiumLiabilityWeight(
  size: DecimalInput,
  imfFactor: DecimalInput,
  liabilityWeight: DecimalInput,
  precision: DecimalInput = 10_000,
): Decimal {
  return dec(
    sizePremium(
      intArg(size, ['size']),
      intArg(imfFactor, ['imfFactor'], 0),
      intArg(liabilityWeight, ['liabilityWeight'], 0),
      intArg(precision, ['precision'], 1),
    ),
  );
}

/** The same on bigints. */
export function sizePremium(
  size: bigint,
  imfFactor: bigint,
  base: bigint,
  precision = MARGIN_PRECISION,
): bigint {
  if (imfFactor === 0n) return base;
  const absSize = size < 0n ? -size : size;
  const root = isqrt(absSize * 10n + 1n);
  const denominator = (100_000n * IMF_PRECISION) / precision;
  // A precision above 1e11 leaves no room for the 1e5 root units (the chain asserts the denominator is positive).
  const premium = base - base / 5n + (denominator > 0n ? (root * imfFactor) / denominator : 0n);
  return premium > base ? premium : base;
}
