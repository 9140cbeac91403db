import { Decimal } from './decimal.js';

let Down: typeof Decimal | undefined;

/**
 * `a / b` rounded toward zero at the library's 40 significant digits, for answers that must not overshoot
 * (a maximum size). The rounding clone is made on first use, not at import.
 */
export function divideDown(a: Decimal, b: Decimal): Decimal {
  Down ??= Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });
  return new Decimal(new Down(a).div(new Down(b)));
}
