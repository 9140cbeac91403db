import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { createFundingSchedule } from '../../funding/createFundingSchedule.js';
import type { FundingSchedule } from '../../funding/FundingSchedule.js';
import { checkObject } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';

/**
 * Options of {@link binanceFundingSchedule}.
 * @category Venue: Binance
 */
export interface BinanceFundingOptions {
  /** Upper bound of the rate per interval; a per-symbol parameter (Binance publishes it per symbol). */
  readonly cap: DecimalInput;
  /** Lower bound of the rate per interval; default `−cap`. */
  readonly floor?: DecimalInput;
  /** Hours between payments: 8 by default, 4 or 1 on symbols Binance has moved. */
  readonly intervalHours?: number;
  /** Interest rate per interval; default 0.03 % a day pro rata, i.e. 0.0001 per 8 hours. */
  readonly interestRate?: DecimalInput;
  /** Half-width of the interest clamp; default 0.0005 (0.05 %). */
  readonly clampBand?: DecimalInput;
}

/**
 * Binance USDⓈ-M perpetual funding as a library {@link FundingSchedule}: paid every `intervalHours` from
 * 00:00 UTC on the mark-price notional (`Funding Amount = Mark Price × Size × Funding Rate`), the rate formed as
 * `F = clamp(P + clamp(I − P, −0.05 %, +0.05 %), floor, cap)` with interest `I = 0.01 %` per 8 hours. So while the
 * premium index lies in [−0.04 %, +0.06 %] the rate is exactly 0.01 %. Sources: Binance FAQ "Introduction to
 * Binance Futures Funding Rates" and the older Binance "Funding Rate" help text (quoted in the project's
 * reference notes). The default interest for intervals other than 8 hours (0.03 % a day pro rata) is derived from
 * that text, not read from a Binance example; pass `interestRate` to override it.
 *
 * @param options - the symbol's cap (and floor), interval, interest rate and clamp band.
 * @throws {@link InvalidArgumentError} for an interval that is not a whole number of hours > 0;
 *   {@link ValidationError} for a cap below its floor.
 * @example
 * ```ts
 * import { binanceFundingSchedule, fundingRateFromPremium } from 'marginkit';
 * const funding = binanceFundingSchedule({ cap: '0.02' });
 * fundingRateFromPremium(funding.rate, '-0.0004').toString(); // => '0.0001'
 * fundingRateFromPremium(funding.rate, '0.001').toString(); // => '0.0005'
 * funding.intervalMs; // => 28800000
 * ```
 * @category Venue: Binance
 */
export function binanceFundingSchedule(options: BinanceFundingOptions): FundingSchedule {
  checkObject(options, 'options');
  const hours = options.intervalHours ?? 8;
  if (!Number.isSafeInteger(hours) || hours <= 0) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `intervalHours must be a whole number > 0, got ${hours}`,
      ['intervalHours'],
    );
  }
  const interestRate =
    options.interestRate === undefined
      ? new Decimal('0.0003').times(hours).div(24)
      : decimalArg(options.interestRate, 'interestRate');
  const intervalMs = hours * 3_600_000;
  return createFundingSchedule({
    intervalMs,
    ratePeriodMs: intervalMs,
    anchorMs: 0,
    paymentPrice: 'mark',
    rate: {
      type: 'premium-interest',
      interestRate,
      clampBand: options.clampBand ?? '0.0005',
      cap: options.cap,
      ...(options.floor === undefined ? {} : { floor: options.floor }),
    },
  });
}
