import { ValidationError, type ValidationIssue } from '../errors/ValidationError.js';
import type { Decimal } from '../internal/decimal.js';
import { deepFreeze, withoutUndefined } from '../internal/freeze.js';
import { collectIssues, throwIssues } from '../schemas/collectIssues.js';
import { assetPriceSchema, marketPriceSchema } from '../schemas/prices.js';
import { mergeTypos, parseOrThrow, unknownFields } from '../schemas/toValidationError.js';
import type { MarketPrice, Prices, PricesInput } from './Prices.js';

const FIELDS = ['markets', 'assets'];

/** The entries of a record keyed by id; a bad record or an empty id is reported and left out. */
function record(value: unknown, name: 'markets' | 'assets', issues: ValidationIssue[]): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ code: 'INVALID_TYPE', path: [name], message: 'expected an object keyed by id' });
    return [];
  }
  return Object.entries(value).filter(([id]) => {
    if (id.trim() !== '') return true;
    issues.push({ code: 'MISSING_FIELD', path: [name, id], message: 'an id must not be empty' });
    return false;
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
  // Every problem is collected, so one error reports them all.
  const issues: ValidationIssue[] = unknownFields(input, FIELDS);
  if (input.markets === undefined)
    issues.push({ code: 'MISSING_FIELD', path: ['markets'], message: 'is required' });
  const marketEntries: [string, MarketPrice][] = [];
  for (const [id, entry] of input.markets === undefined ? [] : record(input.markets, 'markets', issues)) {
    const price = collectIssues(issues, () => parseOrThrow(marketPriceSchema(), entry, ['markets', id]));
    if (price) marketEntries.push([id, withoutUndefined(price) as MarketPrice]);
  }
  const assetEntries: [string, Decimal][] = [];
  for (const [asset, entry] of input.assets === undefined ? [] : record(input.assets, 'assets', issues)) {
    const price = collectIssues(issues, () => parseOrThrow(assetPriceSchema(), entry, ['assets', asset]));
    if (price) assetEntries.push([asset, price]);
  }
  throwIssues(mergeTypos(issues));
  // Object.fromEntries defines own properties, so any id (even '__proto__') stays an ordinary key.
  const markets: Record<string, MarketPrice> = Object.fromEntries(marketEntries);
  const assets: Record<string, Decimal> = Object.fromEntries(assetEntries);
  return deepFreeze({ markets, assets });
}
