import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  isMarginKitError,
  type MarginAccountInput,
  type MarketInput,
  MissingPriceError,
  type PoolSummary,
  type Ratio,
  summarizeAccount,
} from '../../src/index.js';

const btc: MarketInput = {
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
};
const eth: MarketInput = {
  id: 'ETH-PERP',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.2', maintenanceFraction: '0.1' },
};

// Cross: USDT 11 305 + 0.1 BTC (weight 0.9) + BTC long + ETH short; isolated: ETH long with 3 900 margin at 4×.
const mixedInput: MarginAccountInput = {
  settleAsset: 'USDT',
  markets: [btc, eth],
  collateral: [
    { asset: 'USDT', amount: 11_305 },
    { asset: 'BTC', amount: '0.1', weight: '0.9' },
  ],
  positions: [
    { id: 'btc', marketId: 'BTC-PERP', size: '0.2', entryPrice: 50_000, marginMode: 'cross' },
    { id: 'eth', marketId: 'ETH-PERP', size: -2, entryPrice: 3000, marginMode: 'cross', unsettledFunding: 5 },
    {
      id: 'eth-iso',
      marketId: 'ETH-PERP',
      size: 1,
      entryPrice: 3000,
      marginMode: 'isolated',
      isolatedMargin: 3900,
      leverage: 4,
    },
  ],
};
const mixed = createMarginAccount(mixedInput);
const mixedPrices = createPrices({
  markets: { 'BTC-PERP': { oracle: 51_000, mark: 52_000 }, 'ETH-PERP': { oracle: 3050, mark: 3100 } },
  assets: { BTC: 50_000 },
});

function ratio(value: string): Ratio {
  return { kind: 'finite', value: new Decimal(value) };
}

function pool(p: {
  collateral: string;
  equity: string;
  notional: string;
  initial: string;
  maintenance: string;
  free: string;
  marginRatio: Ratio;
  leverage: Ratio;
  liquidatable: boolean;
}): PoolSummary {
  return {
    collateralValue: new Decimal(p.collateral),
    equity: new Decimal(p.equity),
    notional: new Decimal(p.notional),
    initialRequirement: new Decimal(p.initial),
    maintenanceRequirement: new Decimal(p.maintenance),
    freeCollateral: new Decimal(p.free),
    marginRatio: p.marginRatio,
    leverage: p.leverage,
    liquidatable: p.liquidatable,
  };
}

function singleLong(collateral: string | number, extra: Partial<MarginAccountInput> = {}) {
  return createMarginAccount({
    settleAsset: 'USDT',
    markets: [btc],
    collateral: [{ asset: 'USDT', amount: collateral }],
    positions: [{ marketId: 'BTC-PERP', size: 1, entryPrice: 100, marginMode: 'cross' }],
    ...extra,
  });
}
const at = (mark: number | string) => createPrices({ markets: { 'BTC-PERP': { mark } } });

function missing(run: () => unknown): MissingPriceError {
  try {
    run();
  } catch (error) {
    if (error instanceof MissingPriceError) return error;
    throw error;
  }
  throw new Error('expected a MissingPriceError');
}

