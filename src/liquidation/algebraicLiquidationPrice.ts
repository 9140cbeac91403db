import type { MarginAccount } from '../account/MarginAccount.js';
import { checkOptions } from '../internal/argumentShape.js';
import type { SummaryOptions } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { liquidationPrice } from './liquidationPrice.js';
import type { LiquidationPrice } from './ThresholdPrice.js';

/**
 * Result of {@link algebraicLiquidationPrice}: {@link liquidationPrice}'s result, where `now` also carries the
 * algebraic threshold: the price at which the pool was (or would be) exactly at maintenance (the same type as
 * {@link LiquidationPrice}, whose `algebraic` field this fills).
 * @category Liquidation
 */
export type AlgebraicLiquidationPrice = LiquidationPrice;

/**
 * {@link liquidationPrice} with `belowMaintenance: 'algebraic'`: for a pool already below maintenance (`now`) the
 * algebraic threshold price beside it: the root of `equity(p) − MMR(p) = 0` in the position's market, other markets held, found on every tier segment
 * (between the prices where a leg's notional crosses a tier floor) and taken nearest the current price.
 *
 * Per segment the surplus is `a + b·p` (linear) or `a + b/p` (inverse), `a` and `b` as in the solver of
 * {@link liquidationPrice}; its root `−a/b` (linear) or `−b/a` (inverse) counts when it lies in the segment. Use it
 * to show where a position "should have" liquidated (e.g. a venue's screen that keeps showing that price), or how
 * far a price must come back for the pool to leave liquidation. For collateral that moves with the market, call
 * {@link liquidationPrice} with `collateralMovesWith` and the option.
 *
 * Units: prices in the market's quote per base.
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position.
 * @param options - `priceSource` (default `'mark'`).
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { algebraicLiquidationPrice, createMarginAccount, createPrices } from 'marginkit';
 * // isolated long 1 ETH at 3,000 with 300 USDT, MMR 1 %: maintenance at 2,700 / 0.99 ≈ 2,727.27; the mark is 2,700
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' } }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 }] });
 * const lp = algebraicLiquidationPrice(account, createPrices({ markets: { ETH: { mark: 2700 } } }), 'ETH');
 * if (lp.kind === 'now') [lp.algebraic?.price.toFixed(2), lp.algebraic?.direction]; // => ['2727.27', 'down']
 * ```
 * @category Liquidation
 */
export function algebraicLiquidationPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  options: SummaryOptions = {},
): AlgebraicLiquidationPrice {
  checkOptions(options);
  const priceSource = options.priceSource ?? 'mark';
  return liquidationPrice(account, prices, positionId, { priceSource, belowMaintenance: 'algebraic' });
}
