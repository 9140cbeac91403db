import type { MarginAccount } from 'marginkit';

/**
 * Collateral assets that are the base asset of a linear market, linked to that market: while a liquidation price
 * is solved, such collateral moves with the market (a BTC balance falls with BTC).
 */
export function linkedCollateral(account: MarginAccount): Record<string, string> {
  const links: Record<string, string> = {};
  for (const c of account.collateral) {
    if (c.asset === account.settleAsset) continue;
    const market = Object.values(account.markets).find((m) => m.kind === 'linear' && m.baseAsset === c.asset);
    if (market) links[c.asset] = market.id;
  }
  return links;
}
