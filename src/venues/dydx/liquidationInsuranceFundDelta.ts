import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { dydxBankruptcyQuoteQuantums } from './bankruptcyQuoteQuantums.js';
import type { DydxLiquidationsConfig } from './DydxLiquidationsConfig.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import type { DydxSubaccount } from './DydxSubaccount.js';
import { dydxFillAmountToQuoteQuantums } from './fillAmountToQuoteQuantums.js';
import { mulPpm, plain, wholeArg } from './quantums.js';

/**
 * One fill of a dYdX v4 liquidation order.
 * @category Venue: dYdX
 */
export interface DydxLiquidationFill {
  /** The perpetual being liquidated. */
  readonly perpetualId: string;
  /** True when the liquidation order buys (it closes a short). */
  readonly isBuy: boolean;
  /** Filled size in base quantums (> 0). */
  readonly fillAmount: DecimalInput;
  /** Fill price in subticks (the maker's price). */
  readonly subticks: DecimalInput;
  /** The CLOB pair's `quantum_conversion_exponent`. */
  readonly quantumConversionExponent: number;
}

/**
 * Result of {@link dydxLiquidationInsuranceFundDelta}, in quote quantums.
 * @category Venue: dYdX
 */
export interface DydxInsuranceFundDelta {
  /** Net payment to the insurance fund: positive, the liquidated subaccount pays a fee; negative, the fund covers a loss. */
  readonly insuranceFundDelta: Decimal;
  /** Signed quote amount of the fill for the subaccount: `floor(subticks · size · 10^qce)`, negated for a buy. */
  readonly fillQuoteQuantums: Decimal;
  /** The bankruptcy quote of the fill's size ({@link dydxBankruptcyQuoteQuantums}). */
  readonly bankruptcyQuoteQuantums: Decimal;
  /** Change of the subaccount's USDC: `fillQuoteQuantums − insuranceFundDelta` (liquidation orders pay no trading fee). */
  readonly usdcDelta: Decimal;
}

/**
 * dYdX v4 insurance-fund payment of one liquidation fill. With `fillQ` the fill's signed quote amount and `BQ` the
 * bankruptcy quote of its size, `d = fillQ − BQ`: if `d ≤ 0` the fund pays `−d` (delta `d`); otherwise the
 * subaccount pays the fee `min(floor(|fillQ| · maxLiquidationFeePpm / 1e6), d)`.
 * Source: dydxprotocol/v4-chain `protocol/x/clob/keeper/liquidations.go` (`GetLiquidationInsuranceFundDelta`).
 *
 * @param subaccount - the liquidated subaccount before the fill.
 * @param perpetuals - the perpetuals it holds, by id.
 * @param fill - the fill.
 * @param config - `maxLiquidationFeePpm`.
 * @throws {@link InvalidArgumentError} for a zero fill, a fill that does not reduce the position, or a malformed
 *   argument.
 * @example
 * ```ts
 * import { dydxLiquidationInsuranceFundDelta } from 'marginkit';
 * const BTC = { atomicResolution: -8, price: 5_000_000_000, exponent: -5, initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000 };
 * // 0.1 BTC long with USDC −5 100 (bankrupt at $51,000) sold at $50,490: the fund covers 51 USDC
 * dydxLiquidationInsuranceFundDelta({ usdcQuantums: -5_100_000_000, positions: [{ perpetualId: 'BTC', quantums: 10_000_000 }] }, { BTC },
 *   { perpetualId: 'BTC', isBuy: false, fillAmount: 10_000_000, subticks: 50_490_000_000, quantumConversionExponent: -8 },
 *   { maxLiquidationFeePpm: 5_000 }).insuranceFundDelta.toString(); // => '-51000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxLiquidationInsuranceFundDelta(
  subaccount: DydxSubaccount,
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
  fill: DydxLiquidationFill,
  config: Pick<DydxLiquidationsConfig, 'maxLiquidationFeePpm'>,
): DydxInsuranceFundDelta {
  checkObject(fill, 'fill');
  checkObject(config, 'config');
  const feePpm = wholeArg(config.maxLiquidationFeePpm, ['config', 'maxLiquidationFeePpm'], 0);
  const size = wholeArg(fill.fillAmount, ['fill', 'fillAmount'], 1);
  if (typeof fill.isBuy !== 'boolean') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a boolean', ['fill', 'isBuy']);
  }
  const quote = dydxFillAmountToQuoteQuantums(fill.subticks, size, fill.quantumConversionExponent);
  const fillQuoteQuantums = plain(fill.isBuy ? quote.negated() : quote);
  const bankruptcyQuoteQuantums = dydxBankruptcyQuoteQuantums(
    subaccount,
    perpetuals,
    fill.perpetualId,
    fill.isBuy ? size : size.negated(),
  );
  const d = fillQuoteQuantums.minus(bankruptcyQuoteQuantums);
  let insuranceFundDelta = plain(d);
  if (d.isPositive() && !d.isZero()) {
    const fee = mulPpm(fillQuoteQuantums.abs(), feePpm, false);
    insuranceFundDelta = fee.lessThan(d) ? fee : d;
  }
  return {
    insuranceFundDelta,
    fillQuoteQuantums,
    bankruptcyQuoteQuantums,
    usdcDelta: plain(fillQuoteQuantums.minus(insuranceFundDelta)),
  };
}
