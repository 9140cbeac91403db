import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { BybitPositionTerms } from './BybitPositionTerms.js';
import { bankruptcyValue, rate, readTerms } from './terms.js';

/**
 * Bybit's estimated fee to close a position: the taker fee on the position's value at its bankruptcy price (the
 * price at which its initial margin is gone), in the settle coin.
 *
 * - Linear long `Q·EP·(1 − 1/L)·t`, short `Q·EP·(1 + 1/L)·t` (Bybit "Initial Margin Calculation (USDC Perpetual &
 *   Futures)": 0.5 BTC at 50,000, 10×, 0.055 % → 12.375 USDC for a long).
 * - Inverse long `N/EP·(1 + 1/L)·t`, short `N/EP·(1 − 1/L)·t` (the coin value `N/BP` at the bankruptcy price).
 *
 * Extra margin is not considered (the fee is on the initial bankruptcy price); a value below 0 (an inverse short at
 * L ≤ 1) counts as 0.
 *
 * @param terms - the position.
 * @param takerFeeRate - taker fee rate, a fraction in [0, 1).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad field.
 * @example
 * ```ts
 * import { bybitCloseFee } from 'marginkit';
 * // Bybit order-cost example: 1 BTC long at 10,000, 50×, taker 0.075 % → 9,800 × 0.075 %
 * bybitCloseFee({ kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 }, '0.00075').toString(); // => '7.35'
 * ```
 * @category Venue: Bybit
 */
export function bybitCloseFee(terms: BybitPositionTerms, takerFeeRate: DecimalInput): Decimal {
  checkObject(terms, 'terms');
  const t = readTerms(terms);
  return rate(takerFeeRate, ['takerFeeRate']).times(bankruptcyValue(t));
}
