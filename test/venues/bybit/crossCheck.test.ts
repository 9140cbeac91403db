// The Bybit formulas against the library's generic engine. With maintenance on the value at the liquidation
// (mark) price and no fee, the generic isolated liquidation price IS Bybit's mark-basis formula, to the last digit;
// with maintenance on the entry value (Bybit's published examples) the two deliberately differ, by
// MMR·|LP_mark − EP| (linear) or MMR·|1/LP_mark − 1/EP| in 1/price (inverse).
import { describe, expect, it } from 'vitest';
import {
  bankruptcyPrice,
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  liquidationPrice,
  type MarketKind,
} from '../../../src/index.js';
import { bybitBankruptcyPrice } from '../../../src/venues/bybit/bankruptcyPrice.js';
import { bybitInverseCrossLiquidationPrice } from '../../../src/venues/bybit/inverseCrossLiquidationPrice.js';
import { bybitLiquidationPrice } from '../../../src/venues/bybit/liquidationPrice.js';
import { expectClose, price } from './support.js';

/** A one-position isolated account with the given margin, marked at the entry price. */
function isolated(
  kind: MarketKind,
  size: DecimalInput,
  entry: DecimalInput,
  margin: Decimal,
  mmr: DecimalInput,
) {
  const account = createMarginAccount({
    settleAsset: kind === 'linear' ? 'USDT' : 'BTC',
    markets: [
      {
        id: 'M',
        kind,
        baseAsset: 'BTC',
        quoteAsset: kind === 'linear' ? 'USDT' : 'USD',
        marginSchedule: { type: 'flat', initialFraction: '1', maintenanceFraction: mmr },
      },
    ],
    positions: [{ marketId: 'M', size, entryPrice: entry, marginMode: 'isolated', isolatedMargin: margin }],
  });
  return { account, prices: createPrices({ markets: { M: { mark: entry } } }) };
}

describe('BY-LIN-ISO-LONG-UTA inputs: 1 BTC @ 20,000, 50×, MMR 0.5 %', () => {
  const terms = {
    kind: 'linear',
    size: 1,
    entryPrice: 20_000,
    leverage: 50,
    maintenanceRate: '0.005',
  } as const;

  it('generic liquidationPrice = mark-basis formula exactly = 19,600/0.995 = 19,698.49…', () => {
    const mark = bybitLiquidationPrice(terms, { maintenanceBasis: 'mark' });
    if (mark.kind !== 'price') throw new Error('no price');
    const { account, prices } = isolated('linear', 1, 20_000, mark.positionMargin, '0.005');
    const generic = price(liquidationPrice(account, prices, 'M'));
    expect(generic.equals(mark.price)).toBe(true);
    expect(generic.equals(new Decimal(19_600).div('0.995'))).toBe(true);
    expect(generic.toFixed(2)).toBe('19698.49');
  });

  it('entry basis (Bybit, 19,700) lies MMR·(EP − LP_mark) = 1.5075… above the generic price', () => {
    const entry = price(bybitLiquidationPrice(terms));
    const mark = price(bybitLiquidationPrice(terms, { maintenanceBasis: 'mark' }));
    expect(entry.toString()).toBe('19700');
    const gap = entry.minus(mark);
    expectClose(gap, new Decimal('0.005').times(new Decimal(20_000).minus(mark)));
    expect(gap.toFixed(6)).toBe('1.507538');
  });

  it('the short: generic = mark basis = 20,400/1.005; entry basis 20,300 lies MMR·(LP_mark − EP) above it', () => {
    const short = { ...terms, size: -1 };
    const mark = bybitLiquidationPrice(short, { maintenanceBasis: 'mark' });
    if (mark.kind !== 'price') throw new Error('no price');
    const { account, prices } = isolated('linear', -1, 20_000, mark.positionMargin, '0.005');
    expect(price(liquidationPrice(account, prices, 'M')).equals(mark.price)).toBe(true);
    const entry = price(bybitLiquidationPrice(short));
    expect(entry.toString()).toBe('20300');
    expectClose(entry.minus(mark.price), new Decimal('0.005').times(mark.price.minus(20_000)));
    // For a short the entry basis is further from entry than the generic price.
    expect(entry.greaterThan(mark.price)).toBe(true);
  });

  it('bankruptcy: generic bankruptcyPrice = bybitBankruptcyPrice exactly (9,800 at 10,000)', () => {
    const bp = price(bybitBankruptcyPrice({ kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 }));
    const { account, prices } = isolated('linear', 1, 10_000, new Decimal(200), '0.005');
    expect(price(bankruptcyPrice(account, prices, 'M')).equals(bp)).toBe(true);
  });

  it('the close fee moves Bybit away from the generic engine only through extra margin', () => {
    const fee = { maintenanceBasis: 'mark', includeCloseFee: true, takerFeeRate: '0.00055' } as const;
    const noExtra = price(bybitLiquidationPrice(terms, fee));
    expectClose(noExtra, new Decimal(19_600).div('0.995'));
    const extra = bybitLiquidationPrice({ ...terms, extraMargin: 100 }, fee);
    if (extra.kind !== 'price') throw new Error('no price');
    // Generic engine with the same margin (IM + fee + extra) and no fee in maintenance.
    const { account, prices } = isolated('linear', 1, 20_000, extra.positionMargin, '0.005');
    const generic = price(liquidationPrice(account, prices, 'M'));
    expect(generic.equals(extra.price)).toBe(false);
    expectClose(extra.price, new Decimal(19_600).minus(new Decimal(100).div('0.99945')).div('0.995'));
  });
});

