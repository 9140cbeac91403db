import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { decimalAt, nonNegativeAt, objectAt, positiveAt } from './scenarioArgs.js';

/**
 * Parameters of {@link deribitFuturesMargin}; the defaults are Deribit's (older) BTC futures rates.
 * @category Scenario margin
 */
export interface DeribitFuturesMarginOptions {
  /** Initial fraction of a position of size 0; default 0.02. */
  readonly initialBase?: DecimalInput;
  /** Maintenance fraction of a position of size 0; default 0.015. */
  readonly maintenanceBase?: DecimalInput;
  /** Added to both fractions per `sizeStep` of position; default 0.005. */
  readonly slope?: DecimalInput;
  /** Position size per slope increment, in the underlying (BTC); default 100. */
  readonly sizeStep?: DecimalInput;
}

/**
 * Deribit standard futures margin, which grows continuously with position size (size-scaled margin for large
 * positions): `IMR = initialBase + slope · |size| / sizeStep`, `MMR = maintenanceBase + slope · |size| / sizeStep`,
 * `IM = |size| · IMR`, `MM = |size| · MMR` (Deribit futures docs, older test-net: "IM = 2 % + 0.5 % per 100 BTC",
 * "MM = 1.5 % + 0.5 % per 100 BTC"; https://test.deribit.com/pages/docs/futures).
 *
 * Units: `size` and the margins in the underlying (BTC); fractions of the position.
 *
 * @param size - signed position size in the underlying (the sign is ignored).
 * @param options - base fractions, slope and size step.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a bad size or a negative parameter (with its path).
 * @example
 * ```ts
 * import { deribitFuturesMargin } from 'marginkit';
 * const m = deribitFuturesMargin(350);
 * [m.initialFraction.toString(), m.initial.toString(), m.maintenance.toString()]; // => ['0.0375', '13.125', '11.375']
 * ```
 * @category Scenario margin
 */
export function deribitFuturesMargin(
  size: DecimalInput,
  options: DeribitFuturesMarginOptions = {},
): DeribitFuturesMargin {
  const abs = decimalAt(size, ['size']).abs();
  const o = objectAt(options, ['options']);
  const param = (key: string, fallback: string) =>
    o[key] === undefined ? new Decimal(fallback) : nonNegativeAt(o[key], ['options', key]);
  const step = o.sizeStep === undefined ? new Decimal(100) : positiveAt(o.sizeStep, ['options', 'sizeStep']);
  const added = param('slope', '0.005').times(abs).div(step);
  const initialFraction = param('initialBase', '0.02').plus(added);
  const maintenanceFraction = param('maintenanceBase', '0.015').plus(added);
  return deepFreeze({
    initialFraction,
    maintenanceFraction,
    initial: abs.times(initialFraction),
    maintenance: abs.times(maintenanceFraction),
  });
}

/**
 * Deribit standard futures margin of one position.
 * @category Scenario margin
 */
export interface DeribitFuturesMargin {
  /** Initial fraction at this size. */
  readonly initialFraction: Decimal;
  /** Maintenance fraction at this size. */
  readonly maintenanceFraction: Decimal;
  /** Initial margin in the underlying: `|size| · initialFraction`. */
  readonly initial: Decimal;
  /** Maintenance margin in the underlying: `|size| · maintenanceFraction`. */
  readonly maintenance: Decimal;
}
