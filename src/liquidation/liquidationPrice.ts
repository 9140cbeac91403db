import type { MarginAccount } from '../account/MarginAccount.js';
import { checkAccount, checkOptions, checkPrices, checkText } from '../internal/argumentShape.js';
import type { Prices } from '../prices/Prices.js';
import { poolThresholdPrice, type ThresholdOptions } from './poolThresholdPrice.js';
import type { LiquidationPrice } from './ThresholdPrice.js';

/**
 * The price of a position's market at which the position's pool reaches its maintenance requirement
 * (`equity = MMR`), every other market held at its current price.
 *
 * - Cross: the pool is the cross collateral and every cross position; positions of the same market in the pool
 *   (hedge mode) move together. Isolated: the position and its own margin only.
 * - Tier-consistent: the maintenance tier is the one at the notional *at the liquidation price* (Binance FAQ
 *   "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts"; Hyperliquid docs "Liquidations").
 * - Closed form with one leg (tier fixed, `K` = pool equity without this leg's PnL, minus the others' MMR):
 *   linear `p = (s·c·e − d − K) / (c·(s − |s|·m))`; inverse `p = c·(s + |s|·m) / (K + s·c/e + d)`.
 * - Leverage-independent in cross (user leverage changes only initial margin).
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position (its id; by default its market id).
 * @param options - `priceSource` (default `'mark'`); `collateralMovesWith` to let collateral move with the market.
 * @returns a tagged value: `price` (with direction and tier), `never`, or `now`.
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, liquidationPrice } from 'marginkit';
 * // Bybit-style isolated long: 1 BTC at 20,000 with 400 USDT margin (50×), MMR 0.5 %.
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTCUSDT', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.005' } }],
 *   positions: [{ marketId: 'BTCUSDT', size: 1, entryPrice: 20_000, marginMode: 'isolated', isolatedMargin: 400 }] });
 * const lp = liquidationPrice(account, createPrices({ markets: { BTCUSDT: { mark: 20_000 } } }), 'BTCUSDT');
 * if (lp.kind === 'price') lp.price.toFixed(2); // => '19698.49'  (maintenance on the notional at the liquidation price)
 * ```
 * @category Liquidation
 */
export function liquidationPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  options: ThresholdOptions = {},
): LiquidationPrice {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  return poolThresholdPrice(account, prices, positionId, 'maintenance', options);
}
