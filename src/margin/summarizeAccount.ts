import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkOptions, checkPrices } from '../internal/argumentShape.js';
import { Decimal as D } from '../internal/decimal.js';
import { describeValue } from '../internal/quoteInput.js';
import type { Market } from '../market/Market.js';
import type { PriceSource, Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import type { AccountSummary, IsolatedPoolSummary, PoolSummary, PositionSummary } from './AccountSummary.js';
import { collateralValue } from './collateralValue.js';
import { poolFromTotals, summarizePool } from './summarizePool.js';
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
  const collateral = collateralValue(account, prices);
  const positions: PositionSummary[] = account.positions.map((position) =>
    summarizePosition(
      marketOf(account, position.marketId),
      position,
      priceOf(prices, position.marketId, priceSource),
      prices,
    ),
  );
  const cross = summarizePool(
    collateral.total,
    positions.filter((p) => p.marginMode === 'cross'),
  );
  const isolated: IsolatedPoolSummary[] = [];
  account.positions.forEach((position, i) => {
    const summary = positions[i];
    if (position.marginMode !== 'isolated' || !summary) return;
    const margin = position.isolatedMargin;
    if (!margin)
      throw new InvalidArgumentError('INVALID_ARGUMENT', `isolated position '${position.id}' has no margin`);
    isolated.push({ positionId: position.id, ...summarizePool(margin, [summary]) });
  });
  const pools = [cross, ...isolated];
  const sum = (pick: (pool: PoolSummary) => D) => pools.reduce((acc, pool) => acc.plus(pick(pool)), new D(0));
  const sums = poolFromTotals(
    sum((p) => p.collateralValue),
    sum((p) => p.equity),
    sum((p) => p.notional),
    sum((p) => p.initialRequirement),
    sum((p) => p.maintenanceRequirement),
    false,
  );
  const total: PoolSummary = {
    ...sums,
    // An isolated pool's surplus can be moved back to cross; its deficit cannot draw on the cross collateral.
    freeCollateral: isolated.reduce(
      (acc, pool) => acc.plus(D.max(0, pool.freeCollateral)),
      cross.freeCollateral,
    ),
    liquidatable: pools.some((pool) => pool.liquidatable),
  };
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
