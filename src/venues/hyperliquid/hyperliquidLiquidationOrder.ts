import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkOptions } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg, positiveArg } from '../../internal/decimalArg.js';

/**
 * Options of {@link hyperliquidLiquidationOrder}.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidLiquidationOrderOptions {
  /** `'mainnet'` (default): partial above 100 000 USDC; `'testnet'`: above 10 000 USDC. */
  readonly network?: 'mainnet' | 'testnet';
  /**
   * Milliseconds since the block in which any position of the same user was partially liquidated; omit when there
   * was none. Below 30 000 (the cooldown) the order covers the whole position.
   */
  readonly msSincePartialLiquidation?: number;
}

/**
 * The first market liquidation order Hyperliquid sends to the book for a liquidatable position.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidLiquidationOrder {
  /** Size of the order in coins (> 0 unless the position is empty). */
  readonly size: Decimal;
  /** Direction of the order: `'sell'` closes a long, `'buy'` a short. */
  readonly side: 'buy' | 'sell';
  /** Position value at the mark price, |size| · mark, in USDC. */
  readonly notional: Decimal;
  /** Why the order has this size: `'partial'` (20 %), `'whole'` (at or below the threshold) or `'cooldown'` (whole). */
  readonly reason: 'partial' | 'whole' | 'cooldown';
}

/** Cooldown after a partial liquidation, in milliseconds (Hyperliquid docs "Liquidations"). */
const COOLDOWN_MS = 30_000;

/**
 * Size of the first liquidation order for a position (Hyperliquid's partial-liquidation rule):
 *
 * - position value `|size| · mark` above 100 000 USDC (10 000 on testnet): 20 % of the position;
 * - otherwise, or within 30 s after any partial liquidation of the same user: the whole position.
 *
 * The docs do not say how a 20 % slice is rounded to the asset's size decimals; the size is returned unrounded.
 * Units: sizes in coins, values in USDC. Source: Hyperliquid docs "Liquidations", "Partial Liquidations" ("For
 * liquidatable positions larger than 100k USDC (10k USDC on testnet for easier testing), only 20% of the position
 * will be sent as a market liquidation order to the book. After a block where any position of a user is partially
 * liquidated, there is a cooldown period of 30 seconds. During this cooldown period, all market liquidation orders
 * for that user will be for the entire position").
 *
 * @param size - signed position size in coins (long > 0).
 * @param markPrice - the mark price, > 0.
 * @param options - network and time since the last partial liquidation.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a non-finite size, a price ≤ 0 or a negative time.
 * @example
 * ```ts
 * import { hyperliquidLiquidationOrder } from 'marginkit';
 * // 2.5 BTC at 63,410: 158,525 USDC > 100,000, so 20 % first
 * hyperliquidLiquidationOrder('2.5', '63410').size.toString(); // => '0.5'
 * hyperliquidLiquidationOrder('2.5', '63410', { msSincePartialLiquidation: 12_000 }).size.toString(); // => '2.5'
 * hyperliquidLiquidationOrder('-40', '2400').side; // => 'buy'
 * ```
 * @category Venue: Hyperliquid
 */
export function hyperliquidLiquidationOrder(
  size: DecimalInput,
  markPrice: DecimalInput,
  options: HyperliquidLiquidationOrderOptions = {},
): HyperliquidLiquidationOrder {
  checkOptions(options);
  const s = decimalArg(size, 'size');
  const mark = positiveArg(markPrice, 'markPrice');
  const since = options.msSincePartialLiquidation;
  if (since !== undefined && !(Number.isFinite(since) && since >= 0)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'msSincePartialLiquidation must be a time ≥ 0', [
      'options',
      'msSincePartialLiquidation',
    ]);
  }
  const threshold = new Decimal(options.network === 'testnet' ? 10_000 : 100_000);
  const abs = s.abs();
  const notional = abs.times(mark);
  const side = s.isNegative() ? 'buy' : 'sell';
  if (!notional.greaterThan(threshold)) return { size: abs, side, notional, reason: 'whole' };
  if (since !== undefined && since < COOLDOWN_MS) return { size: abs, side, notional, reason: 'cooldown' };
  return { size: abs.times('0.2'), side, notional, reason: 'partial' };
}
