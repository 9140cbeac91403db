import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { dec, IMF_PRECISION, intArg, isqrt, MARGIN_PRECISION } from './integers.js';

/**
 * Drift's size discount on an asset weight (`calculate_size_discount_asset_weight`): large deposits, and large
 * positive unrealized PnL, count at a weight that falls with the square root of their size:
 *
 * `w = min(base, ⌊1.1e6 · 1e4 / (1e6 + ⌊⌊√(10·size + 1)⌋ · imfFactor / 1e5⌋)⌋)`
 *
 * with `size` in BASE_PRECISION (1e9), `imfFactor` in 1e6, `base` and the result in SPOT_WEIGHT_PRECISION (1e4).
 * An `imfFactor` of 0 returns `base`. Source: drift-labs/protocol-v2 `programs/drift/src/math/margin.rs` and
 * `sdk/src/math/margin.ts` (`calculateSizeDiscountAssetWeight`).
 *
 * @param size - |size| in BASE_PRECISION (a sign is ignored).
 * @param imfFactor - the market's `imfFactor` (spot) or `unrealizedPnlImfFactor` (perp PnL), 1e6 = 1.
 * @param assetWeight - the base weight, 1e4 = 1.
 * @throws {@link InvalidArgumentError} for a fractional or negative integer argument.
 * @example
 * ```ts
 * import { driftSizeDiscountAssetWeight } from 'marginkit';
 * // $22 699.05 of positive PnL (×1e3 to 1e9 units), unrealizedPnlImfFactor 0.001, weight 1
 * driftSizeDiscountAssetWeight(22_699_050_905_000n, 1_000, 10_000).toString(); // => '9559'
 * ```
 * @category Venue: Drift
 */
export function driftSizeDiscountAssetWeight(
  size: DecimalInput,
  imfFactor: DecimalInput,
  assetWeight: DecimalInput,
): Decimal {
  return dec(
    sizeDiscount(
      intArg(size, ['size']),
      intArg(imfFactor, ['imfFactor'], 0),
      intArg(assetWeight, ['assetWeight'], 0),
    ),
  );
}

/** The same on bigints. */
export function sizeDiscount(size: bigint, imfFactor: bigint, base: bigint): bigint {
  if (imfFactor === 0n) return base;
  const absSize = size < 0n ? -size : size;
  const root = isqrt(absSize * 10n + 1n);
  const numerator = (IMF_PRECISION + IMF_PRECISION / 10n) * MARGIN_PRECISION;
  const discounted = numerator / (IMF_PRECISION + (root * imfFactor) / 100_000n);
  return discounted < base ? discounted : base;
}
