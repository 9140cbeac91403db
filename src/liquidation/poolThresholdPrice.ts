import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { ZERO } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import { collateralValue } from '../margin/collateralValue.js';
import { maintenanceAt } from '../margin/maintenanceAt.js';
import { marginTierAt } from '../margin/marginTierAt.js';
import { notional } from '../margin/notional.js';
import { notionalAt, pnlAt, positionTerms } from '../margin/positionTerms.js';
import { marketOf, type SummaryOptions } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import { type MovingLeg, solveThresholdPrice } from './solveThresholdPrice.js';
import type { ThresholdContext, ThresholdPrice } from './ThresholdPrice.js';

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
  const isolated = position.marginMode === 'isolated';
  const withMaintenance = threshold === 'maintenance';
  const collateral = collateralValue(account, prices);

  // One pass over the pool: its equity and MMR, and what does not move with this market's price (including the
  // moving legs' unsettled funding), so the crossing is solved on `constant + legs(p) + slope·p`.
  let poolCollateral: Decimal;
  if (isolated) {
    if (!position.isolatedMargin) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `isolated position '${position.id}' has no margin`);
    }
    poolCollateral = position.isolatedMargin;
  } else poolCollateral = collateral.total;
  let equity = poolCollateral;
  let maintenance: Decimal | undefined;
  let constant = poolCollateral;
  let exposed = false;
  let currentPrice: Decimal | undefined;
  const legs: MovingLeg[] = [];
  for (const p of account.positions) {
    const price = priceOf(prices, p.marketId, priceSource);
    if (isolated ? p !== position : p.marginMode !== 'cross') continue;
    const m = p === position ? market : marketOf(account, p.marketId);
    const terms = positionTerms(m, p);
    const n = notionalAt(terms, price);
    const pnl = pnlAt(terms, p, price);
    const mmr = maintenanceAt(m, n);
    equity = equity.plus(pnl);
    if (!p.unsettledFunding.isZero()) {
      equity = equity.minus(p.unsettledFunding);
      constant = constant.minus(p.unsettledFunding);
    }
    maintenance = maintenance === undefined ? mmr : maintenance.plus(mmr);
    if (!terms.flat) exposed = true;
    if (p.marketId === position.marketId) {
      legs.push(p);
      if (p === position) currentPrice = price;
    } else {
      constant = constant.plus(pnl);
      if (withMaintenance) constant = constant.minus(mmr);
    }
  }
  const self = currentPrice as Decimal;
  const context: ThresholdContext = {
    positionId,
    marketId: position.marketId,
    marginMode: position.marginMode,
    priceSource,
    currentPrice: self,
  };
  const level = withMaintenance ? (maintenance ?? ZERO()) : ZERO();
  // "Now" means what the summary says: liquidatable (an open position and equity < MMR), or for bankruptcy equity < 0.
  if (withMaintenance ? exposed && equity.lessThan(level) : equity.isNegative() && !equity.isZero()) {
    return { ...context, kind: 'now', equity, threshold: level };
  }
  // Below the threshold but not liquidatable: the pool holds no open position, so no price liquidates it.
  if (equity.lessThan(level)) return { ...context, kind: 'never' };

  let slope: Decimal = ZERO();
  const links = options.collateralMovesWith ?? {};
  if (!isolated) {
    for (const c of collateral.entries) {
      if (!Object.hasOwn(links, c.asset) || links[c.asset] !== position.marketId) continue;
      if (market.kind !== 'linear') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'collateral can move only with a linear market', [
          'collateralMovesWith',
          c.asset,
        ]);
      }
      constant = constant.minus(c.value);
      slope = slope.plus(c.value.div(self));
    }
  }
  const crossing = solveThresholdPrice(market, legs, constant, self, withMaintenance, slope);
  if (crossing.kind === 'never') return { ...context, kind: 'never' };
  const schedule = market.marginSchedule;
  if (schedule.type !== 'tiered') {
    return { ...context, kind: 'price', price: crossing.price, direction: crossing.direction };
  }
  return {
    ...context,
    kind: 'price',
    price: crossing.price,
    direction: crossing.direction,
    tierIndex: marginTierAt(schedule, notional(market, position.size, crossing.price)).index,
  };
}
