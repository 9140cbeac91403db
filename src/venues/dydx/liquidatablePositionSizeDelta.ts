import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DydxLiquidationsConfig } from './DydxLiquidationsConfig.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import { blockLimitsOf } from './positionBlockLimits.js';
import { dydxBaseToQuoteQuantums, plain, toMultiple, wholeArg } from './quantums.js';
import { dydxQuoteToBaseQuantums } from './quoteToBaseQuantums.js';
import { resolvePerpetual } from './resolvePerpetual.js';

/**
 * dYdX v4 size of the next liquidation order of a position, in base quantums, signed to close it (negative for a
 * long). The notional allowed is `M = min(maxNotional of {@link dydxPositionBlockLimits},
 * maxNotionalLiquidated − notionalLiquidatedThisBlock)`. When `|N| ≤ M` or `|q| ≤ step` the whole position goes;
 * otherwise `Δ = Q2B(M)` rounded down to a multiple of `stepBaseQuantums`, clamped to `[step, |q|]`.
 * Source: dydxprotocol/v4-chain `protocol/x/clob/keeper/liquidations.go` (`GetLiquidatablePositionSizeDelta`).
 *
 * @param perpetual - the perpetual (atomic resolution and oracle price).
 * @param quantums - the position's signed size in base quantums (≠ 0).
 * @param stepBaseQuantums - the CLOB pair's `step_base_quantums` (> 0).
 * @param config - position and subaccount block limits.
 * @param notionalLiquidatedThisBlock - notional of this subaccount already liquidated in the block (default 0).
 * @throws {@link InvalidArgumentError} for a zero position, a block already over its limit, or a malformed argument.
 * @example
 * ```ts
 * import { dydxLiquidatablePositionSizeDelta } from 'marginkit';
 * const BTC = { atomicResolution: -10, price: 5_000_000_000, exponent: -5, initialMarginPpm: 50_000, maintenanceFractionPpm: 600_000 };
 * // a 10 BTC long ($500,000): at most 10 % per block, so 1 BTC (1e10 bq) is sold first
 * dydxLiquidatablePositionSizeDelta(BTC, 100_000_000_000, 1_000_000, {
 *   minPositionNotionalLiquidated: 1_000_000_000, maxPositionPortionLiquidatedPpm: 100_000, maxNotionalLiquidated: 100_000_000_000,
 * }).toString(); // => '-10000000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxLiquidatablePositionSizeDelta(
  perpetual: DydxPerpetual,
  quantums: DecimalInput,
  stepBaseQuantums: DecimalInput,
  config: Pick<
    DydxLiquidationsConfig,
    'minPositionNotionalLiquidated' | 'maxPositionPortionLiquidatedPpm' | 'maxNotionalLiquidated'
  >,
  notionalLiquidatedThisBlock: DecimalInput = 0,
): Decimal {
  checkObject(perpetual, 'perpetual');
  checkObject(config, 'config');
  const perp = resolvePerpetual(perpetual, ['perpetual']);
  const q = wholeArg(quantums, ['quantums']);
  if (q.isZero())
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'there is no position to liquidate', ['quantums']);
  const step = wholeArg(stepBaseQuantums, ['stepBaseQuantums'], 1);
  const blockLimit = wholeArg(config.maxNotionalLiquidated, ['config', 'maxNotionalLiquidated'], 0);
  const already = wholeArg(notionalLiquidatedThisBlock, ['notionalLiquidatedThisBlock'], 0);
  if (already.greaterThan(blockLimit)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `notional already liquidated ${already.toString()} exceeds the block limit ${blockLimit.toString()}`,
      ['notionalLiquidatedThisBlock'],
    );
  }
  const netNotional = dydxBaseToQuoteQuantums(q, perp.atomicResolution, perp.price, perp.exponent);
  const { maxNotional } = blockLimitsOf(
    netNotional.abs(),
    wholeArg(config.minPositionNotionalLiquidated, ['config', 'minPositionNotionalLiquidated'], 0),
    wholeArg(config.maxPositionPortionLiquidatedPpm, ['config', 'maxPositionPortionLiquidatedPpm'], 0),
  );
  const remaining = blockLimit.minus(already);
  const allowed = maxNotional.lessThan(remaining) ? maxNotional : remaining;
  if (netNotional.abs().lessThanOrEqualTo(allowed) || q.abs().lessThanOrEqualTo(step))
    return plain(q.negated());
  const inBase = dydxQuoteToBaseQuantums(allowed, perp.atomicResolution, perp.price, perp.exponent);
  const rounded = toMultiple(inBase, step, false);
  const size = rounded.lessThan(step) ? step : rounded.greaterThan(q.abs()) ? q.abs() : rounded;
  return q.isNegative() ? size : size.negated();
}
