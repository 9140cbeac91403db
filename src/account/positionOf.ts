import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import { describeValue } from '../internal/quoteInput.js';
import type { Position } from '../position/Position.js';
import type { MarginAccount } from './MarginAccount.js';

/** The account's position with this id, or {@link InvalidArgumentError} `UNKNOWN_POSITION` at `path`. */
export function positionOf(
  account: MarginAccount,
  positionId: string,
  path: InputPath = ['positionId'],
): Position {
  const position = account.positions.find((p) => p.id === positionId);
  if (!position) {
    throw new InvalidArgumentError(
      'UNKNOWN_POSITION',
      `the account holds no position ${describeValue(positionId)}`,
      path,
    );
  }
  return position;
}
