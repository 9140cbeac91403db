import type { Decimal, DecimalInput } from '../../internal/decimal.js';

/**
 * The chain's `margin.Risk` of a position or a subaccount, in quote quantums (`protocol/lib/margin/risk.go`).
 * @category Venue: dYdX
 */
export interface DydxRisk {
  /** Net collateral NC (signed; a subaccount's total TNC is its equity). */
  readonly netCollateral: Decimal;
  /** Initial margin requirement IMR (≥ 0). */
  readonly initialMargin: Decimal;
  /** Maintenance margin requirement MMR (≥ 0). */
  readonly maintenanceMargin: Decimal;
}

/**
 * Input form of a {@link DydxRisk}: integers in quote quantums.
 * @category Venue: dYdX
 */
export interface DydxRiskInput {
  /** See {@link DydxRisk.netCollateral}. */
  readonly netCollateral: DecimalInput;
  /** See {@link DydxRisk.initialMargin}. */
  readonly initialMargin: DecimalInput;
  /** See {@link DydxRisk.maintenanceMargin}. */
  readonly maintenanceMargin: DecimalInput;
}
