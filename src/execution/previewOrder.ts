import type { MarginAccount } from '../account/MarginAccount.js';
import { rebuildAccount } from '../account/rebuildAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkObject, checkOptions, checkPrices } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { describeValue } from '../internal/quoteInput.js';
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
import { applyFill, type FillResult } from './applyFill.js';
import { checkPools, combineChecks, type MarginCheck } from './marginCheck.js';
import type { OrderBook, OrderSide } from './OrderBook.js';
import { tradingFee } from './tradingFee.js';
import { type BookWalk, walkOrderBook } from './walkOrderBook.js';

/**
 * An order to preview. Give a fill `price` (a limit order assumed filled there) or a `book` (a market order
 * walked through it).
 * @category Execution
 */
export interface OrderRequest {
  /** Market of the order. */
  readonly marketId: string;
  /** Buy or sell. */
  readonly side: OrderSide;
  /** Size in contracts, > 0, on the market's step. */
  readonly size: DecimalInput;
  /** Fill price. */
  readonly price?: DecimalInput;
  /** Book to walk for a market order. */
  readonly book?: OrderBook;
  /** Fee rate on the filled notional (default 0). */
  readonly feeRate?: DecimalInput;
  /** The position the order trades; default: the market's only position, or a new one with the market's id. */
  readonly positionId?: string;
  /** Margin mode of a new position (default `'cross'`); an existing position keeps its mode. */
  readonly marginMode?: MarginMode;
  /**
   * Margin moved from the cross collateral into an isolated position when it opens, adds or flips. Default: the
   * initial requirement at the check price with no credit for an opening gain (an opening loss and owed funding
   * are covered), less the margin it already holds.
   */
  readonly isolatedMargin?: DecimalInput;
  /** Leverage to set on the resulting position. */
  readonly leverage?: DecimalInput;
  /** Reduce-only: never increases or flips the position (a larger order is cut to a close). */
  readonly reduceOnly?: boolean;
}

/**
 * Everything an order would do.
 *
 * - `filled`: the preview. `check.passes` says whether the venue's initial-margin check accepts it (measured at
 *   the check price — the mark by default, not the entry), with the shortfall when it does not.
 * - `rejected`: the order cannot fill at all (`no-liquidity`: the book side is empty; `reduce-only`: a
 *   reduce-only order on the position's own side).
 * @category Execution
 */
export type OrderPreview =
  | {
      readonly kind: 'filled';
      readonly transition: FillResult['transition'];
      /** Size filled (contracts) and its average price. */
      readonly fillSize: Decimal;
      readonly fillPrice: Decimal;
      /** Size not filled (book ran out, or cut by reduce-only). */
      readonly unfilled: Decimal;
      /** The book walk, for a market order. */
      readonly walk?: BookWalk;
      /** Fee paid (negative: rebate), settlement asset. */
      readonly fee: Decimal;
      /** PnL realised on the closed part, before the fee. */
      readonly realizedPnl: Decimal;
      /** Margin moved from cross collateral into the isolated position (negative: released to cross). */
      readonly isolatedMarginTransfer: Decimal;
      /** The position before (absent when new) and after (absent when closed). */
      readonly positionBefore?: Position;
      readonly positionAfter?: Position;
      /** The account after the order. */
      readonly account: MarginAccount;
      readonly summaryBefore: AccountSummary;
      readonly summaryAfter: AccountSummary;
      /** Liquidation price and distance of the resulting position (absent when closed). */
      readonly liquidation?: LiquidationPrice;
      readonly distance?: LiquidationDistance;
      /** Initial-margin check of every pool the order touches. */
      readonly check: MarginCheck;
    }
  | { readonly kind: 'rejected'; readonly reason: 'no-liquidity' | 'reduce-only' };

/** Finds the position an order trades, or the id a new one gets. */
export function targetPosition(account: MarginAccount, marketId: string, positionId?: string) {
  if (positionId !== undefined) {
    const position = account.positions.find((p) => p.id === positionId);
    if (position && position.marketId !== marketId) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `position ${describeValue(positionId)} is in '${position.marketId}'`,
        ['positionId'],
      );
    }
    return { id: positionId, position };
  }
  const inMarket = account.positions.filter((p) => p.marketId === marketId);
  if (inMarket.length > 1) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `market '${marketId}' has several positions; give positionId`,
      ['positionId'],
    );
  }
  const position = inMarket[0];
  return { id: position?.id ?? marketId, position };
}

