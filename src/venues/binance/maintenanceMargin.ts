import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { resolveBrackets, termsAt } from './brackets.js';
import type { BinanceBracketOptions, BinanceBracketsInput } from './LeverageBracket.js';

/**
 * Inputs of {@link binanceMaintenanceMargin}.
 * @category Venue: Binance
 */
export interface BinanceMaintenanceInput {
  /** Position size (its sign is ignored): base units (USDⓈ-M) or contracts (COIN-M). */
  readonly positionAmt: DecimalInput;
  /** Mark price, > 0. */
  readonly markPrice: DecimalInput;
  /** The symbol's bracket list, or one known MMR and cum. */
  readonly brackets: BinanceBracketsInput;
  /** COIN-M only: contract size in USD per contract; the notional is then `|amt|·CS / mark` in the coin. */
  readonly contractSize?: DecimalInput;
}

/**
 * Result of {@link binanceMaintenanceMargin}; amounts in the settlement asset.
 * @category Venue: Binance
 */
export interface BinanceMaintenanceMargin {
  /** Notional at the mark: `|amt| · mark` (USDⓈ-M) or `|amt| · CS / mark` (COIN-M). */
  readonly notional: Decimal;
  /** MMR of the bracket in force. */
  readonly maintMarginRatio: Decimal;
  /** cum of the bracket in force. */
  readonly cum: Decimal;
  /** Bracket level in force (absent when a fixed rate was given). */
  readonly bracket?: number;
  /** `notional · MMR − cum`. */
  readonly maintenanceMargin: Decimal;
}

/**
 * Binance maintenance margin of one position at the mark price: `MM = notional · MMR − cum`, with MMR and cum those
 * of the bracket holding the notional (floor inclusive). Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M
 * Futures Contracts" (USDⓈ-M, in USDT) and the COIN-M FAQ (in the coin, notional `contracts · CS / mark`).
 * Exact: Binance displays it to 8 decimals; round separately if a display match is wanted.
 *
 * @param input - size, mark, brackets (or one known rate), and for COIN-M the contract size.
 * @param options - how to read the bracket list's `cum` column (default: verify it).
 * @throws {@link InvalidArgumentError} for a non-positive mark or contract size or a malformed number.
 * @example
 * ```ts
 * import { binanceMaintenanceMargin } from 'marginkit';
 * // freqtrade "calc example": BTCUSDT long 109.488 at mark 31,967.27 in the 2.5 % bracket (cum 16,300)
 * binanceMaintenanceMargin({ positionAmt: '109.488', markPrice: '31967.27',
 *   brackets: { maintMarginRatio: '0.025', cum: 16300 } }).maintenanceMargin.toString(); // => '71200.811444'
 * // Binance COIN-M FAQ: 100 BTCUSD contracts ($100) at mark 25,000 = 0.4 BTC, bracket 1 (0.4 %)
 * binanceMaintenanceMargin({ positionAmt: 100, markPrice: 25_000, contractSize: 100,
 *   brackets: { maintMarginRatio: '0.004' } }).maintenanceMargin.toString(); // => '0.0016'
 * ```
 * @category Venue: Binance
 */
export function binanceMaintenanceMargin(
  input: BinanceMaintenanceInput,
  options: BinanceBracketOptions = {},
): BinanceMaintenanceMargin {
  checkObject(input, 'input');
  checkOptions(options);
  const quantity = decimalArg(input.positionAmt, 'positionAmt').abs();
  const mark = decimalArg(input.markPrice, 'markPrice');
  if (!mark.greaterThan(0)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `markPrice must be > 0, got ${mark.toString()}`, [
      'markPrice',
    ]);
  }
  let notional: Decimal;
  if (input.contractSize === undefined) notional = quantity.times(mark);
  else {
    const cs = decimalArg(input.contractSize, 'contractSize');
    if (!cs.greaterThan(0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'contractSize must be > 0', ['contractSize']);
    }
    notional = quantity.times(cs).div(mark);
  }
  const terms = termsAt(resolveBrackets(input.brackets, options, ['brackets']), notional);
  return {
    notional,
    ...terms,
    maintenanceMargin: notional.times(terms.maintMarginRatio).minus(terms.cum),
  };
}
