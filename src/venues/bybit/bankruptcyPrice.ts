import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import type { BybitPositionTerms, BybitPriceLevel } from './BybitPositionTerms.js';
import { positionMargin, solveIsolated } from './isolatedSolver.js';
import { bankruptcyValue, closeFeeRate, readTerms } from './terms.js';

/**
 * Bankruptcy price of an isolated Bybit position: the price at which its margin is gone (the "0 % margin level" at
 * which a liquidated position is closed).
 *
 * - Bybit "Bankruptcy Price (USDT Contract)", isolated: `BP_long = EP·(1 − IMR)`, `BP_short = EP·(1 + IMR)`, with
 *   `IMR = 1/L`; with extra margin X: `BP = EP ∓ (IM + X)/Q`.
 * - Inverse (same definition, coin margin): `BP = N / (N/EP ± (IM + X))` (long +, short −), i.e.
 *   `EP·L/(L + 1)` for a long without extra margin.
 * - `includeCloseFee` (2026 texts): the margin also holds the estimated fee to close, and the bankruptcy price is
 *   where what is left just pays the fee to close there; without extra margin this is the same price, and extra
 *   margin counts as `X/(1 − t)` (linear long, inverse short) or `X/(1 + t)` (linear short, inverse long).
 *
 * Units: quote currency per base coin.
 *
 * @param terms - the position (size, entry price, leverage, extra margin).
 * @param options - `includeCloseFee` (default `false`) and `takerFeeRate`.
 * @returns `price`, or `never` when no positive price exhausts the margin (e.g. a 1× linear long).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad field.
 * @example
 * ```ts
 * import { bybitBankruptcyPrice } from 'marginkit';
 * // Bybit: long 1 BTC at 10,000 with 50× → 10,000 × (1 − 2 %)
 * const bp = bybitBankruptcyPrice({ kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 });
 * if (bp.kind === 'price') bp.price.toString(); // => '9800'
 * ```
 * @category Venue: Bybit
 */
export function bybitBankruptcyPrice(
  terms: BybitPositionTerms,
  options: { readonly includeCloseFee?: boolean; readonly takerFeeRate?: DecimalInput } = {},
): BybitPriceLevel {
  checkObject(terms, 'terms');
  checkOptions(options);
  const t = readTerms(terms);
  const fee = closeFeeRate(options);
  const zero = new Decimal(0);
  return solveIsolated(t, positionMargin(t, fee, bankruptcyValue(t)), zero, zero, 'entry', fee).level;
}
