import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkAccount, checkObject, checkOptions, checkPrices } from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { divideDown } from '../internal/divideDown.js';
import { marketOf, type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { MarginTier } from '../market/MarginSchedule.js';
import type { Market } from '../market/Market.js';
import type { Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';

/**
 * What {@link maxSizeForLiquidationDistance} sizes.
 * @category Stress
 */
export interface DistanceSizingRequest {
  /** Market of the new position (the pool must hold no other position in it). */
  readonly marketId: string;
  /** Long or short. */
  readonly side: 'long' | 'short';
  /** The stressed move to survive, as a fraction (0.12 = 12 %). */
  readonly stressedMove: DecimalInput;
  /** Multiplier on the move (default 1); the required distance is `stressedMove · safetyFactor`. */
  readonly safetyFactor?: DecimalInput;
  /** `'cross'` (default): the position joins the cross pool. `'isolated'`: it gets `isolatedMargin` alone. */
  readonly marginMode?: 'cross' | 'isolated';
  /** Margin of an isolated position (required with `'isolated'`). */
  readonly isolatedMargin?: DecimalInput;
}

/**
 * Result of {@link maxSizeForLiquidationDistance}.
 * @category Stress
 */
export interface DistanceSizing {
  /**
   * The largest size (contracts) whose liquidation price is `distance` away, rounded toward zero at 40 digits so
   * it never overshoots; 0 if even a tiny one is not.
   */
  readonly size: Decimal;
  /** `size` rounded down to the market's step (equal to `size` without a step). */
  readonly stepSize: Decimal;
  /** The required distance `stressedMove · safetyFactor`. */
  readonly distance: Decimal;
  /** The liquidation price at `size`: `price · (1 ∓ distance)`. */
  readonly liquidationPrice: Decimal;
  /** The entry (check) price the position is assumed to open at. */
  readonly price: Decimal;
  /** The maintenance tier at the liquidation notional (tiered schedules). */
  readonly tierIndex?: number;
}

function tiersOf(market: Market): { tier: MarginTier; index?: number; cap?: Decimal }[] {
  const s = market.marginSchedule;
  if (s.type !== 'tiered') {
    return [
      {
        tier: {
          notionalFloor: new D(0),
          initialFraction: s.initialFraction,
          maintenanceFraction: s.maintenanceFraction,
          maintenanceDeduction: new D(0),
        },
      },
    ];
  }
  return s.tiers.map((tier, index) => {
    const next = s.tiers[index + 1];
    return { tier, index, ...(next ? { cap: next.notionalFloor } : {}) };
  });
}

/**
 * Sizing by liquidation distance: the largest new position, opened at today's price, whose liquidation price is
 * at least `stressedMove · safetyFactor` away — "if a plausible stressed move is 12 % on a coincident event, how
 * big can I be". Exact closed forms (K = the pool's equity minus the other positions' maintenance, P the price,
 * D the distance, m and d the tier's maintenance fraction and deduction at the liquidation notional, c the
 * contract size):
 *
 * linear long `q = (K + d) / (c·P·(1 − (1 − D)(1 − m)))`, short `q = (K + d) / (c·P·((1 + D)(1 + m) − 1))`
 * inverse long `q = P(1 − D)(K + d) / (c(m + D))`, short `q = P(1 + D)(K + d) / (c(m + D))`
 *
 * The initial-margin check is separate: see {@link maxOrderSize}.
 *
 * @param account - the account.
 * @param prices - today's prices.
 * @param request - market, side, stressed move, safety factor, margin mode.
 * @param options - price source (the entry and reference price).
 * @throws {@link InvalidArgumentError} for a distance outside (0, 1), a pool already holding the market, or an
 *   isolated request without margin.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, maxSizeForLiquidationDistance } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }] });
 * const prices = createPrices({ markets: { ETH: { mark: 2000 } } });
 * // survive a 12 % fall with a 1.25 safety factor: D = 15 %; q = 1000 / (2000 · (1 − 0.85 · 0.975))
 * maxSizeForLiquidationDistance(account, prices, { marketId: 'ETH', side: 'long', stressedMove: '0.12', safetyFactor: '1.25' }).size.toFixed(6); // => '2.919708'
 * ```
 * @category Stress
 */
export function maxSizeForLiquidationDistance(
  account: MarginAccount,
  prices: Prices,
  request: DistanceSizingRequest,
  options: SummaryOptions = {},
): DistanceSizing {
  checkAccount(account);
  checkPrices(prices);
  checkObject(request, 'request');
  checkOptions(options);
  const market = marketOf(account, request.marketId);
  const distance = decimalArg(request.stressedMove, 'stressedMove').times(
    decimalArg(request.safetyFactor ?? 1, 'safetyFactor'),
  );
  if (!distance.isPositive() || distance.isZero() || distance.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'stressedMove · safetyFactor must lie in (0, 1)', [
      'stressedMove',
    ]);
  }
  const price = priceOf(prices, market.id, options.priceSource ?? 'mark');
  let k: Decimal;
  if ((request.marginMode ?? 'cross') === 'isolated') {
    if (request.isolatedMargin === undefined) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'an isolated sizing needs isolatedMargin', [
        'isolatedMargin',
      ]);
    }
    k = decimalArg(request.isolatedMargin, 'isolatedMargin');
  } else {
    if (account.positions.some((p) => p.marginMode === 'cross' && p.marketId === market.id)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `the cross pool already holds '${market.id}'`, [
        'marketId',
      ]);
    }
    const cross = summarizeAccount(account, prices, options).cross;
    k = cross.equity.minus(cross.maintenanceRequirement);
  }
  const long = request.side === 'long';
  const liquidation = price.times(long ? new D(1).minus(distance) : distance.plus(1));
  const c = market.contractSize;
  const zero = { size: new D(0), stepSize: new D(0), distance, liquidationPrice: liquidation, price };
  if (!k.isPositive() || k.isZero()) return zero;
  for (const { tier, index, cap } of tiersOf(market)) {
    const m = tier.maintenanceFraction;
    const d = tier.maintenanceDeduction;
    let q: Decimal;
    if (market.kind === 'linear') {
      const factor = long
        ? new D(1).minus(new D(1).minus(distance).times(new D(1).minus(m)))
        : distance.plus(1).times(m.plus(1)).minus(1);
      q = divideDown(k.plus(d), c.times(price).times(factor));
    } else {
      q = divideDown(
        price.times(long ? new D(1).minus(distance) : distance.plus(1)).times(k.plus(d)),
        c.times(m.plus(distance)),
      );
    }
    const n = market.kind === 'linear' ? q.times(c).times(liquidation) : q.times(c).div(liquidation);
    if (n.lessThan(tier.notionalFloor) || (cap && n.greaterThanOrEqualTo(cap))) continue;
    const step = market.stepSize;
    return {
      size: q,
      stepSize: step ? q.div(step).floor().times(step) : q,
      distance,
      liquidationPrice: liquidation,
      price,
      ...(index === undefined ? {} : { tierIndex: index }),
    };
  }
  return zero;
}

