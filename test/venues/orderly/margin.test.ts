import { describe, expect, it } from 'vitest';
import {
  Decimal,
  fromOrderlyPositions,
  type OrderlyAccount,
  orderlyAccountMargin,
  orderlyInitialMarginRatio,
  orderlyLiquidationPrice,
  orderlyMaintenanceMarginRatio,
  orderlyMaxOrderQty,
} from '../../../src/index.js';
import { notionalPower } from '../../../src/venues/orderly/notionalPower.js';
import { invalidArgument } from '../../support/invalidArgument.js';

const btc = { baseImr: '0.01', baseMmr: '0.006', imrFactor: '0.000000375' };
const eth = { baseImr: '0.1', baseMmr: '0.05', imrFactor: '0' };
const markets = { PERP_BTC_USDC: btc, PERP_ETH_USDC: eth };

describe('notionalPower', () => {
  it('is exact on fifth powers and 40 digits otherwise', () => {
    expect(notionalPower(new Decimal(32)).toString()).toBe('16');
    expect(notionalPower(new Decimal('1e10')).toString()).toBe('100000000');
    expect(notionalPower(new Decimal(0)).toString()).toBe('0');
    // 1e7^0.8 = 10^5.6 = 398107.1705534972507702523050877520434877 (40 digits)
    expect(notionalPower(new Decimal('1e7')).toString()).toBe('398107.1705534972507702523050877520434877');
  });
});

describe('orderlyInitialMarginRatio / orderlyMaintenanceMarginRatio', () => {
  it('takes the largest of the leverage floor, the base ratio and the size term', () => {
    expect(orderlyInitialMarginRatio(btc, 100_000).toString()).toBe('0.01');
    // 0.000000375 · 1e10^0.8 = 0.000000375 · 1e8 = 37.5: a $10bn position needs 3 750 %
    expect(orderlyInitialMarginRatio(btc, '1e10').toString()).toBe('37.5');
    expect(orderlyInitialMarginRatio(btc, 100_000, { maxAccountLeverage: 20 }).toString()).toBe('0.05');
    expect(orderlyMaintenanceMarginRatio(btc, '1e10').toString()).toBe('22.5');
    expect(orderlyMaintenanceMarginRatio(btc, -100_000).toString()).toBe('0.006');
  });
  it('rejects a zero base IMR and a non-positive leverage with their paths', () => {
    expect(invalidArgument(() => orderlyMaintenanceMarginRatio({ ...btc, baseImr: 0 }, 1)).path).toEqual([
      'market',
      'baseImr',
    ]);
    expect(invalidArgument(() => orderlyInitialMarginRatio(btc, 1, { maxAccountLeverage: 0 })).path).toEqual([
      'maxAccountLeverage',
    ]);
  });
});

describe('orderlyAccountMargin', () => {
  it('weights the ratios by notional (hand-checked)', () => {
    // BTC long 1 at 50 000 (cost 48 000): +2 000; ETH short 10 at 2 000 (cost −21 000): +1 000; balance 5 000
    const m = orderlyAccountMargin(
      {
        usdcBalance: 5_000,
        positions: [
          { symbol: 'PERP_BTC_USDC', qty: 1, markPrice: 50_000, costPosition: 48_000 },
          { symbol: 'PERP_ETH_USDC', qty: -10, markPrice: 2_000, costPosition: -21_000 },
        ],
      },
      markets,
    );
    expect(m.totalCollateral.toString()).toBe('8000');
    expect(m.totalNotional.toString()).toBe('70000');
    // BTC: 50 000^0.8 · 0.000000375 = 0.00218… < 1 %: IM 500, MM 300; ETH: IM 2 000, MM 1 000
    expect(m.initialMargin.toString()).toBe('2500');
    expect(m.maintenanceMargin.toString()).toBe('1300');
    expect(m.maintenanceMarginRatio.toString()).toBe(new Decimal(1300).div(70_000).toString());
    expect(m.marginRatio.toString()).toBe(new Decimal(8000).div(70_000).toString());
    expect(m.liquidatable).toBe(false);
    expect(m.freeCollateral.toString()).toBe('5500');
  });
  it('reports 1 000 % with no position, and names a missing market', () => {
    expect(orderlyAccountMargin({ usdcBalance: 1, positions: [] }, markets).marginRatio.toString()).toBe(
      '10',
    );
    const error = invalidArgument(() =>
      orderlyAccountMargin(
        { usdcBalance: 1, positions: [{ symbol: 'PERP_X', qty: 1, markPrice: 1, costPosition: 0 }] },
        markets,
      ),
    );
    expect(error.path).toEqual(['account', 'positions', 0, 'symbol']);
  });
});

