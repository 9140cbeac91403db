import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { checkAccount, checkOptions, checkPrices, checkText } from '../internal/argumentShape.js';
import { Decimal } from '../internal/decimal.js';
import { marketOf, type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { liquidationPrice } from './liquidationPrice.js';
import { coefficients, type MovingLeg, tierBreakpoints } from './solveThresholdPrice.js';
import type { LiquidationPrice } from './ThresholdPrice.js';

/**
 * Result of {@link algebraicLiquidationPrice}: {@link liquidationPrice}'s result, where `now` also carries the
 * algebraic threshold: the price at which the pool was (or would be) exactly at maintenance.
 * @category Liquidation
 */
export type AlgebraicLiquidationPrice =
  | Exclude<LiquidationPrice, { readonly kind: 'now' }>
  | (Extract<LiquidationPrice, { readonly kind: 'now' }> & {
      /**
       * Where `equity = MMR`, nearest the current price (in log distance), and the direction a move through it
       * liquidates (`'down'`: a price above the current one that a fall went through). Absent when no positive
       * price puts the pool back at maintenance.
       */
      readonly algebraic?: { readonly price: Decimal; readonly direction: 'down' | 'up' };
    });

/**
 * {@link liquidationPrice}, and for a pool already below maintenance (`now`) the algebraic threshold price beside
 * it: the root of `equity(p) − MMR(p) = 0` in the position's market, other markets held, found on every tier segment
 * (between the prices where a leg's notional crosses a tier floor) and taken nearest the current price.
 *
 * Per segment the surplus is `a + b·p` (linear) or `a + b/p` (inverse), `a` and `b` as in the solver of
 * {@link liquidationPrice}; its root `−a/b` (linear) or `−b/a` (inverse) counts when it lies in the segment. Use it
 * to show where a position "should have" liquidated (e.g. a venue's screen that keeps showing that price), or how
 * far a price must come back for the pool to leave liquidation. Collateral that moves with the market is not
 * modelled here.
 *
 * Units: prices in the market's quote per base.
 *
 * @param account - the account.
 * @param prices - current prices.
 * @param positionId - the position.
 * @param options - `priceSource` (default `'mark'`).
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; {@link MissingPriceError} for a missing price.
 * @example
 * ```ts
 * import { algebraicLiquidationPrice, createMarginAccount, createPrices } from 'marginkit';
 * // isolated long 1 ETH at 3,000 with 300 USDT, MMR 1 %: maintenance at 2,700 / 0.99 ≈ 2,727.27; the mark is 2,700
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'ETH', kind: 'linear', baseAsset: 'ETH', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.01' } }],
 *   positions: [{ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'isolated', isolatedMargin: 300 }] });
 * const lp = algebraicLiquidationPrice(account, createPrices({ markets: { ETH: { mark: 2700 } } }), 'ETH');
 * if (lp.kind === 'now') [lp.algebraic?.price.toFixed(2), lp.algebraic?.direction]; // => ['2727.27', 'down']
 * ```
 * @category Liquidation
 */
export function algebraicLiquidationPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  options: SummaryOptions = {},
): AlgebraicLiquidationPrice {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  const priceSource = options.priceSource ?? 'mark';
  const result = liquidationPrice(account, prices, positionId, { priceSource });
  if (result.kind !== 'now') return result;
  const position = positionOf(account, positionId);
  const market = marketOf(account, position.marketId);
  const isolated = position.marginMode === 'isolated';
  const summary = summarizeAccount(account, prices, { priceSource });
  // K: the pool's equity minus the others' maintenance, without the moving legs' PnL and maintenance.
  let constant = result.equity.minus(result.threshold);
  const legs: MovingLeg[] = [];
  account.positions.forEach((p, i) => {
    const inPool = isolated ? p === position : p.marginMode === 'cross';
    if (!inPool || p.marketId !== position.marketId) return;
    const s = summary.positions[i];
    if (!s) return;
    legs.push(p);
    constant = constant.minus(s.unrealizedPnl).plus(s.requirement.maintenance);
  });
  const p0 = result.currentPrice;
  const bounds = tierBreakpoints(market, legs).sort((x, y) => x.comparedTo(y));
  let best: Decimal | undefined;
  let lo = new Decimal(0);
  for (let i = 0; i <= bounds.length; i++) {
    const hi = bounds[i];
    const probe = hi ? lo.plus(hi).div(2) : lo.isZero() ? p0 : lo.times(2);
    const { a, b } = coefficients(market, legs, constant, probe, true, new Decimal(0));
    let root: Decimal | undefined;
    if (market.kind === 'linear') root = b.isZero() ? undefined : a.neg().div(b);
    else root = a.isZero() ? undefined : b.neg().div(a);
    if (root?.isPositive() && !root.isZero() && root.gte(lo) && (!hi || root.lte(hi))) {
      const distance = (r: Decimal) => (r.gt(p0) ? r.div(p0) : p0.div(r));
      if (!best || distance(root).lt(distance(best))) best = root;
    }
    if (hi) lo = hi;
  }
  if (!best) return result;
  return { ...result, algebraic: { price: best, direction: best.gt(p0) ? 'down' : 'up' } };
}
