import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import { checkChoice, checkList, checkObject } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { describeValue } from '../internal/quoteInput.js';
import type { OrderSide } from './OrderBook.js';

/**
 * A resting limit order of the account, not yet filled.
 * @category Execution
 */
export interface OpenOrder {
  /** Its market (one the account has). */
  readonly marketId: string;
  /** `'buy'` or `'sell'`. */
  readonly side: OrderSide;
  /** Unfilled size in contracts (> 0). */
  readonly size: DecimalInput;
  /** Limit price (> 0). */
  readonly price: DecimalInput;
}

/** An open order read and checked. */
export interface ReadOrder {
  readonly marketId: string;
  readonly side: OrderSide;
  readonly size: Decimal;
  readonly price: Decimal;
}

function positiveAt(value: DecimalInput, name: string, path: InputPath): Decimal {
  const d = decimalArg(value, name, path);
  if (!d.isPositive() || d.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be > 0, got ${d.toString()}`, path);
  }
  return d;
}

/** Reads a list of open orders, each field checked with its path under `name` (e.g. `['openOrders', 2, 'price']`). */
export function readOpenOrders(account: MarginAccount, orders: unknown, name: InputPath): ReadOrder[] {
  const label = name.join('.');
  checkList(orders, label);
  return (orders as unknown[]).map((order, i) => {
    const at = [...name, i];
    checkObject(order, `${label}[${i}]`);
    const o = order as OpenOrder;
    if (typeof o.marketId !== 'string' || !Object.hasOwn(account.markets, o.marketId)) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `the account has no market ${describeValue(o.marketId)}`,
        [...at, 'marketId'],
      );
    }
    checkChoice(o.side, `${label}[${i}].side`, ['buy', 'sell']);
    return {
      marketId: o.marketId,
      side: o.side,
      size: positiveAt(o.size, 'size', [...at, 'size']),
      price: positiveAt(o.price, 'price', [...at, 'price']),
    };
  });
}
