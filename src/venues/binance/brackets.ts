// Reading Binance bracket lists (checks and the `cum` policy) and finding the bracket of a notional. Internal.
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { failValidation, ValidationError, type ValidationErrorCode } from '../../errors/ValidationError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { describeValue } from '../../internal/quoteInput.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type {
  BinanceBracketOptions,
  BinanceBracketsInput,
  BinanceLeverageBracket,
} from './LeverageBracket.js';
import { bracketListSchema } from './schemas.js';

/** A bracket list, or one known maintenance rate and amount. */
export type ResolvedBrackets =
  | { readonly kind: 'list'; readonly brackets: readonly BinanceLeverageBracket[] }
  | { readonly kind: 'fixed'; readonly maintMarginRatio: Decimal; readonly cum: Decimal };

/**
 * Validates a bracket list and applies the `cum` policy. Brackets must start at 0, be contiguous
 * (`floorᵢ = capᵢ₋₁`), carry ascending levels, non-decreasing maintenance rates, non-increasing leverage, and a
 * maintenance rate not above the initial fraction `1 / initialLeverage`.
 */
export function readBracketList(
  input: unknown,
  options: BinanceBracketOptions = {},
  path: InputPath = [],
): BinanceLeverageBracket[] {
  const policy = options.cum ?? 'verify';
  if (policy !== 'verify' && policy !== 'as-given' && policy !== 'recompute') {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `cum policy must be 'verify', 'as-given' or 'recompute', got ${describeValue(policy)}`,
      ['cum'],
    );
  }
  const tolerance = decimalArg(options.cumTolerance ?? 0, 'cumTolerance');
  if (tolerance.isNegative()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'cumTolerance must be ≥ 0', ['cumTolerance']);
  }
  const parsed = parseOrThrow(bracketListSchema(), input, [...path]);
  const first = parsed[0];
  const floorField = first?.bounds === 'qty' ? 'qtyFloor' : 'notionalFloor';
  const out: BinanceLeverageBracket[] = [];
  let derived = new Decimal(0);
  parsed.forEach((b, i) => {
    const at = (field: string): InputPath => [...path, i, field];
    if (b.bounds !== first?.bounds) {
      fail(
        'INVALID_FIELD',
        'every bracket of a list uses the same kind of bounds (notional for USDⓈ-M, quantity for COIN-M)',
        at(b.bounds === 'qty' ? 'qtyFloor' : 'notionalFloor'),
      );
    }
    if (b.maintMarginRatio.times(b.initialLeverage).greaterThan(1)) {
      fail(
        'MAINTENANCE_ABOVE_INITIAL',
        `maintenance rate ${b.maintMarginRatio.toString()} is above the initial fraction 1/${b.initialLeverage.toString()}`,
        at('maintMarginRatio'),
      );
    }
    const previous = parsed[i - 1];
    if (!previous) {
      if (!b.floor.isZero()) fail('TIERS_NOT_ASCENDING', 'the first bracket must start at 0', at(floorField));
      if (policy === 'verify' && b.cum.minus(0).abs().greaterThan(tolerance)) {
        fail(
          'INVALID_FIELD',
          `the first bracket's cum must be 0, got ${b.cum.toString()} (options: cum 'as-given' or 'recompute')`,
          at('cum'),
        );
      }
    } else {
      if (b.bracket <= previous.bracket) {
        fail(
          'TIERS_NOT_ASCENDING',
          `level ${b.bracket} does not follow level ${previous.bracket}`,
          at('bracket'),
        );
      }
      if (!b.floor.equals(previous.cap)) {
        fail(
          'INVALID_RANGE',
          `floor ${b.floor.toString()} does not meet the previous bracket's cap ${previous.cap.toString()}`,
          at(floorField),
        );
      }
      if (b.maintMarginRatio.lessThan(previous.maintMarginRatio)) {
        fail(
          'FRACTIONS_DECREASING',
          'maintenance rate is below the previous bracket’s',
          at('maintMarginRatio'),
        );
      }
      if (b.initialLeverage.greaterThan(previous.initialLeverage)) {
        fail(
          'FRACTIONS_DECREASING',
          'initial leverage is above the previous bracket’s',
          at('initialLeverage'),
        );
      }
      const step = b.floor.times(b.maintMarginRatio.minus(previous.maintMarginRatio));
      derived = derived.plus(step);
      if (policy === 'verify') {
        // The FAQ's recursion from the previous bracket's published cum, so the first bad bracket is the one named.
        const expected = previous.cum.plus(step);
        if (b.cum.minus(expected).abs().greaterThan(tolerance)) {
          fail(
            'INVALID_FIELD',
            `cum ${b.cum.toString()} breaks cumₙ = floorₙ·(MMRₙ − MMRₙ₋₁) + cumₙ₋₁ = ${expected.toString()} (options: cum 'as-given' or 'recompute')`,
            at('cum'),
          );
        }
      }
    }
    if (policy !== 'recompute' && b.cum.greaterThan(b.floor.times(b.maintMarginRatio))) {
      fail(
        'INVALID_RANGE',
        `cum ${b.cum.toString()} exceeds the maintenance at the bracket's floor, ${b.floor.times(b.maintMarginRatio).toString()}`,
        at('cum'),
      );
    }
    out.push({
      bracket: b.bracket,
      initialLeverage: b.initialLeverage,
      floor: b.floor,
      cap: b.cap,
      maintMarginRatio: b.maintMarginRatio,
      cum: policy === 'recompute' ? derived : b.cum,
    });
  });
  return out;
}

