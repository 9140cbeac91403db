import type { InputPath } from '../../errors/MarginKitError.js';
import { Decimal } from '../../internal/decimal.js';
import { createMarket } from '../../market/createMarket.js';
import type { Market } from '../../market/Market.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { HyperliquidMarginTable } from './HyperliquidMarginTable.js';
import { hyperliquidFundingSchedule } from './hyperliquidFundingSchedule.js';
import { marginScheduleAt } from './hyperliquidMarginSchedule.js';
import { marketInputSchema } from './schemas.js';

/**
 * What {@link hyperliquidMarket} needs to know about one perpetual, as `meta.universe[i]` and
 * `meta.marginTables` describe it.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidMarketInput {
  /** The asset's name in the universe (`'BTC'`, `'kPEPE'`, `'xyz:TSLA'`); it becomes the market id and base asset. */
  readonly coin: string;
  /** Its margin table (`meta.marginTables[k][1]`), or a table id from 1 to 49 (a single tier at that leverage). */
  readonly marginTable: HyperliquidMarginTable | number;
  /** `szDecimals` of the universe entry: sizes are whole multiples of `10^−szDecimals`. Omitted: no step check. */
  readonly szDecimals?: number;
  /** The collateral (quote and settlement) asset; default `'USDC'`. */
  readonly collateralAsset?: string;
}

/**
 * A Hyperliquid perpetual as a library {@link Market}: linear, quoted and settled in USDC, one contract = one
 * coin, size step `10^−szDecimals`, the margin table's tiered schedule ({@link hyperliquidMarginSchedule}) and
 * Hyperliquid's funding schedule ({@link hyperliquidFundingSchedule}: an 8-hour rate paid hourly on the oracle
 * price, interest 0.0001 per 8 h, clamp 0.0005, cap 0.32 per 8 h = 4 %/h).
 *
 * No tick size is set: Hyperliquid prices follow a significant-figure rule, not a fixed tick.
 * Source: Hyperliquid docs "Margin tiers", "Funding", "Info endpoint › Perpetuals" (`meta`).
 *
 * @param input - coin, margin table, size decimals.
 * @throws {@link ValidationError} naming the bad field, e.g. `['marginTable', 'marginTiers', 0, 'maxLeverage']`.
 * @example
 * ```ts
 * import { hyperliquidMarket, marginRequirement } from 'marginkit';
 * const eth = hyperliquidMarket({ coin: 'ETH', szDecimals: 4, marginTable: { marginTiers: [
 *   { lowerBound: '0.0', maxLeverage: 25 }, { lowerBound: '100000000.0', maxLeverage: 15 } ] } });
 * eth.stepSize?.toString(); // => '0.0001'
 * eth.fundingSchedule?.paymentPrice; // => 'oracle'
 * // 10 ETH at 3,000: initial 30,000 / 25 = 1,200, maintenance half of it
 * marginRequirement(eth, 10, 3000).maintenance.toString(); // => '600'
 * ```
 * @category Venue: Hyperliquid
 */
export function hyperliquidMarket(input: HyperliquidMarketInput): Market {
  return hyperliquidMarketAt(input, ['marginTable']);
}

/** {@link hyperliquidMarket} with the path its margin table has in a larger input (the adapter's payload). */
export function hyperliquidMarketAt(input: HyperliquidMarketInput, tablePath: InputPath): Market {
  const v = parseOrThrow(marketInputSchema(), input);
  const marginSchedule = marginScheduleAt(v.marginTable as HyperliquidMarginTable | number, tablePath);
  const collateral = v.collateralAsset ?? 'USDC';
  return createMarket({
    id: v.coin,
    kind: 'linear',
    baseAsset: v.coin,
    quoteAsset: collateral,
    ...(v.szDecimals === undefined ? {} : { stepSize: new Decimal(10).pow(-v.szDecimals) }),
    marginSchedule,
    fundingSchedule: hyperliquidFundingSchedule(),
  });
}
