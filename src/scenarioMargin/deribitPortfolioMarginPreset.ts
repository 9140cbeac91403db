import { Decimal } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';

/**
 * Deribit-style BTC portfolio-margin parameters.
 * @category Scenario margin
 */
export interface DeribitPortfolioMarginPreset {
  /** Largest price move of the grid (fraction of the price). */
  readonly maxMove: Decimal;
  /** Buckets on each side of 0. */
  readonly stepsPerSide: number;
  /** Relative vol-up range at 30 days. */
  readonly volRangeUp: Decimal;
  /** Relative vol-down range at 30 days. */
  readonly volRangeDown: Decimal;
  /** Floor of the shocked-up volatility. */
  readonly minVolForShockUp: Decimal;
  /** Power of (30/DTE) below 30 days to expiry. */
  readonly shortTermVegaPower: Decimal;
  /** Power of (30/DTE) from 30 days on. */
  readonly longTermVegaPower: Decimal;
  /** Where the numbers come from, and how sure they are. */
  readonly sources: readonly string[];
}

/**
 * BTC parameters of a Deribit-style portfolio margin, for {@link portfolioMarginScenarios} and
 * {@link deribitVolShock}: ±16 % in 9 buckets (Deribit "Portfolio Margin" support article); vol ranges, floor and
 * vega powers from a public mirror of Deribit's risk scenarios (secondary; Deribit's own current values were not
 * read). Treat them as a fixture, not live venue data.
 *
 * @example
 * ```ts
 * import { deribitPortfolioMarginPreset } from 'marginkit';
 * const p = deribitPortfolioMarginPreset();
 * [p.maxMove.toString(), p.stepsPerSide, p.shortTermVegaPower.toString()]; // => ['0.16', 4, '0.3']
 * ```
 * @category Scenario margin
 */
export function deribitPortfolioMarginPreset(): DeribitPortfolioMarginPreset {
  return deepFreeze({
    maxMove: new Decimal('0.16'),
    stepsPerSide: 4,
    volRangeUp: new Decimal('0.5'),
    volRangeDown: new Decimal('0.25'),
    minVolForShockUp: new Decimal('0.5'),
    shortTermVegaPower: new Decimal('0.3'),
    longTermVegaPower: new Decimal('0.13'),
    sources: [
      'Deribit "Portfolio Margin", https://support.deribit.com/hc/en-us/articles/25944756247837-Portfolio-Margin',
      'Deribit-mimicking parameters (secondary), https://docs.oreome.com/docs/scenario/risk-scenario-advanced',
    ],
  });
}
