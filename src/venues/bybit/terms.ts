// Internal readers shared by the Bybit formulas: arguments to exact Decimals, with typed errors naming the field.
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { describeValue } from '../../internal/quoteInput.js';
import type { MarketKind } from '../../market/Market.js';
import type { BybitMaintenanceTerms, BybitPositionTerms } from './BybitPositionTerms.js';

/** Position terms as exact Decimals, with the values every formula starts from. */
export interface ReadTerms {
  readonly kind: MarketKind;
  /** +1 long, −1 short. */
  readonly sign: Decimal;
  /** Signed size S. */
  readonly size: Decimal;
  /** |S|. */
  readonly abs: Decimal;
  readonly entryPrice: Decimal;
  readonly leverage: Decimal;
  readonly extraMargin: Decimal;
  /** Position value at entry: `|S|·EP` (linear, quote coin) or `|S|/EP` (inverse, coin). */
  readonly entryValue: Decimal;
  /** Initial margin `entryValue / L`. */
  readonly initialMargin: Decimal;
}

function fail(message: string, path: (string | number)[]): never {
  throw new InvalidArgumentError('INVALID_ARGUMENT', message, path);
}

/** A positive argument. */
export function positive(value: DecimalInput, path: (string | number)[]): Decimal {
  const d = decimalArg(value, String(path[path.length - 1]), path);
  if (!d.isPositive() || d.isZero()) fail(`must be > 0, got ${d.toString()}`, path);
  return d;
}

/** A rate in [0, 1): maintenance rates and taker fee rates. */
export function rate(value: DecimalInput, path: (string | number)[]): Decimal {
  const d = decimalArg(value, String(path[path.length - 1]), path);
  if (d.isNegative() || d.greaterThanOrEqualTo(1)) fail(`must be in [0, 1), got ${d.toString()}`, path);
  return d.isZero() ? new Decimal(0) : d;
}

/** Reads and checks {@link BybitPositionTerms}. */
export function readTerms(terms: BybitPositionTerms, name = 'terms'): ReadTerms {
  if (typeof terms !== 'object' || terms === null) fail('expected a terms object', [name]);
  if (terms.kind !== 'linear' && terms.kind !== 'inverse') {
    fail(`kind must be 'linear' or 'inverse', got ${describeValue(terms.kind)}`, [name, 'kind']);
  }
  const size = decimalArg(terms.size, 'size', [name, 'size']);
  if (size.isZero()) fail('size must not be 0', [name, 'size']);
  const entryPrice = positive(terms.entryPrice, [name, 'entryPrice']);
  const leverage = positive(terms.leverage, [name, 'leverage']);
  const extraMargin =
    terms.extraMargin === undefined
      ? new Decimal(0)
      : decimalArg(terms.extraMargin, 'extraMargin', [name, 'extraMargin']);
  const abs = size.abs();
  const entryValue = terms.kind === 'linear' ? abs.times(entryPrice) : abs.div(entryPrice);
  return {
    kind: terms.kind,
    sign: new Decimal(size.isNegative() ? -1 : 1),
    size,
    abs,
    entryPrice,
    leverage,
    extraMargin,
    entryValue,
    initialMargin: entryValue.div(leverage),
  };
}

/** Reads the maintenance rate and deduction of {@link BybitMaintenanceTerms}. */
export function readMaintenance(
  terms: BybitMaintenanceTerms,
  name = 'terms',
): { readonly rate: Decimal; readonly deduction: Decimal } {
  const r = rate(terms.maintenanceRate, [name, 'maintenanceRate']);
  const deduction =
    terms.maintenanceDeduction === undefined
      ? new Decimal(0)
      : decimalArg(terms.maintenanceDeduction, 'maintenanceDeduction', [name, 'maintenanceDeduction']);
  if (deduction.isNegative())
    fail(`must be ≥ 0, got ${deduction.toString()}`, [name, 'maintenanceDeduction']);
  return { rate: r, deduction };
}

/**
 * The value of the position at its bankruptcy price when it holds only its initial margin:
 * linear `Q·EP − s·IM = Q·EP·(1 ∓ 1/L)`, inverse `N/EP + s·IM = N/EP·(1 ± 1/L)`; never below 0.
 */
export function bankruptcyValue(t: ReadTerms): Decimal {
  const v =
    t.kind === 'linear'
      ? t.entryValue.minus(t.sign.times(t.initialMargin))
      : t.entryValue.plus(t.sign.times(t.initialMargin));
  return v.isNegative() ? new Decimal(0) : v;
}

/** Reads `{ includeCloseFee, takerFeeRate }`: the taker rate to charge, 0 when the fee is left out. */
export function closeFeeRate(
  options: { readonly includeCloseFee?: boolean; readonly takerFeeRate?: DecimalInput },
  name = 'options',
): Decimal {
  const include = options.includeCloseFee ?? false;
  if (typeof include !== 'boolean') fail('includeCloseFee must be a boolean', [name, 'includeCloseFee']);
  if (!include) return new Decimal(0);
  if (options.takerFeeRate === undefined) {
    fail('includeCloseFee needs takerFeeRate', [name, 'takerFeeRate']);
  }
  return rate(options.takerFeeRate, [name, 'takerFeeRate']);
}
