import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkChoice, checkObject } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';

/**
 * Inputs of {@link orderlyMaxOrderQty}, named as Orderly's formula names them (USDC, coins, fractions).
 * @category Venue: Orderly
 */
export interface OrderlyMaxOrderQtyInput {
  /** `base_max` of `/v1/public/info`: the largest quantity of one position. */
  readonly baseMax: DecimalInput;
  /** Total collateral value, USDC. */
  readonly totalCollateral: DecimalInput;
  /** Initial margin of every other symbol, with their orders, USDC. */
  readonly otherIms: DecimalInput;
  /** `max(1 / max account leverage, base IMR)` of the symbol (a fraction). */
  readonly imr: DecimalInput;
  /** The account's IMR factor for the symbol; 0 skips the size bound. */
  readonly imrFactor: DecimalInput;
  /** Mark price, USDC. */
  readonly markPrice: DecimalInput;
  /** Signed position quantity of the symbol. */
  readonly positionQty: DecimalInput;
  /** Quantity of resting buy orders of the symbol (≥ 0). */
  readonly buyOrdersQty: DecimalInput;
  /** Quantity of resting sell orders of the symbol (its magnitude is used). */
  readonly sellOrdersQty: DecimalInput;
  /** Taker fee rate in basis points (`futures_taker_fee_rate`, e.g. 8 = 0.08 %). */
  readonly takerFeeRateBps: DecimalInput;
  /** The safety factor Orderly applies to both bounds; default 0.995 (99.5 %). */
  readonly safetyFactor?: DecimalInput;
}

/**
 * The largest order quantity Orderly accepts on one side, by its documented formula (its perp SDK's `maxQty`),
 * with the 0.995 safety factor it applies to both margin bounds. With `A = TC − other IMs`, `f = 2 · takerFee · 1e-4`
 * and `s` the safety factor, for a buy:
 *
 * `min(base_max, A / (IMR + f) / mark · s − q − buys, ((A / factor)^(1/1.8) / mark − q − buys) / (1 + f) · s)`
 *
 * and for a sell `+ q − |sells|` in place of `− q − buys`. The size bound is skipped with no position and no order
 * on the side, or a zero factor (as the SDK does). `(·)^(1/1.8)` is decimal.js's power at 40 digits (≤ 1 ulp).
 * A negative result means the side is closed. Source: OrderlyNetwork/js-sdk `packages/perp/src/account/maxQty.ts`
 * (formula and worked example in its documentation).
 *
 * @param side - `'buy'` or `'sell'`.
 * @param input - the terms above.
 * @throws {@link InvalidArgumentError} for a malformed input, a mark ≤ 0 or a negative factor.
 * @example
 * ```ts
 * import { orderlyMaxOrderQty } from 'marginkit';
 * // Orderly's example: BTC at 25 986.2, 0.2 long, 0.3 bought, 0.5 sold, other IMs 491.523
 * const input = { baseMax: 20, totalCollateral: '1981.66', otherIms: '491.523', imr: '0.1', imrFactor: '0.0000002512', markPrice: '25986.2', positionQty: '0.2', buyOrdersQty: '0.3', sellOrdersQty: '-0.5', takerFeeRateBps: 8 };
 * [orderlyMaxOrderQty('buy', input).toFixed(10), orderlyMaxOrderQty('sell', input).toFixed(9)]; // => ['0.0615815026', '0.261581503']
 * ```
 * @category Venue: Orderly
 */
export function orderlyMaxOrderQty(side: 'buy' | 'sell', input: OrderlyMaxOrderQtyInput): Decimal {
  checkChoice(side, 'side', ['buy', 'sell']);
  checkObject(input, 'input');
  const read = (key: keyof OrderlyMaxOrderQtyInput, value: DecimalInput) =>
    decimalArg(value, `input.${key}`, ['input', key]);
  const mark = read('markPrice', input.markPrice);
  if (!mark.isPositive() || mark.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be > 0', ['input', 'markPrice']);
  }
  const imr = read('imr', input.imr);
  const factor = read('imrFactor', input.imrFactor);
  for (const [key, value] of [
    ['imr', imr],
    ['imrFactor', factor],
  ] as const) {
    if (value.isNegative()) throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be ≥ 0', ['input', key]);
  }
  const available = read('totalCollateral', input.totalCollateral).minus(read('otherIms', input.otherIms));
  const fee = read('takerFeeRateBps', input.takerFeeRateBps).times(2).times('0.0001');
  const safety = read('safetyFactor', input.safetyFactor ?? '0.995');
  const q = read('positionQty', input.positionQty);
  const orders =
    side === 'buy'
      ? read('buyOrdersQty', input.buyOrdersQty).abs()
      : read('sellOrdersQty', input.sellOrdersQty).abs();
  const held = side === 'buy' ? q.negated().minus(orders) : q.minus(orders);
  const baseMax = read('baseMax', input.baseMax);
  if (imr.plus(fee).isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'IMR plus fees must be > 0', ['input', 'imr']);
  }
  const byLeverage = available.div(imr.plus(fee)).div(mark).times(safety).plus(held);
  let result = Decimal.min(baseMax, byLeverage);
  if (!(q.isZero() && orders.isZero()) && !factor.isZero() && !available.isNegative()) {
    const bySize = available
      .div(factor)
      .pow(new Decimal(1).div('1.8'))
      .div(mark)
      .plus(held)
      .div(fee.plus(1))
      .times(safety);
    result = Decimal.min(result, bySize);
  }
  return result;
}
