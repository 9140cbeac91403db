import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { notionalPower } from './notionalPower.js';
import type { OrderlyMarket } from './OrderlyMarket.js';

/** A market with checked terms. */
export interface Terms {
  readonly baseImr: Decimal;
  readonly baseMmr: Decimal;
  readonly imrFactor: Decimal;
}

function fraction(value: DecimalInput, path: InputPath, positive: boolean): Decimal {
  const d = decimalArg(value, path.map(String).join('.'), path);
  if (d.isNegative() || (positive && d.isZero())) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `must be ${positive ? '> 0' : '≥ 0'}, got ${d.toString()}`,
      path,
    );
  }
  return d;
}

export function resolveMarket(market: OrderlyMarket, path: InputPath): Terms {
  checkObject(market, path.map(String).join('.'));
  return {
    baseImr: fraction(market.baseImr, [...path, 'baseImr'], true),
    baseMmr: fraction(market.baseMmr, [...path, 'baseMmr'], false),
    imrFactor: fraction(market.imrFactor, [...path, 'imrFactor'], false),
  };
}

/** A user's max account leverage, > 0, or undefined. */
export function leverageArg(value: DecimalInput | undefined): Decimal | undefined {
  return value === undefined ? undefined : fraction(value, ['maxAccountLeverage'], true);
}

/** IMR on checked values. */
export function imrOf(t: Terms, notional: Decimal, leverage: Decimal | undefined): Decimal {
  let imr = t.baseImr;
  const size = t.imrFactor.times(notionalPower(notional));
  if (size.greaterThan(imr)) imr = size;
  if (leverage !== undefined) {
    const floor = leverage.pow(-1);
    if (floor.greaterThan(imr)) imr = floor;
  }
  return imr;
}

/** MMR on checked values. */
export function mmrOf(t: Terms, notional: Decimal): Decimal {
  const size = t.baseMmr.div(t.baseImr).times(t.imrFactor).times(notionalPower(notional));
  return size.greaterThan(t.baseMmr) ? size : t.baseMmr;
}
