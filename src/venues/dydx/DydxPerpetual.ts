import type { DecimalInput } from '../../internal/decimal.js';

/**
 * A dYdX v4 liquidity tier: the margin parameters shared by the perpetuals that use it
 * (dydxprotocol/v4-chain `protocol/x/perpetuals/types/liquidity_tier.go`). Integers: ppm and quote quantums.
 * @category Venue: dYdX
 */
export interface DydxLiquidityTier {
  /** Initial margin fraction in ppm (`initial_margin_ppm`, ≤ 1 000 000; 50 000 = 5 %). */
  readonly initialMarginPpm: DecimalInput;
  /** Maintenance fraction in ppm of the *initial* margin (`maintenance_fraction_ppm`, ≤ 1 000 000). */
  readonly maintenanceFractionPpm: DecimalInput;
  /** Open-interest notional (quote quantums) at or below which the base IMF applies. Default 0. */
  readonly openInterestLowerCap?: DecimalInput;
  /** Open-interest notional (quote quantums) at and above which the IMF is 100 %; 0 (the default) turns scaling off. */
  readonly openInterestUpperCap?: DecimalInput;
}

/**
 * A dYdX v4 perpetual as its margin arithmetic sees it: liquidity tier, atomic resolution, the oracle price
 * (`MarketPrice{Price, Exponent}`: USD per coin = `price · 10^exponent`), open interest and funding index.
 * @category Venue: dYdX
 */
export interface DydxPerpetual extends DydxLiquidityTier {
  /** Atomic resolution AR: one base quantum is `10^AR` coins (BTC −10 on mainnet). */
  readonly atomicResolution: number;
  /** Oracle price integer (> 0). */
  readonly price: DecimalInput;
  /** Oracle price exponent. */
  readonly exponent: number;
  /** Open interest in base quantums (the sum of long sizes). Default 0. */
  readonly openInterest?: DecimalInput;
  /** The perpetual's funding index now (ppm quote quantums per base quantum). Default 0. */
  readonly fundingIndex?: DecimalInput;
}

/**
 * The dYdX v4 order-book parameters of a perpetual's CLOB pair (`protocol/x/clob/types/clob_pair.go`).
 * @category Venue: dYdX
 */
export interface DydxClobPair {
  /** `quantum_conversion_exponent`: `quoteQuantums = subticks · baseQuantums · 10^qce`. */
  readonly quantumConversionExponent: number;
  /** Price increment in subticks (`subticks_per_tick`, > 0). */
  readonly subticksPerTick: DecimalInput;
  /** Size increment in base quantums (`step_base_quantums`, > 0). */
  readonly stepBaseQuantums: DecimalInput;
}
