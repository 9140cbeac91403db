import type { Decimal } from '../internal/decimal.js';
import { decimalOf, scaledOf } from '../internal/exactInteger.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import type { Prices } from '../prices/Prices.js';
import type { PositionSummary } from './AccountSummary.js';
import { type LinearValues, linearAt } from './linearAt.js';
import type { MarginRequirement } from './marginRequirement.js';
import { notionalAt, pnlAt, positionTerms } from './positionTerms.js';
import { requirementAt, requirementOfValues } from './requirementAt.js';

/**
 * One position's numbers at `price` (open interest taken from the snapshot when present), from its cached terms:
 * linear `notional = |e|·P`, `PnL = e·(P − entry)`; inverse `notional = |e|/P`, `PnL = e·(1/entry − 1/P)`,
 * with `e = size · contractSize`. A linear position on a flat or tiered schedule is valued in exact integers
 * ({@link linearAt}); `values` then holds its integers (`values.tier ≥ 0`), else `values.tier` is −1.
 */
export function summarizePosition(
  market: Market,
  position: Position,
  price: Decimal,
  prices: Prices,
  values: LinearValues,
): PositionSummary {
  const terms = positionTerms(market, position);
  const integer = terms.integer;
  const scaled = integer === undefined ? undefined : scaledOf(price);
  let notional: Decimal;
  let pnl: Decimal;
  let requirement: MarginRequirement;
  if (integer !== undefined && scaled !== undefined) {
    linearAt(integer, scaled.m, scaled.k, values);
    notional = decimalOf(values.nm, values.nk);
    pnl = decimalOf(values.pm, values.pk);
    requirement = requirementOfValues(market, values, notional, terms.leverageFraction);
  } else {
    values.tier = -1;
    const entry = Object.hasOwn(prices.markets, market.id) ? prices.markets[market.id] : undefined;
    notional = notionalAt(terms, price);
    pnl = pnlAt(terms, position, price);
    requirement = requirementAt(market, notional, price, terms.leverageFraction, entry?.openInterest);
  }
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
    requirement,
  };
}
