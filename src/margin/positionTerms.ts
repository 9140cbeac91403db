import { ONE } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import { type Scaled, scaledOf } from '../internal/exactInteger.js';
import { positiveZero } from '../internal/positiveZero.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import { integerSchedule } from './integerSchedule.js';
import type { LinearTerms } from './linearAt.js';

/**
 * The price-independent numbers of a created position in its market, computed once and kept beside the (frozen)
 * position, so a summary at any price costs one multiplication for the notional and `e · (P − entry)` for the PnL
 * (one rounding at most, as written).
 */
export interface PositionTerms {
  readonly market: Market;
  readonly linear: boolean;
  /** size > 0. */
  readonly long: boolean;
  /** size = 0. */
  readonly flat: boolean;
  /** `|size| · contractSize`: notional = absExposure · price (linear) or absExposure / price (inverse). */
  readonly absExposure: Decimal;
  /** `size · contractSize`. */
  readonly exposure: Decimal;
  /** Inverse only: `1 / entryPrice`, so `PnL = e · (1/entry − 1/P)`. */
  readonly reciprocalEntry: Decimal | undefined;
  /** Notional at the entry price. */
  readonly entryValue: Decimal;
  /** `1 / leverage` when the position has a user leverage. */
  readonly leverageFraction: Decimal | undefined;
  /** Exact integer terms for a linear market on a flat or tiered schedule (the integer path), else undefined. */
  readonly integer: LinearTerms | undefined;
}

/** Notional of the position at `price`: `|e|·P` (linear) or `|e|/P` (inverse). */
export function notionalAt(terms: PositionTerms, price: Decimal): Decimal {
  return terms.linear ? terms.absExposure.times(price) : terms.absExposure.div(price);
}

/** Unrealized PnL at `price`: `e·(P − entry)` (linear) or `e·(1/entry − 1/P)` (inverse), never −0. */
export function pnlAt(terms: PositionTerms, position: Position, price: Decimal): Decimal {
  return positiveZero(
    terms.linear
      ? terms.exposure.times(price.minus(position.entryPrice))
      : terms.exposure.times((terms.reciprocalEntry as Decimal).minus(ONE().div(price))),
  );
}

const cache = /*#__PURE__*/ new WeakMap<Position, PositionTerms>();

/** The cached terms of `position` in `market` (recomputed if the position is read against another market). */
export function positionTerms(market: Market, position: Position): PositionTerms {
  const hit = cache.get(position);
  if (hit !== undefined && hit.market === market) return hit;
  const linear = market.kind === 'linear';
  const absExposure = position.size.abs().times(market.contractSize);
  const exposure = position.size.times(market.contractSize);
  const leverageFraction = position.leverage === undefined ? undefined : ONE().div(position.leverage);
  const tiers = linear ? integerSchedule(market.marginSchedule) : undefined;
  let integer: LinearTerms | undefined;
  if (tiers !== undefined) {
    const e = scaledOf(exposure) as Scaled;
    const entry = scaledOf(position.entryPrice) as Scaled;
    integer = {
      exposure: e,
      absExposure: e.m < 0n ? -e.m : e.m,
      entryTerm: { m: e.m * entry.m, k: e.k + entry.k },
      tiers,
      leverageFraction: leverageFraction === undefined ? undefined : scaledOf(leverageFraction),
    };
  }
  const terms: PositionTerms = {
    market,
    linear,
    long: position.size.isPositive() && !position.size.isZero(),
    flat: position.size.isZero(),
    absExposure,
    exposure,
    reciprocalEntry: linear ? undefined : ONE().div(position.entryPrice),
    entryValue: linear ? absExposure.times(position.entryPrice) : absExposure.div(position.entryPrice),
    leverageFraction,
    integer,
  };
  cache.set(position, terms);
  return terms;
}
