import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkObject } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { FundingRateModel } from './FundingSchedule.js';

/**
 * The funding rate (per rate period) a rate model forms from a premium index.
 *
 * - `premium-interest` (Binance, Bybit, BitMEX, Hyperliquid): `F = clamp(P + clamp(I − P, −band, +band), floor, cap)`.
 *   While `I − band ≤ P ≤ I + band` the rate is exactly the interest rate.
 * - `clamped-premium` (OKX; dYdX v4 with its default funding as offset): `F = clamp(P + offset, floor, cap)`.
 *
 * Sign convention: a positive rate means longs pay shorts.
 *
 * @param model - the rate model (a schedule's `rate`).
 * @param premium - the premium index averaged over the period.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a `path` model, which has no formation rule.
 * @example
 * ```ts
 * import { createFundingSchedule, fundingRateFromPremium } from 'marginkit';
 * const binance = createFundingSchedule({ intervalMs: 28_800_000, paymentPrice: 'mark',
 *   rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.0075' } });
 * fundingRateFromPremium(binance.rate, '-0.0004').toString(); // => '0.0001'
 * fundingRateFromPremium(binance.rate, '0.001').toString(); // => '0.0005'
 * ```
 * @category Funding
 */
export function fundingRateFromPremium(model: FundingRateModel, premium: DecimalInput): Decimal {
  checkObject(model, 'model', 'a funding rate model');
  const p = decimalArg(premium, 'premium');
  const clamp = (x: Decimal, lo: Decimal, hi: Decimal) => Decimal.min(hi, Decimal.max(lo, x));
  if (model.type === 'premium-interest') {
    const interestTerm = clamp(model.interestRate.minus(p), model.clampBand.negated(), model.clampBand);
    return clamp(p.plus(interestTerm), model.floor, model.cap);
  }
  if (model.type === 'clamped-premium') return clamp(p.plus(model.offset), model.floor, model.cap);
  throw new InvalidArgumentError(
    'INVALID_ARGUMENT',
    'a rate path has no premium rule; read its rates instead',
    ['model'],
  );
}
