import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { adjustedImfPpm } from './adjustedInitialMarginPpm.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import type { DydxRisk } from './DydxRisk.js';
import { initialMarginQq } from './initialMarginQuoteQuantums.js';
import { maintenanceMarginQq } from './maintenanceMarginQuoteQuantums.js';
import { dydxBaseToQuoteQuantums, plain, wholeArg } from './quantums.js';
import { type Perp, resolvePerpetual } from './resolvePerpetual.js';

/**
 * One position's {@link DydxRisk} with the terms behind it (all in quote quantums or ppm).
 * @category Venue: dYdX
 */
export interface DydxPositionRisk extends DydxRisk {
  /** Signed notional `B2Q(q)`, truncated toward zero (a short's is rounded up); equals `netCollateral`. */
  readonly netNotional: Decimal;
  /** `|notional| = B2Q(|q|)`, truncated (down). */
  readonly notional: Decimal;
  /** The perpetual's open interest in quote quantums, `B2Q(OI)`. */
  readonly openInterestNotional: Decimal;
  /** Open-interest-scaled IMF, floored to the ppm ({@link dydxAdjustedInitialMarginPpm}). */
  readonly adjustedInitialMarginPpm: Decimal;
  /** IMF actually applied: `max(adjusted, customImfPpm)` when a custom IMF is set. */
  readonly initialMarginPpm: Decimal;
}

/**
 * Options of {@link dydxPositionRisk}.
 * @category Venue: dYdX
 */
export interface DydxPositionRiskOptions {
  /** The subaccount's `custom_imf_ppm` for this perpetual (user leverage); 0 or absent: none. */
  readonly customImfPpm?: DecimalInput;
}

/**
 * dYdX v4 net collateral and margin requirements of one perpetual position of `quantums` base quantums, in quote
 * quantums, at the perpetual's oracle price:
 *
 * - `NC = B2Q(q)` truncated toward zero (a short's negative notional rounds up);
 * - `N = B2Q(|q|)`; `IMR = ceil(N · IMF_eff / 1e6)` with the open-interest-scaled (and user-raised) IMF;
 * - `MMR = ceil(ceil(N · IMF / 1e6) · MF / 1e6)` with the base IMF.
 *
 * Source: dydxprotocol/v4-chain `protocol/x/perpetuals/lib/lib.go` (`GetNetCollateralAndMarginRequirements`,
 * `GetMarginRequirementsInQuoteQuantums`). The per-position quote balance of the chain's state is taken as 0
 * (its only writer has no production caller in the source read).
 *
 * @param perpetual - the perpetual (tier, atomic resolution, oracle price, open interest).
 * @param quantums - signed position size in base quantums.
 * @param options - `customImfPpm`.
 * @throws {@link InvalidArgumentError} for a fractional or out-of-range argument.
 * @example
 * ```ts
 * import { dydxPositionRisk } from 'marginkit';
 * // short 0.005 (−5 000 bq at AR −6) at $420,000 (42 000 000 · 10^−2), IMF 1 %, MF 50 %
 * const r = dydxPositionRisk({ atomicResolution: -6, price: 42_000_000, exponent: -2, initialMarginPpm: 10_000, maintenanceFractionPpm: 500_000 }, -5_000);
 * [r.netCollateral.toString(), r.initialMargin.toString(), r.maintenanceMargin.toString()]; // => ['-2100000000', '21000000', '10500000']
 * ```
 * @category Venue: dYdX
 */
export function dydxPositionRisk(
  perpetual: DydxPerpetual,
  quantums: DecimalInput,
  options: DydxPositionRiskOptions = {},
): DydxPositionRisk {
  checkObject(perpetual, 'perpetual');
  checkOptions(options);
  return positionRiskOf(
    resolvePerpetual(perpetual, ['perpetual']),
    wholeArg(quantums, ['quantums']),
    wholeArg(options.customImfPpm ?? 0, ['customImfPpm'], 0),
  );
}

/** The same on checked values. */
export function positionRiskOf(perp: Perp, quantums: Decimal, customImfPpm: Decimal): DydxPositionRisk {
  const b2q = (bq: Decimal) =>
    plain(dydxBaseToQuoteQuantums(bq, perp.atomicResolution, perp.price, perp.exponent));
  const netNotional = b2q(quantums);
  const notional = b2q(quantums.abs());
  const openInterestNotional = b2q(perp.openInterest);
  const adjusted = adjustedImfPpm(perp.imf, perp.lowerCap, perp.upperCap, openInterestNotional);
  const applied = customImfPpm.greaterThan(adjusted) ? customImfPpm : adjusted;
  return {
    netCollateral: netNotional,
    initialMargin: initialMarginQq(notional, adjusted, customImfPpm),
    maintenanceMargin: maintenanceMarginQq(notional, perp.imf, perp.mf),
    netNotional,
    notional,
    openInterestNotional,
    adjustedInitialMarginPpm: adjusted,
    initialMarginPpm: applied,
  };
}
