// The summary's formulas written plainly with bignumber.js: the baseline the exact engine is measured against.
// Same inputs (strings, parsed once up front as a plain program would), same outputs, same 40-digit divisions.
import BigNumber from 'bignumber.js';

export const BN = BigNumber.clone({ DECIMAL_PLACES: 40, ROUNDING_MODE: BigNumber.ROUND_HALF_EVEN });
export type BN = BigNumber;

export interface PlainTier {
  floor: BN;
  imf: BN;
  mmf: BN;
  deduction: BN;
}
export interface PlainPosition {
  market: string;
  size: BN;
  entry: BN;
  funding: BN;
  cross: boolean;
  isolatedMargin: BN;
}
export interface PlainAccount {
  collateral: BN;
  positions: PlainPosition[];
  tiers: Record<string, PlainTier[]>;
}

/** Tiers with Binance-style cumulative deductions: dₙ = dₙ₋₁ + floorₙ · (MMFₙ − MMFₙ₋₁). */
export function plainTiers(
  rows: readonly { notionalFloor: string; initialFraction: string; maintenanceFraction: string }[],
): PlainTier[] {
  const out: PlainTier[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    const floor = new BN(r.notionalFloor);
    const mmf = new BN(r.maintenanceFraction);
    out.push({
      floor,
      imf: new BN(r.initialFraction),
      mmf,
      deduction: prev ? prev.deduction.plus(floor.times(mmf.minus(prev.mmf))) : new BN(0),
    });
  }
  return out;
}

/** The bracket of a notional: the last tier whose floor is ≤ n, and its index. */
export function plainTierAt(tiers: readonly PlainTier[], n: BN): { tier: PlainTier; index: number } {
  let t = 0;
  while (t + 1 < tiers.length && (tiers[t + 1] as PlainTier).floor.lte(n)) t++;
  return { tier: tiers[t] as PlainTier, index: t };
}

export interface PlainPool {
  equity: BN;
  notional: BN;
  imr: BN;
  mmr: BN;
  free: BN;
  marginRatio: BN | 'infinite';
  leverage: BN | 'infinite';
  liquidatable: boolean;
}

function ratio(x: BN, equity: BN): BN | 'infinite' {
  if (x.isZero()) return new BN(0);
  return equity.lte(0) ? 'infinite' : x.div(equity);
}

function pool(equity: BN, notional: BN, imr: BN, mmr: BN, exposed: boolean): PlainPool {
  return {
    equity,
    notional,
    imr,
    mmr,
    free: equity.minus(imr),
    marginRatio: ratio(mmr, equity),
    leverage: ratio(notional, equity),
    liquidatable: exposed && equity.lt(mmr),
  };
}

export function plainSummary(account: PlainAccount, marks: Record<string, BN>) {
  const positions = [];
  let equity = account.collateral;
  let notional = new BN(0);
  let imr = new BN(0);
  let mmr = new BN(0);
  let exposed = false;
  for (const p of account.positions) {
    const price = marks[p.market] as BN;
    const tiers = account.tiers[p.market] as PlainTier[];
    const n = p.size.abs().times(price);
    const { tier, index: t } = plainTierAt(tiers, n);
    const row = {
      notional: n,
      entryValue: p.size.abs().times(p.entry),
      pnl: p.size.times(price.minus(p.entry)),
      imr: n.times(tier.imf),
      mmr: n.times(tier.mmf).minus(tier.deduction),
      tier: t,
    };
    positions.push(row);
    equity = equity.plus(row.pnl).minus(p.funding);
    notional = notional.plus(n);
    imr = imr.plus(row.imr);
    mmr = mmr.plus(row.mmr);
    exposed ||= !p.size.isZero();
  }
  const cross = pool(equity, notional, imr, mmr, exposed);
  const total = pool(equity, notional, imr, mmr, exposed);
  return { positions, cross, total };
}
