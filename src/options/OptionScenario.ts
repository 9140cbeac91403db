import type { DecimalInput } from '../internal/decimal.js';
import type { OptionAccountSummary } from './OptionAccountSummary.js';

/**
 * A stress scenario for a book with options: a price move, a volatility shock and time passing.
 * @category Options
 */
export interface OptionScenario {
  /** Label shown in reports. */
  readonly name: string;
  /** Price move as a fraction (−0.2 is a 20 % fall), > −1: of every market and asset, or of `market` alone. */
  readonly move?: DecimalInput;
  /** Move only this market (a perpetual or future; options on it are re-priced), default every market. */
  readonly market?: string;
  /** Relative volatility shock: every option's σ becomes σ·(1 + volMove), > −1 (0.5 is vol up by half). */
  readonly volMove?: DecimalInput;
  /** Time passing before the move is measured, in milliseconds ≥ 0 (options decay toward expiry; no funding). */
  readonly horizonMs?: number;
}

/**
 * One scenario's outcome.
 * @category Options
 */
export interface OptionScenarioResult {
  /** The scenario's name. */
  readonly name: string;
  /** The account with its option legs after the scenario. */
  readonly summary: OptionAccountSummary;
}
