import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkChoice, checkOptions, checkPrices } from '../internal/argumentShape.js';
import { ExactSum } from '../internal/exactInteger.js';
import { describeValue } from '../internal/quoteInput.js';
import type { Market } from '../market/Market.js';
import type { Position } from '../position/Position.js';
import type { PriceSource, Prices } from '../prices/Prices.js';
import { priceAt } from '../prices/priceOf.js';
import type { AccountSummary, IsolatedPoolSummary, PoolSummary, PositionSummary } from './AccountSummary.js';
import { valueCollateral } from './collateralValue.js';
import { linearValues } from './linearAt.js';
import { poolFromTotals } from './summarizePool.js';
import { summarizePosition } from './summarizePosition.js';

/**
 * Options of {@link summarizeAccount} and the liquidation functions.
 * @category Margin
 */
export interface SummaryOptions {
  /** Which market price values positions and requirements. Default `'mark'`. */
  readonly priceSource?: PriceSource;
}

/** The account's market for a position (the account factory guarantees it exists). */
export function marketOf(account: MarginAccount, marketId: string): Market {
  const market =
    typeof marketId === 'string' && Object.hasOwn(account.markets, marketId)
      ? account.markets[marketId]
      : undefined;
  if (!market)
    throw new InvalidArgumentError('INVALID_ARGUMENT', `account has no market ${describeValue(marketId)}`);
  return market;
}

/**
 * The margin state of an account at a price snapshot: per position (notional, PnL, IMR, MMR with the tier and
 * fractions used), per pool (cross, and each isolated position), and in total.
 *
 * Per pool: `equity = collateral + Σ uPnL − Σ unsettledFunding`, `free = equity − IMR`,
 * `marginRatio = MMR / equity`, `leverage = Σ notional / equity`, liquidatable when the pool holds an open position
 * and `equity < MMR` (strict).
 * The cross pool's collateral is the weighted cross collateral; an isolated pool's is its isolated margin.
 * Totals add the pools (an isolated pool's surplus counts in total free collateral).
 *
 * @param account - the account.
 * @param prices - market prices (and collateral asset prices).
 * @param options - `priceSource`: `'mark'` (default) or `'oracle'`.
 * @throws {@link MissingPriceError} when a needed price is absent.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, summarizeAccount } from 'marginkit';
 * const account = createMarginAccount({
 *   settleAsset: 'USDT',
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }],
 *   positions: [{ marketId: 'BTC-PERP', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }],
 * });
 * const s = summarizeAccount(account, createPrices({ markets: { 'BTC-PERP': { mark: 49_000 } } }));
 * s.cross.equity.toString(); // => '900'
 * s.cross.maintenanceRequirement.toString(); // => '245'
 * ```
 * @category Margin
 */
export function summarizeAccount(
  account: MarginAccount,
  prices: Prices,
  options: SummaryOptions = {},
): AccountSummary {
  checkAccount(account);
  checkPrices(prices);
  checkOptions(options);
  const priceSource = options.priceSource ?? 'mark';
  checkChoice(priceSource, 'source', ['mark', 'oracle']);
  const collateral = valueCollateral(account, prices);
  const count = account.positions.length;
  const positions: PositionSummary[] = new Array(count);
  const isolated: IsolatedPoolSummary[] = [];
  // Cross pool sums, exact, accumulated in the same pass that values each position.
  const equity = new ExactSum();
  equity.addDecimal(collateral.total);
  const notional = new ExactSum();
  const initial = new ExactSum();
  const maintenance = new ExactSum();
  const values = linearValues();
  let exposed = false;
  for (let i = 0; i < count; i++) {
    const position = account.positions[i] as Position;
    const summary = summarizePosition(
      marketOf(account, position.marketId),
      position,
      priceAt(prices, position.marketId, priceSource),
      prices,
      values,
    );
    positions[i] = summary;
    const requirement = summary.requirement;
    if (position.marginMode === 'isolated') {
      const margin = position.isolatedMargin;
      if (!margin) {
        throw new InvalidArgumentError(
          'INVALID_ARGUMENT',
          `isolated position '${position.id}' has no margin`,
        );
      }
      const pool = poolFromTotals(
        margin,
        margin.plus(summary.unrealizedPnl).minus(position.unsettledFunding),
        requirement.notional,
        requirement.initial,
        requirement.maintenance,
        !position.size.isZero(),
      );
      isolated.push({ positionId: position.id, ...pool });
      continue;
    }
    if (values.tier >= 0) {
      equity.addWritten(values.pm, values.pk, summary.unrealizedPnl);
      notional.addWritten(values.nm, values.nk, requirement.notional);
      initial.addWritten(values.im, values.ik, requirement.initial);
      maintenance.addWritten(values.mm, values.mk, requirement.maintenance);
    } else {
      equity.addDecimal(summary.unrealizedPnl);
      notional.addDecimal(requirement.notional);
      initial.addDecimal(requirement.initial);
      maintenance.addDecimal(requirement.maintenance);
    }
    if (!position.unsettledFunding.isZero()) equity.subtractDecimal(position.unsettledFunding);
    if (!position.size.isZero()) exposed = true;
  }
  const cross = poolFromTotals(
    collateral.total,
    equity.decimal(),
    notional.decimal(),
    initial.decimal(),
    maintenance.decimal(),
    exposed,
  );
  let total: PoolSummary;
  if (isolated.length === 0) {
    // Only the cross pool: the totals are a copy of its numbers.
    total = Object.assign({}, cross);
  } else {
    let collateralSum = cross.collateralValue;
    let equitySum = cross.equity;
    let notionalSum = cross.notional;
    let initialSum = cross.initialRequirement;
    let maintenanceSum = cross.maintenanceRequirement;
    // An isolated pool's surplus can be moved back to cross; its deficit cannot draw on the cross collateral.
    let free = cross.freeCollateral;
    let liquidatable = cross.liquidatable;
    for (const pool of isolated) {
      collateralSum = collateralSum.plus(pool.collateralValue);
      equitySum = equitySum.plus(pool.equity);
      notionalSum = notionalSum.plus(pool.notional);
      initialSum = initialSum.plus(pool.initialRequirement);
      maintenanceSum = maintenanceSum.plus(pool.maintenanceRequirement);
      if (pool.freeCollateral.isPositive() && !pool.freeCollateral.isZero())
        free = free.plus(pool.freeCollateral);
      if (pool.liquidatable) liquidatable = true;
    }
    // The pools' sums, with the free collateral and liquidatable flag that the pools' own rules give.
    const sums: { -readonly [K in keyof PoolSummary]: PoolSummary[K] } = poolFromTotals(
      collateralSum,
      equitySum,
      notionalSum,
      initialSum,
      maintenanceSum,
      false,
    );
    sums.freeCollateral = free;
    sums.liquidatable = liquidatable;
    total = sums;
  }
  return {
    settleAsset: account.settleAsset,
    priceSource,
    collateral: collateral.entries,
    positions,
    cross,
    isolated,
    total,
    liquidatableIsolated: isolated.filter((p) => p.liquidatable).map((p) => p.positionId),
  };
}
