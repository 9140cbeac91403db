import { checkList } from '../internal/argumentShape.js';
import { isCreatedMarket, markCreatedMarket } from '../internal/created.js';
import { Decimal } from '../internal/decimal.js';
import { deepFreeze, withoutUndefined } from '../internal/freeze.js';
import { marketSchema } from '../schemas/market.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { Market, MarketInput } from './Market.js';

/**
 * Validates a market specification and returns it as a frozen {@link Market} with exact decimals.
 *
 * Defaults: `contractSize` 1; `settleAsset` the quote asset (linear) or base asset (inverse); tier
 * maintenance deductions derived by the continuity recursion (see {@link maintenanceDeductions}).
 *
 * @param input - the specification; numbers may be strings, numbers, bigints or Decimals.
 * @param path - where this input sits in a larger input, for error paths (default: top level).
 * @throws {@link ValidationError} naming the field at fault, e.g. `MAINTENANCE_ABOVE_INITIAL`.
 * @example
 * ```ts
 * import { createMarket } from 'marginkit';
 * const btc = createMarket({
 *   id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', stepSize: '0.001',
 *   marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
 * });
 * btc.settleAsset; // => 'USDT'
 * btc.contractSize.toString(); // => '1'
 * ```
 * @category Market
 */
export function createMarket(input: MarketInput | Market, path: (string | number)[] = []): Market {
  // A market this library created is already valid and frozen: share it.
  if (isCreatedMarket(input)) return input;
  checkList(path, 'path');
  const v = parseOrThrow(marketSchema(), input, path);
  const market = withoutUndefined({
    id: v.id,
    kind: v.kind,
    baseAsset: v.baseAsset,
    quoteAsset: v.quoteAsset,
    settleAsset: v.kind === 'linear' ? v.quoteAsset : v.baseAsset,
    contractSize: v.contractSize ?? new Decimal(1),
    tickSize: v.tickSize,
    stepSize: v.stepSize,
    marginSchedule: v.marginSchedule,
    fundingSchedule: v.fundingSchedule,
    expiry: v.expiry,
  });
  return markCreatedMarket(deepFreeze(market as Market));
}
