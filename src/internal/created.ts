import type { MarginAccount } from '../account/MarginAccount.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';

// The primitives this copy of the library created (and so validated). A factory handed one of them returns it as
// it is: a created market is shared by reference across accounts, never re-validated or copied. Frozen objects
// cannot be altered after creation, so membership is proof of validity.
const markets = /*#__PURE__*/ new WeakSet<Market>();
const positions = /*#__PURE__*/ new WeakMap<Position, Market | undefined>();
const accounts = /*#__PURE__*/ new WeakSet<MarginAccount>();

/** Records a market made by {@link createMarket}. */
export function markCreatedMarket(market: Market): Market {
  markets.add(market);
  return market;
}

/** True when `value` is a market this library created. */
export function isCreatedMarket(value: unknown): value is Market {
  return typeof value === 'object' && value !== null && markets.has(value as Market);
}

/** Records a position made by {@link createPosition}, with the market it was checked against (if any). */
export function markCreatedPosition(position: Position, market: Market | undefined): Position {
  positions.set(position, market);
  return position;
}

/**
 * `'same'` when `value` is a created position already checked against `market`, `'other'` when it is a created
 * position checked against another market or none, `undefined` when it was not created here.
 */
export function createdPosition(value: unknown, market: Market | undefined): 'same' | 'other' | undefined {
  if (typeof value !== 'object' || value === null || !positions.has(value as Position)) return undefined;
  return market === undefined || positions.get(value as Position) === market ? 'same' : 'other';
}

/** Records an account made by {@link createMarginAccount}. */
export function markCreatedAccount(account: MarginAccount): MarginAccount {
  accounts.add(account);
  return account;
}

/** True when `value` is an account this library created. */
export function isCreatedAccount(value: unknown): value is MarginAccount {
  return typeof value === 'object' && value !== null && accounts.has(value as MarginAccount);
}
