// A brute-force reference for the stress cascade: walk the price path on a grid of full account summaries,
// bisect each failure to 1e-30, liquidate with the summary-based pool liquidation, repeat. Slow and simple.
import type { MarginAccount, Prices, Scenario, StressOptions } from '../../src/index.js';
import { applyShock, Decimal, summarizeAccount } from '../../src/index.js';
import { liquidatablePools } from '../../src/stress/liquidatablePools.js';
import { closeRules, type LiquidationEvent, liquidatePool } from '../../src/stress/liquidateAt.js';

export function bruteForceCascade(
  account: MarginAccount,
  prices: Prices,
  scenario: Scenario,
  options: StressOptions,
  steps = 256,
): { events: LiquidationEvent[]; account: MarginAccount } {
  const summaryOptions = options.priceSource ? { priceSource: options.priceSource } : {};
  const rules = closeRules(options, summaryOptions);
  const pricesAt = (t: Decimal) => (scenario.shock ? applyShock(prices, scenario.shock, t) : prices);
  const failingAt = (a: MarginAccount, t: Decimal) =>
    liquidatablePools(summarizeAccount(a, pricesAt(t), summaryOptions));
  const events: LiquidationEvent[] = [];
  let current = account;
  let from = new Decimal(0);
  for (let guard = 0; guard <= account.positions.length; guard++) {
    if (current.positions.length === 0) break;
    let found: { t: Decimal; pools: string[] } | undefined;
    const now = failingAt(current, from);
    if (now.length > 0) found = { t: from, pools: now };
    else {
      const width = new Decimal(1).minus(from);
      let lo = from;
      for (let i = 1; i <= steps && !found && !width.isZero(); i++) {
        const hi = from.plus(width.times(i).div(steps));
        if (failingAt(current, hi).length === 0) {
          lo = hi;
          continue;
        }
        let a = lo;
        let b = hi;
        for (let k = 0; k < 110 && b.minus(a).greaterThan('1e-30'); k++) {
          const mid = a.plus(b).div(2);
          if (failingAt(current, mid).length > 0) b = mid;
          else a = mid;
        }
        found = { t: b, pools: failingAt(current, b) };
      }
    }
    if (!found) break;
    const at = pricesAt(found.t);
    for (const pool of found.pools) {
      const closed = liquidatePool(current, pool, at, at, found.t, rules);
      events.push(...closed.events);
      current = closed.account;
    }
    from = found.t;
  }
  return { events, account: current };
}
