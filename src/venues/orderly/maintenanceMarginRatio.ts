import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import type { OrderlyMarket } from './OrderlyMarket.js';
import { mmrOf, resolveMarket } from './terms.js';

/**
 * Orderly's maintenance margin ratio of a position of notional `N` (USDC), as its docs state:
 *
 * `MMR = max(baseMMR, (baseMMR / baseIMR) · imrFactor · |N|^(4/5))`
 *
 * Source: Orderly docs, "Margin, Leverage and PnL" and "Formulas and Definitions".
 *
 * @param market - `baseImr`, `baseMmr`, `imrFactor`.
 * @param notional - position notional, USDC (sign ignored).
 * @throws {@link InvalidArgumentError} for a malformed or negative term.
 * @example
 * ```ts
 * import { orderlyMaintenanceMarginRatio } from 'marginkit';
 * // 0.6 / 1 of the IMR size term at $10M; 0.6 % below the threshold
 * const btc = { baseImr: '0.01', baseMmr: '0.006', imrFactor: '0.000000375' };
 * [orderlyMaintenanceMarginRatio(btc, 10_000_000).toFixed(8), orderlyMaintenanceMarginRatio(btc, 100_000).toString()]; // => ['0.08957411', '0.006']
 * ```
 * @category Venue: Orderly
 */
export function orderlyMaintenanceMarginRatio(market: OrderlyMarket, notional: DecimalInput): Decimal {
  return mmrOf(resolveMarket(market, ['market']), decimalArg(notional, 'notional'));
}
