// The adapter on the recorded-shape fixtures: account, prices, hedge-mode ids, collateral, and the isolated
// liquidation prices set against the fixtures' liqPrice / bustPrice under the option each fixture documents.
import { describe, expect, it } from 'vitest';
import { Decimal, liquidationPrice, summarizeAccount } from '../../../src/index.js';
import { bybitBankruptcyPrice } from '../../../src/venues/bybit/bankruptcyPrice.js';
import { type FromBybitOptions, fromBybitPositions } from '../../../src/venues/bybit/fromBybitPositions.js';
import { bybitInitialMargin } from '../../../src/venues/bybit/initialMargin.js';
import { bybitLiquidationPrice } from '../../../src/venues/bybit/liquidationPrice.js';
import type {
  BybitListPayload,
  BybitPositionInfo,
  BybitRiskLimitTier,
  BybitTicker,
  BybitWalletAccount,
} from '../../../src/venues/bybit/payloads.js';
import { expectClose, fixture, price } from './support.js';

type Payloads = [
  BybitListPayload<BybitPositionInfo>,
  BybitListPayload<BybitWalletAccount>,
  BybitListPayload<BybitTicker>,
  BybitListPayload<BybitRiskLimitTier>,
];

function payloads(prefix: 'linear' | 'inverse'): Payloads {
  return [
    fixture(`${prefix}-position-list.json`),
    fixture(`${prefix}-wallet-balance.json`),
    fixture(`${prefix}-tickers.json`),
    fixture(`${prefix}-risk-limit.json`),
  ];
}

function adapt(prefix: 'linear' | 'inverse', options: FromBybitOptions = {}) {
  return fromBybitPositions(...payloads(prefix), options);
}

function positionOf(snapshot: ReturnType<typeof adapt>, id: string) {
  const p = snapshot.positions.find((x) => x.id === id);
  if (!p) throw new Error(`no position ${id}`);
  return p;
}

/** |a − b| ≤ tick. */
function withinTick(a: Decimal, b: Decimal | undefined, tick: string): void {
  if (!b) throw new Error('no reported value');
  expect(a.minus(b).abs().lessThanOrEqualTo(tick), `${a.toFixed(4)} vs ${b.toString()} (tick ${tick})`).toBe(
    true,
  );
}

