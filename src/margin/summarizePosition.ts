import type { Decimal } from '../internal/decimal.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import type { Prices } from '../prices/Prices.js';
import type { PositionSummary } from './AccountSummary.js';
import { marginRequirement } from './marginRequirement.js';
import { notional } from './notional.js';
import { unrealizedPnl } from './unrealizedPnl.js';

/** One position's numbers at `price` (open interest taken from the snapshot when present). */
export function summarizePosition(
  market: Market,
  position: Position,
  price: Decimal,
  prices: Prices,
): PositionSummary {
  const openInterest = Object.hasOwn(prices.markets, market.id)
    ? prices.markets[market.id]?.openInterest
    : undefined;
  const requirement = marginRequirement(market, position.size, price, {
    ...(position.leverage === undefined ? {} : { leverage: position.leverage }),
    ...(openInterest === undefined ? {} : { openInterest }),
  });
  return {
    positionId: position.id,
    marketId: position.marketId,
    marginMode: position.marginMode,
    size: position.size,
    side: position.size.isZero() ? 'flat' : position.size.isNegative() ? 'short' : 'long',
    price,
    entryPrice: position.entryPrice,
    entryValue: notional(market, position.size, position.entryPrice),
    unrealizedPnl: unrealizedPnl(market, position, price),
    unsettledFunding: position.unsettledFunding,
    requirement,
  };
}
