import { failValidation, type ValidationIssue } from '../errors/ValidationError.js';
import { closestName } from '../internal/closestName.js';
import { ONE } from '../internal/constants.js';
import { isCreatedAccount, markCreatedAccount } from '../internal/created.js';
import { plainDecimal, plainId, plainObject } from '../internal/plainFields.js';
import { quoteInput } from '../internal/quoteInput.js';
import { createMarket } from '../market/createMarket.js';
import type { Market } from '../market/Market.js';
import { createPosition } from '../position/createPosition.js';
import type { Position } from '../position/Position.js';
import { collateralSchema } from '../schemas/account.js';
import { collectIssues, throwIssues } from '../schemas/collectIssues.js';
import { idField } from '../schemas/fields.js';
import { mergeTypos, parseOrThrow, unknownFields } from '../schemas/toValidationError.js';
import type { Collateral, MarginAccount, MarginAccountInput } from './MarginAccount.js';

const FIELDS = ['settleAsset', 'markets', 'collateral', 'positions'];
const COLLATERAL_KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set([
  'asset',
  'amount',
  'weight',
  'liabilityWeight',
]);

/** A well-formed plain collateral entry read without the schema (which reports every issue of the others). */
function readCollateral(input: unknown): Collateral | undefined {
  try {
    const raw = plainObject(input, COLLATERAL_KEYS);
    const asset = raw && plainId(raw.asset);
    const amount = raw && plainDecimal(raw.amount, 'any');
    if (!raw || !asset || !amount) return undefined;
    const weight = raw.weight === undefined ? ONE() : plainDecimal(raw.weight, 'nonNegative');
    const liabilityWeight =
      raw.liabilityWeight === undefined ? ONE() : plainDecimal(raw.liabilityWeight, 'any');
    if (!weight || weight.greaterThan(1) || !liabilityWeight || liabilityWeight.lessThan(1)) return undefined;
    return Object.freeze({ asset, amount, weight, liabilityWeight });
  } catch {
    // A getter that throws, a proxy trap: the schema path reports it.
    return undefined;
  }
}

/** The entries of a list field; a field that is not a list is reported and read as empty. */
function asArray(value: unknown, path: string, issues: ValidationIssue[]): readonly unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  issues.push({ code: 'INVALID_TYPE', path: [path], message: 'expected an array' });
  return [];
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
 * @throws {@link ValidationError} listing every problem found in the markets, collateral and positions, each with
 *   its path, e.g. `['positions', 2, 'marketId']` and code `UNKNOWN_MARKET`.
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
    failValidation('INVALID_TYPE', [], 'expected an account object');
  }
  // An account this library created is already valid and frozen.
  if (isCreatedAccount(input)) return input;
  const raw = input as unknown as Record<string, unknown>;
  // Every problem is collected, so one error reports them all.
  const issues: ValidationIssue[] = unknownFields(raw, FIELDS);
  const settleAsset =
    plainId(raw.settleAsset) ??
    collectIssues(issues, () => parseOrThrow(idField(), raw.settleAsset, ['settleAsset']));

  const byId = new Map<string, Market>();
  // Ids of markets that failed their own checks: positions in them are not reported again as in an unknown market.
  const invalidIds = new Set<unknown>();
  // A created account keys its markets by id; inputs usually list them.
  const marketList =
    typeof raw.markets === 'object' && raw.markets !== null && !Array.isArray(raw.markets)
      ? Object.values(raw.markets)
      : raw.markets;
  if (marketList === undefined)
    issues.push({ code: 'MISSING_FIELD', path: ['markets'], message: 'is required' });
  asArray(marketList, 'markets', issues).forEach((m, i) => {
    const market = collectIssues(issues, () => createMarket(m as Market, ['markets', i]));
    if (!market) {
      invalidIds.add((m as { id?: unknown } | null)?.id);
      return;
    }
    if (byId.has(market.id)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: ['markets', i, 'id'],
        message: `market ${quoteInput(market.id)} is listed twice`,
        received: `'${market.id}'`,
      });
    }
    if (settleAsset !== undefined && market.settleAsset !== settleAsset) {
      issues.push({
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
  const collateral: Collateral[] = [];
  asArray(raw.collateral, 'collateral', issues).forEach((c, i) => {
    const v =
      readCollateral(c) ??
      collectIssues(issues, () => {
        const read = parseOrThrow(collateralSchema(), c, ['collateral', i]);
        return Object.freeze({
          asset: read.asset,
          amount: read.amount,
          weight: read.weight ?? ONE(),
          liabilityWeight: read.liabilityWeight ?? ONE(),
        });
      });
    if (!v) return;
    if (seenAssets.has(v.asset)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: ['collateral', i, 'asset'],
        message: `asset ${quoteInput(v.asset)} is listed twice`,
        received: `'${v.asset}'`,
      });
    }
    seenAssets.add(v.asset);
    collateral.push(v);
  });

  const seenPositions = new Set<string>();
  const positions: Position[] = [];
  asArray(raw.positions, 'positions', issues).forEach((p, i) => {
    const marketId = (p as { marketId?: unknown } | null)?.marketId;
    const market = typeof marketId === 'string' ? byId.get(marketId) : undefined;
    if (typeof marketId === 'string' && marketId.trim() !== '' && !market && !invalidIds.has(marketId)) {
      const known = closestName(marketId, [...byId.keys()]);
      issues.push({
        code: 'UNKNOWN_MARKET',
        path: ['positions', i, 'marketId'],
        message: `market ${quoteInput(marketId)} is not among the account's markets${known === undefined ? '' : `; did you mean ${quoteInput(known)}?`}`,
        received: `'${marketId}'`,
        ...(known === undefined ? {} : { suggestion: known }),
      });
    }
    const position = collectIssues(issues, () => createPosition(p as Position, market, ['positions', i]));
    if (!position) return;
    if (seenPositions.has(position.id)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: ['positions', i, 'id'],
        message: `position id ${quoteInput(position.id)} is used twice; give hedge-mode positions distinct ids`,
        received: `'${position.id}'`,
      });
    }
    seenPositions.add(position.id);
    positions.push(position);
  });

  throwIssues(mergeTypos(issues));
  // Markets and positions are frozen by their factories; the rest is frozen here.
  return markCreatedAccount(
    Object.freeze({
      settleAsset: settleAsset as string,
      markets: Object.freeze(markets),
      collateral: Object.freeze(collateral),
      positions: Object.freeze(positions),
    }),
  );
}
