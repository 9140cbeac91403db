import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import {
  checkAccount,
  checkChoice,
  checkObject,
  checkOptions,
  checkPrices,
  checkScenarios,
  checkText,
} from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { liquidationPrice } from '../liquidation/liquidationPrice.js';
import { type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { applyShock } from './applyShock.js';
import { liquidatablePools } from './liquidatablePools.js';
import type { Scenario } from './Scenario.js';

/**
 * The factor move at which an account first reaches maintenance.
 * - `move`: the driver's move (signed fraction) and the pool that fails there.
 * - `never`: no move in the direction, down to −100 % or up to `maxMove`, brings any pool to maintenance.
 * - `now`: a pool is already liquidatable.
 * @category Stress
 */
export type LiquidationShock =
  | { readonly kind: 'move'; readonly move: Decimal; readonly pools: readonly string[] }
  | { readonly kind: 'never' }
  | { readonly kind: 'now'; readonly pools: readonly string[] };

function failingPools(account: MarginAccount, prices: Prices, options: SummaryOptions): string[] {
  return liquidatablePools(summarizeAccount(account, prices, options));
}

/**
 * Liquidation price with co-moving positions: the smallest move of a driver market (every other market or
 * collateral asset moving by `β · move`) at which some pool of the account becomes liquidatable — for a book of
 * BTC, ETH and alts, "how far can BTC fall with alts at β before I am liquidated". Found by bisection to a move
 * precision of 1e-30 after a scan of the direction.
 *
 * @param account - the account.
 * @param prices - today's prices.
 * @param factor - the driver, betas, direction, and the largest upward move to search (default 10 = +1000 %).
 * @param options - price source.
 * @throws {@link InvalidArgumentError} for a non-positive `maxMove`, or a move that takes a price to ≤ 0 before −100 %.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, liquidationShock } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } },
 *             { id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 300 }],
 *   positions: [{ marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' }, { marketId: 'ETH', size: 1, entryPrice: 1000, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { BTC: { mark: 1000 }, ETH: { mark: 1000 } } });
 * // equity 300 − 3000·x meets MMR 0.05 · (2000 − 3000·x) at x = 200 / 2850
 * const shock = liquidationShock(account, prices, { driver: 'BTC', betas: { ETH: 2 }, direction: 'down' });
 * if (shock.kind === 'move') shock.move.toFixed(6); // => '-0.070175'
 * ```
 * @category Stress
 */
export function liquidationShock(
  account: MarginAccount,
  prices: Prices,
  factor: {
    readonly driver: string;
    readonly betas: Readonly<Record<string, DecimalInput>>;
    readonly direction: 'down' | 'up';
    readonly maxMove?: DecimalInput;
  },
  options: SummaryOptions = {},
): LiquidationShock {
  checkAccount(account);
  checkPrices(prices);
  checkObject(factor, 'factor');
  checkText(factor.driver, 'factor.driver');
  checkObject(factor.betas, 'factor.betas');
  checkChoice(factor.direction, 'factor.direction', ['up', 'down']);
  checkOptions(options);
  const now = failingPools(account, prices, options);
  if (now.length > 0) return { kind: 'now', pools: now };
  const max = decimalArg(factor.maxMove ?? 10, 'maxMove');
  if (!max.isPositive() || max.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'maxMove must be > 0', ['maxMove']);
  }
  // Largest usable move: short of the point where some price reaches 0 (a driver fall of 100 %, or a leg whose
  // β-scaled move reaches −100 %: down with β > 1, up with β < 0).
  let limit = factor.direction === 'up' ? max : new D(1);
  for (const [key, beta] of Object.entries(factor.betas)) {
    const b = decimalArg(beta, key, ['betas', key]);
    if (factor.direction === 'down' && b.greaterThan(1)) limit = D.min(limit, new D(1).div(b));
    if (factor.direction === 'up' && b.isNegative() && !b.isZero())
      limit = D.min(limit, new D(1).div(b.abs()));
  }
  const open = limit.times(new D(1).minus('1e-30'));
  const at = (x: Decimal) =>
    failingPools(
      account,
      applyShock(prices, {
        kind: 'factor',
        driver: factor.driver,
        move: factor.direction === 'down' ? x.negated() : x,
        betas: factor.betas,
      }),
      options,
    );
  const steps = 64;
  let lo = new D(0);
  for (let i = 1; i <= steps; i++) {
    const hi = open.times(i).div(steps);
    if (at(hi).length === 0) {
      lo = hi;
      continue;
    }
    let a = lo;
    let b = hi;
    while (b.minus(a).greaterThan('1e-30')) {
      const mid = a.plus(b).div(2);
      if (at(mid).length > 0) b = mid;
      else a = mid;
    }
    return { kind: 'move', move: factor.direction === 'down' ? b.negated() : b, pools: at(b) };
  }
  return { kind: 'never' };
}

/**
 * The range of a position's liquidation price across scenarios: for each scenario, every OTHER market and
 * collateral asset takes its shocked price while the position's own market is solved for (its liquidation price
 * given where the rest of the book went). Reports the lowest and highest price found and how many scenarios gave
 * `never` or `now`.
 *
 * @param account - the account.
 * @param prices - today's prices.
 * @param positionId - the position.
 * @param scenarios - the scenarios (their funding horizons are ignored here).
 * @param options - price source.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, liquidationRange, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0' } },
 *             { id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT', marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0' } }],
 *   collateral: [{ asset: 'USDT', amount: 300 }],
 *   positions: [{ marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' }, { marketId: 'ETH', size: 1, entryPrice: 1000, marginMode: 'cross' }] });
 * const prices = createPrices({ markets: { BTC: { mark: 1000 }, ETH: { mark: 1000 } } });
 * const r = liquidationRange(account, prices, 'BTC', uniformLadder('-0.1', '0.1', '0.1'));
 * r.low?.toString(); // => '600'
 * r.high?.toString(); // => '800'
 * ```
 * @category Stress
 */
export function liquidationRange(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  scenarios: readonly Scenario[],
  options: SummaryOptions = {},
): { readonly low?: Decimal; readonly high?: Decimal; readonly never: number; readonly now: number } {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkScenarios(scenarios);
  checkOptions(options);
  const position = positionOf(account, positionId);
  let low: Decimal | undefined;
  let high: Decimal | undefined;
  let never = 0;
  let now = 0;
  for (const scenario of scenarios) {
    let shocked = prices;
    if (scenario.shock) {
      const moved = applyShock(prices, scenario.shock);
      const own = prices.markets[position.marketId];
      shocked = { ...moved, markets: { ...moved.markets, ...(own ? { [position.marketId]: own } : {}) } };
    }
    const lp = liquidationPrice(account, shocked, positionId, options);
    if (lp.kind === 'never') never++;
    else if (lp.kind === 'now') now++;
    else {
      low = !low || lp.price.lessThan(low) ? lp.price : low;
      high = !high || lp.price.greaterThan(high) ? lp.price : high;
    }
  }
  return { ...(low ? { low } : {}), ...(high ? { high } : {}), never, now };
}
