import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject, checkText } from '../../internal/argumentShape.js';
import type { DydxFraction } from './DydxFraction.js';
import type { DydxLiquidationsConfig } from './DydxLiquidationsConfig.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import type { DydxSubaccount } from './DydxSubaccount.js';
import { big, clamp, div, mul, rat, sub, toFraction } from './fraction.js';
import { liquidationContext, zero } from './liquidationPosition.js';
import { positionRiskOf } from './positionRisk.js';
import { wholeArg } from './quantums.js';

/**
 * dYdX v4 fillable price of a liquidation: the worst price, in quote quantums per base quantum (an exact
 * rational), at which the position may be closed by a liquidation order:
 *
 * `ABR = clamp(BA/1e6 · (1 − TNC/TMMR), 0, 1)`, `FP = (PNNV − ABR · SMMR/1e6 · PMMR) / PS`
 *
 * with PNNV, PMMR, PS the *whole* position's net notional, maintenance requirement and size, and TNC, TMMR the
 * funding-settled subaccount totals. A long's FP is below the oracle, a short's above, by at most
 * `SMMR · PMMR / |PS|`; at TNC ≤ 0 the full spread applies. Per coin: `FP · 10^(−6 − AR)` USD. Turn it into an
 * order price with {@link dydxFillablePriceSubticks}.
 * Source: dydxprotocol/v4-chain `protocol/x/clob/keeper/liquidations.go` (`GetFillablePrice`).
 *
 * @param subaccount - the subaccount.
 * @param perpetuals - the perpetuals it holds, by id.
 * @param perpetualId - the perpetual being liquidated.
 * @param config - `bankruptcyAdjustmentPpm` and `spreadToMaintenanceMarginRatioPpm`.
 * @throws {@link InvalidArgumentError} when the position is absent, the subaccount's maintenance requirement is
 *   0, or the parameters give a negative price.
 * @example
 * ```ts
 * import { dydxFillablePrice } from 'marginkit';
 * const BTC = { atomicResolution: -8, price: 5_000_000_000, exponent: -5, initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000 };
 * // 0.1 BTC long with TNC 499 and TMMR 500: ABR 1/500, SMMR 10 %: 499.99 qq per bq ($49,999)
 * const fp = dydxFillablePrice({ usdcQuantums: -4_501_000_000, positions: [{ perpetualId: 'BTC', quantums: 10_000_000 }] }, { BTC }, 'BTC',
 *   { bankruptcyAdjustmentPpm: 1_000_000, spreadToMaintenanceMarginRatioPpm: 100_000 });
 * `${fp.numerator}/${fp.denominator}`; // => '49999/100'
 * ```
 * @category Venue: dYdX
 */
export function dydxFillablePrice(
  subaccount: DydxSubaccount,
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
  perpetualId: string,
  config: Pick<DydxLiquidationsConfig, 'bankruptcyAdjustmentPpm' | 'spreadToMaintenanceMarginRatioPpm'>,
): DydxFraction {
  checkText(perpetualId, 'perpetualId');
  checkObject(config, 'config');
  const ba = big(wholeArg(config.bankruptcyAdjustmentPpm, ['config', 'bankruptcyAdjustmentPpm'], 0));
  const smmr = big(
    wholeArg(config.spreadToMaintenanceMarginRatioPpm, ['config', 'spreadToMaintenanceMarginRatioPpm'], 0),
  );
  const { holding, total } = liquidationContext(subaccount, perpetuals, perpetualId);
  const position = positionRiskOf(holding.perp, holding.quantums, zero());
  const million = 1_000_000n;
  const tnc = big(total.netCollateral);
  const tmmr = big(total.maintenanceMargin);
  const abr = clamp(rat(ba * (tmmr - tnc), million * tmmr), rat(0n), rat(1n));
  const spread = mul(abr, rat(big(position.maintenanceMargin) * smmr, million));
  const fp = div(sub(rat(big(position.netCollateral)), spread), rat(big(holding.quantums)));
  if (fp.n < 0n) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'the fillable price is negative: the spread exceeds the position value',
      ['config', 'spreadToMaintenanceMarginRatioPpm'],
    );
  }
  return toFraction(fp);
}
