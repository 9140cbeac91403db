// Builds the bench account three ways (the library's, plain bignumber.js, float64) and checks they agree.
import {
  createMarginAccount,
  createMarket,
  createPrices,
  Decimal,
  liquidationPrice,
  type MarginAccount,
  type Market,
  type Prices,
  summarizeAccount,
} from '../src/index.js';
import {
  accountInput,
  BOOK,
  BRACKETS,
  COLLATERAL,
  marketInputs,
  pricesInput,
  THIN_COLLATERAL,
} from './fixtures.js';
import { plainLiquidationPrice } from './plain/liquidationPrice.js';
import { BN, type PlainAccount, plainSummary, plainTiers } from './plain/summary.js';

export const markets: Market[] = marketInputs().map((m) => createMarket(m));
export const account: MarginAccount = createMarginAccount(accountInput(markets));
/** The same book on thin collateral: a ±50 % ladder liquidates it in cascades. */
export const thinAccount: MarginAccount = createMarginAccount(accountInput(markets, THIN_COLLATERAL));
export const prices: Prices = createPrices(pricesInput());

export const plain: PlainAccount = {
  collateral: new BN(COLLATERAL),
  positions: BOOK.map(([sym, , entry, size]) => ({
    market: `${sym}-PERP`,
    size: new BN(size),
    entry: new BN(entry),
    funding: new BN(0),
    cross: true,
    isolatedMargin: new BN(0),
  })),
  tiers: Object.fromEntries(BOOK.map(([sym]) => [`${sym}-PERP`, plainTiers(BRACKETS)])),
};
export const plainMarks: Record<string, BN> = Object.fromEntries(
  BOOK.map(([sym, mark]) => [`${sym}-PERP`, new BN(mark)]),
);

function same(label: string, ours: Decimal, theirs: BN | string, relative = '0'): void {
  const t = new Decimal(theirs.toString());
  const diff = ours.minus(t).abs();
  if (diff.greaterThan(t.abs().times(relative))) {
    throw new Error(`bench cross-check failed at ${label}: ${ours.toString()} against ${t.toString()}`);
  }
}

/** Throws unless the library and the plain implementation give the same numbers. */
export function crossCheck(): void {
  const ours = summarizeAccount(account, prices);
  const theirs = plainSummary(plain, plainMarks);
  ours.positions.forEach((p, i) => {
    const q = theirs.positions[i];
    if (!q) throw new Error('bench cross-check: position count');
    same(`notional ${i}`, p.requirement.notional, q.notional);
    same(`pnl ${i}`, p.unrealizedPnl, q.pnl);
    same(`imr ${i}`, p.requirement.initial, q.imr);
    same(`mmr ${i}`, p.requirement.maintenance, q.mmr);
    if (p.requirement.tierIndex !== q.tier) throw new Error(`bench cross-check: tier ${i}`);
  });
  for (const [o, t] of [
    [ours.cross, theirs.cross],
    [ours.total, theirs.total],
  ] as const) {
    same('equity', o.equity, t.equity);
    same('imr', o.initialRequirement, t.imr);
    same('mmr', o.maintenanceRequirement, t.mmr);
    same('free', o.freeCollateral, t.free);
    if (o.marginRatio.kind !== 'finite' || t.marginRatio === 'infinite') throw new Error('ratio kind');
    same('margin ratio', o.marginRatio.value, t.marginRatio, '1e-36');
    if (o.leverage.kind !== 'finite' || t.leverage === 'infinite') throw new Error('leverage kind');
    same('leverage', o.leverage.value, t.leverage, '1e-36');
    if (o.liquidatable !== t.liquidatable) throw new Error('liquidatable');
  }
  const lp = liquidationPrice(account, prices, 'BTC-PERP');
  const plp = plainLiquidationPrice(plain, plainMarks, 'BTC-PERP');
  if (lp.kind !== 'price' || !plp) throw new Error('bench cross-check: liquidation price kind');
  same('liquidation price', lp.price, plp, '1e-36');
}
