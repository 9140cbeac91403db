import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';

/**
 * The premium index of a perpetual: how far the impact prices of the book sit outside the index price,
 * as a fraction of the index:
 *
 * `P = (max(0, impactBid − index) − max(0, index − impactAsk)) / index`
 *
 * Binance USDⓈ-M, Bybit and Hyperliquid ("Funding" pages) use this form; BitMEX uses the mark in the numerator.
 * The result is per the rate period the venue averages it over (Binance and Hyperliquid: 8 hours).
 *
 * @param impactBid - average fill price of selling the impact notional into the bids.
 * @param impactAsk - average fill price of buying the impact notional from the asks.
 * @param index - index (oracle) price, > 0.
 * @example
 * ```ts
 * import { premiumIndex } from 'marginkit';
 * premiumIndex(10_100, 10_200, 10_000).toString(); // => '0.01'  (Hyperliquid docs example)
 * ```
 * @category Funding
 */
export function premiumIndex(impactBid: DecimalInput, impactAsk: DecimalInput, index: DecimalInput): Decimal {
  const bid = decimalArg(impactBid, 'impactBid');
  const ask = decimalArg(impactAsk, 'impactAsk');
  const i = positiveArg(index, 'index');
  const zero = new Decimal(0);
  return Decimal.max(zero, bid.minus(i))
    .minus(Decimal.max(zero, i.minus(ask)))
    .div(i);
}
