import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { Decimal } from '../internal/decimal.js';
import { marginRequirement } from '../margin/marginRequirement.js';
import { marketOf, type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { solveThresholdPrice } from './solveThresholdPrice.js';
import type { ThresholdContext, ThresholdPrice } from './ThresholdPrice.js';

/**
 * Shared core of the liquidation and bankruptcy prices: the price of the position's market at which its pool's
 * `equity − threshold` reaches 0, where threshold is the pool's maintenance requirement or 0.
 */
export function poolThresholdPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  threshold: 'maintenance' | 'bankruptcy',
  options: SummaryOptions,
): ThresholdPrice {
  const index = account.positions.findIndex((p) => p.id === positionId);
  const position = account.positions[index];
  if (!position) {
    throw new InvalidArgumentError('UNKNOWN_POSITION', `the account holds no position '${positionId}'`, [
      'positionId',
    ]);
  }
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
  if (pool.equity.lessThan(level)) return { ...context, kind: 'now', equity: pool.equity, threshold: level };

  // Everything that does not move with this market's price, including the moving legs' unsettled funding.
  let constant = pool.collateralValue;
  const legs = [];
  for (const { summary: s, position: p } of members) {
    constant = constant.minus(s.unsettledFunding);
    if (s.marketId === position.marketId && p) legs.push({ size: p.size, entryPrice: p.entryPrice });
    else {
      constant = constant.plus(s.unrealizedPnl);
      if (withMaintenance) constant = constant.minus(s.requirement.maintenance);
    }
  }
  const crossing = solveThresholdPrice(market, legs, constant, self.price, withMaintenance);
  if (crossing.kind === 'never') return { ...context, kind: 'never' };
  const { tierIndex } = marginRequirement(market, position.size, crossing.price);
  return {
    ...context,
    kind: 'price',
    price: crossing.price,
    direction: crossing.direction,
    ...(tierIndex === undefined ? {} : { tierIndex }),
  };
}
