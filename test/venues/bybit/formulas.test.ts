// The isolated formulas one by one: the documented examples of each TSDoc, the option matrix, the 2026 fee-aware
// inverse text, `never` outcomes, and typed argument errors.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../src/index.js';
import { bybitBankruptcyPrice } from '../../../src/venues/bybit/bankruptcyPrice.js';
import { bybitCloseFee } from '../../../src/venues/bybit/closeFee.js';
import { bybitInitialMargin } from '../../../src/venues/bybit/initialMargin.js';
import { bybitInverseCrossLiquidationPrice } from '../../../src/venues/bybit/inverseCrossLiquidationPrice.js';
import { bybitLiquidationPrice } from '../../../src/venues/bybit/liquidationPrice.js';
import { bybitOrderCost } from '../../../src/venues/bybit/orderCost.js';
import { bybitRoi } from '../../../src/venues/bybit/roi.js';
import { expectClose, price, thrown } from './support.js';

const btc = { kind: 'linear', size: 1, entryPrice: 20_000, leverage: 50, maintenanceRate: '0.005' } as const;

describe('TSDoc examples', () => {
  it('bybitLiquidationPrice', () => {
    const lp = bybitLiquidationPrice(btc);
    expect(lp.kind === 'price' && lp.price.toString()).toBe('19700');
    const atMark = bybitLiquidationPrice(btc, { maintenanceBasis: 'mark' });
    expect(atMark.kind === 'price' && atMark.price.toFixed(2)).toBe('19698.49');
  });

  it('bybitBankruptcyPrice', () => {
    const bp = bybitBankruptcyPrice({ kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 });
    expect(bp.kind === 'price' && bp.price.toString()).toBe('9800');
  });

  it('bybitInitialMargin', () => {
    expect(
      bybitInitialMargin({ kind: 'inverse', size: 12_000, entryPrice: 8_000, leverage: 50 }).toString(),
    ).toBe('0.03');
    expect(
      bybitInitialMargin(
        { kind: 'linear', size: '0.5', entryPrice: 50_000, leverage: 10 },
        { includeCloseFee: true, takerFeeRate: '0.00055' },
      ).toString(),
    ).toBe('2512.375');
  });

  it('bybitCloseFee', () => {
    expect(
      bybitCloseFee({ kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 }, '0.00075').toString(),
    ).toBe('7.35');
  });

  it('bybitOrderCost', () => {
    expect(
      bybitOrderCost(
        { kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 },
        '0.00075',
      ).total.toString(),
    ).toBe('214.85');
  });

  it('bybitRoi', () => {
    expect(
      bybitRoi(100, { kind: 'linear', size: '0.2', entryPrice: 7_000, leverage: 10 }, '0.00055')
        .times(100)
        .toFixed(4),
    ).toBe('71.0767');
  });

  it('bybitInverseCrossLiquidationPrice', () => {
    const r = bybitInverseCrossLiquidationPrice({
      size: 10_000,
      entryPrice: 8_000,
      balance: '0.5',
      maintenanceRate: '0.005',
      takerFeeRate: '0.00075',
    });
    expect(r.bankruptcyPrice.kind === 'price' && r.bankruptcyPrice.price.toFixed(2)).toBe('5718.57');
    expect(r.liquidationPrice.kind === 'price' && r.liquidationPrice.price.toFixed(2)).toBe('5739.08');
  });
});

