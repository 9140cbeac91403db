import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  type LiquidationPrice,
  liquidationPrice,
  MissingPriceError,
  type Prices,
  summarizeAccount,
} from '../../../src/index.js';
import { fromHyperliquidClearinghouseState } from '../../../src/venues/hyperliquid/fromHyperliquidClearinghouseState.js';
import {
  type HyperliquidLiquidationPrice,
  hyperliquidLiquidationPrice,
} from '../../../src/venues/hyperliquid/hyperliquidLiquidationPrice.js';
import { hyperliquidMarket } from '../../../src/venues/hyperliquid/hyperliquidMarket.js';
import { assetCtxs, meta, state } from './fixtures.js';

const ETH50 = hyperliquidMarket({
  coin: 'ETH',
  szDecimals: 4,
  marginTable: { marginTiers: [{ lowerBound: 0, maxLeverage: 50 }] },
});

function priced(lp: HyperliquidLiquidationPrice) {
  if (lp.kind !== 'price') throw new Error(`expected a price, got ${lp.kind}`);
  return lp;
}

function isolatedEth(size: string, entry: string, margin: string) {
  return createMarginAccount({
    settleAsset: 'USDC',
    markets: [ETH50],
    positions: [{ marketId: 'ETH', size, entryPrice: entry, marginMode: 'isolated', isolatedMargin: margin }],
  });
}

const ethAt = (mark: string): Prices => createPrices({ markets: { ETH: { mark, oracle: mark } } });

