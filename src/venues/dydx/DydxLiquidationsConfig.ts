import type { DecimalInput } from '../../internal/decimal.js';

/**
 * The dYdX v4 liquidation parameters (`LiquidationsConfig`, `protocol/x/clob/types/liquidations_config.go`), set
 * by governance. Sample genesis values (`protocol/testing/genesis.sh`): fee 15 000 ppm, bankruptcy adjustment
 * 1 000 000, spread-to-MMR ratio 1 500 000, minimum position notional 1 000 USDC, maximum portion 100 000 ppm,
 * subaccount limits 100 000 USDC notional and 1 000 000 USDC insurance lost per block. Functions take the
 * fields they need.
 * @category Venue: dYdX
 */
export interface DydxLiquidationsConfig {
  /** `max_liquidation_fee_ppm`: cap of the fee paid to the insurance fund, in ppm of the fill's quote amount. */
  readonly maxLiquidationFeePpm: DecimalInput;
  /** `fillable_price_config.bankruptcy_adjustment_ppm` (BA, ≥ 1 000 000). */
  readonly bankruptcyAdjustmentPpm: DecimalInput;
  /** `fillable_price_config.spread_to_maintenance_margin_ratio_ppm` (SMMR, > 0). */
  readonly spreadToMaintenanceMarginRatioPpm: DecimalInput;
  /** `position_block_limits.min_position_notional_liquidated`, in quote quantums. */
  readonly minPositionNotionalLiquidated: DecimalInput;
  /** `position_block_limits.max_position_portion_liquidated_ppm`. */
  readonly maxPositionPortionLiquidatedPpm: DecimalInput;
  /** `subaccount_block_limits.max_notional_liquidated`, in quote quantums per block. */
  readonly maxNotionalLiquidated: DecimalInput;
  /** `subaccount_block_limits.max_quantums_insurance_lost`, in quote quantums per block. */
  readonly maxQuantumsInsuranceLost: DecimalInput;
}
