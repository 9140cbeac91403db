import { ValidationError } from '../errors/ValidationError.js';
import { deepFreeze } from '../internal/freeze.js';
import { quoteInput } from '../internal/quoteInput.js';
import { createPosition } from '../position/createPosition.js';
import type { Position } from '../position/Position.js';
import type { Collateral, MarginAccount } from './MarginAccount.js';

/**
 * An account with new positions and collateral but the same (already validated) markets: each position is checked
 * against its market and ids stay unique, without running every market through its schema again. For previews and
 * layouts, which change an account many times.
 */
export function rebuildAccount(
  account: MarginAccount,
  positions: readonly Position[],
  collateral: readonly Collateral[],
): MarginAccount {
  const seen = new Set<string>();
  const checked = positions.map((p, i) => {
    const market = Object.hasOwn(account.markets, p.marketId) ? account.markets[p.marketId] : undefined;
    if (!market || seen.has(p.id)) {
      throw new ValidationError([
        market
          ? {
              code: 'DUPLICATE_ID',
              path: ['positions', i, 'id'],
              message: `position id ${quoteInput(p.id)} is used twice`,
            }
          : {
              code: 'UNKNOWN_MARKET',
              path: ['positions', i, 'marketId'],
              message: `no market ${quoteInput(p.marketId)}`,
            },
      ]);
    }
    seen.add(p.id);
    return createPosition(p, market, ['positions', i]);
  });
  return deepFreeze({ ...account, collateral: collateral.map((c) => ({ ...c })), positions: checked });
}
