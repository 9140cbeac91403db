import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkChoice } from '../internal/argumentShape.js';
import { ZERO } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import { ExactSum, readScaled, type Scaled, scaledOf } from '../internal/exactInteger.js';
import { valueCollateral } from '../margin/collateralValue.js';
import { linearAt, linearValues } from '../margin/linearAt.js';
import { maintenanceAt } from '../margin/maintenanceAt.js';
import { notionalAt, pnlAt, positionTerms } from '../margin/positionTerms.js';
import { marketOf, type SummaryOptions } from '../margin/summarizeAccount.js';
import { tierIndexAt } from '../margin/tierIndexAt.js';
import type { Prices } from '../prices/Prices.js';
import { priceAt } from '../prices/priceOf.js';
import { linkedCollateral } from './linkedCollateral.js';
import { type MovingLeg, solveThresholdPrice } from './solveThresholdPrice.js';
import type { ThresholdPrice } from './ThresholdPrice.js';

type PriceCrossing = Extract<ThresholdPrice, { kind: 'price' }>;

/**
 * Options of {@link liquidationPrice} and {@link bankruptcyPrice}.
 * @category Liquidation
 */
export interface ThresholdOptions extends SummaryOptions {
  /**
   * Collateral assets whose price moves with a market's, by asset: `{ BTC: 'BTC-PERP' }` values BTC collateral at
   * `assetPrice · p / p₀` while the BTC-PERP price p is solved for (linear markets), so a long BTC perp against BTC
   * collateral liquidates sooner, as it does on a venue. Without it, collateral stays at its snapshot price.
   */
  readonly collateralMovesWith?: Readonly<Record<string, string>>;
}

/**
 * Shared core of the liquidation and bankruptcy prices: the price of the position's market at which its pool's
 * `equity − threshold` reaches 0, where threshold is the pool's maintenance requirement or 0.
 */
export function poolThresholdPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  threshold: 'maintenance' | 'bankruptcy',
  options: ThresholdOptions,
): ThresholdPrice {
  const position = positionOf(account, positionId);
  const market = marketOf(account, position.marketId);
  const priceSource = options.priceSource ?? 'mark';
  checkChoice(priceSource, 'source', ['mark', 'oracle']);
  const isolated = position.marginMode === 'isolated';
  const withMaintenance = threshold === 'maintenance';
  const collateral = valueCollateral(account, prices);

  // One pass over the pool: its equity and MMR, and what does not move with this market's price (including the
  // moving legs' unsettled funding), so the crossing is solved on `constant + legs(p) + slope·p`.
  let poolCollateral: Decimal;
  if (isolated) {
    if (!position.isolatedMargin) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `isolated position '${position.id}' has no margin`);
    }
    poolCollateral = position.isolatedMargin;
  } else poolCollateral = collateral.total;
  // Exact sums, added in the order the Decimal path adds them (see ExactSum): pool equity, its MMR, and the constant.
  const equitySum = new ExactSum();
  equitySum.addDecimal(poolCollateral);
  const maintenanceSum = new ExactSum();
  const constantSum = new ExactSum();
  constantSum.addDecimal(poolCollateral);
  const values = linearValues();
  let exposed = false;
  let currentPrice: Decimal | undefined;
  const legs: MovingLeg[] = [];
  for (const p of account.positions) {
    const price = priceAt(prices, p.marketId, priceSource);
    if (isolated ? p !== position : p.marginMode !== 'cross') continue;
    const m = p === position ? market : marketOf(account, p.marketId);
    const terms = positionTerms(m, p);
    const integer = terms.integer;
    const scaled = integer === undefined ? undefined : scaledOf(price);
    // This leg's PnL and MMR at its price, as exact integers `m · 10^-k` in `values`.
    if (integer !== undefined && scaled !== undefined) linearAt(integer, scaled.m, scaled.k, values);
    else {
      const pnl = readScaled(pnlAt(terms, p, price)) as Scaled;
      const mmr = readScaled(maintenanceAt(m, notionalAt(terms, price))) as Scaled;
      values.pm = pnl.m;
      values.pk = pnl.k;
      values.mm = mmr.m;
      values.mk = mmr.k;
    }
    equitySum.add(values.pm, values.pk);
    if (!p.unsettledFunding.isZero()) {
      equitySum.subtractDecimal(p.unsettledFunding);
      constantSum.subtractDecimal(p.unsettledFunding);
    }
    maintenanceSum.add(values.mm, values.mk);
    if (!terms.flat) exposed = true;
    if (p.marketId === position.marketId) {
      legs.push(p);
      if (p === position) currentPrice = price;
    } else {
      constantSum.add(values.pm, values.pk);
      if (withMaintenance) constantSum.add(-values.mm, values.mk);
    }
  }
  const equity = equitySum.decimal();
  let constant = constantSum.decimal();
  const self = currentPrice as Decimal;
  // Results are written out field by field: an object spread here cost more than the whole solve.
  const marketId = position.marketId;
  const marginMode = position.marginMode;
  const level = withMaintenance ? maintenanceSum.decimal() : ZERO();
  // "Now" means what the summary says: liquidatable (an open position and equity < MMR), or for bankruptcy equity < 0.
  if (withMaintenance ? exposed && equity.lessThan(level) : equity.isNegative() && !equity.isZero()) {
    return {
      positionId,
      marketId,
      marginMode,
      priceSource,
      currentPrice: self,
      kind: 'now',
      equity,
      threshold: level,
    };
  }
  const never: ThresholdPrice = {
    positionId,
    marketId,
    marginMode,
    priceSource,
    currentPrice: self,
    kind: 'never',
  };
  // Below the threshold but not liquidatable: the pool holds no open position, so no price liquidates it.
  if (equity.lessThan(level)) return never;

  let slope: Decimal = ZERO();
  if (!isolated) {
    const linked = linkedCollateral(collateral.entries, options.collateralMovesWith ?? {}, market, self);
    if (!linked.slope.isZero()) {
      constant = constant.minus(linked.value);
      slope = linked.slope;
    }
  }
  const crossing = solveThresholdPrice(market, legs, constant, self, withMaintenance, slope);
  if (crossing.kind === 'never') return never;
  const { price, direction } = crossing;
  const result: { -readonly [K in keyof PriceCrossing]: PriceCrossing[K] } = {
    positionId,
    marketId,
    marginMode,
    priceSource,
    currentPrice: self,
    kind: 'price',
    price,
    direction,
  };
  const schedule = market.marginSchedule;
  if (schedule.type === 'tiered') {
    result.tierIndex = tierIndexAt(schedule.tiers, notionalAt(positionTerms(market, position), price));
  }
  return result;
}
