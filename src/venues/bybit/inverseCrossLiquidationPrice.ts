import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import type { BybitPriceLevel } from './BybitPositionTerms.js';
import { positive, rate } from './terms.js';

/**
 * Inputs of {@link bybitInverseCrossLiquidationPrice}, named as on Bybit's page; amounts in the coin.
 * @category Venue: Bybit
 */
export interface BybitInverseCrossInput {
  /** Signed quantity in 1-USD contracts (long > 0). */
  readonly size: DecimalInput;
  /** Average entry price (USD). */
  readonly entryPrice: DecimalInput;
  /** Account (wallet) balance in the coin. */
  readonly balance: DecimalInput;
  /** Margin held by open orders, in the coin; default 0. */
  readonly orderMargin?: DecimalInput;
  /** Maintenance margin rate, a fraction in [0, 1). */
  readonly maintenanceRate: DecimalInput;
  /** Taker fee rate charged to close (0.00075 on the page). */
  readonly takerFeeRate: DecimalInput;
}

/**
 * Result of {@link bybitInverseCrossLiquidationPrice}.
 * @category Venue: Bybit
 */
export interface BybitInverseCrossLiquidation {
  /** Price at which the free balance pays the loss and the fee to close there. */
  readonly bankruptcyPrice: BybitPriceLevel;
  /** Price at which the free balance falls to the maintenance margin (on entry value) plus the fee to close at BP. */
  readonly liquidationPrice: BybitPriceLevel;
}

/**
 * Liquidation and bankruptcy price of a cross-margined inverse position, by the old Bybit page "How to calculate
 * Liquidation Price (Inverse Contract)" (https://help.bybit.com/hc/en-us/articles/360039261334). With
 * `F = balance − orderMargin`, N contracts, maintenance on the entry value `N/EP·MMR` and fee rate f:
 *
 * - long: `BP = (1 + f)·N / (N/EP + F)` (the page's formula) and `N·(1/EP − 1/LP) = −(F − N/EP·MMR − N·f/BP)`, so
 *   `LP = N / (N/EP + F − N/EP·MMR − N·f/BP)`.
 * - short (the same balance equations with the sign of the PnL turned; not shown on the page):
 *   `BP = (1 − f)·N / (N/EP − F)` and `LP = N / (N/EP − F + N/EP·MMR + N·f/BP)`; when the short cannot go bankrupt the
 *   fee term is 0.
 *
 * The page's example (balance 0.5 BTC, long 10,000 at 8,000, MMR 0.5 %, f 0.075 %) prints BP 5,718.57 and
 * LP 5,739.50; its own equation gives 5,739.08 (the 0.42 gap is in the page, likely an unstated rounding).
 *
 * Unlike the generic engine, the maintenance margin is on the entry value and the fee to close is reserved; the
 * generic cross liquidation price of the same position (`N·(1 + MMR)/(F + N/EP)`, 5,742.86 in the example) is
 * therefore higher.
 *
 * @param input - position, balance and rates.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad field.
 * @example
 * ```ts
 * import { bybitInverseCrossLiquidationPrice } from 'marginkit';
 * const r = bybitInverseCrossLiquidationPrice({ size: 10_000, entryPrice: 8_000, balance: '0.5',
 *   maintenanceRate: '0.005', takerFeeRate: '0.00075' });
 * if (r.bankruptcyPrice.kind === 'price') r.bankruptcyPrice.price.toFixed(2); // => '5718.57'
 * if (r.liquidationPrice.kind === 'price') r.liquidationPrice.price.toFixed(2); // => '5739.08'
 * ```
 * @category Venue: Bybit
 */
export function bybitInverseCrossLiquidationPrice(
  input: BybitInverseCrossInput,
): BybitInverseCrossLiquidation {
  checkObject(input, 'input');
  const size = decimalArg(input.size, 'size', ['input', 'size']);
  if (size.isZero())
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'size must not be 0', ['input', 'size']);
  const entry = positive(input.entryPrice, ['input', 'entryPrice']);
  const balance = decimalArg(input.balance, 'balance', ['input', 'balance']);
  const orderMargin =
    input.orderMargin === undefined
      ? new Decimal(0)
      : decimalArg(input.orderMargin, 'orderMargin', ['input', 'orderMargin']);
  const m = rate(input.maintenanceRate, ['input', 'maintenanceRate']);
  const f = rate(input.takerFeeRate, ['input', 'takerFeeRate']);
  const long = size.isPositive();
  const n = size.abs();
  const value = n.div(entry);
  const free = balance.minus(orderMargin);
  const direction = long ? 'down' : 'up';

  // Coin value of the position at the bankruptcy price, N/BP, from the balance equation with the fee to close.
  const one = new Decimal(1);
  const bankruptValue = long ? value.plus(free).div(one.plus(f)) : value.minus(free).div(one.minus(f));
  const bankruptcyPrice: BybitPriceLevel =
    bankruptValue.isPositive() && !bankruptValue.isZero()
      ? { kind: 'price', price: n.div(bankruptValue), direction }
      : { kind: 'never' };
  const feeAtBankruptcy =
    bankruptcyPrice.kind === 'price' ? n.times(f).div(bankruptcyPrice.price) : new Decimal(0);
  const cushion = free.minus(value.times(m)).minus(feeAtBankruptcy);
  const liquidationValue = long ? value.plus(cushion) : value.minus(cushion);
  const liquidationPrice: BybitPriceLevel =
    liquidationValue.isPositive() && !liquidationValue.isZero()
      ? { kind: 'price', price: n.div(liquidationValue), direction }
      : { kind: 'never' };
  return { bankruptcyPrice, liquidationPrice };
}
