import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { DydxLiquidityTier } from './DydxPerpetual.js';
import { mulPpm, wholeArg } from './quantums.js';
import { resolveTier } from './resolvePerpetual.js';

/**
 * dYdX v4 maintenance margin requirement of a notional, in quote quantums:
 * `MMR = ceil( ceil(N · IMF / 1 000 000) · MF / 1 000 000 )` — from the *base* IMF (no open-interest scaling, no
 * user leverage), rounded up twice. It can exceed the exact `N · IMF · MF` by up to 2 qq.
 * Source: dydxprotocol/v4-chain `protocol/x/perpetuals/lib/lib.go` (`GetMarginRequirementsInQuoteQuantums`).
 *
 * @param tier - the liquidity tier (its caps play no part).
 * @param notional - |notional| of the position in quote quantums (≥ 0).
 * @throws {@link InvalidArgumentError} for a fractional or out-of-range argument.
 * @example
 * ```ts
 * import { dydxMaintenanceMarginQuoteQuantums } from 'marginkit';
 * // 9 200 311 488 qq at IMF 25 %, MF 60 %: ceil(2 300 077 872 · 0.6) = ceil(1 380 046 723.2)
 * dydxMaintenanceMarginQuoteQuantums({ initialMarginPpm: 250_000, maintenanceFractionPpm: 600_000 }, 9_200_311_488).toString(); // => '1380046724'
 * ```
 * @category Venue: dYdX
 */
export function dydxMaintenanceMarginQuoteQuantums(tier: DydxLiquidityTier, notional: DecimalInput): Decimal {
  checkObject(tier, 'tier');
  const { imf, mf } = resolveTier(tier, ['tier']);
  return maintenanceMarginQq(wholeArg(notional, ['notional'], 0), imf, mf);
}

/** The same on checked values. */
export function maintenanceMarginQq(notional: Decimal, imf: Decimal, mf: Decimal): Decimal {
  return mulPpm(mulPpm(notional, imf, true), mf, true);
}
