// The Binance liquidation-price formula (USDⓈ-M linear and COIN-M inverse) with the FAQ's bracket rule:
// evaluate with the bracket of the current notional, and if the notional at the computed price lies in another
// bracket, evaluate again with that one, until the bracket no longer changes. Internal.
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { Decimal } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { describeValue } from '../../internal/quoteInput.js';
import type {
  BinanceLegTerms,
  BinanceLiquidationInput,
  BinanceLiquidationPrice,
  BinancePositionSide,
} from './BinanceLiquidationPrice.js';
import { type ResolvedBrackets, resolveBrackets, termsAt } from './brackets.js';
import type { BinanceBracketOptions } from './LeverageBracket.js';

interface OpenLeg {
  readonly positionSide: BinancePositionSide;
  /** Signed size (long > 0). */
  readonly size: Decimal;
  /** |size|. */
  readonly quantity: Decimal;
  readonly entryPrice: Decimal;
}

function bad(message: string, path: InputPath): never {
  throw new InvalidArgumentError('INVALID_ARGUMENT', message, path);
}

function positive(value: unknown, name: string, path: InputPath): Decimal {
  const d = decimalArg(value as Decimal, name, path);
  if (!d.isPositive() || d.isZero()) bad(`${name} must be > 0, got ${d.toString()}`, path);
  return d;
}

function readLegs(input: BinanceLiquidationInput): OpenLeg[] {
  if (!Array.isArray(input.legs)) bad('legs must be an array of positions', ['legs']);
  const seen = new Set<string>();
  const open: OpenLeg[] = [];
  input.legs.forEach((leg, i) => {
    const side = (leg as { positionSide?: unknown } | null)?.positionSide;
    if (side !== 'BOTH' && side !== 'LONG' && side !== 'SHORT') {
      bad(`positionSide must be 'BOTH', 'LONG' or 'SHORT', got ${describeValue(side)}`, [
        'legs',
        i,
        'positionSide',
      ]);
    }
    if (seen.has(side)) bad(`two ${side} legs`, ['legs', i, 'positionSide']);
    if (seen.has(side === 'BOTH' ? 'LONG' : 'BOTH') || (side === 'BOTH' && seen.has('SHORT'))) {
      bad('a BOTH leg (one-way mode) cannot be combined with LONG/SHORT legs (hedge mode)', [
        'legs',
        i,
        'positionSide',
      ]);
    }
    seen.add(side);
    const size = decimalArg(leg.positionAmt, 'positionAmt', ['legs', i, 'positionAmt']);
    if ((side === 'LONG' && size.isNegative()) || (side === 'SHORT' && size.isPositive() && !size.isZero())) {
      bad(`a ${side} leg's positionAmt has the wrong sign: ${size.toString()}`, ['legs', i, 'positionAmt']);
    }
    if (size.isZero()) return;
    const entryPrice = positive(leg.entryPrice, 'entryPrice', ['legs', i, 'entryPrice']);
    open.push({ positionSide: side, size, quantity: size.abs(), entryPrice });
  });
  if (open.length === 0) bad('no open leg: every positionAmt is 0', ['legs']);
  return open;
}

/** The market kind the formula is evaluated for, and COIN-M's contract size. */
export type FormulaKind =
  | { readonly kind: 'linear' }
  | { readonly kind: 'inverse'; readonly contractSize: Decimal };

function notionalAt(f: FormulaKind, leg: OpenLeg, price: Decimal): Decimal {
  if (!price.greaterThan(0)) return new Decimal(0);
  return f.kind === 'linear' ? leg.quantity.times(price) : leg.quantity.times(f.contractSize).div(price);
}

/**
 * One evaluation of the formula with fixed terms; undefined when the denominator is 0.
 *
 * Linear (Binance FAQ, USDⓈ-M): `LP = (W' + Σ cum − Σ s·EP) / Σ (|s|·MMR − s)` with `W' = WB − TMM1 + UPNL1`
 * and `s` the signed leg size, which is the FAQ's `−Side·Pos·EP − PosL·EPL + PosS·EPS` and
 * `Pos·MMR − Side·Pos − PosL + PosS` written once per leg.
 * Inverse (Binance FAQ, COIN-M), multiplied through by CS: `LP = Σ CS·(s + |s|·MMR) / (W' + Σ (cum + s·CS/EP))`.
 */
