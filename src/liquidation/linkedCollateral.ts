import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ZERO } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import type { CollateralValuation } from '../margin/AccountSummary.js';
import type { Market } from '../market/Market.js';

/**
 * Collateral that moves with a market's price p (`collateralMovesWith: { BTC: 'BTC-PERP' }`): worth `value · p / p0`
 * at p, so in a pool's surplus it is not a constant `value` but `slope · p` with `slope = value / p0`. Linear markets
 * only (an inverse market's surplus in coin has no such linear term).
 */
export function linkedCollateral(
  entries: readonly CollateralValuation[],
  links: Readonly<Record<string, string>>,
  market: Market,
  p0: Decimal,
): { readonly value: Decimal; readonly slope: Decimal } {
  let value = ZERO();
  let slope = ZERO();
  for (const c of entries) {
    if (!Object.hasOwn(links, c.asset) || links[c.asset] !== market.id) continue;
    if (market.kind !== 'linear') {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'collateral can move only with a linear market', [
        'collateralMovesWith',
        c.asset,
      ]);
    }
    value = value.plus(c.value);
    slope = slope.plus(c.value.div(p0));
  }
  return { value, slope };
}
