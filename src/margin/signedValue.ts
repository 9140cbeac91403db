import type { Decimal } from '../internal/decimal.js';
import type { Market } from '../market/Market.js';

/**
 * Signed value of `size` contracts at `price` in the settlement asset: linear `s·c·p`, inverse `s·c/p` (the signed
 * counterpart of {@link notional}); arguments already validated.
 */
export function signedValue(market: Market, size: Decimal, price: Decimal): Decimal {
  const exposure = size.times(market.contractSize);
  return market.kind === 'linear' ? exposure.times(price) : exposure.div(price);
}
