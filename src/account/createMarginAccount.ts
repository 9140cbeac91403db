import { failValidation, type ValidationIssue } from '../errors/ValidationError.js';
import { Decimal } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { quoteInput } from '../internal/quoteInput.js';
import { createMarket } from '../market/createMarket.js';
import type { Market } from '../market/Market.js';
import { createPosition } from '../position/createPosition.js';
import type { Position } from '../position/Position.js';
import { collateralSchema } from '../schemas/account.js';
import { idField } from '../schemas/fields.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { Collateral, MarginAccount, MarginAccountInput } from './MarginAccount.js';

function fail(issue: ValidationIssue): never {
  return failValidation(issue.code, issue.path, issue.message);
}

function asArray(value: unknown, path: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail({ code: 'INVALID_TYPE', path: [path], message: 'expected an array' });
  return value;
}

/**
 * Validates a whole account — its markets, cross collateral and positions, and how they refer to each other —
 * and returns a frozen {@link MarginAccount}.
 *
 * Checks beyond each part's own shape: market ids, collateral assets and position ids are unique; every
 * position's market is one of the account's markets and its size is on that market's step; every market
 * settles in the account's settlement asset.
 *
 * @param input - the account; `collateral` and `positions` default to empty.
 * @throws {@link ValidationError} with the path of the field at fault, e.g. `['positions', 2, 'marketId']`
 *   and code `UNKNOWN_MARKET`.
 * @example
 * ```ts
 * import { createMarginAccount } from 'marginkit';
 * const account = createMarginAccount({
 *   settleAsset: 'USDT',
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }],
 *   collateral: [{ asset: 'USDT', amount: '10000' }],
 *   positions: [{ marketId: 'BTC-PERP', size: '0.5', entryPrice: '60000', marginMode: 'cross' }],
 * });
 * account.positions.length; // => 1
 * ```
 * @category Account
 */
export function createMarginAccount(input: MarginAccountInput | MarginAccount): MarginAccount {
  if (typeof input !== 'object' || input === null) {
    fail({ code: 'INVALID_TYPE', path: [], message: 'expected an account object' });
  }
  const raw = input as unknown as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!['settleAsset', 'markets', 'collateral', 'positions'].includes(key)) {
      fail({ code: 'UNKNOWN_FIELD', path: [key], message: `unknown field ${quoteInput(key)}` });
    }
  }
  const settleAsset = parseOrThrow(idField(), raw.settleAsset, ['settleAsset']);

  const byId = new Map<string, Market>();
  // A created account keys its markets by id; inputs usually list them.
  const marketList =
    typeof raw.markets === 'object' && raw.markets !== null && !Array.isArray(raw.markets)
      ? Object.values(raw.markets)
      : raw.markets;
  asArray(
    marketList ?? fail({ code: 'MISSING_FIELD', path: ['markets'], message: 'is required' }),
    'markets',
  ).forEach((m, i) => {
    const market = createMarket(m as Market, ['markets', i]);
    if (byId.has(market.id)) {
      fail({
        code: 'DUPLICATE_ID',
        path: ['markets', i, 'id'],
        message: `market ${quoteInput(market.id)} is listed twice`,
      });
    }
    if (market.settleAsset !== settleAsset) {
      fail({
        code: 'SETTLEMENT_MISMATCH',
        path: ['markets', i],
        message: `market ${quoteInput(market.id)} settles in ${market.settleAsset}, the account in ${settleAsset}`,
      });
    }
    byId.set(market.id, market);
  });

  // fromEntries defines own properties, so an id such as '__proto__' stays an ordinary key.
  const markets: Record<string, Market> = Object.fromEntries(byId);

  const seenAssets = new Set<string>();
  const collateral: Collateral[] = asArray(raw.collateral, 'collateral').map((c, i) => {
    const v = parseOrThrow(collateralSchema(), c, ['collateral', i]);
    if (seenAssets.has(v.asset)) {
      fail({
        code: 'DUPLICATE_ID',
        path: ['collateral', i, 'asset'],
        message: `asset ${quoteInput(v.asset)} is listed twice`,
      });
    }
    seenAssets.add(v.asset);
    return {
      asset: v.asset,
      amount: v.amount,
      weight: v.weight ?? new Decimal(1),
      liabilityWeight: v.liabilityWeight ?? new Decimal(1),
    };
  });

  const seenPositions = new Set<string>();
  const positions: Position[] = asArray(raw.positions, 'positions').map((p, i) => {
    const marketId = (p as { marketId?: unknown } | null)?.marketId;
    const market = typeof marketId === 'string' ? byId.get(marketId) : undefined;
    if (typeof marketId === 'string' && marketId.trim() !== '' && !market) {
      fail({
        code: 'UNKNOWN_MARKET',
        path: ['positions', i, 'marketId'],
        message: `market ${quoteInput(marketId)} is not among the account's markets`,
      });
    }
    const position = createPosition(p as Position, market, ['positions', i]);
    if (seenPositions.has(position.id)) {
      fail({
        code: 'DUPLICATE_ID',
        path: ['positions', i, 'id'],
        message: `position id ${quoteInput(position.id)} is used twice; give hedge-mode positions distinct ids`,
      });
    }
    seenPositions.add(position.id);
    return position;
  });

  return deepFreeze({ settleAsset, markets, collateral, positions });
}
