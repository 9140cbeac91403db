import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  liquidationPrice,
  type MarginAccount,
  type Prices,
  summarizeAccount,
} from '../../../src/index.js';
import { fromDydxIndexerSubaccount } from '../../../src/venues/dydx/fromDydxIndexerSubaccount.js';
import { dydxSubaccountRisk } from '../../../src/venues/dydx/subaccountRisk.js';

const FIXTURES = new URL('../../fixtures/dydx/', import.meta.url);
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

interface Payload {
  subaccount: {
    equity: string;
    freeCollateral: string;
    openPerpetualPositions: Record<string, { size: string; entryPrice: string; unrealizedPnl: string }>;
    assetPositions: Record<string, { side: string; size: string }>;
  };
}
interface MarketsPayload {
  markets: Record<
    string,
    {
      oraclePrice: string;
      initialMarginFraction: string;
      maintenanceMarginFraction: string;
      openInterest: string;
      openInterestLowerCap: string;
      openInterestUpperCap: string;
      atomicResolution: number;
    }
  >;
}

const cross = fixture('subaccount-0.json') as Payload;
const child = fixture('subaccount-128.json') as Payload;
const markets = fixture('perpetual-markets.json') as MarketsPayload;
const d = (x: string | number) => new Decimal(String(x));
const ORACLE = { priceSource: 'oracle' } as const;

/** USDC of a subaccount payload, signed by its side. */
function usdcOf(p: Payload): Decimal {
  const usdc = p.subaccount.assetPositions.USDC;
  if (!usdc) return d(0);
  return usdc.side === 'LONG' ? d(usdc.size) : d(usdc.size).negated();
}

/**
 * v4-web's liquidation price (src/bonsai/calculators/subaccount.ts), in exact decimals:
 * `p = (other + size · oracle − equity) / (size · (1 ∓ MMF))`, `other` = Σ maintenance risk of the other positions,
 * null when the denominator is 0 or p < 0.
 */
function v4WebLiquidationPrice(p: Payload, ticker: string): Decimal | null {
  const positions = Object.entries(p.subaccount.openPerpetualPositions);
  let equity = usdcOf(p);
  let other = d(0);
  for (const [t, pos] of positions) {
    const m = markets.markets[t];
    if (!m) throw new Error(t);
    equity = equity.plus(d(pos.size).times(m.oraclePrice));
    if (t !== ticker)
      other = other.plus(d(pos.size).times(m.oraclePrice).abs().times(m.maintenanceMarginFraction));
  }
  const pos = p.subaccount.openPerpetualPositions[ticker];
  const m = markets.markets[ticker];
  if (!pos || !m) throw new Error(ticker);
  const size = d(pos.size);
  const mmf = d(m.maintenanceMarginFraction);
  const denominator = size.times(size.isNegative() ? mmf.plus(1) : d(1).minus(mmf));
  if (denominator.isZero()) return null;
  const price = other.plus(size.times(m.oraclePrice)).minus(equity).div(denominator);
  return price.isNegative() ? null : price;
}

function expectClose(actual: Decimal, expected: Decimal, label: string): void {
  // Both sides divide once in 40-digit arithmetic, in different orders.
  expect(
    actual.minus(expected).abs().lessThan(expected.abs().times('1e-35')),
    `${label}: ${actual} vs ${expected}`,
  ).toBe(true);
}

