import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DydxLiquidationsConfig } from './DydxLiquidationsConfig.js';
import { mulPpm, wholeArg } from './quantums.js';

/**
 * Result of {@link dydxPositionBlockLimits}, in quote quantums.
 * @category Venue: dYdX
 */
export interface DydxPositionBlockLimits {
  /** `min(minPositionNotionalLiquidated, |N|)`. */
  readonly minNotional: Decimal;
  /** `max(minNotional, floor(|N| · maxPositionPortionLiquidatedPpm / 1e6))`. */
  readonly maxNotional: Decimal;
}

/**
 * dYdX v4 position block limits of a liquidation: how much of a position's notional `N` one block may liquidate,
 * `max = max(min(minNotional, |N|), floor(|N| · maxPortionPpm / 1e6))`, so small positions go at once and large
 * ones in slices. Source: dydxprotocol/v4-chain `protocol/x/clob/keeper/liquidations.go`
 * (`GetMaxAndMinPositionNotionalLiquidatable`).
 *
 * @param positionNotional - the position's net notional in quote quantums (its sign is ignored).
 * @param config - `minPositionNotionalLiquidated` and `maxPositionPortionLiquidatedPpm`.
 * @throws {@link InvalidArgumentError} for a fractional or negative parameter.
 * @example
 * ```ts
 * import { dydxPositionBlockLimits } from 'marginkit';
 * // a $50,000 position, minimum 100 qq, at most 50 % per block
 * const limits = dydxPositionBlockLimits(50_000_000_000, { minPositionNotionalLiquidated: 100, maxPositionPortionLiquidatedPpm: 500_000 });
 * [limits.minNotional.toString(), limits.maxNotional.toString()]; // => ['100', '25000000000']
 * ```
 * @category Venue: dYdX
 */
export function dydxPositionBlockLimits(
  positionNotional: DecimalInput,
  config: Pick<DydxLiquidationsConfig, 'minPositionNotionalLiquidated' | 'maxPositionPortionLiquidatedPpm'>,
): DydxPositionBlockLimits {
  checkObject(config, 'config');
  const notional = wholeArg(positionNotional, ['positionNotional']).abs();
  return blockLimitsOf(
    notional,
    wholeArg(config.minPositionNotionalLiquidated, ['config', 'minPositionNotionalLiquidated'], 0),
    wholeArg(config.maxPositionPortionLiquidatedPpm, ['config', 'maxPositionPortionLiquidatedPpm'], 0),
  );
}

/** The same on checked values (`notional ≥ 0`). */
export function blockLimitsOf(
  notional: Decimal,
  minimum: Decimal,
  portionPpm: Decimal,
): DydxPositionBlockLimits {
  const minNotional = minimum.lessThan(notional) ? minimum : notional;
  const portion = mulPpm(notional, portionPpm, false);
  return { minNotional, maxNotional: portion.greaterThan(minNotional) ? portion : minNotional };
}