describe('bybitLiquidationPrice: the option matrix', () => {
  it('short mirrors the long exactly on the entry basis (20,000 ± 300)', () => {
    expect(price(bybitLiquidationPrice({ ...btc, size: -1 })).toString()).toBe('20300');
  });

  it('extra margin and a tier deduction move the entry-basis price by (X + d)/Q', () => {
    // LP = EP − (IM − (Q·EP·MMR − d))/Q − X/Q = 20,000 − (400 − 100 + 30)/2 − 50/2 … with Q = 2: IM 800, MM 200 − 30.
    const r = bybitLiquidationPrice({ ...btc, size: 2, maintenanceDeduction: 30, extraMargin: 50 });
    expect(price(r).toString()).toBe(
      new Decimal(20_000).minus(new Decimal(800 - 170 + 50).div(2)).toString(),
    );
    expect(r.kind === 'price' && r.maintenanceMargin.toString()).toBe('170');
    expect(r.kind === 'price' && r.positionMargin.toString()).toBe('850');
  });

  it('mark basis: (Q·EP − IM − X − d)/(Q·(1 − MMR)) and (Q·EP + IM + X + d)/(Q·(1 + MMR))', () => {
    const long = bybitLiquidationPrice(
      { ...btc, extraMargin: 10, maintenanceDeduction: 5 },
      { maintenanceBasis: 'mark' },
    );
    expectClose(price(long), new Decimal(20_000 - 400 - 10 - 5).div('0.995'));
    const short = bybitLiquidationPrice(
      { ...btc, size: -1, extraMargin: 10, maintenanceDeduction: 5 },
      { maintenanceBasis: 'mark' },
    );
    expectClose(price(short), new Decimal(20_000 + 400 + 10 + 5).div('1.005'));
  });

  it('the close fee changes nothing without extra margin (the fee in IM equals the fee in MM at the LP)', () => {
    for (const basis of ['entry', 'mark'] as const) {
      for (const size of [1, -1]) {
        const plain = price(bybitLiquidationPrice({ ...btc, size }, { maintenanceBasis: basis }));
        const r = bybitLiquidationPrice(
          { ...btc, size },
          { maintenanceBasis: basis, includeCloseFee: true, takerFeeRate: '0.00055' },
        );
        expectClose(price(r), plain);
        // The margin now holds the fee at the bankruptcy price: 0.055 % × 20,000 × (1 ∓ 2 %).
        expect(r.positionMargin.toString()).toBe(size > 0 ? '410.78' : '411.22');
      }
    }
  });

  it('with the close fee, extra margin counts as X/(1 − t) for a linear long and X/(1 + t) for a linear short', () => {
    const options = { includeCloseFee: true, takerFeeRate: '0.001' } as const;
    const long = bybitLiquidationPrice({ ...btc, extraMargin: 999 }, options);
    expectClose(price(long), new Decimal(19_700).minus(new Decimal(999).div('0.999')));
    const short = bybitLiquidationPrice({ ...btc, size: -1, extraMargin: 1001 }, options);
    expectClose(price(short), new Decimal(20_300).plus(new Decimal(1001).div('1.001')));
  });

  it("inverse, mark basis with the close fee, is Bybit's 2026 text", () => {
    // LP_long = N·(MMR + 1) / [N/EP + N/EP/L + X/(1 + t) + d], LP_short = N·(1 − MMR) / [N/EP − N/EP/L − X/(1 − t) − d]
    const N = new Decimal(60_000);
    const EP = new Decimal(50_000);
    const t = new Decimal('0.00055');
    const X = new Decimal('0.01');
    const d = new Decimal('0.0004');
    const terms = {
      kind: 'inverse',
      entryPrice: EP,
      leverage: 10,
      maintenanceRate: '0.005',
      maintenanceDeduction: d,
      extraMargin: X,
    } as const;
    const options = { maintenanceBasis: 'mark', includeCloseFee: true, takerFeeRate: t } as const;
    const pv = N.div(EP);
    const long = bybitLiquidationPrice({ ...terms, size: N }, options);
    expectClose(
      price(long),
      N.times('1.005').div(
        pv
          .plus(pv.div(10))
          .plus(X.div(t.plus(1)))
          .plus(d),
      ),
    );
    const short = bybitLiquidationPrice({ ...terms, size: N.negated() }, options);
    expectClose(
      price(short),
      N.times('0.995').div(
        pv
          .minus(pv.div(10))
          .minus(X.div(new Decimal(1).minus(t)))
          .minus(d),
      ),
    );
  });

  it('inverse entry basis: N / [N/EP ± (IM − MM + X)]; the 2024 text puts extra margin outside, which is not a price', () => {
    const r = bybitLiquidationPrice({
      kind: 'inverse',
      size: 60_000,
      entryPrice: 50_000,
      leverage: 10,
      maintenanceRate: '0.005',
      extraMargin: '0.1',
    });
    expectClose(price(r), new Decimal(60_000).div('1.414'));
  });

  it('the maintenance margin it reports equals the margin balance at the liquidation price', () => {
    const r = bybitLiquidationPrice(
      { ...btc, extraMargin: 120, maintenanceDeduction: 7 },
      { maintenanceBasis: 'mark', includeCloseFee: true, takerFeeRate: '0.0006' },
    );
    if (r.kind !== 'price') throw new Error('no price');
    expectClose(r.positionMargin.plus(r.price.minus(20_000)), r.maintenanceMargin);
  });

  it('never: a 1× linear long with extra margin; a 1× inverse short on the mark basis', () => {
    expect(
      bybitLiquidationPrice({
        kind: 'linear',
        size: 1,
        entryPrice: 100,
        leverage: 1,
        maintenanceRate: 0,
        extraMargin: 1,
      }).kind,
    ).toBe('never');
    const short = {
      kind: 'inverse',
      size: -1000,
      entryPrice: 100,
      leverage: 1,
      maintenanceRate: '0.005',
    } as const;
    const r = bybitLiquidationPrice(short, { maintenanceBasis: 'mark' });
    expect(r.kind).toBe('never');
    expect(r.initialMargin.toString()).toBe('10');
    // On the entry basis its maintenance margin stays 0.05 BTC while its margin balance N/p falls with the price:
    // liquidated at N/0.05 = 20,000.
    expect(price(bybitLiquidationPrice(short)).toString()).toBe('20000');
  });
});

