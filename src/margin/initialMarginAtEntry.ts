import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import type { RoiOptions } from './positionRoi.js';

/** A decimal > 0 at `path`. */
function positiveAt(value: DecimalInput, name: string, path: InputPath): Decimal {
  const d = decimalArg(value, name, path);
  if (!d.isPositive() || d.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be > 0, got ${d.toString()}`, path);
  }
  return d;
}

/**
 * The initial margin a return is measured on: `initialMargin` when given, else the entry value over the leverage,
 * `|s|·c·e / L` (linear, quote) or `|s|·c / (e·L)` (inverse, coin).
 */
export function initialMarginAtEntry(
  market: Market,
  position: Position,
  basis: RoiOptions,
  path: InputPath,
): Decimal {
  if (basis.initialMargin !== undefined) {
    return positiveAt(basis.initialMargin, 'initialMargin', [...path, 'initialMargin']);
  }
  const leverage =
    basis.leverage !== undefined
      ? positiveAt(basis.leverage, 'leverage', [...path, 'leverage'])
      : position.leverage;
  if (!leverage?.isPositive() || leverage.isZero()) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'a return on margin needs initialMargin or a leverage (the position has none)',
      [...path, 'initialMargin'],
    );
  }
  const contracts = position.size.abs().times(market.contractSize);
  const entryValue =
    market.kind === 'linear' ? contracts.times(position.entryPrice) : contracts.div(position.entryPrice);
  return entryValue.div(leverage);
}
