import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkMarket, checkObject, checkOptions, checkPosition } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { initialMarginAtEntry } from '../margin/initialMarginAtEntry.js';
import type { RoiOptions } from '../margin/positionRoi.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';

/**
 * What a trigger should realise: a PnL in the settlement asset (negative for a stop-loss), or a return on the
 * initial margin as a fraction (−0.5 is a 50 % loss of margin).
 * @category Execution
 */
export type TriggerTarget = { readonly pnl: DecimalInput } | { readonly roi: DecimalInput };

/**
 * Options of {@link triggerPrice}.
 * @category Execution
 */
export interface TriggerOptions extends RoiOptions {
  /** Fee rate charged on the exit notional (e.g. a taker fee of 0.0005), so the target is met net of it. */
  readonly exitFeeRate?: DecimalInput;
}

/**
 * Result of {@link triggerPrice}. `trigger` is `'stop-loss'` for a target PnL below 0, else `'take-profit'`;
 * `pnl` is the target in the settlement asset (for an ROI target, `roi · IM`).
 *
 * - `price`: the exact price; `tickPrice` is it rounded to the market's tick on the side that realises at least
 *   the target (up for a long, down for a short; absent without a tick size or when a short's rounds to 0).
 * - `never`: no positive price realises the target (a long cannot lose more than its entry value on a linear
 *   market; an inverse long cannot gain more than `s·c/e` coins).
 * @category Execution
 */
export type TriggerPrice =
  | {
      readonly kind: 'price';
      readonly trigger: 'stop-loss' | 'take-profit';
      readonly pnl: Decimal;
      readonly price: Decimal;
      readonly tickPrice?: Decimal;
    }
  | { readonly kind: 'never'; readonly trigger: 'stop-loss' | 'take-profit'; readonly pnl: Decimal };

/** The target PnL `T`: the given pnl, or `roi · IM`. */
function targetPnl(market: Market, position: Position, target: TriggerTarget, options: RoiOptions): Decimal {
  const hasPnl = Object.hasOwn(target, 'pnl');
  if (hasPnl === Object.hasOwn(target, 'roi')) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'target must have exactly one of pnl or roi', [
      'target',
    ]);
  }
  if (hasPnl) return decimalArg((target as { pnl: DecimalInput }).pnl, 'pnl', ['target', 'pnl']);
  const roi = decimalArg((target as { roi: DecimalInput }).roi, 'roi', ['target', 'roi']);
  return roi.times(initialMarginAtEntry(market, position, options, ['options']));
}

/**
 * The trigger (stop-loss or take-profit) price at which closing the position realises a target PnL, or a target
 * return on its initial margin, net of an optional exit fee `f` on the exit notional:
 *
 * `uPnL(p) − f·notional(p) = T`, with `T = pnl` or `T = roi · IM` (IM as in {@link positionRoi}):
 *
 * - linear  `p = (T + s·c·e) / (c·(s − |s|·f))`  (quote per base)
 * - inverse `p = c·(s + |s|·f) / (s·c/e − T)`     (`T` in coin)
 *
 * The PnL at the returned price is the target (to the 40-digit division). Funding is not in it: add funding to
 * pay to `pnl` to have it covered. Signs: `s` > 0 long; a stop-loss has `T < 0`.
 *
 * @param market - the position's market.
 * @param position - the position (size ≠ 0).
 * @param target - `{ pnl }` in the settlement asset, or `{ roi }` as a fraction of the initial margin.
 * @param options - `exitFeeRate` in [0, 1); for an ROI target, `initialMargin` or `leverage` (default: the
 *   position's leverage).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a flat position, a target with neither or both of
 *   `pnl` and `roi`, a fee rate outside [0, 1), or an ROI target without a margin basis.
 * @example
 * ```ts
 * import { createMarket, createPosition, triggerPrice } from 'marginkit';
 * const m = createMarket({ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT', tickSize: '0.01',
 *   marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } });
 * const long = createPosition({ marketId: 'ETH', size: 2, entryPrice: 3000, marginMode: 'cross', leverage: 10 });
 * const sl = triggerPrice(m, long, { pnl: -150 });
 * if (sl.kind === 'price') sl.price.toString(); // => '2925'  (3000 − 150 / 2)
 * const tp = triggerPrice(m, long, { roi: '0.5' }); // half the 600 USDT margin: +300
 * if (tp.kind === 'price') tp.price.toString(); // => '3150'
 * ```
 * @category Execution
 */
export function triggerPrice(
  market: Market,
  position: Position,
  target: TriggerTarget,
  options: TriggerOptions = {},
): TriggerPrice {
  checkMarket(market);
  checkPosition(position);
  checkObject(target, 'target');
  checkOptions(options);
  const s = position.size;
  if (s.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a flat position has no trigger price', [
      'position',
      'size',
    ]);
  }
  const f =
    options.exitFeeRate === undefined
      ? new Decimal(0)
      : decimalArg(options.exitFeeRate, 'exitFeeRate', ['options', 'exitFeeRate']);
  if (f.isNegative() || f.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'exitFeeRate must be in [0, 1)', [
      'options',
      'exitFeeRate',
    ]);
  }
  const pnl = targetPnl(market, position, target, options);
  const trigger = pnl.isNegative() && !pnl.isZero() ? 'stop-loss' : 'take-profit';
  const c = market.contractSize;
  const e = position.entryPrice;
  const [numerator, denominator] =
    market.kind === 'linear'
      ? [pnl.plus(s.times(c).times(e)), c.times(s.minus(s.abs().times(f)))]
      : [c.times(s.plus(s.abs().times(f))), s.times(c).div(e).minus(pnl)];
  if (denominator.isZero()) return { kind: 'never', trigger, pnl };
  const price = numerator.div(denominator);
  if (!price.isPositive() || price.isZero()) return { kind: 'never', trigger, pnl };
  const tick = market.tickSize;
  if (!tick) return { kind: 'price', trigger, pnl, price };
  // Net PnL rises with the price for a long and falls for a short: round to the side that realises ≥ the target.
  const ticks = price.div(tick);
  const tickPrice = (s.isPositive() ? ticks.ceil() : ticks.floor()).times(tick);
  return tickPrice.isZero()
    ? { kind: 'price', trigger, pnl, price }
    : { kind: 'price', trigger, pnl, price, tickPrice };
}
