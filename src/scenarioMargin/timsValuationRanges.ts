import { Decimal } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';

/**
 * The portfolio-margin valuation ranges by product class, as fractions of the price.
 * @category Scenario margin
 */
export interface TimsValuationRanges {
  /** Equities and equity options: ±15 %. */
  readonly equity: { readonly down: Decimal; readonly up: Decimal };
  /** Non-high-capitalization broad-based index options: ±10 %. */
  readonly broadIndex: { readonly down: Decimal; readonly up: Decimal };
  /** High-capitalization broad-based index options: −8 % / +6 %. */
  readonly highCapBroadIndex: { readonly down: Decimal; readonly up: Decimal };
  /** Where the numbers come from. */
  readonly sources: readonly string[];
}

/**
 * Preset valuation ranges of OCC TIMS / FINRA portfolio margin, for {@link timsScenarios}. Index ranges: NYSE
 * portfolio-margin pilot rule text (SEC release 34-46576, https://www.sec.gov/file/rel-no-34-46576); equity ±15 % in
 * ten equidistant points: a broker's portfolio-margin description (thinkorswim "Portfolio Margin"), secondary.
 *
 * @example
 * ```ts
 * import { timsValuationRanges } from 'marginkit';
 * const r = timsValuationRanges();
 * [r.highCapBroadIndex.down.toString(), r.highCapBroadIndex.up.toString()]; // => ['0.08', '0.06']
 * ```
 * @category Scenario margin
 */
export function timsValuationRanges(): TimsValuationRanges {
  const range = (down: string, up: string) => ({ down: new Decimal(down), up: new Decimal(up) });
  return deepFreeze({
    equity: range('0.15', '0.15'),
    broadIndex: range('0.1', '0.1'),
    highCapBroadIndex: range('0.08', '0.06'),
    sources: [
      'SEC release 34-46576 (NYSE portfolio margin pilot), https://www.sec.gov/file/rel-no-34-46576',
      'thinkorswim "Portfolio Margin" (broker description, secondary), http://tlc.thinkorswim.com/center/howToTos/thinkManual/Miscellaneous/Portfolio-Margin.html',
    ],
  });
}
