// A tier-consistent cross liquidation price written plainly with bignumber.js: hold every other position at its
// mark, and for each bracket t solve equity(p) = MMR(p) on that bracket's terms, keeping the root whose notional
// lies in bracket t (the bracket search of Binance's liquidation-price formula).
import { type BN, type PlainAccount, type PlainTier, plainTierAt } from './summary.js';

export function plainLiquidationPrice(
  account: PlainAccount,
  marks: Record<string, BN>,
  market: string,
): BN | undefined {
  // K: everything that does not move with this market: collateral, other legs' PnL minus their MMR, funding.
  let k = account.collateral;
  let self: PlainAccount['positions'][number] | undefined;
  for (const p of account.positions) {
    k = k.minus(p.funding);
    if (p.market === market) {
      self = p;
      continue;
    }
    const price = marks[p.market] as BN;
    const tiers = account.tiers[p.market] as PlainTier[];
    const n = p.size.abs().times(price);
    const { tier } = plainTierAt(tiers, n);
    k = k.plus(p.size.times(price.minus(p.entry))).minus(n.times(tier.mmf).minus(tier.deduction));
  }
  if (!self) return undefined;
  const p0 = marks[market] as BN;
  const tiers = account.tiers[market] as PlainTier[];
  const abs = self.size.abs();
  // K + s·(p − e) − (|s|·p·m − d) = 0  ⇒  p = (s·e − K − d) / (s − |s|·m)
  for (let t = 0; t < tiers.length; t++) {
    const tier = tiers[t] as PlainTier;
    const denominator = self.size.minus(abs.times(tier.mmf));
    if (denominator.isZero()) continue;
    const p = self.size.times(self.entry).minus(k).minus(tier.deduction).div(denominator);
    if (p.lte(0)) continue;
    const n = abs.times(p);
    const next = tiers[t + 1];
    if (n.lt(tier.floor) || (next && n.gte(next.floor))) continue;
    if (self.size.gt(0) ? p.lte(p0) : p.gte(p0)) return p;
  }
  return undefined;
}