/** Internal: a preview without the liquidation price (for searches). */
export function previewOrderCore(
  account: MarginAccount,
  prices: Prices,
  order: OrderRequest,
  options: SummaryOptions,
  withLiquidation: boolean,
  before?: AccountSummary,
): OrderPreview {
  if (typeof order.marketId !== 'string' || !Object.hasOwn(account.markets, order.marketId)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `the account has no market ${describeValue(order.marketId)}`,
      ['marketId'],
    );
  }
  const market = marketOf(account, order.marketId);
  let size = decimalArg(order.size, 'size');
  if (!size.isPositive() || size.isZero())
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'size must be > 0', ['size']);
  if (market.stepSize && !size.mod(market.stepSize).isZero()) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `size is not a multiple of the step ${market.stepSize}`,
      ['size'],
    );
  }
  if ((order.price === undefined) === (order.book === undefined)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'give exactly one of price and book', ['price']);
  }
  const { id, position } = targetPosition(account, order.marketId, order.positionId);
  const held = position?.size ?? new D(0);
  const sign = order.side === 'buy' ? 1 : -1;
  let cut = new D(0);
  if (order.reduceOnly) {
    if (held.isZero() || held.isPositive() === sign > 0) return { kind: 'rejected', reason: 'reduce-only' };
    if (size.greaterThan(held.abs())) {
      cut = size.minus(held.abs());
      size = held.abs();
    }
  }
  const feeRate = order.feeRate === undefined ? new D(0) : decimalArg(order.feeRate, 'feeRate');
  let walk: BookWalk | undefined;
  let fillSize = size;
  let fillPrice: Decimal;
  let fee: Decimal;
  if (order.book) {
    walk = walkOrderBook(order.book, order.side, size, { market, feeRate });
    if (walk.kind === 'none') return { kind: 'rejected', reason: 'no-liquidity' };
    fillSize = walk.filled;
    fillPrice = walk.averagePrice;
    fee = walk.fee;
  } else {
    fillPrice = decimalArg(order.price ?? 0, 'price');
    fee = tradingFee(market, fillSize, fillPrice, feeRate);
  }
  const unfilled = size.minus(fillSize).plus(cut);
  const result = applyFill(market, held, position?.entryPrice ?? fillPrice, fillSize.times(sign), fillPrice);
  const mode: MarginMode = position?.marginMode ?? order.marginMode ?? 'cross';
  const source = options.priceSource ?? 'mark';
  const checkPrice = priceOf(prices, market.id, source);
  const funding = position?.unsettledFunding ?? new D(0);
  const leverage =
    order.leverage === undefined ? position?.leverage : positiveArg(order.leverage, 'leverage');

  let settleDelta = result.realizedPnl.minus(fee);
  let isolatedMargin: Decimal | undefined;
  let transfer = new D(0);
  if (mode === 'isolated') {
    const before = position?.isolatedMargin ?? new D(0);
    const released =
      result.transition === 'reduce'
        ? before.times(result.closedSize).div(held.abs())
        : result.transition === 'close' || result.transition === 'flip'
          ? before
          : new D(0);
    let margin = before.minus(released);
    transfer = released.negated();
    if (result.transition === 'open' || result.transition === 'add' || result.transition === 'flip') {
      let add: Decimal;
      if (order.isolatedMargin !== undefined) {
        add = decimalArg(order.isolatedMargin, 'isolatedMargin');
        if (add.isNegative() || (add.isZero() && margin.isZero())) {
          throw new InvalidArgumentError(
            'INVALID_ARGUMENT',
            'isolatedMargin must leave the position some margin (> 0)',
            ['isolatedMargin'],
          );
        }
      } else {
        const required = marginRequirement(
          market,
          result.size,
          checkPrice,
          leverage ? { leverage } : {},
        ).initial;
        const carried = result.transition === 'flip' ? new D(0) : funding;
        const pnl = unrealizedPnl(
          market,
          { ...emptyPosition(id, market.id), size: result.size, entryPrice: result.entryPrice },
          checkPrice,
        );
        // The initial requirement, with no credit for an opening gain; an opening loss and owed funding are covered.
        const need = required.plus(D.max(0, carried.minus(pnl)));
        add = D.max(0, need.minus(margin));
      }
      margin = margin.plus(add);
      transfer = transfer.plus(add);
    }
    isolatedMargin = margin;
    settleDelta = settleDelta.minus(transfer);
  }
  let positionAfter: Position | undefined;
  if (result.size.isZero()) settleDelta = settleDelta.minus(funding);
  else {
    positionAfter = {
      ...(position ?? emptyPosition(id, market.id)),
      id,
      size: result.size,
      entryPrice: result.entryPrice,
      marginMode: mode,
      unsettledFunding: result.transition === 'flip' ? new D(0) : funding,
      ...(isolatedMargin === undefined ? {} : { isolatedMargin }),
      ...(leverage === undefined ? {} : { leverage }),
    };
    if (result.transition === 'flip') settleDelta = settleDelta.minus(funding);
  }
  const positions = position
    ? account.positions.flatMap((p) => (p.id === id ? (positionAfter ? [positionAfter] : []) : [p]))
    : [...account.positions, ...(positionAfter ? [positionAfter] : [])];
  const after = rebuildAccount(account, positions, adjustSettleCollateral(account, settleDelta));
  const summaryBefore = before ?? summarizeAccount(account, prices, options);
  const summaryAfter = summarizeAccount(after, prices, options);
  const pools = checkPools(summaryBefore, summaryAfter, mode === 'isolated' ? ['cross', id] : ['cross']);
  const createdPosition = after.positions.find((p) => p.id === id);
  const liquidation =
    withLiquidation && createdPosition ? liquidationPrice(after, prices, id, options) : undefined;
  return {
    kind: 'filled',
    transition: result.transition,
    fillSize,
    fillPrice,
    unfilled,
    ...(walk ? { walk } : {}),
    fee,
    realizedPnl: result.realizedPnl,
    isolatedMarginTransfer: transfer,
    ...(position ? { positionBefore: position } : {}),
    ...(createdPosition ? { positionAfter: createdPosition } : {}),
    account: after,
    summaryBefore,
    summaryAfter,
    ...(liquidation ? { liquidation, distance: liquidationDistance(liquidation) } : {}),
    check: combineChecks(pools),
  };
}

