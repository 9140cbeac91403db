import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObjectList } from '../../internal/argumentShape.js';
import type { DecimalInput } from '../../internal/decimal.js';
import type { DydxFraction } from './DydxFraction.js';
import { add, big, mul, pow10, type Rat, rat, round, toFraction } from './fraction.js';
import { exponentArg, wholeArg } from './quantums.js';

/**
 * One resting maker order (or price level) of a dYdX v4 order book, in chain units.
 * @category Venue: dYdX
 */
export interface DydxBookLevel {
  /** Price in subticks (> 0). */
  readonly subticks: DecimalInput;
  /** Remaining size in base quantums (> 0). */
  readonly quantums: DecimalInput;
}

/**
 * Result of {@link dydxImpactPriceSubticks}: the average fill price of the impact order, or the book side being
 * too thin to fill it (the chain then votes a zero premium).
 * @category Venue: dYdX
 */
export type DydxImpactPrice =
  | { readonly kind: 'price'; readonly subticks: DydxFraction }
  | { readonly kind: 'insufficient-liquidity' };

/** A checked book side, best price first. */
export interface Side {
  readonly subticks: bigint;
  readonly quantums: bigint;
}

/** Checks one side of a book: positive integers, best price first (bids falling, asks rising). */
export function bookSide(levels: readonly DydxBookLevel[], name: 'bids' | 'asks'): Side[] {
  if (!Array.isArray(levels)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'expected an array of levels', [name]);
  }
  const side = levels.map((l, i) => ({
    subticks: big(wholeArg(l?.subticks, [name, i, 'subticks'], 1)),
    quantums: big(wholeArg(l?.quantums, [name, i, 'quantums'], 1)),
  }));
  side.forEach((l, i) => {
    const previous = side[i - 1];
    if (previous && (name === 'bids' ? l.subticks > previous.subticks : l.subticks < previous.subticks)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be ordered best price first`, [
        name,
        i,
        'subticks',
      ]);
    }
  });
  return side;
}

function sideArg(side: unknown): 'bids' | 'asks' {
  if (side !== 'bids' && side !== 'asks') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', "must be 'bids' or 'asks'", ['side']);
  }
  return side;
}

/** Impact price of checked values (the chain's `getImpactPriceSubticks`). */
export function impactPriceOf(side: readonly Side[], notional: bigint, qce: number): DydxImpactPrice {
  const best = side[0];
  if (!best) return { kind: 'insufficient-liquidity' };
  if (notional === 0n) return { kind: 'price', subticks: toFraction(rat(best.subticks)) };
  const scale = pow10(qce);
  let remaining = notional;
  let base: Rat = rat(0n);
  for (const level of side) {
    if (remaining <= 0n) break;
    // FillAmountToQuoteQuantums: floor(subticks · quantums · 10^qce).
    const full = round(mul(rat(level.subticks * level.quantums), scale), false);
    base = add(base, remaining > full ? rat(level.quantums) : rat(remaining * level.quantums, full));
    remaining -= full;
  }
  if (remaining > 0n) return { kind: 'insufficient-liquidity' };
  // GetAveragePriceSubticks(notional, ceil(base), qce) = notional · 10^(−qce) / ceil(base).
  const fill = round(base, true);
  return { kind: 'price', subticks: toFraction(mul(rat(notional, fill), pow10(-qce))) };
}

/**
 * dYdX v4 impact price of one side of the book: the average price, in subticks (an exact rational), at which a
 * hypothetical taker order of `impactNotional` quote quantums would fill against `levels`, best first. Each level
 * is worth `floor(subticks · quantums · 10^qce)` quote quantums; the last one is taken pro rata; the base
 * quantums filled are summed exactly, rounded up, and the price is `impactNotional · 10^(−qce) / base`. An
 * impact notional of 0 gives the best price. Levels stand for the chain's individual maker orders (makers failing
 * their collateral check are skipped by the chain: leave them out); summing several orders into one price level
 * can move the floors by under 1 qq per order.
 * Source: dydxprotocol/v4-chain `protocol/x/clob/memclob/memclob.go` (`getImpactPriceSubticks`).
 *
 * @param side - `'bids'` (the impact order sells: impact bid) or `'asks'` (it buys: impact ask).
 * @param levels - that side of the book, best price first.
 * @param impactNotional - the liquidity tier's `impact_notional`, in quote quantums (≥ 0).
 * @param quantumConversionExponent - the CLOB pair's `quantum_conversion_exponent`.
 * @returns `price` with the subticks, or `insufficient-liquidity`.
 * @throws {@link InvalidArgumentError} for a malformed or unordered book side.
 * @example
 * ```ts
 * import { dydxImpactPriceSubticks } from 'marginkit';
 * // 5 000 USDC sold into bids of 0.1 BTC at 99 990 000 and 1 BTC at 99 980 000 subticks (qce −8, AR −10)
 * const impact = dydxImpactPriceSubticks('bids', [{ subticks: 99_990_000, quantums: 1_000_000_000 }, { subticks: 99_980_000, quantums: 10_000_000_000 }], 5_000_000_000, -8);
 * impact.kind === 'price' ? `${impact.subticks.numerator}/${impact.subticks.denominator}` : impact.kind; // => '500000000000000000/5000900181'
 * ```
 * @category Venue: dYdX
 */
export function dydxImpactPriceSubticks(
  side: 'bids' | 'asks',
  levels: readonly DydxBookLevel[],
  impactNotional: DecimalInput,
  quantumConversionExponent: number,
): DydxImpactPrice {
  checkObjectList(levels, 'levels');
  return impactPriceOf(
    bookSide(levels, sideArg(side)),
    big(wholeArg(impactNotional, ['impactNotional'], 0)),
    exponentArg(quantumConversionExponent, ['quantumConversionExponent']),
  );
}
