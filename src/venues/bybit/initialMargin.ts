import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { BybitPositionTerms } from './BybitPositionTerms.js';
import { bankruptcyValue, closeFeeRate, readTerms } from './terms.js';

/**
 * Initial margin of a Bybit position: `IM = position value / leverage`, in the settle coin.
 *
 * - Linear: `Q·EP / L` (quote coin).
 * - Inverse: `N / (EP·L)` (coin; Bybit "Initial Margin (Inverse Contract)": 12,000 contracts at 8,000 with 50× is
 *   0.03 BTC).
 * - `includeCloseFee`: adds the estimated fee to close at the bankruptcy price, `t·value(BP₀)`, as the position
 *   tab and the 2026 texts do (Bybit "Initial Margin Calculation (USDC Perpetual & Futures)"); see
 *   {@link bybitCloseFee}.
 *
 * The extra margin of the terms is not part of the initial margin.
 *
 * @param terms - the position (size, entry price, leverage).
 * @param options - `includeCloseFee` (default `false`) and `takerFeeRate`.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad field.
 * @example
 * ```ts
 * import { bybitInitialMargin } from 'marginkit';
 * bybitInitialMargin({ kind: 'inverse', size: 12_000, entryPrice: 8_000, leverage: 50 }).toString(); // => '0.03'
 * // USDC perpetual example: 0.5 BTC at 50,000, 10×, taker 0.055 %: 2,500 + 12.375
 * bybitInitialMargin({ kind: 'linear', size: '0.5', entryPrice: 50_000, leverage: 10 },
 *   { includeCloseFee: true, takerFeeRate: '0.00055' }).toString(); // => '2512.375'
 * ```
 * @category Venue: Bybit
 */
export function bybitInitialMargin(
  terms: BybitPositionTerms,
  options: { readonly includeCloseFee?: boolean; readonly takerFeeRate?: DecimalInput } = {},
): Decimal {
  checkObject(terms, 'terms');
  checkOptions(options);
  const t = readTerms(terms);
  const fee = closeFeeRate(options);
  return fee.isZero() ? t.initialMargin : t.initialMargin.plus(fee.times(bankruptcyValue(t)));
}