function emptyPosition(id: string, marketId: string): Position {
  return {
    id,
    marketId,
    size: new D(0),
    entryPrice: new D(1),
    marginMode: 'cross',
    unsettledFunding: new D(0),
  };
}

/**
 * Previews an order against an account: the transition (open, add, reduce, close, flip), the resulting
 * position (size, average entry, realised PnL and fee on the closed part), the account and its summary after
 * the order, the new liquidation price and distance, and the initial-margin check of every pool it touches.
 *
 * Money flows: realised PnL minus the fee settles to the cross collateral (settlement asset). An isolated
 * position releases margin pro rata when reduced (all of it when closed or flipped) to the cross collateral, and
 * takes margin from it when opened, added to or flipped (`isolatedMargin`, or by default its initial requirement
 * at the check price with no credit for an opening gain). Closing settles the position's unsettled funding.
 *
 * The check (at the mark price by default): a pool passes when `equity ≥ IMR` after the order, or when the order
 * does not add risk (`MMR' ≤ MMR` and `equity'·MMR ≥ equity·MMR'`, as dYdX v4 accepts reducing orders of an
 * undercollateralised account).
 *
 * @param account - the account.
 * @param prices - current prices (the check price).
 * @param order - the order.
 * @param options - `priceSource` of the check (default `'mark'`).
 * @throws {@link InvalidArgumentError} for a size off the step, both or neither of price and book, an ambiguous
 *   position; {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, previewOrder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT', stepSize: '0.01',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }],
 *   positions: [{ marketId: 'ETH', size: 2, entryPrice: 3000, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { ETH: { mark: 3100 } } });
 * const flip = previewOrder(account, prices, { marketId: 'ETH', side: 'sell', size: 3, price: 3100, feeRate: '0.0005' });
 * if (flip.kind === 'filled') flip.transition; // => 'flip'
 * if (flip.kind === 'filled') flip.realizedPnl.toString(); // => '200'
 * if (flip.kind === 'filled') flip.fee.toString(); // => '4.65'
 * ```
 * @category Execution
 */
export function previewOrder(
  account: MarginAccount,
  prices: Prices,
  order: OrderRequest,
  options: SummaryOptions = {},
): OrderPreview {
  checkAccount(account);
  checkPrices(prices);
  checkObject(order, 'order');
  checkOptions(options);
  return previewOrderCore(account, prices, order, options, true);
}
