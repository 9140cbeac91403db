import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { checkOptionMarket } from './checkOptionMarket.js';
import type { OptionMarket } from './OptionBook.js';

/**
 * Initial and maintenance requirement of an option position, in the settlement asset.
 * @category Options
 */
export interface OptionRequirement {
  /** Initial margin. */
  readonly initial: Decimal;
  /** Maintenance margin. */
  readonly maintenance: Decimal;
}

/**
 * Standard margin of `size` contracts of an option (the market's {@link OptionMarginRule}, Deribit's by default).
 *
 * Per unit of the underlying at underlying price U, option mark M (quote asset) and OTM = max(K − U, 0) for a call,
 * max(U − K, 0) for a put:
 * - short call: IM = max(base − OTM/U, floor)·U + M, MM = maintenance·U + M;
 * - short put: MM = max(maintenance·U, maintenance·M) + M, IM = max(max(base − OTM/U, floor)·U + M, MM);
 * - long: IM = MM = 0.
 * Then × |size| · contractSize; an inverse (coin) option divides by U, so its IM is
 * `max(0.15 − OTM/U, 0.1) + M/U` coins per coin of underlying as Deribit publishes it.
 *
 * @param market - an option market of a book made by {@link createOptionBook}.
 * @param size - signed contracts (long > 0).
 * @param underlyingPrice - U, in the quote asset, > 0.
 * @param markPrice - the option's mark per unit of the underlying, in the settlement asset (coin for inverse), ≥ 0.
 * @throws {@link InvalidArgumentError} for a non-positive U, a negative mark or a malformed market.
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook, optionMargin } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'BTC', collateral: [{ asset: 'BTC', amount: 1 }], positions: [],
 *   markets: [{ id: 'BTCUSD', kind: 'inverse', baseAsset: 'BTC', quoteAsset: 'USD', contractSize: 10,
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }] });
 * const book = createOptionBook({ positions: [], markets: [{ id: 'C-44000', optionType: 'call', strike: 44_000,
 *   expiry: Date.UTC(2026, 11, 25, 8), underlying: 'BTCUSD' }] }, account);
 * const call = book.markets['C-44000']!;
 * // Short 1 call 10 % out of the money at U = 40 000, mark 0.01 BTC: IM = max(0.15 − 0.1, 0.1) + 0.01 = 0.11 BTC
 * const m = optionMargin(call, -1, 40_000, '0.01');
 * m.initial.toString(); // => '0.11'
 * m.maintenance.toString(); // => '0.085'
 * ```
 * @category Options
 */
export function optionMargin(
  market: OptionMarket,
  size: DecimalInput,
  underlyingPrice: DecimalInput,
  markPrice: DecimalInput,
): OptionRequirement {
  checkOptionMarket(market);
  const n = decimalArg(size, 'size');
  const u = positiveArg(underlyingPrice, 'underlyingPrice');
  const mark = decimalArg(markPrice, 'markPrice');
  if (mark.isNegative()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `markPrice must be ≥ 0, got ${mark}`, ['markPrice']);
  }
  return optionRequirement(market, n, u, mark);
}

/** {@link optionMargin} on trusted values (a created market, Decimals already checked or computed). */
export function optionRequirement(
  market: OptionMarket,
  n: Decimal,
  u: Decimal,
  mark: Decimal,
): OptionRequirement {
  const zero = new Decimal(0);
  if (!n.isNegative() || n.isZero()) return { initial: zero, maintenance: zero };
  const inverse = market.settlement === 'inverse';
  const m = inverse ? mark.times(u) : mark; // per unit, in the quote asset
  const call = market.optionType === 'call';
  const otm = Decimal.max(call ? market.strike.minus(u) : u.minus(market.strike), 0);
  const rule = market.margin;
  const base = Decimal.max(rule.initialBase.minus(otm.div(u)), rule.initialFloor)
    .times(u)
    .plus(m);
  const maintenance = call
    ? rule.maintenance.times(u).plus(m)
    : Decimal.max(rule.maintenance.times(u), rule.maintenance.times(m)).plus(m);
  const initial = call ? base : Decimal.max(base, maintenance);
  const units = n.abs().times(market.contractSize);
  const scale = (x: Decimal) => (inverse ? x.div(u) : x).times(units);
  return { initial: scale(initial), maintenance: scale(maintenance) };
}
