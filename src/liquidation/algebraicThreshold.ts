import type { MarginAccount } from '../account/MarginAccount.js';
import { positionOf } from '../account/positionOf.js';
import { Decimal } from '../internal/decimal.js';
import { valueCollateral } from '../margin/collateralValue.js';
import { maintenanceAt } from '../margin/maintenanceAt.js';
import { notionalAt, pnlAt, positionTerms } from '../margin/positionTerms.js';
import { marketOf } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';
import { linkedCollateral } from './linkedCollateral.js';
import { coefficients, type MovingLeg, tierBreakpoints } from './solveThresholdPrice.js';
import type { ThresholdPrice } from './ThresholdPrice.js';

/** Where `equity = MMR` in a position's market, and the direction a move through it liquidates. */
export interface AlgebraicThreshold {
  readonly price: Decimal;
  readonly direction: 'down' | 'up';
}

/**
 * The algebraic liquidation price of a pool found `now` by the solver: the root of `equity(p) − MMR(p) = 0` in the
 * position's market, other markets held, taken on every tier segment (between the prices where a leg's notional
 * crosses a tier floor) and nearest the current price in log distance. Per segment the surplus is
 * `a + b·p` (linear) or `a + b/p` (inverse), with `a` and `b` as the solver's; collateral linked to the market by
 * `links` moves with it (linear only), as in the solver. `undefined` when no positive price is a root.
 */
export function algebraicThreshold(
  account: MarginAccount,
  prices: Prices,
  now: Extract<ThresholdPrice, { readonly kind: 'now' }>,
  links: Readonly<Record<string, string>>,
): AlgebraicThreshold | undefined {
  const position = positionOf(account, now.positionId);
  const market = marketOf(account, position.marketId);
  const isolated = position.marginMode === 'isolated';
  const p0 = now.currentPrice;
  // The pool's equity minus its MMR, without the moving legs' PnL and maintenance at the current price.
  let constant = now.equity.minus(now.threshold);
  const legs: MovingLeg[] = [];
  for (const p of account.positions) {
    if ((isolated ? p !== position : p.marginMode !== 'cross') || p.marketId !== position.marketId) continue;
    const terms = positionTerms(market, p);
    legs.push(p);
    constant = constant.minus(pnlAt(terms, p, p0)).plus(maintenanceAt(market, notionalAt(terms, p0)));
  }
  let slope = new Decimal(0);
  if (!isolated) {
    const linked = linkedCollateral(valueCollateral(account, prices).entries, links, market, p0);
    constant = constant.minus(linked.value);
    slope = linked.slope;
  }
  const bounds = tierBreakpoints(market, legs).sort((x, y) => x.comparedTo(y));
  const distance = (r: Decimal) => (r.gt(p0) ? r.div(p0) : p0.div(r));
  let best: Decimal | undefined;
  let lo = new Decimal(0);
  for (let i = 0; i <= bounds.length; i++) {
    const hi = bounds[i];
    const probe = hi ? lo.plus(hi).div(2) : lo.isZero() ? p0 : lo.times(2);
    const { a, b } = coefficients(market, legs, constant, probe, true, slope);
    let root: Decimal | undefined;
    if (market.kind === 'linear') root = b.isZero() ? undefined : a.neg().div(b);
    else root = a.isZero() ? undefined : b.neg().div(a);
    if (root?.isPositive() && !root.isZero() && root.gte(lo) && (!hi || root.lte(hi))) {
      if (!best || distance(root).lt(distance(best))) best = root;
    }
    if (hi) lo = hi;
  }
  return best === undefined ? undefined : { price: best, direction: best.gt(p0) ? 'down' : 'up' };
}