describe('fromDydxIndexerSubaccount: a cross subaccount (fixtures/dydx/subaccount-0.json)', () => {
  const adapted = fromDydxIndexerSubaccount(cross, markets);
  const summary = summarizeAccount(adapted.account, adapted.prices, { priceSource: adapted.priceSource });

  it('returns the account, oracle prices and what the indexer reported', () => {
    expect(adapted.priceSource).toBe('oracle');
    expect(adapted.subaccountNumber).toBe(0);
    expect(adapted.isolated).toBe(false);
    expect(adapted.reportedEquity?.toString()).toBe('15990.008487');
    expect(adapted.reportedFreeCollateral?.toString()).toBe('15180.192937');
    expect(Object.keys(adapted.account.markets).sort()).toEqual(['BTC-USD', 'ETH-USD', 'SOL-USD']);
    expect(adapted.prices.markets['SOL-USD']?.oracle?.toString()).toBe('138.905');
    expect(adapted.prices.markets['SOL-USD']?.openInterest?.toString()).toBe('201344.6');
    expect(adapted.account.settleAsset).toBe('USDC');
  });

  it('has the equity the indexer reports: USDC + Σ size · oracle', () => {
    expect(summary.cross.equity.toString()).toBe(cross.subaccount.equity);
    expect(summary.total.equity.toString()).toBe(cross.subaccount.equity);
  });

  it('keeps the entry prices: collateral USDC + Σ size · entry, uPnL as the indexer reports it', () => {
    const costs = Object.values(cross.subaccount.openPerpetualPositions).reduce(
      (acc, p) => acc.plus(d(p.size).times(p.entryPrice)),
      d(0),
    );
    expect(summary.cross.collateralValue.toString()).toBe(usdcOf(cross).plus(costs).toString());
    for (const p of summary.positions) {
      const reported = cross.subaccount.openPerpetualPositions[p.marketId];
      expect(p.entryValue.toString()).toBe(
        d(reported?.size ?? 0)
          .times(reported?.entryPrice ?? 0)
          .abs()
          .toString(),
      );
      expect(p.unrealizedPnl.toString()).toBe(d(reported?.unrealizedPnl ?? 'NaN').toString());
    }
  });

  it('has the indexer free collateral with the base IMF (openInterestScaling: false)', () => {
    const base = fromDydxIndexerSubaccount(cross, markets, { openInterestScaling: false });
    const s = summarizeAccount(base.account, base.prices, ORACLE);
    expect(s.cross.freeCollateral.toString()).toBe(cross.subaccount.freeCollateral);
  });

  it('scales SOL-USD initial margin with its open interest by default, as the chain and v4-web do', () => {
    // OI notional 201 344.6 · 138.905 = 27 967 771.663 between caps 20M and 50M:
    // IMF = 0.05 + 0.95 · 7 967 771.663 / 30 000 000
    const sol = summary.positions.find((p) => p.marketId === 'SOL-USD');
    const imf = d('0.05').plus(d('0.95').times(d('7967771.663')).div(30_000_000));
    expect(sol?.requirement.initialFraction.toString()).toBe(imf.toString());
    const extra = d(40).times('138.905').times(imf.minus('0.05'));
    expect(summary.cross.freeCollateral.toString()).toBe(
      d(cross.subaccount.freeCollateral).minus(extra).toString(),
    );
    // BTC and ETH have caps 0/0: no scaling.
    expect(
      summary.positions.find((p) => p.marketId === 'BTC-USD')?.requirement.initialFraction.toString(),
    ).toBe('0.02');
  });

  it('gives the liquidation prices of the v4-web formula', () => {
    for (const ticker of ['BTC-USD', 'ETH-USD', 'SOL-USD']) {
      const lp = liquidationPrice(adapted.account, adapted.prices, ticker, ORACLE);
      const expected = v4WebLiquidationPrice(cross, ticker);
      if (expected === null) {
        expect(lp.kind).toBe('never');
        continue;
      }
      expect(lp.kind).toBe('price');
      if (lp.kind === 'price') expectClose(lp.price, expected, ticker);
    }
  });

  it('gives the same net collateral as the chain model, and requirements within its rounding', () => {
    // The same subaccount in chain units: oracle prices as integers with exponents, sizes in base quantums.
    const chain = (ticker: string, price: string, exponent: number) => {
      const m = markets.markets[ticker];
      if (!m) throw new Error(ticker);
      return {
        atomicResolution: m.atomicResolution,
        price: d(price).toFixed(),
        exponent,
        initialMarginPpm: d(m.initialMarginFraction).times(1e6).toFixed(),
        maintenanceFractionPpm: d(m.maintenanceMarginFraction)
          .div(m.initialMarginFraction)
          .times(1e6)
          .toFixed(),
      };
    };
    const perpetuals = {
      'BTC-USD': chain('BTC-USD', '6432175', -2),
      'ETH-USD': chain('ETH-USD', '328745', -2),
      'SOL-USD': chain('SOL-USD', '138905', -3),
    };
    const positions = Object.entries(cross.subaccount.openPerpetualPositions).map(([ticker, p]) => ({
      perpetualId: ticker,
      quantums: d(p.size)
        .times(d(10).pow(-(markets.markets[ticker]?.atomicResolution ?? 0)))
        .toFixed(),
    }));
    const risk = dydxSubaccountRisk(
      { usdcQuantums: usdcOf(cross).times(1e6).toFixed(), positions },
      perpetuals,
    );
    const base = summarizeAccount(
      fromDydxIndexerSubaccount(cross, markets, { openInterestScaling: false }).account,
      adapted.prices,
      ORACLE,
    );
    expect(risk.netCollateral.div(1e6).toString()).toBe(base.cross.equity.toString());
    const exactImr = base.cross.initialRequirement.times(1e6);
    const exactMmr = base.cross.maintenanceRequirement.times(1e6);
    // Each position rounds up once (IMR) or twice (MMR): at most 1 or 2 qq per position above the exact value.
    expect(risk.initialMargin.greaterThanOrEqualTo(exactImr)).toBe(true);
    expect(risk.initialMargin.minus(exactImr).lessThan(3)).toBe(true);
    expect(risk.maintenanceMargin.greaterThanOrEqualTo(exactMmr)).toBe(true);
    expect(risk.maintenanceMargin.minus(exactMmr).lessThan(6)).toBe(true);
  });

  it('carries tick and step sizes and an hourly 8-hour-rate funding schedule on the oracle price', () => {
    const btc = adapted.account.markets['BTC-USD'];
    expect(btc?.tickSize?.toString()).toBe('1');
    expect(btc?.stepSize?.toString()).toBe('0.0001');
    expect(btc?.baseAsset).toBe('BTC');
    expect(btc?.settleAsset).toBe('USDC');
    expect(btc?.fundingSchedule?.intervalMs).toBe(3_600_000);
    expect(btc?.fundingSchedule?.ratePeriodMs).toBe(28_800_000);
    expect(btc?.fundingSchedule?.paymentPrice).toBe('oracle');
    const rate = btc?.fundingSchedule?.rate;
    expect(rate?.type).toBe('clamped-premium');
    // 6 · (0.02 − 0.012) = 0.048 per 8 hours (Large-Cap clamp 48 000 ppm).
    if (rate?.type === 'clamped-premium') {
      expect(rate.cap.toString()).toBe('0.048');
      expect(rate.floor.toString()).toBe('-0.048');
      expect(rate.offset.toString()).toBe('0');
    }
  });
});

