import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { rebuildAccount } from '../account/rebuildAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import {
  checkAccount,
  checkObject,
  checkOptions,
  checkPrices,
  checkText,
} from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { type LiquidationDistance, liquidationDistance } from '../liquidation/liquidationDistance.js';
import { liquidationPrice } from '../liquidation/liquidationPrice.js';
import type { LiquidationPrice } from '../liquidation/ThresholdPrice.js';
import type { AccountSummary } from '../margin/AccountSummary.js';
import { marginRequirement } from '../margin/marginRequirement.js';
import { marketOf, type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import { unrealizedPnl } from '../margin/unrealizedPnl.js';
import type { MarginMode, Position } from '../position/Position.js';
import type { Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import { adjustSettleCollateral } from './adjustSettleCollateral.js';
import { checkPools, combineChecks, type MarginCheck } from './marginCheck.js';

/**
 * A change to an open position that is not a trade.
 * - `leverage`: set the user leverage (changes the initial requirement only).
 * - `margin-mode`: move the position to `isolated` (taking `isolatedMargin` from the cross collateral; default
 *   its initial requirement at the check price plus any unrealised loss and owed funding) or back to `cross`
 *   (returning its margin).
 * - `isolated-margin`: add (positive) or remove (negative) isolated margin.
 * @category Execution
 */
export type PositionChange =
  | { readonly kind: 'leverage'; readonly leverage: DecimalInput }
  | { readonly kind: 'margin-mode'; readonly to: MarginMode; readonly isolatedMargin?: DecimalInput }
  | { readonly kind: 'isolated-margin'; readonly amount: DecimalInput };

/**
 * Result of {@link previewPositionChange}.
 * @category Execution
 */
export interface PositionChangePreview {
  /** The position after the change. */
  readonly position: Position;
  /** Margin moved from cross collateral into the position (negative: back to cross). */
  readonly isolatedMarginTransfer: Decimal;
  /** The account after the change. */
  readonly account: MarginAccount;
  readonly summaryBefore: AccountSummary;
  readonly summaryAfter: AccountSummary;
  /** The position's liquidation price and distance after the change. */
  readonly liquidation: LiquidationPrice;
  readonly distance: LiquidationDistance;
  /** Initial-margin check of the pools touched (see {@link previewOrder}). */
  readonly check: MarginCheck;
}

/**
 * Previews a change of leverage, margin mode or isolated margin of an open position: the position and account
 * after it, the liquidation price and distance, and whether the pools it touches pass the initial-margin check
 * (measured at the mark by default). Leverage never changes maintenance, so in cross it never moves the
 * liquidation price; isolating a position gives it its own liquidation price.
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position.
 * @param change - the change.
 * @param options - `priceSource` of the check.
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`, or `INVALID_ARGUMENT` (leverage ≤ 0, isolated-margin
 *   change on a cross position, removing more margin than the position holds).
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, previewPositionChange } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'SOL', kind: 'linear', baseAsset: 'SOL', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' } }],
 *   collateral: [{ asset: 'USDT', amount: 2000 }],
 *   positions: [{ marketId: 'SOL', size: 100, entryPrice: 150, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { SOL: { mark: 150 } } });
 * const p = previewPositionChange(account, prices, 'SOL', { kind: 'margin-mode', to: 'isolated', isolatedMargin: 1500 });
 * p.position.isolatedMargin?.toString(); // => '1500'
 * if (p.liquidation.kind === 'price') p.liquidation.price.toFixed(4); // => '138.4615'  ((15000 − 1500)/(100 · 0.975))
 * ```
 * @category Execution
 */
export function previewPositionChange(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  change: PositionChange,
  options: SummaryOptions = {},
): PositionChangePreview {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkObject(change, 'change');
  checkOptions(options);
  const position = positionOf(account, positionId);
  const market = marketOf(account, position.marketId);
  const checkPrice = priceOf(prices, market.id, options.priceSource ?? 'mark');
  let next: Position = position;
  let transfer = new D(0);
  if (change.kind === 'leverage') {
    const leverage = positiveArg(change.leverage, 'leverage');
    next = { ...position, leverage };
  } else if (change.kind === 'isolated-margin') {
    if (position.marginMode !== 'isolated' || !position.isolatedMargin) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'only an isolated position has isolated margin', [
        'kind',
      ]);
    }
    transfer = decimalArg(change.amount, 'amount');
    const margin = position.isolatedMargin.plus(transfer);
    if (margin.isNegative() || margin.isZero()) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'cannot remove all of the isolated margin', [
        'amount',
      ]);
    }
    next = { ...position, isolatedMargin: margin };
  } else if (change.to !== position.marginMode) {
    if (change.to === 'cross') {
      transfer = (position.isolatedMargin ?? new D(0)).negated();
      const { isolatedMargin: _dropped, ...rest } = position;
      next = { ...rest, marginMode: 'cross' };
    } else {
      if (change.isolatedMargin !== undefined) {
        transfer = decimalArg(change.isolatedMargin, 'isolatedMargin');
        if (!transfer.isPositive() || transfer.isZero()) {
          throw new InvalidArgumentError('INVALID_ARGUMENT', 'isolatedMargin must be > 0', [
            'isolatedMargin',
          ]);
        }
      } else {
        const leverage = position.leverage ? { leverage: position.leverage } : {};
        const required = marginRequirement(market, position.size, checkPrice, leverage).initial;
        const equity = unrealizedPnl(market, position, checkPrice).minus(position.unsettledFunding);
        // The initial requirement, with no credit for a gain; a loss and owed funding are covered.
        transfer = required.plus(D.max(0, equity.negated()));
      }
      next = { ...position, marginMode: 'isolated', isolatedMargin: transfer };
    }
  }
  const after = rebuildAccount(
    account,
    account.positions.map((p) => (p.id === positionId ? next : p)),
    adjustSettleCollateral(account, transfer.negated()),
  );
  const summaryBefore = summarizeAccount(account, prices, options);
  const summaryAfter = summarizeAccount(after, prices, options);
  // Leverage and margin-mode changes must meet initial margin outright; only adding margin to an isolated
  // position may leave it below initial margin, as long as it does not add risk.
  const adding = change.kind === 'isolated-margin' && transfer.isPositive();
  const pools = checkPools(
    summaryBefore,
    summaryAfter,
    next.marginMode === 'isolated' ? ['cross', positionId] : ['cross'],
    (pool) => adding && pool === positionId,
  );
  const liquidation = liquidationPrice(after, prices, positionId, options);
  return {
    position: after.positions.find((p) => p.id === positionId) ?? next,
    isolatedMarginTransfer: transfer,
    account: after,
    summaryBefore,
    summaryAfter,
    liquidation,
    distance: liquidationDistance(liquidation),
    check: combineChecks(pools),
  };
}
