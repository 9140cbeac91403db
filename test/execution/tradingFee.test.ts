import { describe, expect, it } from 'vitest';
import { createFeeSchedule, createMarket, feeRateFor, tradingFee } from '../../src/index.js';
import { btcusd, eth, expectDec, expectInvalidArgument } from './fixtures.js';

const linear = createMarket({ ...eth, stepSize: '0.001' });
const inverse = createMarket(btcusd);

describe('tradingFee', () => {
  it('linear: notional · rate in the quote asset', () => {
    expectDec(tradingFee(linear, 1, 10_000, '0.00075'), '7.5'); // 1 · 10 000 · 0.00075
    expectDec(tradingFee(linear, '2.5', 2000, '0.0005'), '2.5'); // 5000 · 0.0005
  });

  it('linear with a contract size: |size| · contractSize · price · rate', () => {
    const m = createMarket({ ...eth, contractSize: '0.01', stepSize: 1 });
    expectDec(tradingFee(m, 300, 2000, '0.0005'), 3); // 300 · 0.01 · 2000 = 6000; · 0.0005
  });

  it('inverse: the fee is in coin, |size| · contractSize / price · rate', () => {
    // 100 contracts · 100 USD / 25 000 = 0.4 BTC; · 0.0005 = 0.0002 BTC
    expectDec(tradingFee(inverse, 100, 25_000, '0.0005'), '0.0002');
    // higher price, smaller coin fee: 100 · 100 / 50 000 = 0.2 BTC; · 0.0005 = 0.0001
    expectDec(tradingFee(inverse, 100, 50_000, '0.0005'), '0.0001');
  });

  it('a negative rate is a rebate (a negative fee)', () => {
    expectDec(tradingFee(linear, 3, 2000, '-0.0001'), '-0.6'); // 6000 · −0.0001
    const fees = createFeeSchedule({
      tiers: [
        { volumeFloor: 0, makerRate: '0.0002', takerRate: '0.0005' },
        { volumeFloor: 50_000_000, makerRate: '-0.00005', takerRate: '0.0003' },
      ],
    });
    // inverse maker rebate: 0.4 BTC · −0.00005 = −0.00002 BTC
    expectDec(tradingFee(inverse, 100, 25_000, feeRateFor(fees, 'maker', 60_000_000)), '-0.00002');
  });

  it('ignores the sign of the size and is 0 at a zero rate', () => {
    expectDec(tradingFee(linear, -2, 2000, '0.0005'), 2);
    expect(tradingFee(linear, 2, 2000, 0).isZero()).toBe(true);
  });

  it('rejects a price ≤ 0 and a non-finite rate', () => {
    expectInvalidArgument(() => tradingFee(linear, 1, 0, '0.0005'), 'INVALID_ARGUMENT', ['price']);
    expectInvalidArgument(() => tradingFee(linear, 1, -5, '0.0005'), 'INVALID_ARGUMENT', ['price']);
    expectInvalidArgument(() => tradingFee(linear, 1, 100, Number.NaN), 'INVALID_ARGUMENT', ['rate']);
  });
});
