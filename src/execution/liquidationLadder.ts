import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkOptions, checkPrices, checkText } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { liquidationPrice } from '../liquidation/liquidationPrice.js';
import type { LiquidationPrice } from '../liquidation/ThresholdPrice.js';
import { marketOf, type SummaryOptions } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { withMarketPrice } from '../prices/withMarketPrice.js';
import { type OpenOrder, type ReadOrder, readOpenOrders } from './OpenOrder.js';
import type { OrderSide } from './OrderBook.js';
import { previewOrderCore } from './previewOrder.js';

/**
 * Options of {@link liquidationLadder}.
 * @category Execution
 */
export interface LadderOptions extends SummaryOptions {
  /** Fee rate charged on each fill (a maker rate for resting orders), taken from the pool's collateral. Default 0. */
  readonly feeRate?: DecimalInput;
}

/**
 * The position after one more order of the ladder has filled.
 * @category Execution
 */
export interface LadderStep {
  /** Index of the order in the ladder given. */
  readonly order: number;
  /** Its side. */
  readonly side: OrderSide;
  /** Its limit price, where it fills (the market's price is taken there too). */
  readonly fillPrice: Decimal;
  /** Signed size of the position after the fill. */
  readonly size: Decimal;
  /** Entry price after the fill (a closed position: the entry it had). */
  readonly entryPrice: Decimal;
  /** The liquidation price after the fill, with the market at the fill price. */
  readonly liquidationPrice: LiquidationPrice;
  /** Whether the fill passes the initial-margin check (a venue would reject or cancel it otherwise). */
  readonly marginCheckPasses: boolean;
}

/**
 * Result of {@link liquidationLadder}: the liquidation price now, after each fill, and its range.
 * @category Execution
 */
export interface LiquidationLadder {
  /** The liquidation price before any order fills. */
  readonly current: LiquidationPrice;
  /** One step per order: each side's orders in fill order, buys first. */
  readonly steps: readonly LadderStep[];
  /** Lowest liquidation price among `current` and the steps (those of kind `price`); absent when none. */
  readonly lowest?: Decimal;
  /** Highest of them. */
  readonly highest?: Decimal;
  /** Some state is liquidatable at its own price (`now`). */
  readonly includesNow: boolean;
  /** Some state has no liquidation price (`never`). */
  readonly includesNever: boolean;
}

/** The orders of one side in fill order: a falling price fills buys from the highest, a rising one sells from the lowest. */
function fillOrder(orders: readonly ReadOrder[], side: OrderSide): { order: ReadOrder; index: number }[] {
  return orders
    .map((order, index) => ({ order, index }))
    .filter(({ order }) => order.side === side)
    .sort((a, b) =>
      side === 'buy' ? b.order.price.comparedTo(a.order.price) : a.order.price.comparedTo(b.order.price),
    );
}

/**
 * The liquidation price of a position as a ladder of its resting limit orders fills: best to worst case.
 *
 * Each side's orders fill in the order the price reaches them (buys as it falls, from the highest; sells as it
 * rises, from the lowest), one side at a time from the position as it is. Each fill moves the position as
 * {@link previewOrder} does (average entry on an add, realised PnL on a reduce, a flip, the isolated margin the
 * fill needs), with the market's price at the fill price; the step reports the new size, entry and liquidation
 * price. `lowest` and `highest` bound the liquidation prices met: the range a front end shows for "liquidation price
 * with open orders" (e.g. a long buying a dip moves its liquidation price up toward the fills).
 *
 * Units: prices in quote per base; sizes in contracts.
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position (its market's orders are the ladder).
 * @param orders - resting limit orders of that market: `side`, `size` > 0 on the market's step, `price` > 0.
 * @param options - `priceSource` (default `'mark'`), `feeRate` per fill.
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; `INVALID_ARGUMENT` for an order of another market or a
 *   size off the step (path `['orders', i, field]`); {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, liquidationLadder } from 'marginkit';
 * // isolated long 1 ETH at 3,000 with 300 USDT, 10 % initial, 1 % maintenance; buys at 2,900 and 2,800
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' } }],
 *   collateral: [{ asset: 'USDT', amount: 10_000 }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 }] });
 * const ladder = liquidationLadder(account, createPrices({ markets: { ETH: { mark: 3000 } } }), 'ETH', [
 *   { marketId: 'ETH', side: 'buy', size: 1, price: 2900 }, { marketId: 'ETH', side: 'buy', size: 1, price: 2800 }]);
 * ladder.steps.map((s) => s.entryPrice.toString()); // => ['2950', '2900']
 * // each fill moves in the isolated margin it needs at 10 %: liquidation 2,727.27 → 2,636.36 → 2,545.45
 * [ladder.lowest?.toFixed(2), ladder.highest?.toFixed(2)]; // => ['2545.45', '2727.27']
 * ```
 * @category Execution
 */
