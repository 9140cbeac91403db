import { deepFreeze, withoutUndefined } from '../internal/freeze.js';
import { pricesSchema } from '../schemas/prices.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { MarketPrice, Prices, PricesInput } from './Prices.js';

/**
 * Validates a price snapshot and returns frozen {@link Prices}. Every market entry needs an oracle or a mark
 * price (both > 0); open interest is optional (≥ 0); collateral asset prices must be > 0.
 *
 * @param input - prices by market id, and optionally by collateral asset.
 * @throws {@link ValidationError} e.g. `NOT_POSITIVE` at `['markets', 'BTC-PERP', 'mark']`.
 * @example
 * ```ts
 * import { createPrices } from 'marginkit';
 * const prices = createPrices({ markets: { 'BTC-PERP': { oracle: '60000', mark: '60012.5' } }, assets: { BTC: '60000' } });
 * prices.markets['BTC-PERP']?.mark?.toString(); // => '60012.5'
 * ```
 * @category Prices
 */
export function createPrices(input: PricesInput | Prices): Prices {
  const v = parseOrThrow(pricesSchema(), input);
  const markets = Object.fromEntries(
    Object.entries(v.markets).map(([id, p]) => [id, withoutUndefined(p) as MarketPrice]),
  );
  return deepFreeze({ markets, assets: Object.fromEntries(Object.entries(v.assets ?? {})) });
}
