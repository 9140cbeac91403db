import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { Decimal } from '../../internal/decimal.js';
import { quoteInput } from '../../internal/quoteInput.js';
import type { DriftMarkets } from './DriftMarkets.js';
import type { DriftUser } from './DriftUser.js';
import { dec, MARGIN_PRECISION, PRICE_PRECISION, QUOTE_PRECISION } from './integers.js';
import { marginTotals } from './marginCalculation.js';
import { marginRatioOf } from './perpMarginRatio.js';

/**
 * Result of {@link driftLiquidationPrice}: an oracle price in PRICE_PRECISION (1e6 = $1), or `never` (no position,
 * or no positive price), or `now` (maintenance collateral already below the requirement).
 * @category Venue: Drift
 */
export type DriftLiquidationPrice =
  | {
      readonly kind: 'price';
      /** The oracle price at which the account becomes liquidatable, PRICE_PRECISION. */
      readonly price: Decimal;
      /** `'down'` for a long, `'up'` for a short. */
      readonly direction: 'down' | 'up';
      /** Maintenance free collateral `max(0, TC − MR)`, QUOTE_PRECISION. */
      readonly freeCollateral: Decimal;
      /** Change of free collateral per $1 of oracle move, QUOTE_PRECISION. */
      readonly freeCollateralDelta: Decimal;
    }
  | { readonly kind: 'never' }
  | {
      readonly kind: 'now';
      /** Maintenance total collateral, QUOTE_PRECISION. */
      readonly totalCollateral: Decimal;
      /** Maintenance requirement, QUOTE_PRECISION. */
      readonly marginRequirement: Decimal;
    };

/**
 * The liquidation price of one perp position as Drift's SDK estimates it (`User.liquidationPrice`): the oracle move
 * that consumes the maintenance free collateral at the position's current rate, the rest of the account held:
 *
 * - `FC = max(0, TC − MR)` (maintenance, {@link driftMarginCalculation});
 * - `r = ⌊ratio · 1e6 / 1e4⌋` with the maintenance ratio at the current size;
 * - long: `δ = ⌊(1e6 − r) · base / 1e9⌋`; short: `δ = ⌊(−1e6 − r) · |base| / 1e9⌋` (truncated toward zero);
 * - `price = oracle − ⌊FC · 1e6 / δ⌋` (truncated toward zero); `never` if `δ = 0` or the price is negative.
 *
 * It is linear in the price: it holds the PnL weight and the size-scaled ratio at their current values, as the SDK
 * does (exact when the maintenance PnL weight is 1 and the ratio has no premium). Spot balances on the same oracle
 * and open orders are not folded in. Source: drift-labs/protocol-v2 `sdk/src/user.ts` (`liquidationPrice`,
 * `calculateFreeCollateralDeltaForPerp`), `sdk/src/math/margin.ts` (`calculateLiquidationPrice`).
 *
 * @param user - the account.
 * @param markets - perp and spot markets by index, with oracle prices.
 * @param marketIndex - the perp market of the position.
 * @throws {@link InvalidArgumentError} for malformed input, or a market the user holds no position in.
 * @example
 * ```ts
 * import { driftLiquidationPrice } from 'marginkit';
 * const markets = {
 *   spot: { 0: { oraclePrice: 1_000_000, decimals: 6, initialAssetWeight: 10_000, maintenanceAssetWeight: 10_000, initialLiabilityWeight: 10_000, maintenanceLiabilityWeight: 10_000 } },
 *   perp: { 0: { oraclePrice: 100_000_000, marginRatioInitial: 1_000, marginRatioMaintenance: 500 } },
 * };
 * // $1 000 of USDC, long 50 coins at $100: FC = $750, δ = $47.5 per $1 → $100 − $15.789473
 * const user = { spotPositions: [{ marketIndex: 0, tokenAmount: 1_000_000_000 }], perpPositions: [{ marketIndex: 0, baseAssetAmount: 50_000_000_000, quoteAssetAmount: -5_000_000_000 }] };
 * const lp = driftLiquidationPrice(user, markets, 0);
 * lp.kind === 'price' && lp.price.toString(); // => '84210527'
 * ```
 * @category Venue: Drift
 */
export function driftLiquidationPrice(
  user: DriftUser,
  markets: DriftMarkets,
  marketIndex: string | number,
): DriftLiquidationPrice {
  if (
    typeof marketIndex !== 'string' &&
    !(typeof marketIndex === 'number' && Number.isInteger(marketIndex))
  ) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'marketIndex must be an integer or its string', [
      'marketIndex',
    ]);
  }
  const totals = marginTotals(user, markets, 'maintenance');
  const terms = totals.perps.find((p) => p.marketIndex === String(marketIndex));
  if (terms === undefined) {
    throw new InvalidArgumentError(
      'UNKNOWN_POSITION',
      `the user holds no perp position in market ${quoteInput(String(marketIndex))}`,
      ['marketIndex'],
    );
  }
  if (totals.totalCollateral < totals.marginRequirement) {
    return {
      kind: 'now',
      totalCollateral: dec(totals.totalCollateral),
      marginRequirement: dec(totals.marginRequirement),
    };
  }
  const base = terms.base;
  if (base === 0n) return { kind: 'never' };
  const freeCollateral = totals.totalCollateral - totals.marginRequirement;
  const ratioQuote =
    (marginRatioOf(terms.perp, base, 'maintenance', 0n) * QUOTE_PRECISION) / MARGIN_PRECISION;
  const delta =
    base > 0n
      ? ((QUOTE_PRECISION - ratioQuote) * base) / 1_000_000_000n
      : ((-QUOTE_PRECISION - ratioQuote) * -base) / 1_000_000_000n;
  if (delta === 0n) return { kind: 'never' };
  const price = terms.perp.oraclePrice - (freeCollateral * PRICE_PRECISION) / delta;
  if (price < 0n) return { kind: 'never' };
  return {
    kind: 'price',
    price: dec(price),
    direction: base > 0n ? 'down' : 'up',
    freeCollateral: dec(freeCollateral),
    freeCollateralDelta: dec(delta),
  };
}
