import type { AccountSummary } from '../margin/AccountSummary.js';

/** The pools of a summary that are liquidatable: `'cross'` and the ids of isolated positions. */
export function liquidatablePools(summary: AccountSummary): string[] {
  return [
    ...(summary.cross.liquidatable ? ['cross'] : []),
    ...summary.isolated.filter((p) => p.liquidatable).map((p) => p.positionId),
  ];
}
