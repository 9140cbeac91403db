import { checkText } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import type { DydxSubaccount } from './DydxSubaccount.js';
import { closingDelta, liquidationContext, zero } from './liquidationPosition.js';
import { positionRiskOf } from './positionRisk.js';
import { euclidDiv, imul, plain } from './quantums.js';

/**
 * dYdX v4 bankruptcy price of closing `deltaQuantums` of a position, as the signed quote quantums the subaccount
 * must receive for that delta (positive when selling part of a long):
 *
 * `BQ = −ΔNNV − floor(TNC · |ΔMMR| / TMMR)`
 *
 * where `ΔNNV` and `ΔMMR` are the position's net notional and maintenance requirement at `q + Δ` minus at `q`
 * (both recomputed with the chain's rounding, not linearised) and `TNC`, `TMMR` the funding-settled subaccount
 * totals. The one division is floored, so BQ rounds toward +∞ and closing at BQ never needs insurance money.
 * Per coin: `BQ / (−Δ) · 10^(−6 − AR)` USD; a negative price means the subaccount can never be bankrupt.
 * Source: dydxprotocol/v4-chain `protocol/x/clob/keeper/liquidations.go` (`GetBankruptcyPriceInQuoteQuantums`).
 *
 * @param subaccount - the subaccount.
 * @param perpetuals - the perpetuals it holds, by id.
 * @param perpetualId - the perpetual being closed.
 * @param deltaQuantums - the closing size in base quantums: opposite in sign to the position, at most its size.
 * @throws {@link InvalidArgumentError} when the delta does not reduce the position, the position is absent, or
 *   the subaccount's maintenance requirement is 0.
 * @example
 * ```ts
 * import { dydxBankruptcyQuoteQuantums } from 'marginkit';
 * const BTC = { atomicResolution: -8, price: 5_000_000_000, exponent: -5, initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000 };
 * // USDC −4 501 against 0.1 BTC long (TNC 499, TMMR 500): closing it all needs 4 501 USDC
 * dydxBankruptcyQuoteQuantums({ usdcQuantums: -4_501_000_000, positions: [{ perpetualId: 'BTC', quantums: 10_000_000 }] }, { BTC }, 'BTC', -10_000_000).toString(); // => '4501000000'
 * ```
 * @category Venue: dYdX
 */
export function dydxBankruptcyQuoteQuantums(
  subaccount: DydxSubaccount,
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
  perpetualId: string,
  deltaQuantums: DecimalInput,
): Decimal {
  checkText(perpetualId, 'perpetualId');
  const { holding, total } = liquidationContext(subaccount, perpetuals, perpetualId);
  const delta = closingDelta(holding, deltaQuantums);
  const before = positionRiskOf(holding.perp, holding.quantums, zero());
  const after = positionRiskOf(holding.perp, holding.quantums.plus(delta), zero());
  const deltaNc = after.netCollateral.minus(before.netCollateral);
  const deltaMmr = after.maintenanceMargin.minus(before.maintenanceMargin);
  return plain(
    deltaNc.negated().minus(euclidDiv(imul(total.netCollateral, deltaMmr.abs()), total.maintenanceMargin)),
  );
}
