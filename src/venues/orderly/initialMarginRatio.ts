import { checkOptions } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import type { OrderlyMarket } from './OrderlyMarket.js';
import { imrOf, leverageArg, resolveMarket } from './terms.js';

/**
 * Options of {@link orderlyInitialMarginRatio}.
 * @category Venue: Orderly
 */
export interface OrderlyImrOptions {
  /** The account's max leverage (`max_leverage` of `/v1/client/info`): IMR is at least its inverse. */
  readonly maxAccountLeverage?: DecimalInput;
}

/**
 * Orderly's initial margin ratio of a position of notional `N` (USDC), as its docs state:
 *
 * `IMR = max(1 / maxAccountLeverage, baseIMR, imrFactor · |N|^(4/5))`
 *
 * `|N|^(4/5)` is computed at 60 significant digits and rounded once to 40 (see the venue guide); the rest is exact.
 * Source: Orderly docs, "Margin, Leverage and PnL" and "Formulas and Definitions"
 * (orderly.network/docs/introduction/trade-on-orderly/perpetual-futures/).
 *
 * @param market - `baseImr`, `baseMmr`, `imrFactor`.
 * @param notional - position notional `qty · mark`, USDC (sign ignored).
 * @param options - `maxAccountLeverage`.
 * @throws {@link InvalidArgumentError} for a malformed or negative term, or a leverage ≤ 0.
 * @example
 * ```ts
 * import { orderlyInitialMarginRatio } from 'marginkit';
 * // BTC-PERP: base IMR 1 %, factor 0.000000375; $10M notional: 0.000000375 · 1e7^0.8 = 0.000000375 · 398 107.17…
 * orderlyInitialMarginRatio({ baseImr: '0.01', baseMmr: '0.006', imrFactor: '0.000000375' }, 10_000_000).toFixed(8); // => '0.14929019'
 * ```
 * @category Venue: Orderly
 */
export function orderlyInitialMarginRatio(
  market: OrderlyMarket,
  notional: DecimalInput,
  options: OrderlyImrOptions = {},
): Decimal {
  checkOptions(options);
  return imrOf(
    resolveMarket(market, ['market']),
    decimalArg(notional, 'notional'),
    leverageArg(options.maxAccountLeverage),
  );
}
