import { BASE_PRECISION } from './integers.js';
import type { DriftMarginCategory } from './perpMarginRatio.js';
import type { Spot } from './resolveMarkets.js';
import { sizeDiscount } from './sizeDiscountAssetWeight.js';
import { sizePremium } from './sizePremiumLiabilityWeight.js';

/** A token amount of `decimals` in BASE_PRECISION (1e9), as the chain converts it (truncated). */
export function toBasePrecision(amount: bigint, decimals: number): bigint {
  const unit = 10n ** BigInt(decimals);
  return unit > BASE_PRECISION ? amount / (unit / BASE_PRECISION) : (amount * BASE_PRECISION) / unit;
}

/** `SpotMarket::get_asset_weight` without the deposit-value scaling of the initial weight. */
export function assetWeightOf(spot: Spot, tokenAmount: bigint, category: DriftMarginCategory): bigint {
  const base = category === 'initial' ? spot.initialAssetWeight : spot.maintenanceAssetWeight;
  return sizeDiscount(toBasePrecision(tokenAmount, spot.decimals), spot.imfFactor, base);
}

/** `SpotMarket::get_liability_weight`. */
export function liabilityWeightOf(spot: Spot, tokenAmount: bigint, category: DriftMarginCategory): bigint {
  const base = category === 'initial' ? spot.initialLiabilityWeight : spot.maintenanceLiabilityWeight;
  return sizePremium(toBasePrecision(tokenAmount, spot.decimals), spot.imfFactor, base);
}