describe('fromDydxIndexerSubaccount: a child subaccount (fixtures/dydx/subaccount-128.json)', () => {
  const adapted = fromDydxIndexerSubaccount(child, markets);

  it('maps its one position to an isolated position with margin = equity − uPnL', () => {
    expect(adapted.isolated).toBe(true);
    const [position] = adapted.account.positions;
    expect(position?.marginMode).toBe('isolated');
    // −4 035.366375 + 2 500 · 2.0931
    expect(position?.isolatedMargin?.toString()).toBe('1197.383625');
    expect(adapted.account.collateral).toEqual([]);
  });

  it('has the indexer equity and (base IMF) free collateral in its isolated pool', () => {
    const base = fromDydxIndexerSubaccount(child, markets, { openInterestScaling: false });
    const s = summarizeAccount(base.account, base.prices, ORACLE);
    const pool = s.isolated[0];
    expect(pool?.equity.toString()).toBe(child.subaccount.equity);
    expect(pool?.freeCollateral.toString()).toBe(child.subaccount.freeCollateral);
    expect(s.total.equity.toString()).toBe(child.subaccount.equity);
  });

  it('gives the v4-web liquidation price of an isolated position (no other positions)', () => {
    // Maintenance does not depend on the initial fraction: the base-IMF mapping has the same liquidation price.
    const base = fromDydxIndexerSubaccount(child, markets, { openInterestScaling: false });
    const lp = liquidationPrice(base.account, base.prices, 'WIF-USD', ORACLE);
    const expected = v4WebLiquidationPrice(child, 'WIF-USD');
    expect(lp.kind).toBe('price');
    if (lp.kind === 'price' && expected) expectClose(lp.price, expected, 'WIF-USD');
    // (2 500 · 2.1843 − 1 425.383625) / (2 500 · 0.97)
    expect(expected?.toString()).toBe(d('4035.366375').div(2425).toString());
  });

  it('gives the same liquidation price with the default (open-interest-scaled) mapping', () => {
    // The open-interest schedule of WIF-USD (caps 0.5M … 1M USDC) needs the snapshot's open interest; maintenance
    // does not scale, so the price is the base mapping's.
    const lp = liquidationPrice(adapted.account, adapted.prices, 'WIF-USD', ORACLE);
    const expected = v4WebLiquidationPrice(child, 'WIF-USD');
    expect(lp.kind).toBe('price');
    if (lp.kind === 'price' && expected) expectClose(lp.price, expected, 'WIF-USD');
  });

  it('offsets the funding rate by 8 × the hourly default rate', () => {
    const rate = adapted.account.markets['WIF-USD']?.fundingSchedule?.rate;
    if (rate?.type !== 'clamped-premium') throw new Error('clamped-premium expected');
    expect(rate.offset.toString()).toBe('0.0001');
    expect(rate.cap.toString()).toBe('0.12');
  });

  it('maps it as a cross account on request', () => {
    const asCross = fromDydxIndexerSubaccount(child, markets, { childSubaccounts: 'cross' });
    expect(asCross.isolated).toBe(false);
    expect(asCross.account.positions[0]?.marginMode).toBe('cross');
    const s = summarizeAccount(asCross.account, asCross.prices, ORACLE);
    expect(s.cross.equity.toString()).toBe(child.subaccount.equity);
  });

  it('keeps a child with no position as a cross account', () => {
    const empty = structuredClone(child) as Payload;
    empty.subaccount.openPerpetualPositions = {};
    const adaptedEmpty = fromDydxIndexerSubaccount(empty, markets);
    expect(adaptedEmpty.isolated).toBe(false);
    expect(adaptedEmpty.account.positions).toEqual([]);
    expect(adaptedEmpty.account.collateral[0]?.amount.toString()).toBe('-4035.366375');
  });
});

