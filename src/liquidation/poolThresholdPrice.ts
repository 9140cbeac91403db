import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal as D, Decimal } from '../internal/decimal.js';
import { marginTierAt } from '../margin/marginTierAt.js';
import { notional } from '../margin/notional.js';
import { marketOf, type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { solveThresholdPrice } from './solveThresholdPrice.js';
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
  const index = account.positions.indexOf(position);
  const summary = summarizeAccount(account, prices, options);
  const market = marketOf(account, position.marketId);
  const self = summary.positions[index];
  if (!self) throw new InvalidArgumentError('INVALID_ARGUMENT', 'summary and account disagree');

  const isolated = position.marginMode === 'isolated';
  const members = summary.positions
    .map((s, i) => ({ summary: s, position: account.positions[i] }))
    .filter(({ summary: s }) => (isolated ? s.positionId === positionId : s.marginMode === 'cross'));
  const pool = isolated ? summary.isolated.find((p) => p.positionId === positionId) : summary.cross;
  if (!pool) throw new InvalidArgumentError('INVALID_ARGUMENT', 'summary has no pool for the position');

  const context: ThresholdContext = {
    positionId,
    marketId: position.marketId,
    marginMode: position.marginMode,
    priceSource: summary.priceSource,
    currentPrice: self.price,
  };
  const withMaintenance = threshold === 'maintenance';
  const level = withMaintenance ? pool.maintenanceRequirement : new Decimal(0);
  // "Now" means what the summary says: liquidatable (MMR > 0 and equity < MMR), or for bankruptcy equity < 0.
  if (withMaintenance ? pool.liquidatable : pool.equity.lessThan(0)) {
    return { ...context, kind: 'now', equity: pool.equity, threshold: level };
  }
  // Below the threshold but not liquidatable: the pool holds no open position, so no price liquidates it.
  if (pool.equity.lessThan(level)) return { ...context, kind: 'never' };

  // Everything that does not move with this market's price, including the moving legs' unsettled funding.
  let constant = pool.collateralValue;
  let slope = new D(0);
  const links = options.collateralMovesWith ?? {};
  if (!isolated) {
    for (const c of summary.collateral) {
      if (!Object.hasOwn(links, c.asset) || links[c.asset] !== position.marketId) continue;
      if (market.kind !== 'linear') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'collateral can move only with a linear market', [
          'collateralMovesWith',
          c.asset,
        ]);
      }
      constant = constant.minus(c.value);
      slope = slope.plus(c.value.div(self.price));
    }
  }
  const legs = [];
  for (const { summary: s, position: p } of members) {
    constant = constant.minus(s.unsettledFunding);
    if (s.marketId === position.marketId && p) legs.push({ size: p.size, entryPrice: p.entryPrice });
    else {
      constant = constant.plus(s.unrealizedPnl);
      if (withMaintenance) constant = constant.minus(s.requirement.maintenance);
    }
  }
  const crossing = solveThresholdPrice(market, legs, constant, self.price, withMaintenance, slope);
  if (crossing.kind === 'never') return { ...context, kind: 'never' };
  const schedule = market.marginSchedule;
  const tierIndex =
    schedule.type === 'tiered'
      ? marginTierAt(schedule, notional(market, position.size, crossing.price)).index
      : undefined;
  return {
    ...context,
    kind: 'price',
    price: crossing.price,
    direction: crossing.direction,
    ...(tierIndex === undefined ? {} : { tierIndex }),
  };
}
