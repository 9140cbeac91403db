import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { adjustedImfPpm } from './adjustedInitialMarginPpm.js';
import type { DydxLiquidityTier } from './DydxPerpetual.js';
import { mulPpm, wholeArg } from './quantums.js';
import { resolveTier } from './resolvePerpetual.js';

/**
 * dYdX v4 initial margin requirement of a notional, in quote quantums, rounded up:
 * `IMR = ceil(N · IMF_eff / 1 000 000)` with `IMF_eff = max(IMF_adj, customImfPpm)` when a custom IMF (user
 * leverage) is set, else `IMF_adj` — the open-interest-scaled ppm of {@link dydxAdjustedInitialMarginPpm}.
 * Source: dydxprotocol/v4-chain `protocol/x/perpetuals/types/liquidity_tier.go` (`GetInitialMarginQuoteQuantums`).
 *
 * @param tier - the liquidity tier.
 * @param notional - |notional| of the position in quote quantums (≥ 0).
 * @param openInterestNotional - the perpetual's open interest in quote quantums (default 0: base IMF).
 * @param customImfPpm - the subaccount's `custom_imf_ppm` for this perpetual (default 0: none).
 * @throws {@link InvalidArgumentError} for a fractional or out-of-range argument.
 * @example
 * ```ts
 * import { dydxInitialMarginQuoteQuantums } from 'marginkit';
 * // 123 456 qq at 56.7243 %: 70 029.55… rounded up
 * dydxInitialMarginQuoteQuantums({ initialMarginPpm: 567_243, maintenanceFractionPpm: 0 }, 123_456).toString(); // => '70030'
 * ```
 * @category Venue: dYdX
 */
export function dydxInitialMarginQuoteQuantums(
  tier: DydxLiquidityTier,
  notional: DecimalInput,
  openInterestNotional: DecimalInput = 0,
  customImfPpm: DecimalInput = 0,
): Decimal {
  checkObject(tier, 'tier');
  const { imf, lowerCap, upperCap } = resolveTier(tier, ['tier']);
  return initialMarginQq(
    wholeArg(notional, ['notional'], 0),
    adjustedImfPpm(imf, lowerCap, upperCap, wholeArg(openInterestNotional, ['openInterestNotional'], 0)),
    wholeArg(customImfPpm, ['customImfPpm'], 0),
  );
}

/** The same on checked values: the effective ppm is `max(adjusted, custom)` when `custom > 0`. */
export function initialMarginQq(notional: Decimal, adjustedPpm: Decimal, customPpm: Decimal): Decimal {
  const ppm = customPpm.greaterThan(adjustedPpm) ? customPpm : adjustedPpm;
  return mulPpm(notional, ppm, true);
}