describe('summarizeAccount', () => {
  it('values the cross collateral with its weights and asset prices', () => {
    const s = summarizeAccount(mixed, mixedPrices);
    expect(s.settleAsset).toBe('USDT');
    expect(
      s.collateral.map((c) => [c.asset, c.price.toString(), c.weightApplied.toString(), c.value.toString()]),
    ).toEqual([
      ['USDT', '1', '1', '11305'],
      // 0.1 · 50 000 · 0.9 = 4 500
      ['BTC', '50000', '0.9', '4500'],
    ]);
  });

  it('summarises every position at the mark price by default', () => {
    const s = summarizeAccount(mixed, mixedPrices);
    expect(s.priceSource).toBe('mark');
    const rows = s.positions.map((p) => ({
      id: p.positionId,
      market: p.marketId,
      mode: p.marginMode,
      side: p.side,
      price: p.price.toString(),
      entryValue: p.entryValue.toString(),
      pnl: p.unrealizedPnl.toString(),
      funding: p.unsettledFunding.toString(),
      notional: p.requirement.notional.toString(),
      initial: p.requirement.initial.toString(),
      maintenance: p.requirement.maintenance.toString(),
      binding: p.requirement.leverageBinding,
    }));
    expect(rows).toEqual([
      // entry 0.2 · 50 000 = 10 000; uPnL 0.2 · (52 000 − 50 000) = 400; N 0.2 · 52 000 = 10 400;
      // IMR 10 400 · 0.1 = 1 040; MMR 10 400 · 0.05 = 520
      {
        id: 'btc',
        market: 'BTC-PERP',
        mode: 'cross',
        side: 'long',
        price: '52000',
        entryValue: '10000',
        pnl: '400',
        funding: '0',
        notional: '10400',
        initial: '1040',
        maintenance: '520',
        binding: false,
      },
      // entry 2 · 3 000 = 6 000; uPnL −2 · (3 100 − 3 000) = −200; N 6 200; IMR 6 200 · 0.2 = 1 240; MMR 620
      {
        id: 'eth',
        market: 'ETH-PERP',
        mode: 'cross',
        side: 'short',
        price: '3100',
        entryValue: '6000',
        pnl: '-200',
        funding: '5',
        notional: '6200',
        initial: '1240',
        maintenance: '620',
        binding: false,
      },
      // uPnL 1 · 100 = 100; N 3 100; IMF max(0.2, 1/4) = 0.25 → IMR 775; MMR 3 100 · 0.1 = 310
      {
        id: 'eth-iso',
        market: 'ETH-PERP',
        mode: 'isolated',
        side: 'long',
        price: '3100',
        entryValue: '3000',
        pnl: '100',
        funding: '0',
        notional: '3100',
        initial: '775',
        maintenance: '310',
        binding: true,
      },
    ]);
  });

  it('keeps the cross pool and each isolated pool apart', () => {
    const s = summarizeAccount(mixed, mixedPrices);
    expect(s.cross).toEqual(
      pool({
        // 11 305 + 4 500 = 15 805
        collateral: '15805',
        // 15 805 + 400 − 200 − 5 = 16 000
        equity: '16000',
        // 10 400 + 6 200 = 16 600
        notional: '16600',
        // 1 040 + 1 240 = 2 280
        initial: '2280',
        // 520 + 620 = 1 140
        maintenance: '1140',
        // 16 000 − 2 280 = 13 720
        free: '13720',
        // 1 140 / 16 000 = 0.07125
        marginRatio: ratio('0.07125'),
        // 16 600 / 16 000 = 1.0375
        leverage: ratio('1.0375'),
        liquidatable: false,
      }),
    );
    expect(s.isolated).toEqual([
      {
        positionId: 'eth-iso',
        ...pool({
          collateral: '3900',
          // 3 900 + 100 = 4 000
          equity: '4000',
          notional: '3100',
          initial: '775',
          maintenance: '310',
          // 4 000 − 775 = 3 225
          free: '3225',
          // 310 / 4 000 = 0.0775
          marginRatio: ratio('0.0775'),
          // 3 100 / 4 000 = 0.775
          leverage: ratio('0.775'),
          liquidatable: false,
        }),
      },
    ]);
  });

  it('adds the pools into totals and recomputes the ratios from the sums', () => {
    const s = summarizeAccount(mixed, mixedPrices);
    expect(s.total).toEqual(
      pool({
        // 15 805 + 3 900 = 19 705
        collateral: '19705',
        // 16 000 + 4 000 = 20 000
        equity: '20000',
        // 16 600 + 3 100 = 19 700
        notional: '19700',
        // 2 280 + 775 = 3 055
        initial: '3055',
        // 1 140 + 310 = 1 450
        maintenance: '1450',
        // 20 000 − 3 055 = 16 945
        free: '16945',
        // 1 450 / 20 000 = 0.0725
        marginRatio: ratio('0.0725'),
        // 19 700 / 20 000 = 0.985
        leverage: ratio('0.985'),
        liquidatable: false,
      }),
    );
    expect(s.liquidatableIsolated).toEqual([]);
  });

  it('values positions at the oracle price when asked', () => {
    const s = summarizeAccount(mixed, mixedPrices, { priceSource: 'oracle' });
    expect(s.priceSource).toBe('oracle');
    expect(
      s.positions.map((p) => [
        p.price.toString(),
        p.unrealizedPnl.toString(),
        p.requirement.maintenance.toString(),
      ]),
    ).toEqual([
      // 0.2 · (51 000 − 50 000) = 200; MMR 0.2 · 51 000 · 0.05 = 510
      ['51000', '200', '510'],
      // −2 · (3 050 − 3 000) = −100; MMR 2 · 3 050 · 0.1 = 610
      ['3050', '-100', '610'],
      // 1 · 50 = 50; MMR 3 050 · 0.1 = 305
      ['3050', '50', '305'],
    ]);
    // 15 805 + 200 − 100 − 5 = 15 900
    expect(s.cross.equity.toString()).toBe('15900');
    // 510 + 610 = 1 120
    expect(s.cross.maintenanceRequirement.toString()).toBe('1120');
    // IMR 3 050 · 0.25 = 762.5
    expect(s.isolated[0]?.initialRequirement.toString()).toBe('762.5');
    // 3 900 + 50 = 3 950
    expect(s.isolated[0]?.equity.toString()).toBe('3950');
  });

  it('reproduces its documented example', () => {
    const s = summarizeAccount(
      createMarginAccount({
        settleAsset: 'USDT',
        markets: [btc],
        collateral: [{ asset: 'USDT', amount: 1000 }],
        positions: [{ marketId: 'BTC-PERP', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }],
      }),
      at(49_000),
    );
    // 1 000 + 0.1 · (49 000 − 50 000) = 900
    expect(s.cross.equity.toString()).toBe('900');
    // 0.1 · 49 000 · 0.05 = 245
    expect(s.cross.maintenanceRequirement.toString()).toBe('245');
  });

  it('does not call equity exactly at maintenance liquidatable', () => {
    // equity 5 = MMR 1 · 100 · 0.05 = 5
    const s = summarizeAccount(singleLong(5), at(100));
    expect(s.cross.equity.toString()).toBe('5');
    expect(s.cross.maintenanceRequirement.toString()).toBe('5');
    expect(s.cross.liquidatable).toBe(false);
    // 5 / 5 = 1
    expect(s.cross.marginRatio).toEqual(ratio('1'));
  });

  it('calls equity below maintenance liquidatable', () => {
    const s = summarizeAccount(singleLong(4), at(100));
    expect(s.cross.liquidatable).toBe(true);
    // 5 / 4 = 1.25
    expect(s.cross.marginRatio).toEqual(ratio('1.25'));
    // 100 / 4 = 25
    expect(s.cross.leverage).toEqual(ratio('25'));
    // 4 − 10 = −6
    expect(s.cross.freeCollateral.toString()).toBe('-6');
  });

  it('reports infinite ratios at zero equity', () => {
    // 10 + (90 − 100) = 0
    const s = summarizeAccount(singleLong(10), at(90));
    expect(s.cross.equity.isZero()).toBe(true);
    expect(s.cross.marginRatio).toEqual({ kind: 'infinite' });
    expect(s.cross.leverage).toEqual({ kind: 'infinite' });
    // MMR 90 · 0.05 = 4.5 > 0 = equity
    expect(s.cross.liquidatable).toBe(true);
    // 0 − 90 · 0.1 = −9
    expect(s.cross.freeCollateral.toString()).toBe('-9');
  });

  it('reports infinite ratios at negative equity', () => {
    // 5 + (90 − 100) = −5
    const s = summarizeAccount(singleLong(5), at(90));
    expect(s.cross.equity.toString()).toBe('-5');
    expect(s.cross.marginRatio).toEqual({ kind: 'infinite' });
    expect(s.cross.leverage).toEqual({ kind: 'infinite' });
    expect(s.total.marginRatio).toEqual({ kind: 'infinite' });
  });

  it('reports ratios of 0 and nothing liquidatable without positions, even at negative equity', () => {
    const s = summarizeAccount(
      createMarginAccount({
        settleAsset: 'USDT',
        markets: [btc],
        collateral: [{ asset: 'USDT', amount: -100 }],
      }),
      createPrices({ markets: {} }),
    );
    expect(s.cross.equity.toString()).toBe('-100');
    expect(s.cross.marginRatio).toEqual(ratio('0'));
    expect(s.cross.leverage).toEqual(ratio('0'));
    expect(s.cross.liquidatable).toBe(false);
  });

  it('subtracts unsettled funding owed and adds funding receivable', () => {
    const owes = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc],
      collateral: [{ asset: 'USDT', amount: 100 }],
      positions: [
        { marketId: 'BTC-PERP', size: 1, entryPrice: 100, marginMode: 'cross', unsettledFunding: '2.5' },
      ],
    });
    // 100 + 0 − 2.5 = 97.5
    expect(summarizeAccount(owes, at(100)).cross.equity.toString()).toBe('97.5');
    const owed = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc],
      collateral: [{ asset: 'USDT', amount: 100 }],
      positions: [
        { marketId: 'BTC-PERP', size: 1, entryPrice: 100, marginMode: 'cross', unsettledFunding: '-2.5' },
      ],
    });
    // 100 + 0 − (−2.5) = 102.5
    expect(summarizeAccount(owed, at(100)).cross.equity.toString()).toBe('102.5');
  });

  it('lists the liquidatable isolated pools and flags the total when any pool is liquidatable', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc],
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [
        {
          id: 'a',
          marketId: 'BTC-PERP',
          size: 1,
          entryPrice: 100,
          marginMode: 'isolated',
          isolatedMargin: 10,
        },
        {
          id: 'b',
          marketId: 'BTC-PERP',
          size: -1,
          entryPrice: 100,
          marginMode: 'isolated',
          isolatedMargin: 10,
        },
      ],
    });
    const s = summarizeAccount(account, at(94));
    // a: 10 + (94 − 100) = 4 < MMR 94 · 0.05 = 4.7 → liquidatable
    expect(s.isolated[0]?.equity.toString()).toBe('4');
    expect(s.isolated[0]?.liquidatable).toBe(true);
    // b: 10 − (94 − 100) = 16 ≥ 4.7
    expect(s.isolated[1]?.equity.toString()).toBe('16');
    expect(s.isolated[1]?.liquidatable).toBe(false);
    expect(s.liquidatableIsolated).toEqual(['a']);
    // cross pool: no positions, 1 000 collateral
    expect(s.cross.maintenanceRequirement.isZero()).toBe(true);
    expect(s.cross.liquidatable).toBe(false);
    // total: 1 000 + 4 + 16 = 1 020 against 4.7 + 4.7 = 9.4
    expect(s.total.equity.toString()).toBe('1020');
    expect(s.total.collateralValue.toString()).toBe('1020');
    expect(s.total.maintenanceRequirement.toString()).toBe('9.4');
    // the summed equity covers the summed MMR, but pool a is liquidatable, so the total says so
    expect(s.total.liquidatable).toBe(true);
    // free: cross 1 000 − 0; a: 4 − 94·0.1 = −5.4 (a deficit cross cannot cover: counts 0); b: 16 − 9.4 = 6.6
    expect(s.total.freeCollateral.toString()).toBe('1006.6');
  });

  it('summarises hedge-mode legs of one market in the cross pool separately', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc],
      collateral: [{ asset: 'USDT', amount: 100 }],
      positions: [
        { id: 'L', marketId: 'BTC-PERP', size: 2, entryPrice: 100, marginMode: 'cross' },
        { id: 'S', marketId: 'BTC-PERP', size: -1, entryPrice: 100, marginMode: 'cross' },
        { id: 'F', marketId: 'BTC-PERP', size: 0, entryPrice: 100, marginMode: 'cross' },
      ],
    });
    const s = summarizeAccount(account, at(110));
    expect(
      s.positions.map((p) => [
        p.positionId,
        p.side,
        p.unrealizedPnl.toString(),
        p.requirement.maintenance.toString(),
      ]),
    ).toEqual([
      // 2 · 10 = 20; MMR 220 · 0.05 = 11
      ['L', 'long', '20', '11'],
      // −1 · 10 = −10; MMR 110 · 0.05 = 5.5
      ['S', 'short', '-10', '5.5'],
      ['F', 'flat', '0', '0'],
    ]);
    // 100 + 20 − 10 = 110; gross notional 220 + 110 = 330
    expect(s.cross.equity.toString()).toBe('110');
    expect(s.cross.notional.toString()).toBe('330');
    // 11 + 5.5 = 16.5
    expect(s.cross.maintenanceRequirement.toString()).toBe('16.5');
  });

  it('summarises an inverse account in coin', () => {
    const account = createMarginAccount({
      settleAsset: 'BTC',
      markets: [
        {
          id: 'BTCUSD',
          kind: 'inverse',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          contractSize: 100,
          marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' },
        },
      ],
      collateral: [{ asset: 'BTC', amount: '0.9' }],
      positions: [{ marketId: 'BTCUSD', size: 100, entryPrice: 20_000, marginMode: 'cross' }],
    });
    const s = summarizeAccount(account, createPrices({ markets: { BTCUSD: { mark: 25_000 } } }));
    // uPnL = 100 · 100 · (1/20 000 − 1/25 000) = 10 000 · 0.00001 = 0.1 BTC
    expect(s.positions[0]?.unrealizedPnl.toString()).toBe('0.1');
    // N = 100 · 100 / 25 000 = 0.4; IMR 0.4 · 0.01 = 0.004; MMR 0.4 · 0.005 = 0.002
    expect(s.cross.notional.toString()).toBe('0.4');
    expect(s.cross.initialRequirement.toString()).toBe('0.004');
    expect(s.cross.maintenanceRequirement.toString()).toBe('0.002');
    // 0.9 + 0.1 = 1
    expect(s.cross.equity.toString()).toBe('1');
    // 0.002 / 1 and 0.4 / 1
    expect(s.cross.marginRatio).toEqual(ratio('0.002'));
    expect(s.cross.leverage).toEqual(ratio('0.4'));
    // entry value 100 · 100 / 20 000 = 0.5 BTC
    expect(s.positions[0]?.entryValue.toString()).toBe('0.5');
  });

  it('reads the open interest of an open-interest-scaled market from the prices', () => {
    const account = createMarginAccount({
      settleAsset: 'USDC',
      markets: [
        {
          id: 'OI-PERP',
          kind: 'linear',
          baseAsset: 'X',
          quoteAsset: 'USDC',
          marginSchedule: {
            type: 'open-interest',
            initialFraction: '0.2',
            maintenanceFraction: '0.1',
            openInterestLowerCap: 1_000_000,
            openInterestUpperCap: 2_000_000,
          },
        },
      ],
      collateral: [{ asset: 'USDC', amount: 1000 }],
      positions: [{ marketId: 'OI-PERP', size: 1, entryPrice: 100, marginMode: 'cross' }],
    });
    const s = summarizeAccount(
      account,
      createPrices({ markets: { 'OI-PERP': { mark: 100, openInterest: 15_000 } } }),
    );
    // OI notional 15 000 · 100 = 1 500 000 → IMF 0.2 + 0.8 · 0.5 = 0.6 → IMR 100 · 0.6 = 60
    expect(s.cross.initialRequirement.toString()).toBe('60');
    // MMR 100 · 0.1 = 10
    expect(s.cross.maintenanceRequirement.toString()).toBe('10');

    const error = missing(() =>
      summarizeAccount(account, createPrices({ markets: { 'OI-PERP': { mark: 100 } } })),
    );
    expect(error.code).toBe('MISSING_OPEN_INTEREST');
    expect(error.path).toEqual(['markets', 'OI-PERP', 'openInterest']);
    expect(isMarginKitError(error)).toBe(true);
  });

  it('throws MISSING_PRICE naming the price source it lacks', () => {
    const onlyOracle = createPrices({ markets: { 'BTC-PERP': { oracle: 100 } } });
    const markError = missing(() => summarizeAccount(singleLong(10), onlyOracle));
    expect(markError.code).toBe('MISSING_PRICE');
    expect(markError.path).toEqual(['markets', 'BTC-PERP', 'mark']);

    const onlyMark = createPrices({ markets: { 'BTC-PERP': { mark: 100 } } });
    const oracleError = missing(() => summarizeAccount(singleLong(10), onlyMark, { priceSource: 'oracle' }));
    expect(oracleError.code).toBe('MISSING_PRICE');
    expect(oracleError.path).toEqual(['markets', 'BTC-PERP', 'oracle']);

    const none = missing(() => summarizeAccount(singleLong(10), createPrices({ markets: {} })));
    expect(none.path).toEqual(['markets', 'BTC-PERP', 'mark']);
  });

  it('throws MISSING_ASSET_PRICE for a collateral asset without a price', () => {
    const error = missing(() =>
      summarizeAccount(
        mixed,
        createPrices({ markets: { 'BTC-PERP': { mark: 1 }, 'ETH-PERP': { mark: 1 } } }),
      ),
    );
    expect(error.code).toBe('MISSING_ASSET_PRICE');
    expect(error.path).toEqual(['assets', 'BTC']);
  });

  it('serialises to JSON with decimals as strings', () => {
    const json = JSON.parse(JSON.stringify(summarizeAccount(mixed, mixedPrices)));
    expect(json.cross.equity).toBe('16000');
    expect(json.cross.marginRatio).toEqual({ kind: 'finite', value: '0.07125' });
    expect(json.isolated[0].positionId).toBe('eth-iso');
  });

  it('gives the same summary on every call and leaves its inputs as they were', () => {
    const accountJson = JSON.stringify(mixed);
    const pricesJson = JSON.stringify(mixedPrices);
    const first = summarizeAccount(mixed, mixedPrices);
    const second = summarizeAccount(mixed, mixedPrices);
    expect(second).toEqual(first);
    expect(JSON.stringify(mixed)).toBe(accountJson);
    expect(JSON.stringify(mixedPrices)).toBe(pricesJson);
  });
});
