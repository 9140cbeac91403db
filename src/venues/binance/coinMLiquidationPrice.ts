import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import { decimalArg } from '../../internal/decimalArg.js';
import type { BinanceCoinMLiquidationInput, BinanceLiquidationPrice } from './BinanceLiquidationPrice.js';
import type { BinanceBracketOptions } from './LeverageBracket.js';
import { solveBinanceLiquidation } from './solveLiquidation.js';

/**
 * Binance COIN-M (inverse) liquidation price (Binance FAQ "How to Calculate Liquidation Price of Coin-M Futures
 * Contracts"; the formula is an image there, rebuilt from its definitions table and confirmed on the one-way long of
 * dev.binance.vision thread 6292, "Coin-margined futures liquidation price calculation"):
 *
 * ```
 * LP = (Pos_B·MMR_B + Pos_L·MMR_L + Pos_S·MMR_S + Side_B·Pos_B + Pos_L − Pos_S)
 *    / ((WB + cumB + cumL + cumS)/CS + Side_B·Pos_B/EP_B + Pos_L/EP_L − Pos_S/EP_S)
 * ```
 *
 * Pos in contracts, CS in USD per contract, WB and cum in the coin; LP in USD. It is evaluated multiplied through
 * by CS, `LP = Σ CS·(s + |s|·MMR) / (W' + Σ (cum + s·CS/EP))` with `s` the signed leg size, which is the same number
 * without dividing WB by CS. One-way per position: long `N·CS·(1 + MMR) / (WB + cum + N·CS/EP)`, short
 * `N·CS·(1 − MMR) / (N·CS/EP − WB − cum)`.
 *
 * Unverified parts: the FAQ table lists TMM1 and UPNL1 for cross mode, but no example shows where they enter; they
 * are placed as in USD-M, `W' = WB − TMM1 + UPNL1` inside the wallet term (both in the coin). The hedge-mode
 * terms follow the definitions table only. The bracket rule is that of {@link binanceLiquidationPrice}, with the
 * bracket chosen by the coin notional `N·CS / LP` (COIN-M brackets are bounded by `qtyFloor`/`qtyCap` in the coin).
 *
 * It equals the library's {@link liquidationPrice} on the equivalent inverse account exactly for a single position
 * (cross or isolated), the operations being done in the same order.
 *
 * @param input - WB, TMM1, UPNL1 (coin), the legs (contracts), CS, and the brackets or one known MMR and cum.
 * @param options - how to read the bracket list's `cum` column (default: verify it).
 * @throws {@link InvalidArgumentError} for malformed legs or numbers, or a contract size ≤ 0.
 * @example
 * ```ts
 * import { binanceCoinMLiquidationPrice } from 'marginkit';
 * // dev.binance.vision thread 6292: wallet 101 BTC, long 100,000 BTCUSD contracts ($100) @ 45,000,
 * // MMR 12.5 %, maintenance amount 11.81 BTC (the older FAQ's value for a 300-BTC position)
 * const lp = binanceCoinMLiquidationPrice({
 *   walletBalance: 101, contractSize: 100,
 *   legs: [{ positionSide: 'BOTH', positionAmt: 100_000, entryPrice: 45_000 }],
 *   brackets: { maintMarginRatio: '0.125', cum: '11.81' },
 * });
 * lp.kind === 'price' && lp.price.toFixed(9); // => '33578.859744834'
 * ```
 * @category Venue: Binance
 */
export function binanceCoinMLiquidationPrice(
  input: BinanceCoinMLiquidationInput,
  options: BinanceBracketOptions = {},
): BinanceLiquidationPrice {
  checkObject(input, 'input');
  checkOptions(options);
  const contractSize = decimalArg(input?.contractSize, 'contractSize');
  if (!contractSize.greaterThan(0)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'contractSize must be > 0', ['contractSize']);
  }
  return solveBinanceLiquidation(input, options, { kind: 'inverse', contractSize });
}
