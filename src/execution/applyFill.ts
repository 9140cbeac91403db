import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkMarket } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import type { Market } from '../market/Market.js';

/**
 * What a fill does to a position.
 * - `open`: from flat. `add`: same direction. `reduce`: part of it closed. `close`: all of it closed.
 * - `flip`: through zero — the old position closed and the remainder opened the other way at the fill price.
 * @category Execution
 */
export type Transition = 'open' | 'add' | 'reduce' | 'close' | 'flip';

/**
 * The position after a fill.
 * @category Execution
 */
export interface FillResult {
  /** What happened. */
  readonly transition: Transition;
  /** New signed size. */
  readonly size: Decimal;
  /** New average entry price (unchanged on reduce; the old entry on close; the fill price on open and flip). */
  readonly entryPrice: Decimal;
  /** Size closed (absolute), 0 on open and add. */
  readonly closedSize: Decimal;
  /** PnL realised on the closed size, settlement asset, before fees. */
  readonly realizedPnl: Decimal;
}

/**
 * Applies a fill of signed size `delta` (buy > 0, sell < 0) at `price` to a position of signed `size` and
 * average `entryPrice`:
 *
 * - add: linear entry `(|s|·e + |δ|·p) / |s + δ|`; inverse (harmonic) `|s + δ| / (|s|/e + |δ|/p)`
 * - reduce / close / flip: realised PnL on the closed part `c = min(|δ|, |s|)`:
 *   linear `sign(s)·c·k·(p − e)`, inverse `sign(s)·c·k·(1/e − 1/p)` (k = contract size)
 *
 * @param market - the market (kind, contract size).
 * @param size - current signed size (0 when flat).
 * @param entryPrice - current entry price (ignored when flat).
 * @param delta - signed fill size, ≠ 0.
 * @param price - fill price, > 0.
 * @example
 * ```ts
 * import { applyFill, createMarket } from 'marginkit';
 * const m = createMarket({ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *   marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' } });
 * const r = applyFill(m, 2, 3000, -3, 3100); // sell 3 against a long of 2: a flip
 * r.transition; // => 'flip'
 * r.realizedPnl.toString(); // => '200'  (2 · (3100 − 3000))
 * r.size.toString(); // => '-1'
 * ```
 * @category Execution
 */
export function applyFill(
  market: Market,
  size: DecimalInput,
  entryPrice: DecimalInput,
  delta: DecimalInput,
  price: DecimalInput,
): FillResult {
  checkMarket(market);
  const s = decimalArg(size, 'size');
  const d = decimalArg(delta, 'delta');
  const p = decimalArg(price, 'price');
  if (d.isZero())
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a fill needs a non-zero size', ['delta']);
  if (!p.isPositive() || p.isZero())
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'price must be > 0', ['price']);
  const after = s.plus(d);
  const zero = new D(0);
  if (s.isZero())
    return { transition: 'open', size: after, entryPrice: p, closedSize: zero, realizedPnl: zero };
  const e = positiveArg(entryPrice, 'entryPrice');
  if (s.isPositive() === d.isPositive()) {
    const entry =
      market.kind === 'linear'
        ? s.abs().times(e).plus(d.abs().times(p)).div(after.abs())
        : after.abs().div(s.abs().div(e).plus(d.abs().div(p)));
    return { transition: 'add', size: after, entryPrice: entry, closedSize: zero, realizedPnl: zero };
  }
  const closed = D.min(d.abs(), s.abs());
  const perContract = market.kind === 'linear' ? p.minus(e) : new D(1).div(e).minus(new D(1).div(p));
  const realizedPnl = closed
    .times(market.contractSize)
    .times(perContract)
    .times(s.isPositive() ? 1 : -1);
  if (d.abs().lessThan(s.abs()))
    return { transition: 'reduce', size: after, entryPrice: e, closedSize: closed, realizedPnl };
  if (after.isZero())
    return { transition: 'close', size: after, entryPrice: e, closedSize: closed, realizedPnl };
  return { transition: 'flip', size: after, entryPrice: p, closedSize: closed, realizedPnl };
}
