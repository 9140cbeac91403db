import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { resolveBrackets, termsAt } from './brackets.js';
import type { BinanceBracketOptions, BinanceBracketsInput } from './LeverageBracket.js';

/**
 * Inputs of {@link binanceWalletBalanceFromLiquidationPrice}: one USDⓈ-M position, alone in its cross wallet.
 * @category Venue: Binance
 */
export interface BinanceWalletBackSolveInput {
  /** Signed size in base units (long > 0, short < 0), not 0. */
  readonly positionAmt: DecimalInput;
  /** Entry price, > 0. */
  readonly entryPrice: DecimalInput;
  /** The `liquidationPrice` Binance reports for the position, > 0. */
  readonly liquidationPrice: DecimalInput;
  /** The symbol's bracket list (the bracket at `|amt| · LP` is used), or one known MMR and cum. */
  readonly brackets: BinanceBracketsInput;
}

function positive(value: DecimalInput, name: string): Decimal {
  const d = decimalArg(value, name);
  if (!d.greaterThan(0)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be > 0, got ${d.toString()}`, [name]);
  }
  return d;
}

/**
 * The cross wallet balance implied by the liquidation price Binance reports for a single cross position: at the
 * liquidation price equity equals maintenance, so `WB = MM(LP) − uPnL(LP) = (Q·LP·MMR − cum) − s·(LP − EP)`.
 * With `cum = 0` this is the relation of dev.binance.vision "Position Risk API returns 0 for liquidation price":
 * long `WB = (LP·(−1 + MMR) + EP)·Q`, short `WB = (LP·(1 + MMR) − EP)·Q`. It inverts
 * {@link binanceLiquidationPrice} with TMM1 = UPNL1 = 0. Units: USDT.
 *
 * @param input - the position, the reported liquidation price and the brackets.
 * @param options - how to read the bracket list's `cum` column (default: verify it).
 * @throws {@link InvalidArgumentError} for a zero size or a non-positive price.
 * @example
 * ```ts
 * import { binanceWalletBalanceFromLiquidationPrice } from 'marginkit';
 * // dev.binance.vision: BTCUSDT long 0.001 @ 61,788.9, API liquidationPrice 8,465.58529116, MMR 0.4 %
 * binanceWalletBalanceFromLiquidationPrice({ positionAmt: '0.001', entryPrice: '61788.9',
 *   liquidationPrice: '8465.58529116', brackets: { maintMarginRatio: '0.004' } }).toFixed(4); // => '53.3572'
 * ```
 * @category Venue: Binance
 */
export function binanceWalletBalanceFromLiquidationPrice(
  input: BinanceWalletBackSolveInput,
  options: BinanceBracketOptions = {},
): Decimal {
  checkObject(input, 'input');
  checkOptions(options);
  const size = decimalArg(input.positionAmt, 'positionAmt');
  if (size.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'positionAmt must not be 0', ['positionAmt']);
  }
  const entry = positive(input.entryPrice, 'entryPrice');
  const lp = positive(input.liquidationPrice, 'liquidationPrice');
  const notional = size.abs().times(lp);
  const terms = termsAt(resolveBrackets(input.brackets, options, ['brackets']), notional);
  return notional
    .times(terms.maintMarginRatio)
    .minus(terms.cum)
    .minus(size.times(lp.minus(entry)));
}
