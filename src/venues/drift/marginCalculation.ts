import { checkChoice, checkObject, checkObjectList } from '../../internal/argumentShape.js';
import type { Decimal } from '../../internal/decimal.js';
import type { DriftMarkets } from './DriftMarkets.js';
import type { DriftUser } from './DriftUser.js';
import { fundingPaymentOf } from './fundingPayment.js';
import {
  abs,
  BASE_PRECISION,
  dec,
  intArg,
  MARGIN_PRECISION,
  MAX_POSITIVE_UPNL_FOR_INITIAL_MARGIN,
} from './integers.js';
import { CATEGORIES, type DriftMarginCategory, marginRatioOf } from './perpMarginRatio.js';
import { checkMarkets, marketAt, type Perp, resolvePerp, resolveSpot } from './resolveMarkets.js';
import { assetWeightOf, liabilityWeightOf } from './spotWeights.js';
import { upnlWeightOf } from './unrealizedAssetWeight.js';

/**
 * One perp position's terms in a {@link DriftMarginCalculation}, in QUOTE_PRECISION (1e6 = $1).
 * @category Venue: Drift
 */
export interface DriftPerpMargin {
  /** The market index, as given. */
  readonly marketIndex: string;
  /** `|base| · oracle / 1e9`, truncated. */
  readonly baseAssetValue: Decimal;
  /** Unrealized PnL with unsettled funding: `signed value + quoteAssetAmount + funding`. */
  readonly unrealizedPnl: Decimal;
  /** The unsettled funding payment inside `unrealizedPnl` ({@link driftFundingPayment}). */
  readonly unsettledFunding: Decimal;
  /** The weight of the PnL ({@link driftUnrealizedAssetWeight}), 1e4 = 1. */
  readonly unrealizedPnlWeight: Decimal;
  /** The PnL as counted: `⌊PnL · weight / 1e4⌋`, capped at $100 for initial margin. */
  readonly weightedUnrealizedPnl: Decimal;
  /** The margin ratio applied ({@link driftPerpMarginRatio}), 1e4 = 100 %. */
  readonly marginRatio: Decimal;
  /** `⌊baseAssetValue · marginRatio / 1e4⌋`. */
  readonly marginRequirement: Decimal;
}

/**
 * Drift's margin calculation of a user account for one category, in QUOTE_PRECISION (1e6 = $1).
 * @category Venue: Drift
 */
export interface DriftMarginCalculation {
  /** The category computed. */
  readonly category: DriftMarginCategory;
  /** Weighted deposits plus weighted unrealized PnL. */
  readonly totalCollateral: Decimal;
  /** Weighted borrows plus perp margin requirements. */
  readonly marginRequirement: Decimal;
  /** `totalCollateral − marginRequirement` (negative when short of margin). */
  readonly freeCollateral: Decimal;
  /** Maintenance: `totalCollateral < marginRequirement` (liquidatable); initial: the account fails the initial check. */
  readonly belowRequirement: boolean;
  /** Per perp position, in the order given. */
  readonly perps: readonly DriftPerpMargin[];
}

/**
 * Drift's margin calculation (`calculate_margin_requirement_and_total_collateral_and_liability_info`, SDK
 * `User.getTotalCollateral` / `getMarginRequirement`) of a user account, at the markets' oracle prices:
 *
 * - spot deposit: `+⌊⌊amount · price / 10^decimals⌋ · assetWeight / 1e4⌋` to total collateral;
 * - spot borrow: `+⌊⌊|amount| · price / 10^decimals⌋ · liabilityWeight / 1e4⌋` to the requirement;
 * - perp: `value = ⌊|base| · oracle / 1e9⌋`, requirement `⌊value · ratio / 1e4⌋` with the size-scaled ratio;
 *   PnL `= ±value + quoteAssetAmount + funding` counted at its weight (positive PnL at the market's
 *   unrealized-PnL asset weight, not 1), and capped at $100 for initial margin (`MAX_POSITIVE_UPNL_FOR_INITIAL_MARGIN`).
 *
 * An account is liquidatable when maintenance total collateral < maintenance requirement. Not modelled: open-order
 * margin and worst-case sizes with open orders, isolated perp positions, the strict (TWAP) oracle of initial margin,
 * LP shares, the scaled initial asset weight and the PnL-imbalance haircut. Source: drift-labs/protocol-v2
 * `programs/drift/src/math/margin.rs`, `sdk/src/user.ts`; spot values as `sdk/src/math/spotBalance.ts`.
 *
 * @param user - the account: signed token amounts and perp positions.
 * @param markets - perp and spot markets by index, with oracle prices.
 * @param category - `'initial'` or `'maintenance'`.
 * @throws {@link InvalidArgumentError} for a malformed integer, or a position whose market is not given.
 * @example
 * ```ts
 * import { driftMarginCalculation } from 'marginkit';
 * const markets = {
 *   spot: { 0: { oraclePrice: 1_000_000, decimals: 6, initialAssetWeight: 10_000, maintenanceAssetWeight: 10_000, initialLiabilityWeight: 10_000, maintenanceLiabilityWeight: 10_000 } },
 *   perp: { 0: { oraclePrice: 100_000_000, marginRatioInitial: 1_000, marginRatioMaintenance: 500 } },
 * };
 * // $1 000 of USDC, long 50 coins bought at $100, now at $100: requirement 5 % of $5 000
 * const user = { spotPositions: [{ marketIndex: 0, tokenAmount: 1_000_000_000 }], perpPositions: [{ marketIndex: 0, baseAssetAmount: 50_000_000_000, quoteAssetAmount: -5_000_000_000 }] };
 * const m = driftMarginCalculation(user, markets, 'maintenance');
 * [m.totalCollateral.toString(), m.marginRequirement.toString()]; // => ['1000000000', '250000000']
 * ```
 * @category Venue: Drift
 */