describe('orderlyLiquidationPrice', () => {
  const ethLong = {
    usdcBalance: 1_000,
    positions: [{ symbol: 'PERP_ETH_USDC', qty: 2, markPrice: 2_000, costPosition: 4_000 }],
  };
  it('agrees with the estimate where the MMR is flat (hand-checked)', () => {
    const exact = orderlyLiquidationPrice(ethLong, markets, 'PERP_ETH_USDC');
    const est = orderlyLiquidationPrice(ethLong, markets, 'PERP_ETH_USDC', { convention: 'estimate' });
    expect(exact.kind === 'price' && exact.price.toFixed(6)).toBe('1578.947368');
    expect(est.kind === 'price' && est.price.toFixed(6)).toBe('1578.947368');
    // short 2 at 2 000 with 1 000: 1 000 + 4 000 = 2.1 · p → 2 380.952381
    const short: OrderlyAccount = {
      usdcBalance: 1_000,
      positions: [{ symbol: 'PERP_ETH_USDC', qty: -2, markPrice: 2_000, costPosition: -4_000 }],
    };
    const up = orderlyLiquidationPrice(short, markets, 'PERP_ETH_USDC');
    expect(up.kind === 'price' && [up.price.toFixed(6), up.direction]).toEqual(['2380.952381', 'up']);
  });
  it('differs from the estimate where the size term binds, and the exact one sits at maintenance', () => {
    // BTC long 200 at 50 000 ($10M: MMR 8.96 %) with $1.5M: the MMR falls as the price falls
    const big: OrderlyAccount = {
      usdcBalance: 1_500_000,
      positions: [{ symbol: 'PERP_BTC_USDC', qty: 200, markPrice: 50_000, costPosition: 10_000_000 }],
    };
    const exact = orderlyLiquidationPrice(big, markets, 'PERP_BTC_USDC');
    const est = orderlyLiquidationPrice(big, markets, 'PERP_BTC_USDC', { convention: 'estimate' });
    if (exact.kind !== 'price' || est.kind !== 'price') throw new Error('expected prices');
    expect(exact.price.lessThan(est.price)).toBe(true);
    const at = orderlyAccountMargin(
      {
        ...big,
        positions: [{ symbol: 'PERP_BTC_USDC', qty: 200, markPrice: exact.price, costPosition: 10_000_000 }],
      },
      markets,
    );
    expect(at.totalCollateral.minus(at.maintenanceMargin).abs().lessThan('1e-25')).toBe(true);
  });
  it('applies a pre-trade order', () => {
    const flat = { usdcBalance: 1_000, positions: [] };
    const order = { qty: 2, price: 2_000 };
    const exact = orderlyLiquidationPrice(flat, markets, 'PERP_ETH_USDC', { order });
    const est = orderlyLiquidationPrice(flat, markets, 'PERP_ETH_USDC', { order, convention: 'estimate' });
    expect(exact.kind === 'price' && exact.price.toFixed(6)).toBe('1578.947368');
    expect(est.kind === 'price' && est.price.toFixed(6)).toBe('1578.947368');
    const fee = orderlyLiquidationPrice(flat, markets, 'PERP_ETH_USDC', { order: { ...order, fee: 19 } });
    // 19 less collateral: 19 / 1.9 = $10 higher
    expect(fee.kind === 'price' && fee.price.toFixed(6)).toBe('1588.947368');
  });
  it('tells now, never and unknown positions apart', () => {
    const broke: OrderlyAccount = {
      usdcBalance: 0,
      positions: [{ symbol: 'PERP_ETH_USDC', qty: 2, markPrice: 2_000, costPosition: 4_500 }],
    };
    expect(orderlyLiquidationPrice(broke, markets, 'PERP_ETH_USDC').kind).toBe('now');
    const safe = { ...ethLong, usdcBalance: 100_000 };
    expect(orderlyLiquidationPrice(safe, markets, 'PERP_ETH_USDC').kind).toBe('never');
    expect(invalidArgument(() => orderlyLiquidationPrice(ethLong, markets, 'PERP_BTC_USDC')).code).toBe(
      'UNKNOWN_POSITION',
    );
  });
});

describe('orderlyMaxOrderQty', () => {
  it('applies the safety factor (hand-checked)', () => {
    const input = {
      baseMax: 100,
      totalCollateral: 1_000,
      otherIms: 0,
      imr: '0.1',
      imrFactor: 0,
      markPrice: 100,
      positionQty: 0,
      buyOrdersQty: 0,
      sellOrdersQty: 0,
      takerFeeRateBps: 0,
    };
    // 1 000 / 0.1 / 100 = 100 · 0.995
    expect(orderlyMaxOrderQty('buy', input).toString()).toBe('99.5');
    expect(orderlyMaxOrderQty('buy', { ...input, safetyFactor: 1 }).toString()).toBe('100');
    expect(orderlyMaxOrderQty('sell', { ...input, baseMax: 50 }).toString()).toBe('50');
    expect(invalidArgument(() => orderlyMaxOrderQty('buy', { ...input, markPrice: 0 })).path).toEqual([
      'input',
      'markPrice',
    ]);
  });
});

describe('fromOrderlyPositions', () => {
  const rows = [
    {
      symbol: 'PERP_ETH_USDC',
      position_qty: 2,
      mark_price: 1900,
      cost_position: 4000,
      est_liq_price: 1578.95,
    },
    { symbol: 'PERP_BTC_USDC', position_qty: 0, mark_price: 50000, cost_position: 0, est_liq_price: null },
  ];
  const info = [
    { symbol: 'PERP_ETH_USDC', base_imr: 0.1, base_mmr: 0.05 },
    { symbol: 'PERP_BTC_USDC', base_imr: 0.01, base_mmr: 0.006 },
  ];
  it('keeps held symbols and what Orderly reported', () => {
    const snap = fromOrderlyPositions({ rows, total_collateral_value: 800 }, 1000, info, {
      imr_factor: { PERP_ETH_USDC: 0, PERP_BTC_USDC: 0.000000375 },
      max_leverage: 10,
    });
    expect(snap.account.positions.map((p) => p.symbol)).toEqual(['PERP_ETH_USDC']);
    expect(snap.reported.positions.PERP_ETH_USDC?.estLiqPrice?.toString()).toBe('1578.95');
    expect(snap.reported.totalCollateralValue?.toString()).toBe('800');
    expect(snap.maxAccountLeverage?.toString()).toBe('10');
    expect(Object.isFrozen(snap.account)).toBe(true);
  });
  it('names the missing factor', () => {
    const error = invalidArgument(() => fromOrderlyPositions({ rows }, 1000, info, { imr_factor: {} }));
    expect(error.path).toEqual(['clientInfo', 'imr_factor', 'PERP_ETH_USDC']);
  });
});
