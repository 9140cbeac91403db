import { checkMarket } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import type { Market } from '../market/Market.js';

/**
 * Notional (position value) of `size` contracts at `price`, in the market's settlement asset, always ≥ 0.
 *
 * - linear: `|size| · contractSize · price` (quote asset)
 * - inverse: `|size| · contractSize / price` (base coin; the notional of an inverse position falls as the price rises)
 *
 * Evaluated at the entry price this is the entry value; at an exit price, the exit value.
 *
 * @param market - the market (its kind and contract size).
 * @param size - signed size in contracts.
 * @param price - price in the quote asset, > 0.
 * @example
 * ```ts
 * import { createMarket, notional } from 'marginkit';
 * const inverse = createMarket({ id: 'BTCUSD', kind: 'inverse', baseAsset: 'BTC', quoteAsset: 'USD', contractSize: 100,
 *   marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.004' } });
 * notional(inverse, 100, 25_000).toString(); // => '0.4'  (100 contracts × $100 / $25,000, Binance COIN-M FAQ)
 * ```
 * @category Margin
 */
export function notional(market: Market, size: DecimalInput, price: DecimalInput): Decimal {
  checkMarket(market);
  const contracts = decimalArg(size, 'size').abs().times(market.contractSize);
  const p = positiveArg(price, 'price');
  return market.kind === 'linear' ? contracts.times(p) : contracts.div(p);
}
