import type { MarginAccount } from '../account/MarginAccount.js';
import { checkAccount, checkOptions, checkPrices } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { type OpenOrder, readOpenOrders } from './OpenOrder.js';
import { type MarketReservation, reservedMargin } from './reservedMargin.js';

/**
 * Result of {@link openOrderMargin}.
 * @category Execution
 */
export interface OpenOrderMargin {
  /** Initial margin held by the resting orders, Σ over markets, in the settlement asset. */
  readonly reserved: Decimal;
  /** The cross pool's free collateral without the orders: `equity − IMR`. */
  readonly freeCollateral: Decimal;
  /** What is left for new risk and withdrawals: `freeCollateral − reserved` (negative: the orders are over-committed). */
  readonly available: Decimal;
  /** Per market with orders, in the order first seen. */
  readonly markets: readonly MarketReservation[];
}

/**
 * The initial margin held by the account's resting limit orders, and the free collateral left after it:
 *
 * - per side of a market, orders first close the position they reduce, in fill order (buys from the highest
 *   price, sells from the lowest); the rest opens risk, with opening notional `N_o = Σ notional(open_i, price_i)`
 *   at each order's own price;
 * - `reserved_side = N_o · IMF`, the initial fraction of the tier holding the position that side builds (the held
 *   notional at the mark, if the side adds to it, plus `N_o`), raised to `1/leverage` of the held position;
 * - `reserved_market = max(reserved_buy, reserved_sell)`: filling one side turns the other into a reduction, so
 *   venues hold margin for the larger side (a netting convention; Binance and Bybit describe it as the larger of
 *   the buy and sell order margins);
 * - `available = freeCollateral(cross) − Σ reserved_market`.
 *
 * All order margin is held from the cross pool's collateral (an isolated order's margin moves there on fill).
 * Fees are not held. Units: the settlement asset.
 *
 * @param account - the account.
 * @param prices - current prices (the mark sets the held notional's tier).
 * @param openOrders - resting orders: `marketId`, `side`, `size` > 0, limit `price` > 0.
 * @param options - `priceSource` (default `'mark'`).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad order field, e.g. `['openOrders', 1, 'price']`;
 *   {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, openOrderMargin } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { ETH: { mark: 3000 } } });
 * // a buy of 1 at 2,900 opens 2,900 (290 held); a sell of 1.5 at 3,100 closes 1 and opens 0.5 (155 held)
 * const m = openOrderMargin(account, prices, [
 *   { marketId: 'ETH', side: 'buy', size: 1, price: 2900 },
 *   { marketId: 'ETH', side: 'sell', size: '1.5', price: 3100 }]);
 * [m.reserved.toString(), m.freeCollateral.toString(), m.available.toString()]; // => ['290', '700', '410']
 * ```
 * @category Execution
 */
export function openOrderMargin(
  account: MarginAccount,
  prices: Prices,
  openOrders: readonly OpenOrder[],
  options: SummaryOptions = {},
): OpenOrderMargin {
  checkAccount(account);
  checkPrices(prices);
  checkOptions(options);
  const orders = readOpenOrders(account, openOrders, ['openOrders']);
  const priceSource = options.priceSource ?? 'mark';
  const summary = summarizeAccount(account, prices, { priceSource });
  const { reserved, markets } = reservedMargin(account, prices, orders, priceSource);
  const freeCollateral = summary.cross.freeCollateral;
  return { reserved, freeCollateral, available: freeCollateral.minus(reserved), markets };
}