describe('fromDydxIndexerSubaccount options and input forms', () => {
  it('accepts the subaccount object and the market map without their envelopes', () => {
    const a = fromDydxIndexerSubaccount(cross.subaccount, markets.markets);
    const b = fromDydxIndexerSubaccount(cross, markets);
    expect(a.account).toEqual(b.account);
    expect(a.prices).toEqual(b.prices);
  });

  it('sets user leverage on held positions, raising initial margin only', () => {
    const adapted = fromDydxIndexerSubaccount(cross, markets, { leverage: { 'BTC-USD': 5 } });
    expect(adapted.account.positions.find((p) => p.marketId === 'BTC-USD')?.leverage?.toString()).toBe('5');
    const s = summarizeAccount(adapted.account, adapted.prices, ORACLE);
    const btc = s.positions.find((p) => p.marketId === 'BTC-USD');
    expect(btc?.requirement.initialFraction.toString()).toBe('0.2');
    expect(btc?.requirement.maintenanceFraction.toString()).toBe('0.012');
  });

  it('adds markets that are not held', () => {
    const adapted = fromDydxIndexerSubaccount(cross, markets, { markets: ['WIF-USD'] });
    expect(adapted.account.markets['WIF-USD']).toBeDefined();
    expect(adapted.prices.markets['WIF-USD']?.oracle?.toString()).toBe('2.1843');
  });

  it('uses another funding clamp factor when asked', () => {
    const adapted = fromDydxIndexerSubaccount(cross, markets, { fundingRateClampFactor: 4 });
    const rate = adapted.account.markets['ETH-USD']?.fundingSchedule?.rate;
    expect(rate?.type === 'clamped-premium' ? rate.cap.toString() : '').toBe('0.032');
  });

  it('leaves out the step size of a market whose held position is not a whole number of steps', () => {
    const offStep = structuredClone(cross) as Payload;
    const sol = offStep.subaccount.openPerpetualPositions['SOL-USD'];
    if (!sol) throw new Error('SOL-USD');
    sol.size = '40.05';
    const adapted = fromDydxIndexerSubaccount(offStep, markets);
    expect(adapted.account.markets['SOL-USD']?.stepSize).toBeUndefined();
    expect(adapted.account.markets['BTC-USD']?.stepSize?.toString()).toBe('0.0001');
  });

  it('returns frozen, library-typed values', () => {
    const { account, prices }: { account: MarginAccount; prices: Prices } = fromDydxIndexerSubaccount(
      cross,
      markets,
    );
    expect(Object.isFrozen(account)).toBe(true);
    expect(Object.isFrozen(prices)).toBe(true);
    expect(account.positions[0]?.size).toBeInstanceOf(Decimal);
  });
});
