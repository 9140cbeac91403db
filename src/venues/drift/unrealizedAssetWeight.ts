import { checkChoice } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DriftPerpMarket } from './DriftMarkets.js';
import { AMM_TO_QUOTE, dec, intArg, MARGIN_PRECISION } from './integers.js';
import { CATEGORIES, type DriftMarginCategory } from './perpMarginRatio.js';
import { type Perp, resolvePerp } from './resolveMarkets.js';
import { sizeDiscount } from './sizeDiscountAssetWeight.js';

/**
 * The weight at which Drift counts a perp position's unrealized PnL as collateral
 * (`PerpMarket::get_unrealized_asset_weight`, SDK `calculateUnrealizedAssetWeight`):
 *
 * - PnL ≤ 0 counts in full (1e4);
 * - positive PnL, maintenance: `unrealizedPnlMaintenanceAssetWeight`;
 * - positive PnL, initial: the size discount of {@link driftSizeDiscountAssetWeight} on `PnL · 1e3` (quote to
 *   1e9 units) with `unrealizedPnlImfFactor`, capped by `unrealizedPnlInitialAssetWeight` (0 stays 0).
 *
 * The market-wide PnL-imbalance haircut (`unrealizedPnlMaxImbalance` against the PnL pool) is not modelled: it
 * needs the market's AMM and pool balances. Source: drift-labs/protocol-v2 `programs/drift/src/state/perp_market.rs`.
 *
 * @param market - the perp market.
 * @param unrealizedPnl - the position's PnL including unsettled funding, QUOTE_PRECISION (1e6 = $1).
 * @param category - `'initial'` or `'maintenance'`.
 * @throws {@link InvalidArgumentError} for a fractional integer or an unknown category.
 * @example
 * ```ts
 * import { driftUnrealizedAssetWeight } from 'marginkit';
 * const market = { oraclePrice: 22_050_000_000, marginRatioInitial: 1_000, marginRatioMaintenance: 500, unrealizedPnlImfFactor: 1_000 };
 * driftUnrealizedAssetWeight(market, 24_282_786_896, 'initial').toString(); // => '9516'
 * ```
 * @category Venue: Drift
 */
export function driftUnrealizedAssetWeight(
  market: DriftPerpMarket,
  unrealizedPnl: DecimalInput,
  category: DriftMarginCategory,
): Decimal {
  checkChoice(category, 'category', CATEGORIES);
  return dec(
    upnlWeightOf(resolvePerp(market, ['market']), intArg(unrealizedPnl, ['unrealizedPnl']), category),
  );
}

/** The same on checked values. */
export function upnlWeightOf(perp: Perp, pnl: bigint, category: DriftMarginCategory): bigint {
  if (pnl <= 0n) return MARGIN_PRECISION;
  if (category === 'maintenance') return perp.upnlMaintenanceWeight;
  if (perp.upnlInitialWeight === 0n) return 0n;
  return sizeDiscount(pnl * AMM_TO_QUOTE, perp.upnlImfFactor, perp.upnlInitialWeight);
}
