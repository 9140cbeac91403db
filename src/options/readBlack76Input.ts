import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import { checkChoice, checkObject } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { Black76Input, OptionType } from './Black76.js';

/** Bounds of the model inputs, so every result is finite (e^(|r|·t) ≤ e^100) and every loop is bounded. */
export const MAX_VOLATILITY = 100;
export const MAX_YEARS = 100;
export const MAX_RATE = 1;

/** Validated Black-76 inputs as library Decimals. */
export interface Black76Terms {
  readonly optionType: OptionType;
  readonly forward: Decimal;
  readonly strike: Decimal;
  readonly volatility: Decimal;
  readonly time: Decimal;
  readonly rate: Decimal;
  readonly inverse: boolean;
}

function field(value: DecimalInput, name: string, path: InputPath): Decimal {
  return decimalArg(value, `${name}.${String(path[path.length - 1])}`, path);
}

function outside(path: InputPath, message: string): never {
  throw new InvalidArgumentError('INVALID_ARGUMENT', message, path);
}

/**
 * Reads and checks a {@link Black76Input}: F, K > 0; 0 ≤ t ≤ 100 years; 0 < σ ≤ 100 before expiry (σ is not read
 * at t = 0, but must still be 0 … 100); −1 ≤ r ≤ 1. Violations throw {@link InvalidArgumentError} with the field's path
 * under `name`.
 */
export function readBlack76Input(input: Black76Input, name = 'option'): Black76Terms {
  checkObject(input, name);
  checkChoice(input.optionType, `${name}.optionType`, ['call', 'put']);
  if (input.settlement !== undefined)
    checkChoice(input.settlement, `${name}.settlement`, ['linear', 'inverse']);
  const at = (key: string): InputPath => [name, key];
  const forward = field(input.forward, name, at('forward'));
  const strike = field(input.strike, name, at('strike'));
  const volatility = field(input.volatility, name, at('volatility'));
  const time = field(input.time, name, at('time'));
  const rate = input.rate === undefined ? undefined : field(input.rate, name, at('rate'));
  if (!forward.isPositive() || forward.isZero())
    outside(at('forward'), `forward must be > 0, got ${forward}`);
  if (!strike.isPositive() || strike.isZero()) outside(at('strike'), `strike must be > 0, got ${strike}`);
  if (time.isNegative() || time.greaterThan(MAX_YEARS)) {
    outside(at('time'), `time must be 0 … ${MAX_YEARS} years (0 is expiry), got ${time}`);
  }
  if (volatility.isNegative() || volatility.greaterThan(MAX_VOLATILITY)) {
    outside(at('volatility'), `volatility must be 0 … ${MAX_VOLATILITY}, got ${volatility}`);
  }
  if (volatility.isZero() && !time.isZero()) {
    outside(
      at('volatility'),
      'volatility must be > 0 before expiry (a zero volatility has no Black-76 value)',
    );
  }
  if (rate?.abs().greaterThan(MAX_RATE)) {
    outside(at('rate'), `rate must be −${MAX_RATE} … ${MAX_RATE}, got ${rate}`);
  }
  return {
    optionType: input.optionType,
    forward,
    strike,
    volatility,
    time,
    rate: rate ?? new Decimal(0),
    inverse: input.settlement === 'inverse',
  };
}
