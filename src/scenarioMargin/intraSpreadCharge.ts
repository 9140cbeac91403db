import { ZERO } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { positiveZero } from '../internal/positiveZero.js';
import { decimalAt, listAt, nonNegativeAt, objectAt, textAt } from './scenarioArgs.js';

/**
 * Input of {@link intraSpreadCharge}: net delta per tier (contract month) and the spread charges in priority order.
 * @category Scenario margin
 */
export interface IntraSpreadInput {
  /** Net delta of each tier, signed (long > 0); legs of the same tier add up. */
  readonly legs: readonly { readonly tier: string; readonly delta: DecimalInput }[];
  /** Charge per spread between two tiers, in the order the clearing house forms them. */
  readonly spreads: readonly { readonly tiers: readonly [string, string]; readonly charge: DecimalInput }[];
}

/**
 * A spread formed by {@link intraSpreadCharge}.
 * @category Scenario margin
 */
export interface FormedSpread {
  /** The two tiers, as the charge table names them. */
  readonly tiers: readonly [string, string];
  /** Number of spreads formed (in delta units). */
  readonly count: Decimal;
  /** `count · charge per spread`. */
  readonly charge: Decimal;
}

/**
 * Intra-commodity spread charge result.
 * @category Scenario margin
 */
export interface IntraSpreadCharge {
  /** Total charge: `Σ spreads count · charge`. */
  readonly charge: Decimal;
  /** The spreads formed, in priority order (pairs that formed none are left out). */
  readonly spreads: readonly FormedSpread[];
  /** Net delta left in each tier after spreading, in first-seen order. */
  readonly remaining: readonly { readonly tier: string; readonly delta: Decimal }[];
}

/**
 * SPAN intra-commodity (calendar) spread charge. Scanning risk nets all months of a product as if perfectly
 * correlated; this charge adds back the basis risk between months (CME "Inter Spread Calculations", intra section).
 * For each pair in priority order, when the two tiers hold deltas of opposite sign,
 * `count = min(|δ_a|, |δ_b|)`, `charge += count · rate`, and both deltas move toward 0 by `count`.
 *
 * Units: `charge` in the currency of the rates; deltas in contracts (delta-equivalent).
 *
 * @param input - tier deltas and spread charges; a tier the book does not hold has delta 0.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with the path of a bad leg or a negative charge.
 * @example
 * ```ts
 * import { intraSpreadCharge } from 'marginkit';
 * // CME: +1 month 2 / −1 month 3, intra charge 2v3 $200.
 * const r = intraSpreadCharge({
 *   legs: [{ tier: 'M2', delta: 1 }, { tier: 'M3', delta: -1 }],
 *   spreads: [{ tiers: ['M2', 'M3'], charge: 200 }, { tiers: ['M2', 'M4'], charge: 50 }],
 * });
 * [r.charge.toString(), r.spreads.length]; // => ['200', 1]
 * ```
 * @category Scenario margin
 */
export function intraSpreadCharge(input: IntraSpreadInput): IntraSpreadCharge {
  const o = objectAt(input, ['input']);
  const deltas = new Map<string, Decimal>();
  listAt(o.legs, ['input', 'legs']).forEach((item, i) => {
    const leg = objectAt(item, ['input', 'legs', i]);
    const tier = textAt(leg.tier, ['input', 'legs', i, 'tier']);
    const delta = decimalAt(leg.delta, ['input', 'legs', i, 'delta']);
    deltas.set(tier, (deltas.get(tier) ?? ZERO()).plus(delta));
  });
  const rules = listAt(o.spreads, ['input', 'spreads']).map((item, i) => {
    const rule = objectAt(item, ['input', 'spreads', i]);
    const tiers = listAt(rule.tiers, ['input', 'spreads', i, 'tiers'], 2);
    const a = textAt(tiers[0], ['input', 'spreads', i, 'tiers', 0]);
    const b = textAt(tiers[1], ['input', 'spreads', i, 'tiers', 1]);
    return { tiers: [a, b] as const, rate: nonNegativeAt(rule.charge, ['input', 'spreads', i, 'charge']) };
  });
  let total = ZERO();
  const formed: FormedSpread[] = [];
  for (const { tiers, rate } of rules) {
    const da = deltas.get(tiers[0]) ?? ZERO();
    const db = deltas.get(tiers[1]) ?? ZERO();
    if (da.isZero() || db.isZero() || da.isNegative() === db.isNegative()) continue;
    const count = smaller(da.abs(), db.abs());
    deltas.set(tiers[0], positiveZero(da.isNegative() ? da.plus(count) : da.minus(count)));
    deltas.set(tiers[1], positiveZero(db.isNegative() ? db.plus(count) : db.minus(count)));
    const charge = count.times(rate);
    total = total.plus(charge);
    formed.push({ tiers, count, charge });
  }
  return deepFreeze({
    charge: total,
    spreads: formed,
    remaining: [...deltas].map(([tier, delta]) => ({ tier, delta: positiveZero(delta) })),
  });
}

function smaller(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}
