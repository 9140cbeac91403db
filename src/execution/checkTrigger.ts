import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkOptions, checkPrices, checkText } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg, positiveArg } from '../internal/decimalArg.js';
import { liquidationPrice } from '../liquidation/liquidationPrice.js';
import type { LiquidationPrice } from '../liquidation/ThresholdPrice.js';
import type { PoolSummary } from '../margin/AccountSummary.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { withMarketPrice } from '../prices/withMarketPrice.js';

/**
 * Options of {@link checkTrigger}.
 * @category Execution
 */
export interface TriggerCheckOptions extends SummaryOptions {
  /**
   * Adverse slippage of the closing fill from the trigger price, a fraction in [0, 1): a long's stop sells at
   * `trigger·(1 − slippage)`, a short's buys at `trigger·(1 + slippage)`. Default 0.
   */
  readonly slippage?: DecimalInput;
}

/**
 * Result of {@link checkTrigger}. Each pool state is the position's pool (cross or its own isolated margin) with
 * the position's market at that price and every other market where it is.
 * @category Execution
 */
export interface TriggerCheck {
  /** The trigger price checked. */
  readonly triggerPrice: Decimal;
  /** The price the closing order is assumed to fill at (the trigger moved by the slippage). */
  readonly fillPrice: Decimal;
  /** The position's liquidation price now. */
  readonly liquidationPrice: LiquidationPrice;
  /**
   * The liquidation price lies strictly between the current price and the trigger, or the pool is liquidatable
   * now: the position would be liquidated before the trigger fires.
   */
  readonly beyondLiquidation: boolean;
  /** Equity and maintenance of the pool with the market at the trigger price. */
  readonly atTrigger: {
    readonly equity: Decimal;
    readonly maintenance: Decimal;
    readonly liquidatable: boolean;
  };
  /** The same at the fill price: the close would fill in a liquidatable state. */
  readonly atFill: {
    readonly equity: Decimal;
    readonly maintenance: Decimal;
    readonly liquidatable: boolean;
  };
}

/** The position's pool in a summary. */
function poolOf(
  summary: ReturnType<typeof summarizeAccount>,
  positionId: string,
  isolated: boolean,
): PoolSummary {
  const pool = isolated ? summary.isolated.find((p) => p.positionId === positionId) : summary.cross;
  if (!pool)
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'summary and account disagree', ['positionId']);
  return pool;
}

/**
 * Checks a stop (or any closing trigger) of a position against its liquidation:
 *
 * - `beyondLiquidation`: with `L` the liquidation price moving `down` (a long) the stop lies beyond it when
 *   `trigger < L`; moving `up` (a short) when `trigger > L`; always when the pool is liquidatable `now`; never when
 *   no price liquidates it. At `trigger = L` equity equals maintenance, which is not yet liquidatable.
 * - `atTrigger` / `atFill`: the pool's `equity` and maintenance `MMR` with the market at the trigger price and at
 *   the fill price `trigger·(1 ∓ slippage)`; `liquidatable` is `equity < MMR` (strict, as in summaries).
 *
 * Units: prices in the market's quote per base; equity and MMR in the settlement asset.
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position whose trigger it is (size ≠ 0).
 * @param trigger - the trigger price (> 0).
 * @param options - `priceSource` (default `'mark'`), `slippage` in [0, 1).
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; `INVALID_ARGUMENT` for a flat position, a trigger ≤ 0 or
 *   a slippage outside [0, 1); {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { checkTrigger, createMarginAccount, createPrices } from 'marginkit';
 * // isolated long 1 ETH at 3,000 with 300 USDT, MMR 1 %: liquidation at 2,700 / 0.99 ≈ 2,727.27
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' } }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 }] });
 * const prices = createPrices({ markets: { ETH: { mark: 3000 } } });
 * checkTrigger(account, prices, 'ETH', 2700).beyondLiquidation; // => true
 * const c = checkTrigger(account, prices, 'ETH', 2750, { slippage: '0.01' });
 * [c.beyondLiquidation, c.atTrigger.liquidatable, c.fillPrice.toString(), c.atFill.liquidatable]; // => [false, false, '2722.5', true]
 * ```
 * @category Execution
 */
export function checkTrigger(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  trigger: DecimalInput,
  options: TriggerCheckOptions = {},
): TriggerCheck {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  const position = positionOf(account, positionId);
  if (position.size.isZero()) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `position '${positionId}' is flat: nothing to trigger`,
      ['positionId'],
    );
  }
  const triggerPrice = positiveArg(trigger, 'trigger');
  const slippage =
    options.slippage === undefined
      ? new Decimal(0)
      : decimalArg(options.slippage, 'slippage', ['options', 'slippage']);
  if (slippage.isNegative() || slippage.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'slippage must be in [0, 1)', ['options', 'slippage']);
  }
  const priceSource = options.priceSource ?? 'mark';
  const liquidation = liquidationPrice(account, prices, positionId, { priceSource });
  const long = position.size.isPositive();
  // Closing a long sells (fills lower), closing a short buys (fills higher).
  const fillPrice = triggerPrice.times(long ? new Decimal(1).minus(slippage) : slippage.plus(1));
  const isolated = position.marginMode === 'isolated';
  const stateAt = (price: Decimal) => {
    const summary = summarizeAccount(account, withMarketPrice(prices, position.marketId, price), {
      priceSource,
    });
    const pool = poolOf(summary, positionId, isolated);
    return {
      equity: pool.equity,
      maintenance: pool.maintenanceRequirement,
      liquidatable: pool.liquidatable,
    };
  };
  let beyondLiquidation: boolean;
  if (liquidation.kind === 'now') beyondLiquidation = true;
  else if (liquidation.kind === 'never') beyondLiquidation = false;
  else
    beyondLiquidation =
      liquidation.direction === 'down'
        ? triggerPrice.lessThan(liquidation.price)
        : triggerPrice.greaterThan(liquidation.price);
  const atTrigger = stateAt(triggerPrice);
  return {
    triggerPrice,
    fillPrice,
    liquidationPrice: liquidation,
    beyondLiquidation,
    atTrigger,
    atFill: fillPrice.eq(triggerPrice) ? atTrigger : stateAt(fillPrice),
  };
}