describe('BY-INV-ISO-UTA inputs: 60,000 USD @ 50,000, 10×, MMR 0.5 %', () => {
  const terms = { kind: 'inverse', entryPrice: 50_000, leverage: 10, maintenanceRate: '0.005' } as const;

  for (const size of [60_000, -60_000]) {
    it(`${size > 0 ? 'long' : 'short'}: generic = mark basis exactly; entry basis differs by MMR·|1/LP_mark − 1/EP| in 1/price`, () => {
      const mark = bybitLiquidationPrice({ ...terms, size }, { maintenanceBasis: 'mark' });
      if (mark.kind !== 'price') throw new Error('no price');
      const { account, prices } = isolated('inverse', size, 50_000, mark.positionMargin, '0.005');
      const generic = price(liquidationPrice(account, prices, 'M'));
      expect(generic.equals(mark.price)).toBe(true);
      const entry = price(bybitLiquidationPrice({ ...terms, size }));
      const one = new Decimal(1);
      const inverseGap = one.div(entry).minus(one.div(mark.price));
      expectClose(
        inverseGap,
        new Decimal('0.005').times(one.div(mark.price).minus(one.div(50_000)).abs()),
        '1e-30',
      );
      // Inverse: the entry basis is the lower price on both sides (further for the long, closer for the short).
      expect(entry.lessThan(mark.price)).toBe(true);
    });
  }

  it('the long: entry basis 45,662.10 (the vector) against mark basis / generic 60,000·1.005/1.32 = 45,681.82', () => {
    const entry = price(bybitLiquidationPrice({ ...terms, size: 60_000 }));
    const mark = price(bybitLiquidationPrice({ ...terms, size: 60_000 }, { maintenanceBasis: 'mark' }));
    expect(entry.toFixed(2)).toBe('45662.10');
    expect(mark.toFixed(2)).toBe('45681.82');
  });
});

describe('BY-INV-CROSS against the generic cross engine', () => {
  it('old inverse page 5,739.08 (printed 5,739.50) vs generic N·(1 + MMR)/(B + N/EP) = 5,742.86', () => {
    const bybit = bybitInverseCrossLiquidationPrice({
      size: 10_000,
      entryPrice: 8_000,
      balance: '0.5',
      maintenanceRate: '0.005',
      takerFeeRate: '0.00075',
    });
    const account = createMarginAccount({
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
      collateral: [{ asset: 'BTC', amount: '0.5' }],
      positions: [{ marketId: 'BTCUSD', size: 10_000, entryPrice: 8_000, marginMode: 'cross' }],
    });
    const generic = price(
      liquidationPrice(account, createPrices({ markets: { BTCUSD: { mark: 8_000 } } }), 'BTCUSD'),
    );
    expectClose(generic, new Decimal(10_050).div('1.75'));
    expect(generic.toFixed(2)).toBe('5742.86');
    // Maintenance on the entry value (1.25 BTC, less than the value at any lower price) alone would give
    // 10,000/1.74375 = 5,734.77; the fee to close reserved at the bankruptcy price raises that to 5,739.08, which is
    // still 3.77 USD below the generic price.
    expect(new Decimal(10_000).div('1.74375').toFixed(2)).toBe('5734.77');
    expect(generic.minus(price(bybit.liquidationPrice)).toFixed(2)).toBe('3.77');
  });
});
