import type { MarginAccount } from '../account/MarginAccount.js';
import { checkAccount, checkOptions, checkPrices, checkText } from '../internal/argumentShape.js';
import type { Prices } from '../prices/Prices.js';
import { poolThresholdPrice, type ThresholdOptions } from './poolThresholdPrice.js';
import type { BankruptcyPrice } from './ThresholdPrice.js';

/**
 * The price of a position's market at which its pool's equity reaches zero (every other market held), the price
 * at which closing the position leaves nothing: `equity(p) = 0`.
 *
 * Closed form with one leg and pool equity `K` without this leg's PnL: linear `p = e − K/(s·c)`;
 * inverse `p = s·c / (K + s·c/e)`. For an isolated linear long with margin `IM = Q·e/L` this is Bybit's
 * `BP = e·(1 − 1/L)` (Bybit help "Bankruptcy price").
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position.
 * @param options - `priceSource` (default `'mark'`).
 * @returns a tagged value: `price`, `never` (e.g. a 1× long), or `now` (equity already below 0).
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { bankruptcyPrice, createMarginAccount, createPrices } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTCUSDT', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.005' } }],
 *   positions: [{ marketId: 'BTCUSDT', size: 1, entryPrice: 10_000, marginMode: 'isolated', isolatedMargin: 200 }] });
 * const bp = bankruptcyPrice(account, createPrices({ markets: { BTCUSDT: { mark: 10_000 } } }), 'BTCUSDT');
 * if (bp.kind === 'price') bp.price.toString(); // => '9800'  (Bybit: 1 BTC long at 10,000, 50×)
 * ```
 * @category Liquidation
 */
export function bankruptcyPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  options: ThresholdOptions = {},
): BankruptcyPrice {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  return poolThresholdPrice(account, prices, positionId, 'bankruptcy', options);
}
