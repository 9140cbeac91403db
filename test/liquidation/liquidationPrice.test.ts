import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  isMarginKitError,
  type LiquidationPrice,
  liquidationPrice,
  type MarginAccountInput,
  type MarketInput,
  MissingPriceError,
  summarizeAccount,
} from '../../src/index.js';

const btcusdt: MarketInput = {
  id: 'BTCUSDT',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' },
};
const btc5: MarketInput = {
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
};
const eth10: MarketInput = {
  id: 'ETH-PERP',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.2', maintenanceFraction: '0.1' },
};
// Tier 1 deduction: 10 000 · (0.025 − 0.01) = 150.
const tiered: MarketInput = {
  id: 'TIER',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
      { notionalFloor: 10_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
    ],
  },
};
const inverse: MarketInput = {
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
};

function account(input: Partial<MarginAccountInput> & Pick<MarginAccountInput, 'markets'>) {
  return createMarginAccount({ settleAsset: 'USDT', ...input });
}

function isolatedOne(
  market: MarketInput,
  size: number | string,
  entryPrice: number,
  margin: number | string,
  extra = {},
) {
  return createMarginAccount({
    settleAsset: market.kind === 'linear' ? market.quoteAsset : market.baseAsset,
    markets: [market],
    positions: [
      {
        id: 'p',
        marketId: market.id,
        size,
        entryPrice,
        marginMode: 'isolated',
        isolatedMargin: margin,
        ...extra,
      },
    ],
  });
}

function priced(result: LiquidationPrice) {
  if (result.kind !== 'price') throw new Error(`expected a price, got ${result.kind}`);
  return result;
}

// BTC long 0.1 @ 50 000 and ETH short 1 @ 3 000 in one cross pool with 1 606 USDT.
const crossPair = account({
  markets: [btc5, eth10],
  collateral: [{ asset: 'USDT', amount: 1606 }],
  positions: [
    { id: 'btc', marketId: 'BTC-PERP', size: '0.1', entryPrice: 50_000, marginMode: 'cross' },
    { id: 'eth', marketId: 'ETH-PERP', size: -1, entryPrice: 3000, marginMode: 'cross' },
  ],
});
const crossPairPrices = createPrices({
  markets: { 'BTC-PERP': { mark: 50_000 }, 'ETH-PERP': { mark: 3200 } },
});

