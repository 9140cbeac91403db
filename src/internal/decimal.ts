import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The library's own decimal constructor: a private clone of decimal.js with 40 significant digits and
 * round-half-even, so no setting made elsewhere on the shared decimal.js constructor can change a result.
 *
 * Every money, price and size quantity the library returns is an instance of this constructor. Build inputs
 * with it (or pass strings) when exactness matters: `new Decimal('0.1')` is exactly one tenth.
 *
 * @example
 * ```ts
 * import { Decimal } from 'marginkit';
 * new Decimal('0.1').plus('0.2').toString(); // => '0.3'
 * ```
 * @category Numbers
 */
export const Decimal: typeof DecimalJs = /*#__PURE__*/ DecimalJs.clone({
  defaults: true,
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
});

/**
 * An exact decimal value (an instance of {@link Decimal}).
 * @category Numbers
 */
export type Decimal = DecimalJs;

/**
 * What every numeric input accepts: a decimal string (`'1234.5'`, `'1e-8'`), a finite `number` (converted through
 * its shortest string form, so `0.1` means exactly one tenth), a `bigint`, or a `Decimal` from any decimal.js copy.
 * @category Numbers
 */
export type DecimalInput = string | number | bigint | DecimalJs;
