import { checkMarket } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { notional } from '../margin/notional.js';
import type { Market } from '../market/Market.js';

/**
 * The fee on a trade of `size` contracts at `price`: `notional · rate`, in the market's settlement asset (for an
 * inverse contract the fee is in coin: `|size| · contractSize / price · rate`). A negative rate is a rebate
 * (a negative fee).
 *
 * @param market - the market.
 * @param size - traded size in contracts (sign ignored).
 * @param price - fill price.
 * @param rate - fee rate.
 * @example
 * ```ts
 * import { createMarket, tradingFee } from 'marginkit';
 * const m = createMarket({ id: 'BTCUSDT', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *   marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.005' } });
 * tradingFee(m, 1, 10_000, '0.00075').toString(); // => '7.5'  (Bybit: taker 0.075 % on 10,000)
 * ```
 * @category Execution
 */
export function tradingFee(
  market: Market,
  size: DecimalInput,
  price: DecimalInput,
  rate: DecimalInput,
): Decimal {
  checkMarket(market);
  return notional(market, size, price).times(decimalArg(rate, 'rate'));
}
