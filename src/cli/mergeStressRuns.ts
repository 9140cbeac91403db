import { type AccountSummary, Decimal, type ScenarioResult, type StressRun } from 'marginkit';

/**
 * One stress run from scenario results computed one at a time (so that a progress bar can move between them),
 * summarised as `stressAccount` summarises its own: the first scenario with the largest weighted loss (ties within
 * 1e-20 relative keep the first), the weighted losses sorted from best to worst and their mean, and the first
 * scenario in the given order at which a pool fails.
 */
export function mergeStressRuns(base: AccountSummary, results: readonly ScenarioResult[]): StressRun {
  const losses = results.map((r) => r.weightedLoss).sort((a, b) => a.comparedTo(b));
  const largest = losses[losses.length - 1];
  const tolerance = largest ? Decimal.max(1, largest.abs()).times('1e-20') : new Decimal(0);
  const worst = largest
    ? results.find((r) => r.weightedLoss.greaterThanOrEqualTo(largest.minus(tolerance)))
    : undefined;
  const first = results.find((r) => r.liquidatable || r.cascade.length > 0);
  const total = losses.reduce((a, b) => a.plus(b), new Decimal(0));
  return {
    base,
    results,
    ...(worst ? { worst: worst.name } : {}),
    losses,
    meanLoss: losses.length === 0 ? new Decimal(0) : total.div(losses.length),
    ...(first ? { firstLiquidatable: first.name } : {}),
  };
}