export function driftMarginCalculation(
  user: DriftUser,
  markets: DriftMarkets,
  category: DriftMarginCategory,
): DriftMarginCalculation {
  const totals = marginTotals(user, markets, category);
  return {
    category,
    totalCollateral: dec(totals.totalCollateral),
    marginRequirement: dec(totals.marginRequirement),
    freeCollateral: dec(totals.totalCollateral - totals.marginRequirement),
    belowRequirement: totals.totalCollateral < totals.marginRequirement,
    perps: totals.perps.map((p) => ({
      marketIndex: p.marketIndex,
      baseAssetValue: dec(p.value),
      unrealizedPnl: dec(p.pnl),
      unsettledFunding: dec(p.funding),
      unrealizedPnlWeight: dec(p.weight),
      weightedUnrealizedPnl: dec(p.weightedPnl),
      marginRatio: dec(p.ratio),
      marginRequirement: dec(p.requirement),
    })),
  };
}

/** One perp position's terms as bigints, with its checked market and size. */
export interface PerpTerms {
  readonly marketIndex: string;
  readonly perp: Perp;
  readonly base: bigint;
  readonly value: bigint;
  readonly pnl: bigint;
  readonly funding: bigint;
  readonly weight: bigint;
  readonly weightedPnl: bigint;
  readonly ratio: bigint;
  readonly requirement: bigint;
}

/** Totals of the calculation as bigints. */
export interface MarginTotals {
  readonly totalCollateral: bigint;
  readonly marginRequirement: bigint;
  readonly perps: readonly PerpTerms[];
  readonly maxMarginRatio: bigint;
}

/** The calculation on bigints (checks every argument). */
export function marginTotals(
  user: DriftUser,
  markets: DriftMarkets,
  category: DriftMarginCategory,
): MarginTotals {
  checkObject(user, 'user');
  checkMarkets(markets);
  checkChoice(category, 'category', CATEGORIES);
  checkObjectList(user.spotPositions, 'user.spotPositions');
  checkObjectList(user.perpPositions, 'user.perpPositions');
  const maxMarginRatio = intArg(user.maxMarginRatio ?? 0, ['user', 'maxMarginRatio'], 0);
  let totalCollateral = 0n;
  let marginRequirement = 0n;
  user.spotPositions.forEach((position, i) => {
    const path = ['user', 'spotPositions', i];
    const spot = resolveSpot(marketAt(markets.spot, position.marketIndex, [...path, 'marketIndex']), [
      'markets',
      'spot',
      String(position.marketIndex),
    ]);
    const amount = intArg(position.tokenAmount, [...path, 'tokenAmount']);
    const value = (abs(amount) * spot.oraclePrice) / 10n ** BigInt(spot.decimals);
    if (amount > 0n) totalCollateral += (value * assetWeightOf(spot, amount, category)) / MARGIN_PRECISION;
    if (amount < 0n)
      marginRequirement += (value * liabilityWeightOf(spot, -amount, category)) / MARGIN_PRECISION;
  });
  const perps = user.perpPositions.map((position, i) => {
    const terms = perpTermsOf(position, markets, category, maxMarginRatio, ['user', 'perpPositions', i]);
    totalCollateral += terms.weightedPnl;
    marginRequirement += terms.requirement;
    return terms;
  });
  return { totalCollateral, marginRequirement, perps, maxMarginRatio };
}

function perpTermsOf(
  position: DriftUser['perpPositions'][number],
  markets: DriftMarkets,
  category: DriftMarginCategory,
  maxMarginRatio: bigint,
  path: (string | number)[],
): PerpTerms {
  const market = marketAt(markets.perp, position.marketIndex, [...path, 'marketIndex']);
  const marketIndex = String(position.marketIndex);
  const perp = resolvePerp(market, ['markets', 'perp', marketIndex]);
  const base = intArg(position.baseAssetAmount, [...path, 'baseAssetAmount']);
  const quote = intArg(position.quoteAssetAmount, [...path, 'quoteAssetAmount']);
  const cumulative = base > 0n ? perp.fundingLong : perp.fundingShort;
  const last =
    position.lastCumulativeFundingRate === undefined
      ? cumulative
      : intArg(position.lastCumulativeFundingRate, [...path, 'lastCumulativeFundingRate']);
  const funding = fundingPaymentOf(cumulative - last, base);
  const value = (abs(base) * perp.oraclePrice) / BASE_PRECISION;
  const pnl = (base < 0n ? -value : value) + quote + funding;
  const weight = upnlWeightOf(perp, pnl, category);
  let weightedPnl = (pnl * weight) / MARGIN_PRECISION;
  if (category === 'initial' && weightedPnl > MAX_POSITIVE_UPNL_FOR_INITIAL_MARGIN) {
    weightedPnl = MAX_POSITIVE_UPNL_FOR_INITIAL_MARGIN;
  }
  const ratio = marginRatioOf(perp, base, category, maxMarginRatio);
  return {
    marketIndex,
    perp,
    base,
    value,
    pnl,
    funding,
    weight,
    weightedPnl,
    ratio,
    requirement: (value * ratio) / MARGIN_PRECISION,
  };
}
