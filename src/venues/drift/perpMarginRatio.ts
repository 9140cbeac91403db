import { checkChoice, checkOptions } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DriftPerpMarket } from './DriftMarkets.js';
import { dec, intArg } from './integers.js';
import { type Perp, resolvePerp } from './resolveMarkets.js';
import { sizePremium } from './sizePremiumLiabilityWeight.js';

/**
 * Which of Drift's margin requirements: `'initial'` (opening, withdrawing) or `'maintenance'` (liquidation).
 * @category Venue: Drift
 */
export type DriftMarginCategory = 'initial' | 'maintenance';

/**
 * Options of {@link driftPerpMarginRatio}.
 * @category Venue: Drift
 */
export interface DriftMarginRatioOptions {
  /** The user's `maxMarginRatio` (1e4 = 100 %): a floor on the initial margin ratio; default 0. */
  readonly userMaxMarginRatio?: DecimalInput;
}

/**
 * Drift's margin ratio of a perp position of `baseAssetAmount` (`PerpMarket::get_margin_ratio`, SDK
 * `calculateMarketMarginRatio`): the market's ratio with the size premium of
 * {@link driftSizePremiumLiabilityWeight} (square-root term in the size), and for initial margin at least the
 * user's `maxMarginRatio`:
 *
 * `ratio = max(userMaxMarginRatio (initial only), premium(|base|, imfFactor, base ratio, 1e4))`
 *
 * Units: `baseAssetAmount` in BASE_PRECISION (1e9 = 1 coin), the ratio in MARGIN_PRECISION (1e4 = 100 %).
 * Source: drift-labs/protocol-v2 `programs/drift/src/state/perp_market.rs`, `sdk/src/math/market.ts`.
 *
 * @param market - the perp market.
 * @param baseAssetAmount - position size, BASE_PRECISION (sign ignored).
 * @param category - `'initial'` or `'maintenance'`.
 * @param options - `userMaxMarginRatio`.
 * @throws {@link InvalidArgumentError} for a fractional or out-of-range integer, or an unknown category.
 * @example
 * ```ts
 * import { driftPerpMarginRatio } from 'marginkit';
 * const market = { oraclePrice: 100_000_000, marginRatioInitial: 1_000, marginRatioMaintenance: 500, imfFactor: 1_000 };
 * // 10 000 coins: ⌊√1e14⌋ = 10 000 000 → 400 + 1 000 = 1 400 (14 %) maintenance, 1 800 initial
 * [driftPerpMarginRatio(market, 10_000_000_000_000n, 'maintenance').toString(), driftPerpMarginRatio(market, 10_000_000_000_000n, 'initial').toString()]; // => ['1400', '1800']
 * ```
 * @category Venue: Drift
 */
export function driftPerpMarginRatio(
  market: DriftPerpMarket,
  baseAssetAmount: DecimalInput,
  category: DriftMarginCategory,
  options: DriftMarginRatioOptions = {},
): Decimal {
  checkChoice(category, 'category', CATEGORIES);
  checkOptions(options);
  return dec(
    marginRatioOf(
      resolvePerp(market, ['market']),
      intArg(baseAssetAmount, ['baseAssetAmount']),
      category,
      intArg(options.userMaxMarginRatio ?? 0, ['userMaxMarginRatio'], 0),
    ),
  );
}

export const CATEGORIES = ['initial', 'maintenance'] as const;

/** The same on checked values. */
export function marginRatioOf(
  perp: Perp,
  base: bigint,
  category: DriftMarginCategory,
  custom: bigint,
): bigint {
  const ratio = sizePremium(
    base,
    perp.imfFactor,
    category === 'initial' ? perp.marginRatioInitial : perp.marginRatioMaintenance,
  );
  return category === 'initial' && custom > ratio ? custom : ratio;
}
