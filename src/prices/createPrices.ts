import { ValidationError } from '../errors/ValidationError.js';
import type { Decimal } from '../internal/decimal.js';
import { deepFreeze, withoutUndefined } from '../internal/freeze.js';
import { assetPriceSchema, marketPriceSchema } from '../schemas/prices.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { MarketPrice, Prices, PricesInput } from './Prices.js';

function record(value: unknown, name: 'markets' | 'assets'): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError([
      { code: 'INVALID_TYPE', path: [name], message: 'expected an object keyed by id' },
    ]);
  }
  return Object.entries(value).map(([id, entry]) => {
    if (id.trim() === '') {
      throw new ValidationError([
        { code: 'MISSING_FIELD', path: [name, id], message: 'an id must not be empty' },
      ]);
    }
    return [id, entry];
  });
}

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
  if (typeof input !== 'object' || input === null) {
    throw new ValidationError([{ code: 'INVALID_TYPE', path: [], message: 'expected a prices object' }]);
  }
  for (const key of Object.keys(input)) {
    if (key !== 'markets' && key !== 'assets') {
      throw new ValidationError([{ code: 'UNKNOWN_FIELD', path: [key], message: `unknown field '${key}'` }]);
    }
  }
  if (input.markets === undefined) {
    throw new ValidationError([{ code: 'MISSING_FIELD', path: ['markets'], message: 'is required' }]);
  }
  // Object.fromEntries defines own properties, so any id (even '__proto__') stays an ordinary key.
  const markets = Object.fromEntries(
    record(input.markets, 'markets').map(([id, entry]) => [
      id,
      withoutUndefined(parseOrThrow(marketPriceSchema(), entry, ['markets', id])) as MarketPrice,
    ]),
  );
  const assets: Record<string, Decimal> = Object.fromEntries(
    input.assets === undefined
      ? []
      : record(input.assets, 'assets').map(([asset, price]) => [
          asset,
          parseOrThrow(assetPriceSchema(), price, ['assets', asset]),
        ]),
  );
  return deepFreeze({ markets, assets });
}
