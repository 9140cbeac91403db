import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ZERO } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { decimalAt, listAt, nonNegativeAt, objectAt, textAt } from './scenarioArgs.js';

/**
 * Input of {@link deribitContingency}.
 * @category Scenario margin
 */
export interface DeribitContingencyInput {
  /** Option positions: strike and signed quantity (long > 0) in underlying units; calls and puts alike. */
  readonly options?: readonly { readonly strike: DecimalInput; readonly quantity: DecimalInput }[];
  /** Charge per option, in the settlement currency per unit (older Deribit PM: 0.01 BTC). */
  readonly perOption: DecimalInput;
  /** Which options are charged: the net short quantity per strike (default) or every option (gross). */
  readonly optionBasis?: 'net-short-per-strike' | 'gross';
  /** Futures positions: expiry name and signed size in underlying units. */
  readonly futures?: readonly { readonly expiry: string; readonly quantity: DecimalInput }[];
  /** Charge on the offsetting futures size, a fraction (older Deribit PM: 1 % or 2 %). */
  readonly futuresRate: DecimalInput;
}

/**
 * Contingency add-ons of a Deribit-style portfolio margin.
 * @category Scenario margin
 */
export interface DeribitContingency {
  /** Option contingency: `perOption · Σ_strikes max(0, −net quantity)` (or `· Σ |quantity|` when gross). */
  readonly options: Decimal;
  /** Futures contingency: `futuresRate · offsettingFutures`. */
  readonly futures: Decimal;
  /** `options + futures`. */
  readonly total: Decimal;
  /** Offsetting futures size: `min(Σ long expiries, Σ |short expiries|)` after netting each expiry. */
  readonly offsettingFutures: Decimal;
  /** Net short quantity per strike, in first-seen order (strikes that net long or flat show 0). */
  readonly netShortByStrike: readonly { readonly strike: Decimal; readonly netShort: Decimal }[];
}

/**
 * Contingency add-ons of Deribit's (older) portfolio margin, for risks the price/vol grid misses: a charge per net
 * short option per strike (pin risk), and a charge on futures that offset each other across expiries (basis
 * risk). Deribit portfolio margin docs: "net short position on strike X is −10, thus 10·0.01 BTC"; "long 100 BTC
 * A / short 100 BTC B → 1 BTC" at 1 %; a later version charges 1 % of all options and 2 % of offsetting futures.
 *
 * Units: settlement currency (BTC for Deribit BTC).
 *
 * @param input - options, futures and the two rates.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` with the path of a bad position or a negative rate.
 * @example
 * ```ts
 * import { deribitContingency } from 'marginkit';
 * const c = deribitContingency({
 *   options: [{ strike: 30000, quantity: 10 }, { strike: 30000, quantity: -20 }], perOption: '0.01',
 *   futures: [{ expiry: 'A', quantity: 100 }, { expiry: 'B', quantity: -100 }], futuresRate: '0.01',
 * });
 * [c.options.toString(), c.futures.toString(), c.total.toString()]; // => ['0.1', '1', '1.1']
 * ```
 * @category Scenario margin
 */
export function deribitContingency(input: DeribitContingencyInput): DeribitContingency {
  const o = objectAt(input, ['input']);
  const perOption = nonNegativeAt(o.perOption, ['input', 'perOption']);
  const futuresRate = nonNegativeAt(o.futuresRate, ['input', 'futuresRate']);
  const basis = o.optionBasis ?? 'net-short-per-strike';
  if (basis !== 'net-short-per-strike' && basis !== 'gross') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', "must be 'net-short-per-strike' or 'gross'", [
      'input',
      'optionBasis',
    ]);
  }
  const byStrike = new Map<string, { strike: Decimal; net: Decimal }>();
  let gross = ZERO();
  if (o.options !== undefined) {
    listAt(o.options, ['input', 'options']).forEach((item, i) => {
      const option = objectAt(item, ['input', 'options', i]);
      const strike = nonNegativeAt(option.strike, ['input', 'options', i, 'strike']);
      const quantity = decimalAt(option.quantity, ['input', 'options', i, 'quantity']);
      const key = strike.toString();
      const entry = byStrike.get(key);
      byStrike.set(key, { strike, net: (entry?.net ?? ZERO()).plus(quantity) });
      gross = gross.plus(quantity.abs());
    });
  }
  const netShortByStrike = [...byStrike.values()].map(({ strike, net }) => ({
    strike,
    netShort: net.isNegative() && !net.isZero() ? net.neg() : ZERO(),
  }));
  const charged =
    basis === 'gross' ? gross : netShortByStrike.reduce((sum, s) => sum.plus(s.netShort), ZERO());
  const byExpiry = new Map<string, Decimal>();
  if (o.futures !== undefined) {
    listAt(o.futures, ['input', 'futures']).forEach((item, i) => {
      const future = objectAt(item, ['input', 'futures', i]);
      const expiry = textAt(future.expiry, ['input', 'futures', i, 'expiry']);
      const quantity = decimalAt(future.quantity, ['input', 'futures', i, 'quantity']);
      byExpiry.set(expiry, (byExpiry.get(expiry) ?? ZERO()).plus(quantity));
    });
  }
  let long = ZERO();
  let short = ZERO();
  for (const net of byExpiry.values()) {
    if (net.isNegative()) short = short.minus(net);
    else long = long.plus(net);
  }
  const offsettingFutures = long.lessThan(short) ? long : short;
  const options = charged.times(perOption);
  const futures = offsettingFutures.times(futuresRate);
  return deepFreeze({ options, futures, total: options.plus(futures), offsettingFutures, netShortByStrike });
}
