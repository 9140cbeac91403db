import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import {
  checkAccount,
  checkChoice,
  checkOptions,
  checkPrices,
  checkText,
} from '../internal/argumentShape.js';
import { Decimal } from '../internal/decimal.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { type OpenOrder, readOpenOrders } from './OpenOrder.js';
import { reservedMargin } from './reservedMargin.js';

/**
 * Options of {@link isolatedMarginLimits}.
 * @category Execution
 */
export interface IsolatedMarginLimitOptions extends SummaryOptions {
  /** Resting orders whose margin the cross pool keeps (see {@link openOrderMargin}); it lowers `maxAdd`. */
  readonly openOrders?: readonly OpenOrder[];
  /**
   * Whether an unrealized profit may be taken out: `'excluded'` (default; the usual venue rule, a profit is not
   * withdrawable before it is realized) or `'included'`. A loss always counts.
   */
  readonly unrealizedProfit?: 'excluded' | 'included';
}

/**
 * Result of {@link isolatedMarginLimits}, in the settlement asset.
 * @category Execution
 */
export interface IsolatedMarginLimits {
  /** The position's isolated margin now. */
  readonly isolatedMargin: Decimal;
  /** Its initial requirement at the current price (with its leverage). */
  readonly initialRequirement: Decimal;
  /** The most that can move in from the cross pool: `max(0, crossFree − reserved)`. */
  readonly maxAdd: Decimal;
  /** The most that can move out while the pool still meets initial margin: see {@link isolatedMarginLimits}. */
  readonly maxRemove: Decimal;
}

/**
 * How much margin an isolated position can take in and give back:
 *
 * - `maxAdd = max(0, freeCollateral(cross) − reserved)`: the cross pool keeps meeting its initial margin and the
 *   margin held by resting orders;
 * - `maxRemove = clamp(M + min(uPnL, 0) − F − IMR, 0, M)` (profit excluded, the default) or
 *   `clamp(M + uPnL − F − IMR, 0, M)` (included): the pool keeps `equity ≥ IMR`, where `M` is the isolated margin,
 *   `F` unsettled funding and `IMR` the position's initial requirement at the current price (raised to
 *   `1/leverage`).
 *
 * Units: the settlement asset.
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - an isolated position.
 * @param options - `priceSource` (default `'mark'`), `openOrders`, `unrealizedProfit`.
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; `INVALID_ARGUMENT` for a cross position or a bad option.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, isolatedMarginLimits } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 500 }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 600 }] });
 * const limits = isolatedMarginLimits(account, createPrices({ markets: { ETH: { mark: 3200 } } }), 'ETH');
 * // IMR 320; the 200 profit stays in: 600 − 320 = 280 removable; 500 can come in
 * [limits.maxRemove.toString(), limits.maxAdd.toString()]; // => ['280', '500']
 * ```
 * @category Execution
 */
export function isolatedMarginLimits(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  options: IsolatedMarginLimitOptions = {},
): IsolatedMarginLimits {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  if (options.unrealizedProfit !== undefined) {
    checkChoice(options.unrealizedProfit, 'options.unrealizedProfit', ['excluded', 'included']);
  }
  const position = positionOf(account, positionId);
  if (position.marginMode !== 'isolated' || !position.isolatedMargin) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `position '${positionId}' is not isolated`, [
      'positionId',
    ]);
  }
  const priceSource = options.priceSource ?? 'mark';
  const orders =
    options.openOrders === undefined
      ? []
      : readOpenOrders(account, options.openOrders, ['options', 'openOrders']);
  const summary = summarizeAccount(account, prices, { priceSource });
  const pool = summary.isolated.find((p) => p.positionId === positionId);
  const self = summary.positions.find((p) => p.positionId === positionId);
  if (!pool || !self) throw new InvalidArgumentError('INVALID_ARGUMENT', 'summary and account disagree');
  const margin = position.isolatedMargin;
  const profit = Decimal.max(self.unrealizedPnl, 0);
  const equity = options.unrealizedProfit === 'included' ? pool.equity : pool.equity.minus(profit);
  const removable = Decimal.min(margin, Decimal.max(0, equity.minus(pool.initialRequirement)));
  const reserved = orders.length
    ? reservedMargin(account, prices, orders, priceSource).reserved
    : new Decimal(0);
  return {
    isolatedMargin: margin,
    initialRequirement: pool.initialRequirement,
    maxAdd: Decimal.max(0, summary.cross.freeCollateral.minus(reserved)),
    maxRemove: removable,
  };
}
