import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkOptions, checkTime } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { YEAR_MS } from '../internal/time.js';
import { black76Values } from './black76Values.js';
import { checkOptionMarket } from './checkOptionMarket.js';
import type { OptionMarket } from './OptionBook.js';
import { readBlack76Input } from './readBlack76Input.js';

/**
 * The Black-76 mark of an option market at a moment: its premium per unit of the underlying, in the settlement asset
 * (quote asset for linear, coin for inverse), with t = max(expiry − now, 0) / (365 days) in years.
 * After expiry (now ≥ expiry) the mark is the payoff at the underlying price.
 *
 * @param market - an option market of a book made by {@link createOptionBook}.
 * @param underlyingPrice - F, the underlying perpetual's or future's price, > 0.
 * @param nowMs - the valuation time, Unix milliseconds.
 * @param volatility - annualised σ (`0.8` is 80 %), > 0 before expiry.
 * @param options - `rate`: continuously compounded discount rate, default 0.
 * @throws {@link InvalidArgumentError} for a malformed market, a bad time or model input (path `['option', field]`).
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook, optionMarkPrice } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', collateral: [], positions: [],
 *   markets: [{ id: 'ETH-PERP', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.03' } }] });
 * const expiry = Date.UTC(2026, 11, 31, 8);
 * const book = createOptionBook({ positions: [], markets: [{ id: 'ETH-P-3000', optionType: 'put', strike: 3000,
 *   expiry, underlying: 'ETH-PERP' }] }, account);
 * // At expiry the put is worth its payoff: 3000 − 2900
 * optionMarkPrice(book.markets['ETH-P-3000']!, 2900, expiry, '0.7').toString(); // => '100'
 * ```
 * @category Options
 */
export function optionMarkPrice(
  market: OptionMarket,
  underlyingPrice: DecimalInput,
  nowMs: number,
  volatility: DecimalInput,
  options: { readonly rate?: DecimalInput } = {},
): Decimal {
  checkOptionMarket(market);
  checkTime(nowMs, 'nowMs');
  checkOptions(options);
  const remaining = Math.max(market.expiry - nowMs, 0);
  if (remaining > 100 * YEAR_MS) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'the option expires more than 100 years after nowMs', [
      'nowMs',
    ]);
  }
  const input = {
    optionType: market.optionType,
    forward: underlyingPrice,
    strike: market.strike,
    volatility,
    time: new Decimal(remaining).div(YEAR_MS),
    settlement: market.settlement,
    ...(options.rate === undefined ? {} : { rate: options.rate }),
  };
  return black76Values(readBlack76Input(input, 'option')).price;
}
