import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import type { BybitPositionTerms } from './BybitPositionTerms.js';
import { bankruptcyValue, rate, readTerms } from './terms.js';

/**
 * Bybit's return on investment of an open position, as a fraction: `ROI = uPnL / (IM + closing fee)`, where the
 * closing fee is the taker fee at the bankruptcy price (Bybit USDT P&L page, copied at pastorq.com/7518.html:
 * 0.2 BTC long at 7,000, 10×, +100 USDT, fee 0.055 % → 100 / (140 + 0.693) = 71.08 %, printed 71.07 %).
 *
 * Units: `unrealizedPnl` in the settle coin; the result is a fraction (0.5 is 50 %).
 *
 * @param unrealizedPnl - unrealized PnL of the position, in the settle coin.
 * @param terms - the position (size, entry price, leverage).
 * @param takerFeeRate - taker fee rate, a fraction in [0, 1).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad field.
 * @example
 * ```ts
 * import { bybitRoi } from 'marginkit';
 * bybitRoi(100, { kind: 'linear', size: '0.2', entryPrice: 7_000, leverage: 10 }, '0.00055').times(100).toFixed(4); // => '71.0767'
 * ```
 * @category Venue: Bybit
 */
export function bybitRoi(
  unrealizedPnl: DecimalInput,
  terms: BybitPositionTerms,
  takerFeeRate: DecimalInput,
): Decimal {
  checkObject(terms, 'terms');
  const pnl = decimalArg(unrealizedPnl, 'unrealizedPnl');
  const t = readTerms(terms);
  const fee = rate(takerFeeRate, ['takerFeeRate']);
  return pnl.div(t.initialMargin.plus(fee.times(bankruptcyValue(t))));
}
