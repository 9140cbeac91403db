import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkMarket, checkOptions, checkPosition } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import { initialMarginAtEntry } from './initialMarginAtEntry.js';
import { unrealizedPnl } from './unrealizedPnl.js';

/**
 * Options of {@link positionRoi}: the initial margin the return is measured on.
 * @category Margin
 */
export interface RoiOptions {
  /** The initial margin itself, in the settlement asset (> 0). Takes precedence over `leverage`. */
  readonly initialMargin?: DecimalInput;
  /** The leverage the position was opened at (> 0); defaults to the position's own `leverage`. */
  readonly leverage?: DecimalInput;
}

/**
 * A position's return on its initial margin at a price, as a fraction (0.5 is 50 %):
 *
 * `ROI = uPnL(p) / IM`, with `IM = initialMargin`, or else the entry value over the leverage:
 * linear `IM = |s|·c·e / L` (quote), inverse `IM = |s|·c / (e·L)` (coin), and `uPnL` as {@link unrealizedPnl}.
 *
 * Fees and funding are not in it (a venue that adds its closing fee to the base, such as Bybit, has its own
 * function: {@link bybitRoi}).
 *
 * @param market - the position's market.
 * @param position - the position (size ≠ 0).
 * @param price - the price the PnL is taken at (> 0).
 * @param options - `initialMargin`, or `leverage` (default: the position's leverage).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a flat position, a price ≤ 0, or no margin basis
 *   (neither `initialMargin`, `leverage` nor the position's leverage).
 * @example
 * ```ts
 * import { createMarket, createPosition, positionRoi } from 'marginkit';
 * const m = createMarket({ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *   marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' } });
 * const long = createPosition({ marketId: 'BTC', size: '0.2', entryPrice: 7000, marginMode: 'cross', leverage: 10 });
 * positionRoi(m, long, 7500).toString(); // => '0.7142857142857142857142857142857142857143'  (100 / 140)
 * ```
 * @category Margin
 */
export function positionRoi(
  market: Market,
  position: Position,
  price: DecimalInput,
  options: RoiOptions = {},
): Decimal {
  checkMarket(market);
  checkPosition(position);
  checkOptions(options);
  if (position.size.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a flat position has no return on margin', [
      'position',
      'size',
    ]);
  }
  const pnl = unrealizedPnl(market, position, price);
  return pnl.div(initialMarginAtEntry(market, position, options, ['options']));
}
