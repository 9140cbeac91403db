import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkOptions, checkThreshold } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { positiveArg } from '../internal/decimalArg.js';
import type { ThresholdContext, ThresholdPrice } from './ThresholdPrice.js';

/**
 * Options of {@link liquidationDistance}. Give both or neither: `volatility` is the standard deviation of log
 * returns per unit of time, `horizon` the number of those units (e.g. annualised 0.6 and 1/365 for one day).
 * @category Liquidation
 */
export interface DistanceOptions {
  /** σ of log returns per time unit, > 0. */
  readonly volatility?: DecimalInput;
  /** Horizon in the same time unit, > 0. */
  readonly horizon?: DecimalInput;
}

/**
 * How far the market must move to reach a liquidation (or bankruptcy) price.
 *
 * - `distance`: `move = price − current` (quote asset, signed), `fraction = move / current` (signed: negative when
 *   the price must fall), `direction`, and, given a volatility and horizon,
 *   `sigmas = |ln(price / current)| / (σ · √horizon)`: the move in standard deviations of the log return.
 * - `never` / `now`: passed through from the price result.
 * @category Liquidation
 */
export type LiquidationDistance =
  | (ThresholdContext & {
      readonly kind: 'distance';
      readonly price: Decimal;
      readonly move: Decimal;
      readonly fraction: Decimal;
      readonly direction: 'down' | 'up';
      readonly sigmas?: Decimal;
    })
  | (ThresholdContext & { readonly kind: 'never' })
  | (ThresholdContext & { readonly kind: 'now'; readonly equity: Decimal; readonly threshold: Decimal });

/**
 * The distance from the current price to a liquidation (or bankruptcy) price, as a signed price move, a signed
 * fraction of the current price and, optionally, in σ units of the log return over a horizon.
 *
 * @param threshold - a result of {@link liquidationPrice} or {@link bankruptcyPrice}.
 * @param options - volatility and horizon for the σ distance.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` when only one of volatility and horizon is given, or
 *   either is not > 0.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, liquidationDistance, liquidationPrice } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0' } }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 100 }] });
 * const lp = liquidationPrice(account, createPrices({ markets: { ETH: { mark: 1000 } } }), 'ETH');
 * const d = liquidationDistance(lp, { volatility: '0.8', horizon: '0.25' });
 * if (d.kind === 'distance') d.fraction.toString(); // => '-0.1'
 * ```
 * @category Liquidation
 */
export function liquidationDistance(
  threshold: ThresholdPrice,
  options: DistanceOptions = {},
): LiquidationDistance {
  checkThreshold(threshold);
  checkOptions(options);
  const { volatility, horizon } = options;
  if ((volatility === undefined) !== (horizon === undefined)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'give both volatility and horizon, or neither', [
      volatility === undefined ? 'volatility' : 'horizon',
    ]);
  }
  const sigma = volatility === undefined ? undefined : positiveArg(volatility, 'volatility');
  const time = horizon === undefined ? undefined : positiveArg(horizon, 'horizon');
  const { positionId, marketId, marginMode, priceSource, currentPrice } = threshold;
  const context: ThresholdContext = { positionId, marketId, marginMode, priceSource, currentPrice };
  if (threshold.kind === 'never') return { ...context, kind: 'never' };
  if (threshold.kind === 'now') {
    return { ...context, kind: 'now', equity: threshold.equity, threshold: threshold.threshold };
  }
  const move = threshold.price.minus(currentPrice);
  const result = {
    ...context,
    kind: 'distance' as const,
    price: threshold.price,
    move,
    fraction: move.div(currentPrice),
    direction: threshold.direction,
  };
  if (sigma === undefined || time === undefined) return result;
  const sigmas = threshold.price.div(currentPrice).ln().abs().div(sigma.times(time.sqrt()));
  return { ...result, sigmas: new Decimal(sigmas) };
}