export function liquidationLadder(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  orders: readonly OpenOrder[],
  options: LadderOptions = {},
): LiquidationLadder {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  const position = positionOf(account, positionId);
  const market = marketOf(account, position.marketId);
  const ladder = readOpenOrders(account, orders, ['orders']);
  ladder.forEach((o, i) => {
    if (o.marketId !== position.marketId) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `orders[${i}] is in '${o.marketId}', not in the position's market '${position.marketId}'`,
        ['orders', i, 'marketId'],
      );
    }
    if (market.stepSize && !o.size.mod(market.stepSize).isZero()) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `size is not a multiple of the step ${market.stepSize}`,
        ['orders', i, 'size'],
      );
    }
  });
  const feeRate =
    options.feeRate === undefined
      ? undefined
      : decimalArg(options.feeRate, 'feeRate', ['options', 'feeRate']);
  const summary: SummaryOptions = options.priceSource ? { priceSource: options.priceSource } : {};
  const current = liquidationPrice(account, prices, positionId, summary);
  const steps: LadderStep[] = [];
  for (const side of ['buy', 'sell'] as const) {
    let state = account;
    let statePrices = prices;
    for (const { order, index } of fillOrder(ladder, side)) {
      statePrices = withMarketPrice(statePrices, position.marketId, order.price);
      const preview = previewOrderCore(
        state,
        statePrices,
        {
          marketId: position.marketId,
          side,
          size: order.size,
          price: order.price,
          positionId,
          ...(feeRate ? { feeRate } : {}),
        },
        summary,
        true,
      );
      if (preview.kind !== 'filled') break;
      state = preview.account;
      const after = preview.positionAfter;
      steps.push({
        order: index,
        side,
        fillPrice: order.price,
        size: after?.size ?? preview.fillSize.minus(preview.fillSize),
        entryPrice: after?.entryPrice ?? preview.positionBefore?.entryPrice ?? preview.fillPrice,
        // A closed position has no liquidation price.
        liquidationPrice: preview.liquidation ?? {
          kind: 'never',
          positionId,
          marketId: position.marketId,
          marginMode: position.marginMode,
          priceSource: summary.priceSource ?? 'mark',
          currentPrice: order.price,
        },
        marginCheckPasses: preview.check.passes,
      });
    }
  }
  const all = [current, ...steps.map((s) => s.liquidationPrice)];
  const priced = all.flatMap((l) => (l.kind === 'price' ? [l.price] : []));
  const lowest = priced.reduce<Decimal | undefined>(
    (m, p) => (m === undefined || p.lessThan(m) ? p : m),
    undefined,
  );
  const highest = priced.reduce<Decimal | undefined>(
    (m, p) => (m === undefined || p.greaterThan(m) ? p : m),
    undefined,
  );
  return {
    current,
    steps,
    ...(lowest ? { lowest } : {}),
    ...(highest ? { highest } : {}),
    includesNow: all.some((l) => l.kind === 'now'),
    includesNever: all.some((l) => l.kind === 'never'),
  };
}
