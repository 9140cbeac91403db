import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { MissingPriceError } from '../errors/MissingPriceError.js';
import { checkAccount, checkObject, checkPrices, checkTime } from '../internal/argumentShape.js';
import { deepFreeze } from '../internal/freeze.js';
import type { MarketPrice, Prices } from '../prices/Prices.js';

/**
 * Options of {@link convergeBasis}.
 * @category Futures
 */
export interface ConvergeBasisOptions {
  /** The moment the prices are observed, Unix milliseconds. */
  readonly nowMs: number;
  /** Time that passes, in whole milliseconds ≥ 0 (default 0). */
  readonly horizonMs?: number;
}

/**
 * Prices of an account's dated futures after time passes, their basis converging linearly in time to zero at expiry.
 * For each market with an `expiry` whose prices hold a `mark` (the future's price F) and an `oracle` (its index S):
 * with τ₀ = expiry − now and τ₁ = τ₀ − horizon,
 * - τ₁ > 0: F' = S + (F − S) · τ₁ / τ₀ (the index held, the basis shrunk by the time left);
 * - τ₁ ≤ 0 (expiry reached or passed): F' = S, the future settles at its index.
 * The oracle (index) is unchanged, as are perpetuals and every other price. A horizon of 0 before expiry changes
 * nothing. Used by the stress functions for time shifts: {@link stressWithOptions} and
 * {@link liquidationMoveWithOptions} (the scenario's `horizonMs`, after its price move) and {@link stressAccount}
 * (a scenario's funding horizon, `toMs − fromMs` from `fromMs`).
 *
 * @param account - the account whose markets say which ids are dated futures.
 * @param prices - the prices now.
 * @param options - `nowMs` and `horizonMs`.
 * @throws {@link MissingPriceError} `MISSING_PRICE` at `['markets', id, 'oracle']` when a future's mark must move but
 *   it has no index; {@link InvalidArgumentError} for a bad time or a negative horizon.
 * @example
 * ```ts
 * import { convergeBasis, createMarginAccount, createPrices } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', collateral: [], positions: [],
 *   markets: [{ id: 'BTC-27MAR', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC', expiry: 40 * 86_400_000,
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }] });
 * const now = createPrices({ markets: { 'BTC-27MAR': { oracle: 100_000, mark: 101_000 } } });
 * // 30 of the 40 days pass: a quarter of the 1000 basis is left
 * const later = convergeBasis(account, now, { nowMs: 0, horizonMs: 30 * 86_400_000 });
 * later.markets['BTC-27MAR']?.mark?.toString(); // => '100250'
 * ```
 * @category Futures
 */
export function convergeBasis(account: MarginAccount, prices: Prices, options: ConvergeBasisOptions): Prices {
  checkAccount(account);
  checkPrices(prices);
  checkObject(options, 'options');
  checkTime(options.nowMs, 'options.nowMs');
  const horizon = options.horizonMs ?? 0;
  checkTime(horizon, 'options.horizonMs');
  if (horizon < 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'horizonMs must be ≥ 0', ['options', 'horizonMs']);
  }
  return convergeAt(account, prices, options.nowMs, horizon);
}

/** {@link convergeBasis} on checked arguments; returns `prices` itself when no future's price moves. */
export function convergeAt(account: MarginAccount, prices: Prices, nowMs: number, horizonMs: number): Prices {
  let markets: Record<string, MarketPrice> | undefined;
  for (const market of Object.values(account.markets)) {
    if (market.expiry === undefined || !Object.hasOwn(prices.markets, market.id)) continue;
    const entry = prices.markets[market.id] as MarketPrice;
    const before = market.expiry - nowMs;
    const after = before - horizonMs;
    if (entry.mark === undefined || (horizonMs === 0 && before > 0)) continue;
    const index = entry.oracle;
    if (index === undefined) {
      throw new MissingPriceError(
        'MISSING_PRICE',
        `dated future '${market.id}' needs its index (oracle) price to converge its basis`,
        ['markets', market.id, 'oracle'],
      );
    }
    const mark = after <= 0 ? index : index.plus(entry.mark.minus(index).times(after).div(before));
    markets ??= { ...prices.markets };
    Object.defineProperty(markets, market.id, {
      value: { ...entry, mark },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return markets === undefined ? prices : deepFreeze({ markets, assets: prices.assets });
}