function evaluate(
  f: FormulaKind,
  wallet: Decimal,
  legs: readonly OpenLeg[],
  terms: readonly { maintMarginRatio: Decimal; cum: Decimal }[],
): Decimal | undefined {
  if (f.kind === 'linear') {
    let numerator = wallet;
    let denominator = new Decimal(0);
    legs.forEach((leg, i) => {
      const t = terms[i];
      if (!t) throw new InvalidArgumentError('INVALID_ARGUMENT', 'one set of terms per leg');
      numerator = numerator.plus(t.cum).minus(leg.size.times(leg.entryPrice));
      denominator = denominator.plus(leg.quantity.times(t.maintMarginRatio).minus(leg.size));
    });
    return denominator.isZero() ? undefined : numerator.div(denominator);
  }
  const c = f.contractSize;
  let numerator = new Decimal(0);
  let denominator = wallet;
  legs.forEach((leg, i) => {
    const t = terms[i];
    if (!t) throw new InvalidArgumentError('INVALID_ARGUMENT', 'one set of terms per leg');
    denominator = denominator.plus(t.cum).plus(leg.size.times(c).div(leg.entryPrice));
    numerator = numerator.plus(c.times(leg.size.plus(leg.quantity.times(t.maintMarginRatio))));
  });
  return denominator.isZero() ? undefined : numerator.div(denominator);
}

type Terms = ReturnType<typeof termsAt>;

/** Identifies the brackets of every leg (a fixed rate has none). */
function key(terms: readonly Terms[]): string {
  return terms.map((t) => t.bracket ?? 0).join(',');
}

function report(legs: readonly OpenLeg[], terms: readonly Terms[]): BinanceLegTerms[] {
  return legs.map((leg, i) => {
    const t = terms[i];
    if (!t) throw new InvalidArgumentError('INVALID_ARGUMENT', 'one set of terms per leg');
    return { positionSide: leg.positionSide, ...t };
  });
}

/** Shared body of binanceLiquidationPrice and binanceCoinMLiquidationPrice. */
export function solveBinanceLiquidation(
  input: BinanceLiquidationInput,
  options: BinanceBracketOptions,
  f: FormulaKind,
): BinanceLiquidationPrice {
  if (typeof input !== 'object' || input === null) bad('expected a liquidation input object', []);
  const marginType = input.marginType ?? 'cross';
  if (marginType !== 'cross' && marginType !== 'isolated') {
    bad(`marginType must be 'cross' or 'isolated', got ${describeValue(marginType)}`, ['marginType']);
  }
  const wallet = decimalArg(input.walletBalance, 'walletBalance');
  const others = decimalArg(input.otherMaintenance ?? 0, 'otherMaintenance');
  const othersPnl = decimalArg(input.otherUnrealizedPnl ?? 0, 'otherUnrealizedPnl');
  const legs = readLegs(input);
  if (marginType === 'isolated') {
    if (!others.isZero())
      bad('an isolated position has no other contracts: TMM1 must be 0', ['otherMaintenance']);
    if (!othersPnl.isZero()) {
      bad('an isolated position has no other contracts: UPNL1 must be 0', ['otherUnrealizedPnl']);
    }
    if (legs.length > 1) bad('an isolated liquidation price is per position: give one open leg', ['legs']);
  }
  const resolved: ResolvedBrackets = resolveBrackets(input.brackets, options, ['brackets']);
  const first = legs[0];
  if (!first) throw new InvalidArgumentError('INVALID_ARGUMENT', 'readLegs returns at least one leg');
  const start =
    input.markPrice === undefined ? first.entryPrice : positive(input.markPrice, 'markPrice', ['markPrice']);
  const adjusted = wallet.minus(others).plus(othersPnl);

  let terms: readonly Terms[] = legs.map((leg) => termsAt(resolved, notionalAt(f, leg, start)));
  const tried = new Set<string>();
  for (let iterations = 1; ; iterations++) {
    tried.add(key(terms));
    const price = evaluate(f, adjusted, legs, terms);
    if (price === undefined) return { kind: 'never', legs: report(legs, terms), iterations };
    const next = legs.map((leg) => termsAt(resolved, notionalAt(f, leg, price)));
    if (key(next) === key(terms)) {
      return price.greaterThan(0)
        ? { kind: 'price', price, legs: report(legs, terms), iterations }
        : { kind: 'never', legs: report(legs, terms), iterations };
    }
    if (tried.has(key(next))) {
      bad(
        'the bracket search does not settle: the brackets alternate, so their cum values leave maintenance discontinuous (read the list with cum "verify" or "recompute")',
        ['brackets'],
      );
    }
    terms = next;
  }
}
