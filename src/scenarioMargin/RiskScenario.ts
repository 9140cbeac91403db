import type { Decimal } from '../internal/decimal.js';

/**
 * How a scenario moves implied volatility: to the shocked-up level, the shocked-down level, or not at all.
 * @category Scenario margin
 */
export type VolMove = 'up' | 'down' | 'unchanged';

/**
 * One scenario of a risk array or valuation grid (SPAN's 16 scenarios, a portfolio-margin grid, a TIMS grid).
 *
 * The price moves by `priceMove · priceScanRange` (price units), volatility moves as `vol` says, and only
 * `weight` of the resulting loss is counted (SPAN's extreme moves count 35 %).
 * @category Scenario margin
 */
export interface RiskScenario {
  /** 1-based scenario number, as the venue numbers it (SPAN 1–16). */
  readonly number: number;
  /** Price move as a multiple of the price scan range (SPAN: 0, ±1/3, ±2/3, ±1, ±2); a grid uses fractions of the price. */
  readonly priceMove: Decimal;
  /** Volatility move. */
  readonly vol: VolMove;
  /** Fraction of the loss counted, in (0, 1]. */
  readonly weight: Decimal;
}

/**
 * A risk array: one loss per scenario, **losses positive, gains negative** (SPAN file convention), in the
 * settlement currency. Built per single long contract by {@link riskArray}, or for a book by
 * {@link combineRiskArrays}.
 * @category Scenario margin
 */
export type RiskArray = readonly Decimal[];
