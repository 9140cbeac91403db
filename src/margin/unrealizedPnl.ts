import { checkMarket, checkPosition } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { positiveArg } from '../internal/decimalArg.js';
import { positiveZero } from '../internal/positiveZero.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';

/**
 * Unrealized profit and loss of a position at `price`, in the settlement asset (signed; a gain is positive).
 *
 * - linear: `size · contractSize · (price − entryPrice)`
 * - inverse: `size · contractSize · (1/entryPrice − 1/price)`
 *
 * Unsettled funding is not included (see {@link Position.unsettledFunding}).
 *
 * @param market - the position's market.
 * @param position - the position (signed size, entry price).
 * @param price - the price to value it at, > 0.
 * @example
 * ```ts
 * import { createMarket, createPosition, unrealizedPnl } from 'marginkit';
 * const xbt = createMarket({ id: 'XBTUSD', kind: 'inverse', baseAsset: 'XBT', quoteAsset: 'USD',
 *   marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' } });
 * const long = createPosition({ marketId: 'XBTUSD', size: 100_000, entryPrice: 10_000, marginMode: 'cross' });
 * unrealizedPnl(xbt, long, 10_500).toFixed(6); // => '0.476190'  (BitMEX inverse futures guide)
 * ```
 * @category Margin
 */
export function unrealizedPnl(market: Market, position: Position, price: DecimalInput): Decimal {
  checkMarket(market);
  checkPosition(position);
  const exposure = position.size.times(market.contractSize);
  const p = positiveArg(price, 'price');
  return positiveZero(
    market.kind === 'linear'
      ? exposure.times(p.minus(position.entryPrice))
      : exposure.times(new Decimal(1).div(position.entryPrice).minus(new Decimal(1).div(p))),
  );
}