describe('hyperliquidLiquidationPrice', () => {
  it('reproduces its documented example (HL-LIQ-ISO-05)', () => {
    const account = createMarginAccount({
      settleAsset: 'USDC',
      markets: [
        hyperliquidMarket({
          coin: 'ETH',
          szDecimals: 4,
          marginTable: { marginTiers: [{ lowerBound: '0.0', maxLeverage: 50 }] },
        }),
      ],
      positions: [
        {
          marketId: 'ETH',
          size: '0.0199',
          entryPrice: '2459.5',
          marginMode: 'isolated',
          isolatedMargin: '24.454895',
        },
      ],
    });
    const prices = createPrices({ markets: { ETH: { mark: '2459.5', oracle: '2459.1' } } });
    const lp = priced(hyperliquidLiquidationPrice(account, prices, 'ETH', { referencePrice: 'entry' }));
    expect(lp.price.toFixed(6)).toBe('1243.041216');
  });

  it('evaluates the documented formula term by term', () => {
    // isolated short 2 ETH at 3,000 with 200 USDC, mark 3,050 (PnL −100): l = 1 %
    const account = isolatedEth('-2', '3000', '200');
    const lp = priced(hyperliquidLiquidationPrice(account, ethAt('3050'), 'ETH'));
    const t = lp.terms;
    expect([t.side, t.positionSize.toString(), t.referencePrice.toString()]).toEqual([-1, '2', '3050']);
    expect(t.accountValue.toString()).toBe('100'); // 200 − 100
    expect(t.maintenanceMarginRequired.toString()).toBe('61'); // 6 100 · 1 %
    expect(t.marginAvailable.toString()).toBe('39');
    expect(t.maintenanceFraction.toString()).toBe('0.01');
    // liq = price − side · margin_available / position_size / (1 − l · side) = 3050 + 39 / 2 / 1.01
    const formula = t.referencePrice.minus(
      t.marginAvailable
        .times(t.side)
        .div(t.positionSize)
        .div(new Decimal(1).minus(t.maintenanceFraction.times(t.side))),
    );
    expect(lp.price.minus(formula).abs().lessThan('1e-35')).toBe(true);
    expect(lp.direction).toBe('up');
    expect(lp.price.toFixed(6)).toBe('3069.306931');
  });

  it('gives the same price with the entry or the mark as reference (the reading of the docs used here)', () => {
    const account = isolatedEth('0.85', '3050.2', '149.6335');
    for (const mark of ['3102.4', '2990', '3050.2']) {
      const byMark = priced(hyperliquidLiquidationPrice(account, ethAt(mark), 'ETH'));
      const byEntry = priced(
        hyperliquidLiquidationPrice(account, ethAt(mark), 'ETH', { referencePrice: 'entry' }),
      );
      expect(byMark.price.eq(byEntry.price)).toBe(true);
      expect(byEntry.terms.referencePrice.toString()).toBe('3050.2');
      expect(byEntry.terms.accountValue.toString()).toBe('149.6335');
    }
  });

  it('equals the library engine on a cross account with other positions held at their marks', () => {
    const { account, prices } = fromHyperliquidClearinghouseState(state('mixed'), meta(), assetCtxs());
    for (const p of account.positions) {
      const venue = hyperliquidLiquidationPrice(account, prices, p.id);
      const engine: LiquidationPrice = liquidationPrice(account, prices, p.id);
      expect(venue.kind).toBe('price');
      expect(engine.kind).toBe('price');
      if (venue.kind !== 'price' || engine.kind !== 'price') continue;
      expect(venue.price.eq(engine.price)).toBe(true);
      expect([venue.direction, venue.tierIndex, venue.marginMode]).toEqual([
        engine.direction,
        engine.tierIndex,
        engine.marginMode,
      ]);
      // the result is a ThresholdPrice
      const asEngine: LiquidationPrice = venue;
      expect(asEngine.currentPrice.eq(engine.currentPrice)).toBe(true);
    }
  });

  it('takes l from the tier at the liquidation notional, across a tier boundary', () => {
    // BTC long 2,600 at a mark of 63,410: 164.9M, above the 150M bound (20×); liquidation near 55,030: 143M (40×)
    const { account, prices } = fromHyperliquidClearinghouseState(state('tiered'), meta(), assetCtxs());
    const now = summarizeAccount(account, prices).positions[0];
    expect(now?.requirement.tierIndex).toBe(1);
    const lp = priced(hyperliquidLiquidationPrice(account, prices, 'BTC'));
    expect([lp.tierIndex, lp.terms.tierIndex, lp.terms.maintenanceFraction.toString()]).toEqual([
      0,
      0,
      '0.0125',
    ]);
    expect(lp.price.toFixed(8)).toBe('55029.77994158');
    const engine = liquidationPrice(account, prices, 'BTC');
    expect(engine.kind === 'price' && engine.price.eq(lp.price)).toBe(true);
    // equity = maintenance at the result
    const at = summarizeAccount(
      account,
      createPrices({ markets: { ...prices.markets, BTC: { mark: lp.price } } }),
    );
    expect(at.cross.equity.minus(at.cross.maintenanceRequirement).abs().lessThan('1e-28')).toBe(true);
    // The other reading (the position's current requirement, tier 20×, in margin_available) is off by
    // (N_ref − bound)·(MMR_ref − l) / (Q·(1 − l)) = 14 866 000 · 0.0125 / (2 600 · 0.9875) ≈ 72.38 higher.
    const t = lp.terms;
    const current = summarizeAccount(account, prices).cross;
    const literal = t.referencePrice.minus(
      t.accountValue
        .minus(current.maintenanceRequirement)
        .div(t.positionSize)
        .div(new Decimal(1).minus('0.0125')),
    );
    const shift = new Decimal('164866000')
      .minus('150000000')
      .times('0.0125')
      .div(new Decimal(2600).times('0.9875'));
    expect(literal.minus(lp.price).minus(shift).abs().lessThan('1e-30')).toBe(true);
    expect(shift.toFixed(2)).toBe('72.38');
  });

  it('says now when the pool is below maintenance at the mark', () => {
    const account = isolatedEth('1', '3000', '100'); // 50×: liquidation at (3000 − 100)/0.99 ≈ 2929.29
    const lp = hyperliquidLiquidationPrice(account, ethAt('2920'), 'ETH');
    expect(lp.kind).toBe('now');
    if (lp.kind !== 'now') return;
    expect([lp.equity.toString(), lp.threshold.toString()]).toEqual(['20', '29.2']);
    expect(liquidationPrice(account, ethAt('2920'), 'ETH').kind).toBe('now');
  });

  it('says never when no positive price reaches maintenance', () => {
    // a long whose margin exceeds its value: (Q·e − M) ≤ 0
    const account = isolatedEth('1', '3000', '3000.5');
    const lp = hyperliquidLiquidationPrice(account, ethAt('3000'), 'ETH');
    expect(lp.kind).toBe('never');
    if (lp.kind === 'never') expect(lp.terms?.marginAvailable.toString()).toBe('2970.5');
    expect(liquidationPrice(account, ethAt('3000'), 'ETH').kind).toBe('never');
    // a flat cross position
    const flat = createMarginAccount({
      settleAsset: 'USDC',
      markets: [ETH50],
      collateral: [{ asset: 'USDC', amount: 10 }],
      positions: [{ marketId: 'ETH', size: 0, entryPrice: 3000, marginMode: 'cross' }],
    });
    expect(hyperliquidLiquidationPrice(flat, ethAt('3000'), 'ETH').kind).toBe('never');
  });

  it('reports the tier whose terms it used at an exact tier boundary', () => {
    // tiers 50× from 0 (l = 1 %) and 25× from 100 000 (l = 2 %, deduction 1 000); isolated long 100 ETH at 1 100
    // with 11 000 USDC: at 1 000, equity 11 000 − 10 000 = 1 000 = maintenance 100 000 · 2 % − 1 000, notional
    // exactly on the 100 000 bound, which belongs to the upper tier (floor inclusive).
    const eth = hyperliquidMarket({
      coin: 'ETH',
      szDecimals: 4,
      marginTable: {
        marginTiers: [
          { lowerBound: 0, maxLeverage: 50 },
          { lowerBound: 100_000, maxLeverage: 25 },
        ],
      },
    });
    const account = createMarginAccount({
      settleAsset: 'USDC',
      markets: [eth],
      positions: [
        { marketId: 'ETH', size: '100', entryPrice: '1100', marginMode: 'isolated', isolatedMargin: '11000' },
      ],
    });
    for (const referencePrice of ['mark', 'entry'] as const) {
      const lp = priced(hyperliquidLiquidationPrice(account, ethAt('1100'), 'ETH', { referencePrice }));
      expect(lp.price.toString()).toBe('1000');
      expect([lp.tierIndex, lp.terms.tierIndex, lp.terms.maintenanceFraction.toString()]).toEqual([
        1,
        1,
        '0.02',
      ]);
      const engine = liquidationPrice(account, ethAt('1100'), 'ETH');
      expect(engine.kind === 'price' && [engine.price.toString(), engine.tierIndex]).toEqual(['1000', 1]);
    }
  });

  it('rejects an unknown position, an inverse market, two cross positions in one market and a missing mark', () => {
    const account = isolatedEth('1', '3000', '100');
    expect(() => hyperliquidLiquidationPrice(account, ethAt('3000'), 'BTC')).toThrow(InvalidArgumentError);
    const inverse = createMarginAccount({
      settleAsset: 'BTC',
      markets: [
        {
          id: 'BTCUSD',
          kind: 'inverse',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' },
        },
      ],
      collateral: [{ asset: 'BTC', amount: 1 }],
      positions: [{ marketId: 'BTCUSD', size: 100, entryPrice: 50_000, marginMode: 'cross' }],
    });
    expect(() =>
      hyperliquidLiquidationPrice(inverse, createPrices({ markets: { BTCUSD: { mark: 50_000 } } }), 'BTCUSD'),
    ).toThrow(/inverse/);
    const hedge = createMarginAccount({
      settleAsset: 'USDC',
      markets: [ETH50],
      collateral: [{ asset: 'USDC', amount: 1000 }],
      positions: [
        { id: 'long', marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' },
        { id: 'short', marketId: 'ETH', size: -1, entryPrice: 3000, marginMode: 'cross' },
      ],
    });
    expect(() => hyperliquidLiquidationPrice(hedge, ethAt('3000'), 'long')).toThrow(
      /one position per market/,
    );
    expect(() =>
      hyperliquidLiquidationPrice(account, createPrices({ markets: { ETH: { oracle: 1 } } }), 'ETH'),
    ).toThrow(MissingPriceError);
  });
});