/** A bracket list through {@link readBracketList}, or a single known rate (checked as an argument). */
export function resolveBrackets(
  input: BinanceBracketsInput,
  options: BinanceBracketOptions,
  path: InputPath,
): ResolvedBrackets {
  if (Array.isArray(input)) return { kind: 'list', brackets: readBracketList(input, options, path) };
  if (typeof input !== 'object' || input === null) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'brackets must be a bracket list or { maintMarginRatio, cum }',
      path,
    );
  }
  const fixed = input as { maintMarginRatio: DecimalInput; cum?: DecimalInput };
  const rate = decimalArg(fixed.maintMarginRatio, 'maintMarginRatio', [...path, 'maintMarginRatio']);
  if (rate.isNegative() || rate.greaterThan(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'maintMarginRatio must lie in [0, 1]', [
      ...path,
      'maintMarginRatio',
    ]);
  }
  const cum = decimalArg(fixed.cum ?? 0, 'cum', [...path, 'cum']);
  if (cum.isNegative()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'cum must be ≥ 0', [...path, 'cum']);
  }
  return { kind: 'fixed', maintMarginRatio: rate, cum };
}

/** Index of the bracket of `notional`: the last one whose floor is ≤ it (the library's tier rule). */
export function bracketIndexAt(brackets: readonly BinanceLeverageBracket[], notional: Decimal): number {
  let index = 0;
  for (let i = 1; i < brackets.length; i++) {
    if (brackets[i]?.floor.lessThanOrEqualTo(notional)) index = i;
    else break;
  }
  return index;
}

/** The maintenance rate and amount in force at `notional`, with the bracket level (undefined for a fixed rate). */
export function termsAt(
  resolved: ResolvedBrackets,
  notional: Decimal,
): { readonly maintMarginRatio: Decimal; readonly cum: Decimal; readonly bracket?: number } {
  if (resolved.kind === 'fixed') return { maintMarginRatio: resolved.maintMarginRatio, cum: resolved.cum };
  const b = resolved.brackets[bracketIndexAt(resolved.brackets, notional)];
  if (!b) throw new InvalidArgumentError('INVALID_ARGUMENT', 'a bracket list has at least one bracket');
  return { maintMarginRatio: b.maintMarginRatio, cum: b.cum, bracket: b.bracket };
}

/** One-issue {@link ValidationError} with this file's argument order. */
function fail(code: ValidationErrorCode, message: string, path: InputPath): never {
  return failValidation(code, path, message);
}
