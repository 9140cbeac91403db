import type { DecimalInput } from '../../internal/decimal.js';

/**
 * One tier of a Hyperliquid margin table: from a position value of `lowerBound` USDC (inclusive) up to the next
 * tier's bound, the position may use at most `maxLeverage`. This is the shape of
 * `meta.marginTables[k][1].marginTiers[n]` (`lowerBound` as a decimal string, `maxLeverage` as an integer).
 *
 * Source: Hyperliquid docs "Margin tiers"; "Info endpoint › Perpetuals" (`meta`, universe and margin tables).
 * @category Venue: Hyperliquid
 */
export interface HyperliquidMarginTier {
  /** Lowest position value (USDC notional) of the tier; the first tier's is 0. */
  readonly lowerBound: DecimalInput;
  /** Maximum leverage of the tier, a whole number ≥ 1; it never rises from one tier to the next. */
  readonly maxLeverage: number;
}

/**
 * A Hyperliquid margin table as `meta.marginTables[k][1]` carries it. Table ids below 50 are not listed: they
 * stand for a single tier whose maximum leverage is the id (pass the id itself to
 * {@link hyperliquidMarginSchedule}).
 *
 * Source: Hyperliquid docs "Margin tiers" ("For IDs less than 50, there is a single tier with max leverage
 * equal to the ID").
 * @category Venue: Hyperliquid
 */
export interface HyperliquidMarginTable {
  /** Free text, e.g. `'tiered 40x'` (may be empty). */
  readonly description?: string;
  /** Tiers by ascending `lowerBound`, the first at 0. */
  readonly marginTiers: readonly HyperliquidMarginTier[];
}
