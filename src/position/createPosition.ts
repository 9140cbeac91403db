import type { InputPath } from '../errors/MarginKitError.js';
import { failValidation, ValidationError } from '../errors/ValidationError.js';
import { checkList, checkMarket } from '../internal/argumentShape.js';
import { createdPosition, markCreatedPosition } from '../internal/created.js';
import type { Decimal } from '../internal/decimal.js';
import { quoteInput } from '../internal/quoteInput.js';
import type { Market } from '../market/Market.js';
import { positionSchema } from '../schemas/position.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { Position, PositionInput } from './Position.js';
import { readPosition } from './readPosition.js';

/**
 * Validates a position and returns it as a frozen {@link Position}.
 *
 * When `market` is given, the position is also checked against it: the market id must match and the size
 * must be a whole multiple of the market's `stepSize`.
 *
 * @param input - the position; `id` defaults to `marketId`, `unsettledFunding` to 0.
 * @param market - the market to check the position against.
 * @param path - where this input sits in a larger input, for error paths.
 * @throws {@link ValidationError} e.g. `ISOLATED_WITHOUT_MARGIN`, `OFF_STEP`, `NOT_FINITE`.
 * @example
 * ```ts
 * import { createPosition } from 'marginkit';
 * const p = createPosition({ marketId: 'ETH-PERP', size: '-2.5', entryPrice: 3100, marginMode: 'cross' });
 * p.size.toString(); // => '-2.5'
 * p.id; // => 'ETH-PERP'
 * ```
 * @category Position
 */
export function createPosition(
  input: PositionInput | Position,
  market?: Market,
  path: InputPath = [],
): Position {
  if (market !== undefined) checkMarket(market);
  checkList(path, 'path');
  // A position this library created is valid and frozen: share it, checking only a market it was not checked with.
  const created = createdPosition(input, market);
  if (created === 'same') return input as Position;
  if (created === 'other' && market) {
    const position = input as Position;
    checkAgainstMarket(position.marketId, position.size, market, path);
    return markCreatedPosition(position, market);
  }
  // Plain, well-formed input is read directly. Anything else goes through the schema, which reports every issue
  // or gives a plain copy of a valid input (a class instance, Decimals of another build), read the same way.
  const position =
    readPosition(input) ??
    readPosition(parseOrThrow(positionSchema(), input, [...path])) ??
    failValidation('INVALID_FIELD', [...path], 'is not a position');
  if (market) checkAgainstMarket(position.marketId, position.size, market, path);
  return markCreatedPosition(Object.freeze(position), market);
}

function checkAgainstMarket(marketId: string, size: Decimal, market: Market, path: InputPath): void {
  if (marketId !== market.id) {
    throw new ValidationError([
      {
        code: 'UNKNOWN_MARKET',
        path: [...path, 'marketId'],
        message: `position is in ${quoteInput(marketId)}, not ${quoteInput(market.id)}`,
        received: `'${marketId}'`,
      },
    ]);
  }
  if (market.stepSize && !size.mod(market.stepSize).isZero()) {
    throw new ValidationError([
      {
        code: 'OFF_STEP',
        path: [...path, 'size'],
        message: `size ${size.toString()} is not a multiple of the step size ${market.stepSize.toString()} of ${market.id}`,
        received: size.toString(),
      },
    ]);
  }
}
