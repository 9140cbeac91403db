import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import type { BinanceLiquidationInput, BinanceLiquidationPrice } from './BinanceLiquidationPrice.js';
import type { BinanceBracketOptions } from './LeverageBracket.js';
import { solveBinanceLiquidation } from './solveLiquidation.js';

/**
 * Binance USDⓈ-M liquidation price by the venue's general formula (Binance FAQ "How to Calculate Liquidation
 * Price of USDⓈ-M Futures Contracts"; the formula is an image there, rebuilt from its definitions table and
 * confirmed on the worked examples of the older Binance help text and the freqtrade "calc example"):
 *
 * ```
 * LP = (WB − TMM1 + UPNL1 + cumB + cumL + cumS − Side1BOTH·Pos1BOTH·EP1BOTH − Pos1LONG·EP1LONG + Pos1SHORT·EP1SHORT)
 *    / (Pos1BOTH·MMR_B + Pos1LONG·MMR_L + Pos1SHORT·MMR_S − Side1BOTH·Pos1BOTH − Pos1LONG + Pos1SHORT)
 * ```
 *
 * - WB: cross wallet balance, or the isolated wallet; TMM1 / UPNL1: maintenance margin and unrealized PnL of the
 *   other cross contracts (0 when isolated). Pos: absolute sizes in base units; EP: entry prices; USDT throughout.
 * - One-way mode prices the single `BOTH` leg; hedge mode prices the `LONG` and `SHORT` legs of the symbol together
 *   (in cross they share one price). The hedge-mode terms follow the definitions table: no worked hedge-mode
 *   example has been found, so they are not numerically verified.
 * - Bracket rule (same FAQ): start from the bracket of the notional at `markPrice`; when `Pos · LP` lies in another
 *   bracket, recompute with that bracket's MMR and cum, until it no longer changes. With continuous brackets (cum
 *   by the recursion) the search settles on the single consistent price; brackets whose cum values alternate
 *   without settling are reported with an {@link InvalidArgumentError}.
 * - LP ≤ 0 (or a zero denominator) is `{ kind: 'never' }`, the interface's "--".
 *
 * It equals the library's {@link liquidationPrice} on the equivalent account (same tiers, maintenance on the
 * notional at the liquidation price) exactly, one-way cross and isolated: the generic engine solves the same linear
 * equation. The generic engine additionally reports `now` for a pool already below maintenance, where this formula
 * returns a price on the far side of the mark.
 *
 * @param input - WB, TMM1, UPNL1, the legs of contract 1 and its brackets (or one known MMR and cum).
 * @param options - how to read the bracket list's `cum` column (default: verify it).
 * @throws {@link InvalidArgumentError} for malformed legs or numbers (with their path); {@link ValidationError}
 *   for a malformed bracket list.
 * @example
 * ```ts
 * import { binanceLiquidationPrice } from 'marginkit';
 * // Old Binance help text: cross, one-way, BTCUSDT short 0.005 @ 9,451.53, MMR 0.4 %; the ETHUSDT long held
 * // beside it has maintenance 1.3 and uPnL 0.47; wallet 10.72 USDT
 * const lp = binanceLiquidationPrice({
 *   walletBalance: '10.72', otherMaintenance: '1.3', otherUnrealizedPnl: '0.47',
 *   legs: [{ positionSide: 'BOTH', positionAmt: '-0.005', entryPrice: '9451.53' }],
 *   brackets: { maintMarginRatio: '0.004', cum: 0 },
 * });
 * lp.kind; // => 'price'
 * lp.kind === 'price' && lp.price.toFixed(2); // => '11383.99'
 * ```
 * @category Venue: Binance
 */
export function binanceLiquidationPrice(
  input: BinanceLiquidationInput,
  options: BinanceBracketOptions = {},
): BinanceLiquidationPrice {
  checkObject(input, 'input');
  checkOptions(options);
  return solveBinanceLiquidation(input, options, { kind: 'linear' });
}