describe('fromBybitPositions: linear USDT account', () => {
  const snapshot = adapt('linear');

  it('builds one market per symbol with its risk-limit schedule', () => {
    expect(Object.keys(snapshot.account.markets)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    const btc = snapshot.account.markets.BTCUSDT;
    expect(btc?.kind).toBe('linear');
    expect(btc?.baseAsset).toBe('BTC');
    expect(btc?.settleAsset).toBe('USDT');
    expect(btc?.marginSchedule.type === 'tiered' && btc.marginSchedule.tiers.length).toBe(3);
    expect(snapshot.account.settleAsset).toBe('USDT');
  });

  it('adapts positions: signed sizes, hedge-mode ids, margin modes, isolated margin = positionBalance', () => {
    const positions = snapshot.account.positions.map((p) => ({
      id: p.id,
      size: p.size.toString(),
      mode: p.marginMode,
      margin: p.isolatedMargin?.toString(),
      leverage: p.leverage?.toString(),
    }));
    expect(positions).toEqual([
      { id: 'BTCUSDT', size: '0.35', mode: 'isolated', margin: '957.283', leverage: '25' },
      { id: 'ETHUSDT:long', size: '4.2', mode: 'cross', margin: undefined, leverage: '10' },
      { id: 'ETHUSDT:short', size: '-1.5', mode: 'cross', margin: undefined, leverage: '10' },
      { id: 'SOLUSDT', size: '-120', mode: 'isolated', margin: '1708.62', leverage: '10' },
    ]);
    expect(snapshot.skipped).toEqual([
      { path: ['positionList', 'result', 'list', 4], symbol: 'XRPUSDT', reason: 'empty' },
    ]);
  });

  it('cross collateral is the wallet balance less the isolated margins it holds', () => {
    expect(snapshot.walletBalance.toString()).toBe('25000.5');
    expect(snapshot.account.collateral).toHaveLength(1);
    expect(snapshot.account.collateral[0]?.amount.toString()).toBe('22334.597');
    const kept = adapt('linear', { isolatedMarginInWalletBalance: false });
    expect(kept.account.collateral[0]?.amount.toString()).toBe('25000.5');
  });

  it('prices from the tickers; funding rates kept', () => {
    expect(snapshot.prices.markets.BTCUSDT?.mark?.toString()).toBe('62010.25');
    expect(snapshot.prices.markets.BTCUSDT?.oracle?.toString()).toBe('62003.1');
    expect(Object.keys(snapshot.prices.markets)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(snapshot.fundingRates.SOLUSDT?.toString()).toBe('-0.00012');
  });

  it("the library's equity at the mark equals Bybit's coin equity; each uPnL equals the reported one", () => {
    const summary = summarizeAccount(snapshot.account, snapshot.prices);
    expect(summary.total.equity.toString()).toBe(snapshot.walletEquity?.toString());
    summary.positions.forEach((s, i) => {
      expect(s.unrealizedPnl.toString()).toBe(snapshot.positions[i]?.reported.unrealisedPnl?.toString());
    });
  });

  it('terms carry the tier of the entry value and the margin added', () => {
    const btc = positionOf(snapshot, 'BTCUSDT');
    expect(btc.terms.maintenanceRate.toString()).toBe('0.005');
    expect(btc.terms.maintenanceDeduction.toString()).toBe('0');
    expect(btc.terms.extraMargin.toString()).toBe('100');
    expect(btc.path).toEqual(['positionList', 'result', 'list', 0]);
    expect(positionOf(snapshot, 'SOLUSDT').terms.maintenanceRate.toString()).toBe('0.01');
    // IM and MM as reported (entry basis).
    expect(bybitInitialMargin(btc.terms).toString()).toBe(btc.reported.positionIM.toString());
    const lp = bybitLiquidationPrice(btc.terms);
    expect(lp.kind === 'price' && lp.maintenanceMargin.toString()).toBe(btc.reported.positionMM.toString());
  });

  it("isolated liqPrice and bustPrice agree with the fixture under maintenanceBasis 'entry' (one tick)", () => {
    const btc = positionOf(snapshot, 'BTCUSDT');
    withinTick(
      price(bybitLiquidationPrice(btc.terms, { maintenanceBasis: 'entry' })),
      btc.reported.liqPrice,
      '0.1',
    );
    withinTick(price(bybitBankruptcyPrice(btc.terms)), btc.reported.bustPrice, '0.1');
    const sol = positionOf(snapshot, 'SOLUSDT');
    withinTick(price(bybitLiquidationPrice(sol.terms)), sol.reported.liqPrice, '0.001');
    withinTick(price(bybitBankruptcyPrice(sol.terms)), sol.reported.bustPrice, '0.001');
  });

  it('the mark-basis option and the generic engine do not reproduce the entry-basis liqPrice', () => {
    const btc = positionOf(snapshot, 'BTCUSDT');
    const atMark = price(bybitLiquidationPrice(btc.terms, { maintenanceBasis: 'mark' }));
    const generic = liquidationPrice(snapshot.account, snapshot.prices, 'BTCUSDT');
    expect(generic.kind === 'price' && generic.price.equals(atMark)).toBe(true);
    // Entry basis lies MMR·(EP − LP_mark) above: about 12.2 USDT, far more than a tick.
    const entry = price(bybitLiquidationPrice(btc.terms));
    expectClose(entry.minus(atMark), btc.terms.maintenanceRate.times(btc.terms.entryPrice.minus(atMark)));
    expect(entry.minus(atMark).toFixed(2)).toBe('12.21');
  });

  it("marginMode 'isolated' (a unified account in ISOLATED_MARGIN mode) isolates every position", () => {
    const all = adapt('linear', { marginMode: 'isolated' });
    expect(all.account.positions.every((p) => p.marginMode === 'isolated')).toBe(true);
    expect(all.account.collateral[0]?.amount.toString()).toBe(
      new Decimal('25000.5').minus('957.283').minus('1323.168').minus('498.2625').minus('1708.62').toString(),
    );
    const cross = adapt('linear', { marginMode: 'cross' });
    expect(cross.account.positions.every((p) => p.marginMode === 'cross')).toBe(true);
    expect(cross.account.collateral[0]?.amount.toString()).toBe('25000.5');
  });

  it('accepts result objects, pages of risk limits, and bare tier lists', () => {
    const [positions, wallet, tickers, risk] = payloads('linear');
    const unwrap = <T>(p: BybitListPayload<T>) => ('result' in p ? p.result : p);
    const riskList = unwrap(risk).list;
    const pages = [
      { list: riskList.slice(0, 3) },
      { retCode: 0, result: { category: 'linear', list: riskList.slice(3) } },
    ];
    const a = fromBybitPositions(unwrap(positions), unwrap(wallet), unwrap(tickers), pages);
    const b = fromBybitPositions(positions, wallet, tickers, riskList);
    expect(a.account).toEqual(snapshot.account);
    expect(b.account).toEqual(snapshot.account);
  });

  it('falls back to the position mark price when a symbol has no ticker', () => {
    const [positions, wallet, , risk] = payloads('linear');
    const s = fromBybitPositions(positions, wallet, { list: [] }, risk);
    expect(s.prices.markets.SOLUSDT?.mark?.toString()).toBe('139.874');
    expect(s.prices.markets.SOLUSDT?.oracle).toBeUndefined();
    expect(s.fundingRates).toEqual({});
  });

  it('is frozen', () => {
    expect(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.positions[0]?.terms)).toBe(true);
  });
});

describe('fromBybitPositions: inverse BTC account (2026 fee-aware fixture)', () => {
  const snapshot = adapt('inverse', { settleCoin: 'BTC' });
  const fee = { maintenanceBasis: 'mark', includeCloseFee: true, takerFeeRate: '0.00055' } as const;

  it('keeps the BTC-settled position and skips the ETH one', () => {
    expect(snapshot.account.settleAsset).toBe('BTC');
    expect(snapshot.account.markets.BTCUSD).toMatchObject({
      kind: 'inverse',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
    });
    expect(snapshot.account.positions.map((p) => p.id)).toEqual(['BTCUSD']);
    expect(snapshot.skipped).toEqual([
      { path: ['positionList', 'result', 'list', 1], symbol: 'ETHUSD', reason: 'other-settle-coin' },
    ]);
    expect(snapshot.account.collateral[0]?.amount.toString()).toBe('0.30102527');
  });

  it('positionIM is the initial margin with the estimated fee to close (8 decimals)', () => {
    const btc = positionOf(snapshot, 'BTCUSD');
    expect(btc.terms.extraMargin.toString()).toBe('0.002');
    const im = bybitInitialMargin(btc.terms, fee);
    expect(im.toDecimalPlaces(8).toString()).toBe(btc.reported.positionIM.toString());
  });

  it("liqPrice and bustPrice agree with the fixture under maintenanceBasis 'mark' + includeCloseFee (one 0.5 tick)", () => {
    const btc = positionOf(snapshot, 'BTCUSD');
    const lp = bybitLiquidationPrice(btc.terms, fee);
    withinTick(price(lp), btc.reported.liqPrice, '0.5');
    withinTick(price(bybitBankruptcyPrice(btc.terms, fee)), btc.reported.bustPrice, '0.5');
    // The default (entry basis, no fee) misses it by about 26 USD, more than 50 ticks.
    const entry = price(bybitLiquidationPrice(btc.terms));
    expect(
      entry
        .minus(btc.reported.liqPrice ?? 0)
        .abs()
        .greaterThan(25),
    ).toBe(true);
  });

  it("equity matches Bybit's coin equity to its 8 decimals", () => {
    const summary = summarizeAccount(snapshot.account, snapshot.prices);
    expectClose(summary.total.equity, snapshot.walletEquity ?? 0, '1e-8');
    expect(summary.total.equity.toDecimalPlaces(8).toString()).toBe(snapshot.walletEquity?.toString());
  });

  it('an ETH account from the same payloads', () => {
    const eth = adapt('inverse', { settleCoin: 'ETH' });
    expect(eth.account.positions.map((p) => [p.id, p.size.toString()])).toEqual([['ETHUSD', '-5000']]);
    const p = positionOf(eth, 'ETHUSD');
    withinTick(price(bybitLiquidationPrice(p.terms, fee)), p.reported.liqPrice, '0.05');
    withinTick(price(bybitBankruptcyPrice(p.terms, fee)), p.reported.bustPrice, '0.05');
  });
});
