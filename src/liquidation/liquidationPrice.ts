import type { MarginAccount } from '../account/MarginAccount.js';
import {
  checkAccount,
  checkChoice,
  checkOptions,
  checkPrices,
  checkText,
} from '../internal/argumentShape.js';
import type { Prices } from '../prices/Prices.js';
import { algebraicThreshold } from './algebraicThreshold.js';
import { poolThresholdPrice, type ThresholdOptions } from './poolThresholdPrice.js';
import type { LiquidationPrice } from './ThresholdPrice.js';

/**
 * Options of {@link liquidationPrice}.
 * @category Liquidation
 */
export interface LiquidationPriceOptions extends ThresholdOptions {
  /**
   * What a pool already below maintenance reports. `'now'` (default): the `now` result alone. `'algebraic'`: the
   * `now` result with `algebraic: { price, direction }` beside it, the root of `equity(p) = MMR(p)` in the market
   * nearest the current price: where the pool would have liquidated (a venue screen that keeps showing that price),
   * or how far the price must come back for the pool to leave liquidation. Above maintenance both give the same
   * result, and there the algebraic root is the liquidation price itself.
   */
  readonly belowMaintenance?: 'now' | 'algebraic';
}

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
 * - `now` when the pool is already below maintenance; with `belowMaintenance: 'algebraic'` it carries the algebraic
 *   threshold beside it: per tier segment the surplus is `a + b·p` (linear) or `a + b/p` (inverse), and its root
 *   `−a/b` (linear) or `−b/a` (inverse) counts when it lies in the segment; the root nearest the current price wins.
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position (its id; by default its market id).
 * @param options - `priceSource` (default `'mark'`); `collateralMovesWith` to let collateral move with the market;
 *   `belowMaintenance` (`'now'` by default, or `'algebraic'`).
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
 * // At 19,600 the pool is below maintenance: `now`, and with the option the price it went through.
 * const now = liquidationPrice(account, createPrices({ markets: { BTCUSDT: { mark: 19_600 } } }), 'BTCUSDT',
 *   { belowMaintenance: 'algebraic' });
 * if (now.kind === 'now') now.algebraic?.price.toFixed(2); // => '19698.49'
 * ```
 * @category Liquidation
 */
export function liquidationPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  options: LiquidationPriceOptions = {},
): LiquidationPrice {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  const belowMaintenance = options.belowMaintenance ?? 'now';
  checkChoice(belowMaintenance, 'belowMaintenance', ['now', 'algebraic']);
  const result = poolThresholdPrice(account, prices, positionId, 'maintenance', options);
  if (result.kind !== 'now' || belowMaintenance === 'now') return result;
  const algebraic = algebraicThreshold(account, prices, result, options.collateralMovesWith ?? {});
  return algebraic === undefined ? result : { ...result, algebraic };
}
