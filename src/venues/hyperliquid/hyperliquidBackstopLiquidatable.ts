import { checkObject } from '../../internal/argumentShape.js';
import type { DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';

/**
 * Whether a Hyperliquid margin pool (the cross account, or one isolated position) is past the backstop threshold,
 * where the liquidator vault may take it over: `equity < (2/3) · maintenance`, i.e. `3 · equity < 2 · maintenance`
 * (compared without rounding 2/3), with a maintenance requirement above 0.
 *
 * Ordinary liquidation (market orders to the book) starts earlier, at `equity < maintenance` (the pool's
 * `liquidatable` flag). In a backstop liquidation the maintenance margin is not returned; cross: all cross positions
 * and cross margin go to the vault; isolated: that position and its margin only. Units: any one currency (USDC).
 * Source: Hyperliquid docs "Liquidations" ("If the account equity drops below 2/3 of the maintenance margin without
 * successful liquidation through the book, a backstop liquidation happens through the liquidator vault").
 *
 * @param pool - the pool's equity and maintenance requirement, e.g. a {@link PoolSummary} from {@link summarizeAccount}.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a non-finite amount.
 * @example
 * ```ts
 * import { hyperliquidBackstopLiquidatable } from 'marginkit';
 * hyperliquidBackstopLiquidatable({ equity: 70, maintenanceRequirement: 100 }); // => false  (liquidatable, not backstop)
 * hyperliquidBackstopLiquidatable({ equity: '66.66', maintenanceRequirement: 100 }); // => true
 * ```
 * @category Venue: Hyperliquid
 */
export function hyperliquidBackstopLiquidatable(pool: {
  readonly equity: DecimalInput;
  readonly maintenanceRequirement: DecimalInput;
}): boolean {
  checkObject(pool, 'pool');
  const equity = decimalArg(pool.equity, 'equity', ['pool', 'equity']);
  const maintenance = decimalArg(pool.maintenanceRequirement, 'maintenanceRequirement', [
    'pool',
    'maintenanceRequirement',
  ]);
  return maintenance.isPositive() && !maintenance.isZero() && equity.times(3).lessThan(maintenance.times(2));
}
