import type { Decimal } from '../internal/decimal.js';
import type { Prices } from './Prices.js';

/**
 * The prices with one market's mark and oracle both set to `price` (everything else shared by reference). Built
 * with `Object.fromEntries`, so any market id (even `'__proto__'`) stays an ordinary key.
 */
export function withMarketPrice(prices: Prices, marketId: string, price: Decimal): Prices {
  const current = Object.hasOwn(prices.markets, marketId) ? prices.markets[marketId] : undefined;
  const markets = Object.fromEntries([
    ...Object.entries(prices.markets).filter(([id]) => id !== marketId),
    [marketId, { ...current, mark: price, oracle: price }],
  ]);
  return { markets, assets: prices.assets };
}
