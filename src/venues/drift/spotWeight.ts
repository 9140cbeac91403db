import { checkChoice } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DriftSpotMarket } from './DriftMarkets.js';
import { dec, intArg } from './integers.js';
import { CATEGORIES, type DriftMarginCategory } from './perpMarginRatio.js';
import { resolveSpot } from './resolveMarkets.js';
import { assetWeightOf, liabilityWeightOf } from './spotWeights.js';

/**
 * Drift's weight of a spot balance of `tokenAmount` (`SpotMarket::get_asset_weight` / `get_liability_weight`):
 * a deposit (> 0) counts at the asset weight with the size discount of {@link driftSizeDiscountAssetWeight}; a
 * borrow (< 0) at the liability weight with the size premium of {@link driftSizePremiumLiabilityWeight}. The size
 * is the token amount converted to 1e9 precision (truncated). The scaling of the initial asset weight by the
 * market's total deposits (`scaleInitialAssetWeightStart`) is not modelled. Weights: 1e4 = 1.
 * Source: drift-labs/protocol-v2 `programs/drift/src/state/spot_market.rs`.
 *
 * @param market - the spot market.
 * @param tokenAmount - signed token amount in the token's decimals (deposit > 0, borrow < 0).
 * @param category - `'initial'` or `'maintenance'`.
 * @throws {@link InvalidArgumentError} for a fractional integer or an unknown category.
 * @example
 * ```ts
 * import { driftSpotWeight } from 'marginkit';
 * const usdc = { oraclePrice: 1_000_000, decimals: 6, initialAssetWeight: 9_000, maintenanceAssetWeight: 9_000, initialLiabilityWeight: 11_000, maintenanceLiabilityWeight: 11_000, imfFactor: 100_000 };
 * // 1 000 tokens: deposit 0.2642, borrow 4.0422
 * [driftSpotWeight(usdc, 1_000_000_000, 'initial').toString(), driftSpotWeight(usdc, -1_000_000_000, 'initial').toString()]; // => ['2642', '40422']
 * ```
 * @category Venue: Drift
 */
export function driftSpotWeight(
  market: DriftSpotMarket,
  tokenAmount: DecimalInput,
  category: DriftMarginCategory,
): Decimal {
  checkChoice(category, 'category', CATEGORIES);
  const spot = resolveSpot(market, ['market']);
  const amount = intArg(tokenAmount, ['tokenAmount']);
  return dec(
    amount < 0n ? liabilityWeightOf(spot, -amount, category) : assetWeightOf(spot, amount, category),
  );
}
