// A seeded book of random accounts of realistic magnitudes for the batch screen's property checks and benchmarks:
// prices log-uniform 1e-6…1e6 (8 significant digits), sizes log-uniform 1e-4…1e8 (6 significant digits), flat,
// tiered (derived deductions) and open-interest-scaled schedules, linear and inverse markets, cross and isolated
// positions, a weighted non-settlement collateral asset. A share of accounts is built exactly on a decision
// threshold (equity = MMR or equity = IMR, exact decimals) and some positions sit exactly on a tier floor, so the
// exact recompute is exercised, not only the float path.
import { rebuildAccount } from '../../src/account/rebuildAccount.js';
import {
  type Collateral,
  createMarginAccount,
  createMarket,
  createPosition,
  createPrices,
  Decimal,
  type MarginAccount,
  type Market,
  type MarketInput,
  marginRequirement,
  type Position,
  type Prices,
  summarizeAccount,
  unrealizedPnl,
} from '../../src/index.js';

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A log-uniform number in [lo, hi] with `digits` significant digits, as an exact decimal string. */
function logUniform(rand: () => number, lo: number, hi: number, digits: number): string {
  const x = Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));
  return new Decimal(x.toPrecision(digits)).toFixed();
}

export interface RandomBook {
  readonly markets: readonly Market[];
  readonly prices: Prices;
  readonly accounts: readonly MarginAccount[];
}

const MARKETS = 48;

function marketInput(i: number, rand: () => number): MarketInput {
  const inverse = i % 6 === 5;
  // Inverse markets are coin-margined in BTC, so a coin-margined account can hold several.
  const base = {
    id: `M${i}`,
    baseAsset: inverse ? 'BTC' : `A${i}`,
    quoteAsset: 'USD',
    contractSize: inverse ? 100 : 1,
  };
  const imf = ['0.02', '0.05', '0.1', '0.2'][i % 4] as string;
  const mmf = new Decimal(imf).div(2).toFixed();
  if (i % 3 === 0) {
    // Floors 1e4, 1e6, 1e8 (in the settlement asset: coin for inverse markets, scaled down).
    const scale = inverse ? 1e-4 : 1;
    return {
      ...base,
      kind: inverse ? 'inverse' : 'linear',
      marginSchedule: {
        type: 'tiered',
        tiers: [
          { notionalFloor: 0, initialFraction: imf, maintenanceFraction: mmf },
          {
            notionalFloor: 1e4 * scale,
            initialFraction: new Decimal(imf).times(2).toFixed(),
            maintenanceFraction: imf,
          },
          { notionalFloor: 1e6 * scale, initialFraction: '0.5', maintenanceFraction: '0.25' },
          { notionalFloor: 1e8 * scale, initialFraction: '1', maintenanceFraction: '0.5' },
        ],
      },
    };
  }
  if (i % 3 === 1 && !inverse) {
    const lower = Math.round(1e6 * (1 + rand() * 10));
    return {
      ...base,
      kind: 'linear',
      marginSchedule: {
        type: 'open-interest',
        initialFraction: imf,
        maintenanceFraction: mmf,
        openInterestLowerCap: lower,
        openInterestUpperCap: lower * 4,
      },
    };
  }
  return {
    ...base,
    kind: inverse ? 'inverse' : 'linear',
    marginSchedule: { type: 'flat', initialFraction: imf, maintenanceFraction: mmf },
  };
}

/**
 * `count` accounts over 48 shared markets, deterministic in `seed`. With `edges` (default), about 8% of accounts sit
 * exactly at equity = MMR, 4% exactly at equity = IMR, one isolated position in ten exactly at its maintenance, and
 * some positions exactly on a tier floor; without, every account is drawn at random.
 */
