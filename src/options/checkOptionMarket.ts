import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal } from '../internal/decimal.js';
import type { OptionMarket } from './OptionBook.js';

/** An option market made by `createOptionBook` (a shape test, never a re-validation). */
export function checkOptionMarket(market: unknown, name = 'market'): asserts market is OptionMarket {
  const m = market as Partial<OptionMarket> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    m.kind !== 'option' ||
    !(m.strike instanceof Decimal) ||
    !(m.contractSize instanceof Decimal) ||
    typeof m.margin !== 'object' ||
    m.margin === null ||
    typeof m.expiry !== 'number'
  ) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `${name} must be an option market made by createOptionBook`,
      [name],
    );
  }
}

/** An option book made by `createOptionBook`. */
export function checkOptionBook(book: unknown, name = 'book'): void {
  const b = book as { markets?: unknown; positions?: unknown } | null;
  if (
    typeof b !== 'object' ||
    b === null ||
    typeof b.markets !== 'object' ||
    b.markets === null ||
    !Array.isArray(b.positions)
  ) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `${name} must be an option book made by createOptionBook`,
      [name],
    );
  }
}