/**
 * The highest leverage an isolated position can use (margin = notional / leverage at entry) and keep its
 * liquidation price at least `distance` away, for a maintenance fraction `m` (no deduction):
 * linear long `1 / (1 − (1 − D)(1 − m))`, linear short `1 / ((1 + D)(1 + m) − 1)`;
 * inverse long `(1 − D) / (m + D)`, inverse short `(1 + D) / (m + D)`.
 *
 * @param kind - `'linear'` or `'inverse'`.
 * @param side - `'long'` or `'short'`.
 * @param distance - required distance as a fraction in (0, 1).
 * @param maintenanceFraction - the tier's maintenance fraction.
 * @example
 * ```ts
 * import { maxLeverageForLiquidationDistance } from 'marginkit';
 * // a long that must survive a 10 % fall with 0.5 % maintenance: 1 / (1 − 0.9 · 0.995)
 * maxLeverageForLiquidationDistance('linear', 'long', '0.1', '0.005').toFixed(4); // => '9.5694'
 * ```
 * @category Stress
 */
export function maxLeverageForLiquidationDistance(
  kind: Market['kind'],
  side: 'long' | 'short',
  distance: DecimalInput,
  maintenanceFraction: DecimalInput,
): Decimal {
  const dist = decimalArg(distance, 'distance');
  const m = decimalArg(maintenanceFraction, 'maintenanceFraction');
  if (!dist.isPositive() || dist.isZero() || dist.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'distance must lie in (0, 1)', ['distance']);
  }
  const one = new D(1);
  if (kind === 'linear') {
    return side === 'long'
      ? divideDown(one, one.minus(one.minus(dist).times(one.minus(m))))
      : divideDown(one, one.plus(dist).times(one.plus(m)).minus(1));
  }
  return divideDown(side === 'long' ? one.minus(dist) : one.plus(dist), m.plus(dist));
}