describe('liquidationPrice', () => {
  it('finds where an isolated linear long reaches maintenance', () => {
    const lp = priced(
      liquidationPrice(
        isolatedOne(btcusdt, 1, 20_000, 299),
        createPrices({ markets: { BTCUSDT: { mark: 20_000 } } }),
        'p',
      ),
    );
    // 299 + (p − 20 000) = 0.005 p → 0.995 p = 19 701 → p = 19 800 (0.995 · 19 800 = 19 701);
    // check: equity 299 − 200 = 99 = 0.005 · 19 800
    expect(lp.price.toString()).toBe('19800');
    expect(lp.direction).toBe('down');
    expect(lp.positionId).toBe('p');
    expect(lp.marketId).toBe('BTCUSDT');
    expect(lp.marginMode).toBe('isolated');
    expect(lp.priceSource).toBe('mark');
    expect(lp.currentPrice.toString()).toBe('20000');
    expect('tierIndex' in lp).toBe(false);
  });

  it('reproduces its documented Bybit-style example', () => {
    const flat = {
      ...btcusdt,
      marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.005' },
    } as const;
    const lp = priced(
      liquidationPrice(
        isolatedOne(flat, 1, 20_000, 400),
        createPrices({ markets: { BTCUSDT: { mark: 20_000 } } }),
        'p',
      ),
    );
    // 400 + p − 20 000 = 0.005 p → p = 19 600 / 0.995 = 19 698.4924…
    expect(lp.price.toFixed(2)).toBe('19698.49');
  });

  it('finds where an isolated linear short reaches maintenance, above the price', () => {
    const lp = priced(
      liquidationPrice(
        isolatedOne(btcusdt, -1, 20_000, '200.5'),
        createPrices({ markets: { BTCUSDT: { mark: 20_000 } } }),
        'p',
      ),
    );
    // 200.5 − (p − 20 000) = 0.005 p → 1.005 p = 20 200.5 → p = 20 100;
    // check: equity 200.5 − 100 = 100.5 = 0.005 · 20 100
    expect(lp.price.toString()).toBe('20100');
    expect(lp.direction).toBe('up');
  });

  it('counts unsettled funding against the pool', () => {
    const lp = priced(
      liquidationPrice(
        isolatedOne(btcusdt, 1, 20_000, 299, { unsettledFunding: '99.5' }),
        createPrices({ markets: { BTCUSDT: { mark: 20_000 } } }),
        'p',
      ),
    );
    // 299 − 99.5 + (p − 20 000) = 0.005 p → 0.995 p = 19 800.5 → p = 19 900;
    // check: 199.5 − 100 = 99.5 = 0.005 · 19 900
    expect(lp.price.toString()).toBe('19900');
  });

  it('holds the other markets of the cross pool at their prices', () => {
    const btc = priced(liquidationPrice(crossPair, crossPairPrices, 'btc'));
    // K = 1 606 + ETH uPnL (−200) − ETH MMR (3 200 · 0.1 = 320) = 1 086
    // 1 086 + 0.1 (p − 50 000) = 0.1 · p · 0.05 → 0.095 p = 3 914 → p = 41 200;
    // check: 1 606 − 200 − 880 = 526 = 206 + 320
    expect(btc.price.toString()).toBe('41200');
    expect(btc.direction).toBe('down');
    expect(btc.marginMode).toBe('cross');

    const eth = priced(liquidationPrice(crossPair, crossPairPrices, 'eth'));
    // K = 1 606 + BTC uPnL (0) − BTC MMR (5 000 · 0.05 = 250) = 1 356
    // 1 356 − (p − 3 000) = 0.1 p → 1.1 p = 4 356 → p = 3 960; check: 1 606 − 960 = 646 = 250 + 396
    expect(eth.price.toString()).toBe('3960');
    expect(eth.direction).toBe('up');
  });

  it('is unchanged by a user leverage on a cross position', () => {
    const levered = account({
      markets: [btc5, eth10],
      collateral: [{ asset: 'USDT', amount: 1606 }],
      positions: [
        {
          id: 'btc',
          marketId: 'BTC-PERP',
          size: '0.1',
          entryPrice: 50_000,
          marginMode: 'cross',
          leverage: 2,
        },
        { id: 'eth', marketId: 'ETH-PERP', size: -1, entryPrice: 3000, marginMode: 'cross', leverage: 1 },
      ],
    });
    // leverage raises IMR only; the price stays 41 200
    expect(priced(liquidationPrice(levered, crossPairPrices, 'btc')).price.toString()).toBe('41200');
  });

  it('includes weighted non-settlement collateral in the cross pool', () => {
    const withEth = account({
      markets: [btcusdt],
      collateral: [
        { asset: 'USDT', amount: 99 },
        { asset: 'ETH', amount: '0.1', weight: '0.5' },
      ],
      positions: [{ id: 'p', marketId: 'BTCUSDT', size: 1, entryPrice: 20_000, marginMode: 'cross' }],
    });
    const prices = createPrices({ markets: { BTCUSDT: { mark: 20_000 } }, assets: { ETH: 4000 } });
    // collateral 99 + 0.1 · 4 000 · 0.5 = 299 → same pool as the isolated 299 case → 19 800
    expect(priced(liquidationPrice(withEth, prices, 'p')).price.toString()).toBe('19800');
  });

  it('moves hedge-mode legs of one market together (net long)', () => {
    const hedged = account({
      markets: [btc5],
      collateral: [{ asset: 'USDT', amount: 32 }],
      positions: [
        { id: 'L', marketId: 'BTC-PERP', size: 2, entryPrice: 100, marginMode: 'cross' },
        { id: 'S', marketId: 'BTC-PERP', size: -1, entryPrice: 100, marginMode: 'cross' },
      ],
    });
    const prices = createPrices({ markets: { 'BTC-PERP': { mark: 100 } } });
    // 32 + 2(p − 100) − (p − 100) = 0.05 (2p + p) → 32 − 100 + p = 0.15 p → 0.85 p = 68 → p = 80;
    // check: 32 − 40 + 20 = 12 = 0.05 · 240
    for (const id of ['L', 'S']) {
      const lp = priced(liquidationPrice(hedged, prices, id));
      expect(lp.price.toString()).toBe('80');
      expect(lp.direction).toBe('down');
      expect(lp.positionId).toBe(id);
    }
  });

  it('moves hedge-mode legs of one market together (net short)', () => {
    const hedged = account({
      markets: [btc5],
      collateral: [{ asset: 'USDT', amount: 38 }],
      positions: [
        { id: 'L', marketId: 'BTC-PERP', size: 1, entryPrice: 100, marginMode: 'cross' },
        { id: 'S', marketId: 'BTC-PERP', size: -2, entryPrice: 100, marginMode: 'cross' },
      ],
    });
    // 38 + (p − 100) − 2(p − 100) = 0.05 · 3p → 138 = 1.15 p → p = 120; check: 38 + 20 − 40 = 18 = 0.05 · 360
    const lp = priced(
      liquidationPrice(hedged, createPrices({ markets: { 'BTC-PERP': { mark: 100 } } }), 'L'),
    );
    expect(lp.price.toString()).toBe('120');
    expect(lp.direction).toBe('up');
  });

  it('leaves isolated positions out of the cross pool', () => {
    const withIsolated = account({
      markets: [btc5, eth10],
      collateral: [{ asset: 'USDT', amount: 1606 }],
      positions: [
        { id: 'btc', marketId: 'BTC-PERP', size: '0.1', entryPrice: 50_000, marginMode: 'cross' },
        { id: 'eth', marketId: 'ETH-PERP', size: -1, entryPrice: 3000, marginMode: 'cross' },
        {
          id: 'iso',
          marketId: 'BTC-PERP',
          size: -5,
          entryPrice: 50_000,
          marginMode: 'isolated',
          isolatedMargin: 30_000,
        },
      ],
    });
    expect(priced(liquidationPrice(withIsolated, crossPairPrices, 'btc')).price.toString()).toBe('41200');
  });

  it('says never for a fully collateralised 1× linear long', () => {
    const oneX = account({
      markets: [btc5],
      collateral: [{ asset: 'USDT', amount: 100 }],
      positions: [{ id: 'p', marketId: 'BTC-PERP', size: 1, entryPrice: 100, marginMode: 'cross' }],
    });
    // equity 100 + (p − 100) = p > 0.05 p for every p > 0
    const lp = liquidationPrice(oneX, createPrices({ markets: { 'BTC-PERP': { mark: 100 } } }), 'p');
    expect(lp.kind).toBe('never');
    expect(lp.currentPrice.toString()).toBe('100');
  });

  it('says now when the pool is already below maintenance', () => {
    const thin = account({
      markets: [btc5],
      collateral: [{ asset: 'USDT', amount: 4 }],
      positions: [{ id: 'p', marketId: 'BTC-PERP', size: 1, entryPrice: 100, marginMode: 'cross' }],
    });
    const lp = liquidationPrice(thin, createPrices({ markets: { 'BTC-PERP': { mark: 100 } } }), 'p');
    if (lp.kind !== 'now') throw new Error(`expected now, got ${lp.kind}`);
    // equity 4 < MMR 100 · 0.05 = 5
    expect(lp.equity.toString()).toBe('4');
    expect(lp.threshold.toString()).toBe('5');
  });

  it('returns the current price when equity is exactly at maintenance', () => {
    const exact = account({
      markets: [btc5],
      collateral: [{ asset: 'USDT', amount: 5 }],
      positions: [{ id: 'p', marketId: 'BTC-PERP', size: 1, entryPrice: 100, marginMode: 'cross' }],
    });
    // equity 5 = MMR 5: not yet liquidatable, and the liquidation price is 100 itself
    const lp = priced(liquidationPrice(exact, createPrices({ markets: { 'BTC-PERP': { mark: 100 } } }), 'p'));
    expect(lp.price.toString()).toBe('100');
  });

  it('uses the tier at the liquidation price when a short crosses into a higher tier', () => {
    const short = isolatedOne(tiered, -1, 9000, 1510);
    const lp = priced(liquidationPrice(short, createPrices({ markets: { TIER: { mark: 9000 } } }), 'p'));
    // tier 0 alone would give 10 510 / 1.01 = 10 405.94…, whose notional is in tier 1, so it is not the answer.
    // tier 1: 1 510 − (p − 9 000) = 0.025 p − 150 → 10 660 = 1.025 p → p = 10 400;
    // check: equity 1 510 − 1 400 = 110 = 10 400 · 0.025 − 150
    expect(lp.price.toString()).toBe('10400');
    expect(lp.direction).toBe('up');
    expect(lp.tierIndex).toBe(1);
  });

  it('uses the tier at the liquidation price when a long falls into a lower tier', () => {
    const long = isolatedOne(tiered, 1, 12_000, 2199);
    const lp = priced(liquidationPrice(long, createPrices({ markets: { TIER: { mark: 12_000 } } }), 'p'));
    // tier 1 alone would give (11 850 − 2 199) / 0.975 = 9 898.46…, below its floor.
    // tier 0: 2 199 + (p − 12 000) = 0.01 p → 0.99 p = 9 801 → p = 9 900; check: 2 199 − 2 100 = 99 = 0.01 · 9 900
    expect(lp.price.toString()).toBe('9900');
    expect(lp.direction).toBe('down');
    expect(lp.tierIndex).toBe(0);
  });

  it('puts a liquidation price on a tier floor in the tier that the floor starts', () => {
    const short = isolatedOne(tiered, -1, 9000, 1100);
    const lp = priced(liquidationPrice(short, createPrices({ markets: { TIER: { mark: 9000 } } }), 'p'));
    // 1 100 − (p − 9 000) = 0.01 p → p = 10 100 / 1.01 = 10 000 = the tier-1 floor;
    // tier 1 agrees: 1 100 + 9 000 + 150 = 1.025 · 10 000
    expect(lp.price.toString()).toBe('10000');
    expect(lp.tierIndex).toBe(1);
  });

  it('liquidates at a tier floor where a given deduction makes maintenance jump', () => {
    const jumpy: MarketInput = {
      ...tiered,
      id: 'JUMP',
      marginSchedule: {
        type: 'tiered',
        tiers: [
          { notionalFloor: 0, initialFraction: '0.1', maintenanceFraction: '0.01' },
          {
            notionalFloor: 10_000,
            initialFraction: '0.1',
            maintenanceFraction: '0.05',
            maintenanceDeduction: 0,
          },
        ],
      },
    };
    const short = isolatedOne(jumpy, -1, 9000, 1200);
    const lp = priced(liquidationPrice(short, createPrices({ markets: { JUMP: { mark: 9000 } } }), 'p'));
    // tier 0: 1 200 − (p − 9 000) = 0.01 p → p = 10 200 / 1.01 ≈ 10 099, not in tier 0.
    // just below 10 000 the pool is safe (≈ 200 against ≈ 100); at 10 000 (tier 1): 1 200 − 1 000 = 200 < 500
    expect(lp.price.toString()).toBe('10000');
    expect(lp.direction).toBe('up');
    expect(lp.tierIndex).toBe(1);
  });

  it('finds the liquidation price of an inverse long', () => {
    const long = isolatedOne(inverse, 1, 10_000, '0.01');
    const lp = priced(liquidationPrice(long, createPrices({ markets: { BTCUSD: { mark: 10_000 } } }), 'p'));
    // 0.01 + 100 (1/10 000 − 1/p) = 100 · 0.01 / p → 0.02 = 101 / p → p = 5 050;
    // check: equity 0.02 − 100/5 050 = 1/5 050 = MMR
    expect(lp.price.toString()).toBe('5050');
    expect(lp.direction).toBe('down');
  });

  it('finds the liquidation price of an inverse short', () => {
    const short = isolatedOne(inverse, -1, 10_000, '0.005');
    const lp = priced(liquidationPrice(short, createPrices({ markets: { BTCUSD: { mark: 10_000 } } }), 'p'));
    // 0.005 − 100 (1/10 000 − 1/p) = 1 / p → −0.005 + 99 / p = 0 → p = 19 800
    expect(lp.price.toString()).toBe('19800');
    expect(lp.direction).toBe('up');
  });

  it('uses the tier at the liquidation price when an inverse long falls into a higher tier', () => {
    const inverseTiered: MarketInput = {
      id: 'INV',
      kind: 'inverse',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      marginSchedule: {
        type: 'tiered',
        tiers: [
          { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
          // deduction 1 · (0.025 − 0.01) = 0.015 BTC
          { notionalFloor: 1, initialFraction: '0.05', maintenanceFraction: '0.025' },
        ],
      },
    };
    const long = isolatedOne(inverseTiered, 10_000, 10_000, '0.235');
    const lp = priced(liquidationPrice(long, createPrices({ markets: { INV: { mark: 12_500 } } }), 'p'));
    // notional 10 000 / p BTC: 0.8 at 12 500 (tier 0), ≥ 1 at p ≤ 10 000 (tier 1).
    // tier 0 alone: 0.235 + 1 − 10 100 / p = 0 → p = 8 178.1…, where the notional is in tier 1.
    // tier 1: 0.235 + 10 000 (1/10 000 − 1/p) = 250 / p − 0.015 → 1.25 = 10 250 / p → p = 8 200
    expect(lp.price.toString()).toBe('8200');
    expect(lp.direction).toBe('down');
    expect(lp.tierIndex).toBe(1);
  });

  it('says never for a fully collateralised 1× inverse short', () => {
    const short = isolatedOne(inverse, -1, 10_000, '0.01');
    // equity 0.01 − 0.01 + 100/p = 100/p > MMR 1/p for every p
    expect(liquidationPrice(short, createPrices({ markets: { BTCUSD: { mark: 10_000 } } }), 'p').kind).toBe(
      'never',
    );
  });

  it('uses the oracle price when asked, which can differ from the mark verdict', () => {
    const long = isolatedOne(btc5, 1, 100, '9.75');
    const prices = createPrices({ markets: { 'BTC-PERP': { mark: 94, oracle: 96 } } });
    // at the mark: equity 9.75 − 6 = 3.75 < MMR 94 · 0.05 = 4.7 → now
    const atMark = liquidationPrice(long, prices, 'p');
    expect(atMark.kind).toBe('now');
    expect(atMark.priceSource).toBe('mark');
    // at the oracle: 5.75 ≥ 4.8; 9.75 + (p − 100) = 0.05 p → 0.95 p = 90.25 → p = 95
    const atOracle = priced(liquidationPrice(long, prices, 'p', { priceSource: 'oracle' }));
    expect(atOracle.price.toString()).toBe('95');
    expect(atOracle.priceSource).toBe('oracle');
    expect(atOracle.currentPrice.toString()).toBe('96');
  });

  it('puts maintenance exactly at its answer', () => {
    const lp = priced(liquidationPrice(crossPair, crossPairPrices, 'btc'));
    const s = summarizeAccount(
      crossPair,
      createPrices({ markets: { 'BTC-PERP': { mark: lp.price }, 'ETH-PERP': { mark: 3200 } } }),
    );
    expect(s.cross.equity.equals(s.cross.maintenanceRequirement)).toBe(true);
  });

  it('throws UNKNOWN_POSITION for a position id the account does not hold', () => {
    let caught: unknown;
    try {
      liquidationPrice(crossPair, crossPairPrices, 'BTC-PERP');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).code).toBe('UNKNOWN_POSITION');
    expect((caught as InvalidArgumentError).path).toEqual(['positionId']);
    expect(isMarginKitError(caught)).toBe(true);
  });

  it('throws MISSING_PRICE when a market of the pool has no price', () => {
    let caught: unknown;
    try {
      liquidationPrice(crossPair, createPrices({ markets: { 'BTC-PERP': { mark: 50_000 } } }), 'btc');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingPriceError);
    expect((caught as MissingPriceError).code).toBe('MISSING_PRICE');
    expect((caught as MissingPriceError).path).toEqual(['markets', 'ETH-PERP', 'mark']);
  });
});