describe('bybitBankruptcyPrice', () => {
  it('linear short EP·(1 + 1/L); inverse long EP·L/(L + 1) and short EP·L/(L − 1)', () => {
    expect(
      price(bybitBankruptcyPrice({ kind: 'linear', size: -1, entryPrice: 10_000, leverage: 50 })).toString(),
    ).toBe('10200');
    expectClose(
      price(bybitBankruptcyPrice({ kind: 'inverse', size: 1000, entryPrice: 8000, leverage: 4 })),
      new Decimal(8000 * 4).div(5),
    );
    expectClose(
      price(bybitBankruptcyPrice({ kind: 'inverse', size: -1000, entryPrice: 8000, leverage: 4 })),
      new Decimal(8000 * 4).div(3),
    );
  });

  it('extra margin moves it by X/Q (linear); a 1× linear long never goes bankrupt', () => {
    expect(
      price(
        bybitBankruptcyPrice({ kind: 'linear', size: 2, entryPrice: 10_000, leverage: 50, extraMargin: 100 }),
      ).toString(),
    ).toBe('9750');
    expect(bybitBankruptcyPrice({ kind: 'linear', size: 1, entryPrice: 10_000, leverage: 1 }).kind).toBe(
      'never',
    );
    expect(bybitBankruptcyPrice({ kind: 'inverse', size: -5, entryPrice: 10_000, leverage: 1 }).kind).toBe(
      'never',
    );
  });

  it('with the close fee: the same price without extra margin, extra margin as X/(1 − t) for a long', () => {
    const terms = { kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 } as const;
    const fee = { includeCloseFee: true, takerFeeRate: '0.001' } as const;
    expectClose(price(bybitBankruptcyPrice(terms, fee)), 9800);
    expectClose(price(bybitBankruptcyPrice({ ...terms, extraMargin: 999 }, fee)), 8800);
  });
});

describe('fees, order cost, ROI', () => {
  it('inverse close fee and order cost are in coin', () => {
    const terms = { kind: 'inverse', size: 10_000, entryPrice: 8_000, leverage: 50 } as const;
    // N/EP = 1.25 BTC; N/BP = 1.25 · (1 + 1/50) = 1.275 BTC
    expect(bybitCloseFee(terms, '0.00075').toString()).toBe('0.00095625');
    const cost = bybitOrderCost(terms, '0.00075');
    expect(cost.initialMargin.toString()).toBe('0.025');
    expect(cost.openFee.toString()).toBe('0.0009375');
    expectClose(price(cost.bankruptcyPrice), new Decimal(10_000).div('1.275'));
    expect(cost.total.toString()).toBe('0.02689375');
  });

  it('a 1× inverse short has no bankruptcy price and no fee to close', () => {
    const cost = bybitOrderCost({ kind: 'inverse', size: -100, entryPrice: 50, leverage: 1 }, '0.001');
    expect(cost.bankruptcyPrice.kind).toBe('never');
    expect(cost.closeFee.isZero()).toBe(true);
  });

  it('ROI is negative for a loss and 0 for no PnL', () => {
    const terms = { kind: 'linear', size: 1, entryPrice: 100, leverage: 10 } as const;
    expect(bybitRoi(-5, terms, 0).toString()).toBe('-0.5');
    expect(bybitRoi(0, terms, '0.001').isZero()).toBe(true);
  });
});

