import type { Decimal } from '../internal/decimal.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import type { Prices } from '../prices/Prices.js';
import type { PositionSummary } from './AccountSummary.js';
import { notionalAt, pnlAt, positionTerms } from './positionTerms.js';
import { requirementAt } from './requirementAt.js';

/**
 * One position's numbers at `price` (open interest taken from the snapshot when present), from its cached terms:
 * linear `notional = |e|·P`, `PnL = e·(P − entry)`; inverse `notional = |e|/P`, `PnL = e·(1/entry − 1/P)`,
 * with `e = size · contractSize`.
 */
export function summarizePosition(
  market: Market,
  position: Position,
  price: Decimal,
  prices: Prices,
): PositionSummary {
  const terms = positionTerms(market, position);
  const entry = Object.hasOwn(prices.markets, market.id) ? prices.markets[market.id] : undefined;
  const notional = notionalAt(terms, price);
  const pnl = pnlAt(terms, position, price);
  return {
    positionId: position.id,
    marketId: position.marketId,
    marginMode: position.marginMode,
    size: position.size,
    side: terms.flat ? 'flat' : terms.long ? 'long' : 'short',
    price,
    entryPrice: position.entryPrice,
    entryValue: terms.entryValue,
    unrealizedPnl: pnl,
    unsettledFunding: position.unsettledFunding,
    requirement: requirementAt(market, notional, price, terms.leverageFraction, entry?.openInterest),
  };
}
