import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';

/**
 * Rounds a funding amount (positive: paid by the position) to `decimalPlaces` against the position holder:
 * toward +∞, so a payer pays the amount rounded up and a receiver receives it rounded down — the rule of dYdX v4
 * settlement (`protocol/x/subaccounts`, floor of the credited amount) and the conservative default elsewhere.
 * For dYdX's per-account settlement, sum the positions' amounts first and round once.
 *
 * @param amount - signed amount (positive: paid).
 * @param decimalPlaces - places to keep, 0 … 1000 (e.g. 6 for USDC quote quantums, 8 for Binance).
 * @example
 * ```ts
 * import { roundFundingPayment } from 'marginkit';
 * roundFundingPayment('-8.5', 0).toString(); // => '-8'  (a receiver of 8.5 is credited 8)
 * roundFundingPayment('8.5', 0).toString(); // => '9'
 * ```
 * @category Funding
 */
export function roundFundingPayment(amount: DecimalInput, decimalPlaces: number): Decimal {
  // Bounded: no amount the library accepts has digits 1000 places after the point (decimal.js stops at 1e9).
  if (!Number.isSafeInteger(decimalPlaces) || decimalPlaces < 0 || decimalPlaces > 1000) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'decimalPlaces must be a whole number from 0 to 1000',
      ['decimalPlaces'],
    );
  }
  const rounded = decimalArg(amount, 'amount').toDecimalPlaces(decimalPlaces, Decimal.ROUND_CEIL);
  // A receipt that rounds away is 0, not −0.
  return rounded.isZero() ? new Decimal(0) : rounded;
}