export function randomBook(count: number, seed = 1, options: { readonly edges?: boolean } = {}): RandomBook {
  const edges = options.edges ?? true;
  const rand = seeded(seed);
  const markets = Array.from({ length: MARKETS }, (_, i) => createMarket(marketInput(i, rand)));
  // Every 8th market has a price of the form k/16 so that floor/price is an exact size.
  const marks = markets.map((_, i) =>
    i % 8 === 0
      ? new Decimal(Math.floor(1 + rand() * 1e5)).div(16).toFixed()
      : logUniform(rand, 1e-6, 1e6, 8),
  );
  const prices = createPrices({
    markets: Object.fromEntries(
      markets.map((m, i) => {
        const mark = marks[i] as string;
        // Open interest ≈ 0.5–5 × the lower cap in notional, so the scaled IMF varies.
        const oi = new Decimal(((1 + rand() * 20) * 1e6).toPrecision(6)).div(mark).toPrecision(8);
        return [m.id, { mark, oracle: mark, openInterest: oi }];
      }),
    ),
    assets: { BTC: '60000.5' },
  });
  // Two templates holding every market of their kind; each account is rebuilt from one with its own positions and
  // collateral (markets validated once, as a venue adapter would share them).
  const template = (coin: boolean) =>
    createMarginAccount({
      settleAsset: coin ? 'BTC' : 'USD',
      markets: markets.filter((_, i) => (i % 6 === 5) === coin),
    });
  const templates = { coin: template(true), usd: template(false) };
  const weight = (asset: string, amount: Decimal | string, w = '1'): Collateral => ({
    asset,
    amount: new Decimal(amount),
    weight: new Decimal(w),
    liabilityWeight: new Decimal(1),
  });
  const accounts: MarginAccount[] = [];
  for (let a = 0; a < count; a++) {
    // One account in seven is coin-margined (inverse markets only, settled in BTC).
    const coin = rand() < 1 / 7;
    const pool = markets.map((_, i) => i).filter((i) => (i % 6 === 5) === coin);
    const settle = coin ? 'BTC' : 'USD';
    const n = 1 + Math.floor(rand() * Math.min(10, pool.length));
    const used = new Set<number>();
    const positions = [];
    let mmrEstimate = 0;
    let pnlEstimate = 0;
    for (let j = 0; j < n; j++) {
      let k = Math.floor(rand() * pool.length);
      while (used.has(pool[k] as number)) k = (k + 1) % pool.length;
      const mi = pool[k] as number;
      used.add(mi);
      const market = markets[mi] as Market;
      const mark = marks[mi] as string;
      const side = rand() < 0.5 ? -1 : 1;
      let size = logUniform(rand, 1e-4, 1e8, 6);
      if (edges && mi % 8 === 0 && market.marginSchedule.type === 'tiered' && rand() < 0.2) {
        // Exactly on the second tier's floor.
        const floor = market.marginSchedule.tiers[1]?.notionalFloor ?? new Decimal(1);
        size = market.kind === 'linear' ? floor.div(mark).toFixed() : floor.times(mark).div(100).toFixed();
      }
      const signed = side < 0 ? `-${size}` : size;
      const entry = new Decimal(mark).times(1 + (rand() - 0.5) * 0.1).toPrecision(8);
      const notional = Number(size) * (market.kind === 'linear' ? Number(mark) : 100 / Number(mark));
      const funding = new Decimal(((rand() - 0.5) * 0.004 * notional).toFixed(6)).toFixed();
      const mmf = Number(
        market.marginSchedule.type === 'tiered'
          ? market.marginSchedule.tiers[0]?.maintenanceFraction
          : market.marginSchedule.maintenanceFraction,
      );
      const isolated = rand() < 0.2;
      const position = {
        id: `P${j}`,
        marketId: market.id,
        size: signed,
        entryPrice: entry,
        marginMode: isolated ? ('isolated' as const) : ('cross' as const),
        unsettledFunding: funding,
        ...(rand() < 0.1 ? { leverage: String(1 + Math.floor(rand() * 20)) } : {}),
      };
      if (isolated) {
        const onEdge = edges && rand() < 0.1;
        let margin: Decimal;
        if (onEdge) {
          const created = createPosition({ ...position, marginMode: 'cross' });
          const req = marginRequirement(market, signed, mark, {
            openInterest: prices.markets[market.id]?.openInterest ?? 0,
          });
          margin = req.maintenance.minus(unrealizedPnl(market, created, mark)).plus(funding);
        } else {
          margin = new Decimal((notional * mmf * (0.5 + rand() * 4)).toPrecision(8));
        }
        positions.push({ ...position, isolatedMargin: margin.isPositive() ? margin.toFixed() : '1' });
      } else {
        positions.push(position);
        mmrEstimate += notional * mmf;
        const e = Number(entry);
        const p = Number(mark);
        pnlEstimate +=
          market.kind === 'linear' ? Number(signed) * (p - e) : Number(signed) * 100 * (1 / e - 1 / p);
        pnlEstimate -= Number(funding);
      }
    }
    const withBtc = !coin && rand() < 0.1;
    const edge = rand();
    let collateral: Decimal;
    const btc = withBtc ? [weight('BTC', '0.5', '0.9')] : [];
    const base = coin ? templates.coin : templates.usd;
    if (edges && edge < 0.12) {
      // Exactly at the cross pool's maintenance (or initial) requirement.
      const s = summarizeAccount(
        rebuildAccount(
          base,
          positions as unknown as Position[] /* inputs: rebuildAccount creates each */,
          btc,
        ),
        prices,
      );
      const target = edge < 0.08 ? s.cross.maintenanceRequirement : s.cross.initialRequirement;
      collateral = target.minus(s.cross.equity);
    } else {
      const target = mmrEstimate * (0.3 + rand() * 3) - pnlEstimate;
      collateral = new Decimal(target.toPrecision(10));
    }
    accounts.push(
      rebuildAccount(base, positions as unknown as Position[], [weight(settle, collateral), ...btc]),
    );
  }
  return { markets, prices, accounts };
}