describe('bybitInverseCrossLiquidationPrice', () => {
  it('a short: BP = (1 − f)·N/(N/EP − F), LP above entry and below BP', () => {
    const r = bybitInverseCrossLiquidationPrice({
      size: -10_000,
      entryPrice: 8_000,
      balance: '0.5',
      maintenanceRate: '0.005',
      takerFeeRate: '0.00075',
    });
    const bp = price(r.bankruptcyPrice);
    expectClose(bp, new Decimal('9992.5').div('0.75'));
    const lp = price(r.liquidationPrice);
    expect(lp.greaterThan(8000) && lp.lessThan(bp)).toBe(true);
    expect(r.liquidationPrice.kind === 'price' && r.liquidationPrice.direction).toBe('up');
  });

  it('order margin reduces the free balance; a short backed by its whole value never goes bankrupt', () => {
    const base = { size: 10_000, entryPrice: 8_000, maintenanceRate: '0.005', takerFeeRate: '0.00075' };
    const withOrders = bybitInverseCrossLiquidationPrice({ ...base, balance: '0.6', orderMargin: '0.1' });
    const without = bybitInverseCrossLiquidationPrice({ ...base, balance: '0.5' });
    expect(price(withOrders.liquidationPrice).equals(price(without.liquidationPrice))).toBe(true);
    const hedged = bybitInverseCrossLiquidationPrice({ ...base, size: -10_000, balance: '2' });
    expect(hedged.bankruptcyPrice.kind).toBe('never');
    expect(hedged.liquidationPrice.kind).toBe('never');
  });
});

describe('typed argument errors', () => {
  it('names the field at fault', () => {
    expect(thrown(() => bybitLiquidationPrice({ ...btc, size: 0 }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: ['terms', 'size'],
    });
    expect(thrown(() => bybitLiquidationPrice({ ...btc, entryPrice: -1 })).path).toEqual([
      'terms',
      'entryPrice',
    ]);
    expect(thrown(() => bybitLiquidationPrice({ ...btc, leverage: 0 })).path).toEqual(['terms', 'leverage']);
    expect(thrown(() => bybitLiquidationPrice({ ...btc, maintenanceRate: 1 })).path).toEqual([
      'terms',
      'maintenanceRate',
    ]);
    expect(thrown(() => bybitLiquidationPrice({ ...btc, maintenanceDeduction: -1 })).path).toEqual([
      'terms',
      'maintenanceDeduction',
    ]);
    expect(thrown(() => bybitLiquidationPrice({ ...btc, extraMargin: 'x' })).path).toEqual([
      'terms',
      'extraMargin',
    ]);
    expect(thrown(() => bybitLiquidationPrice({ ...btc, kind: 'spot' as 'linear' })).path).toEqual([
      'terms',
      'kind',
    ]);
    expect(thrown(() => bybitLiquidationPrice(btc, { maintenanceBasis: 'index' as 'mark' })).path).toEqual([
      'options',
      'maintenanceBasis',
    ]);
    expect(thrown(() => bybitLiquidationPrice(btc, { includeCloseFee: true })).path).toEqual([
      'options',
      'takerFeeRate',
    ]);
    expect(thrown(() => bybitCloseFee(btc, '-0.001')).path).toEqual(['takerFeeRate']);
    expect(thrown(() => bybitRoi(Number.NaN, btc, 0)).path).toEqual(['unrealizedPnl']);
    expect(
      thrown(() =>
        bybitInverseCrossLiquidationPrice({
          size: 1,
          entryPrice: 0,
          balance: 1,
          maintenanceRate: 0,
          takerFeeRate: 0,
        }),
      ).path,
    ).toEqual(['input', 'entryPrice']);
  });
});
