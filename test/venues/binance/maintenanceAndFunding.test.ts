import { describe, expect, it } from 'vitest';
import {
  Decimal,
  fundingRateFromPremium,
  fundingTimes,
  InvalidArgumentError,
  ValidationError,
} from '../../../src/index.js';
import { binanceFundingSchedule } from '../../../src/venues/binance/fundingSchedule.js';
import { binanceLiquidationPrice } from '../../../src/venues/binance/liquidationPrice.js';
import { binanceMaintenanceMargin } from '../../../src/venues/binance/maintenanceMargin.js';
import { binanceWalletBalanceFromLiquidationPrice } from '../../../src/venues/binance/walletBalanceFromLiquidationPrice.js';
import { BTCUSDT_2021 } from './helpers.js';

describe('binanceMaintenanceMargin', () => {
  it('charges notional·MMR − cum in the bracket of the notional at the mark', () => {
    // 0.85 BTC at 60,812.35 = 51,690.4975 → bracket 2 (0.5 %, cum 50): 258.4524875 − 50
    const mm = binanceMaintenanceMargin({
      positionAmt: '-0.85',
      markPrice: '60812.35',
      brackets: BTCUSDT_2021,
    });
    expect(mm.notional.toString()).toBe('51690.4975');
    expect(mm.bracket).toBe(2);
    expect(mm.maintenanceMargin.toString()).toBe('208.4524875');
  });

  it('is continuous at a bracket floor (cum by the recursion)', () => {
    const below = binanceMaintenanceMargin({
      positionAmt: 1,
      markPrice: '249999.99',
      brackets: BTCUSDT_2021,
    });
    const at = binanceMaintenanceMargin({ positionAmt: 1, markPrice: 250_000, brackets: BTCUSDT_2021 });
    expect(below.bracket).toBe(2);
    expect(at.bracket).toBe(3); // the floor belongs to the upper bracket, as the library's tiers do
    expect(at.maintenanceMargin.toString()).toBe('1200'); // 250,000·1 % − 1,300 = 250,000·0.5 % − 50
  });

  it('uses the last bracket above the last cap', () => {
    expect(binanceMaintenanceMargin({ positionAmt: 1, markPrice: 1e9, brackets: BTCUSDT_2021 }).bracket).toBe(
      10,
    );
  });

  it('rejects a non-positive mark or contract size', () => {
    expect(() => binanceMaintenanceMargin({ positionAmt: 1, markPrice: 0, brackets: BTCUSDT_2021 })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      binanceMaintenanceMargin({ positionAmt: 1, markPrice: 1, contractSize: 0, brackets: BTCUSDT_2021 }),
    ).toThrow(InvalidArgumentError);
  });
});

describe('binanceWalletBalanceFromLiquidationPrice', () => {
  it('inverts binanceLiquidationPrice for a short with brackets', () => {
    const wallet = binanceWalletBalanceFromLiquidationPrice({
      positionAmt: '-2',
      entryPrice: 30_000,
      liquidationPrice: '31500.5',
      brackets: BTCUSDT_2021,
    });
    // notional at LP 63,001 → bracket 2: 63,001·0.5 % − 50 − (−2)·(31,500.5 − 30,000)
    expect(wallet.toString()).toBe(new Decimal('265.005').plus('3001').toString());
    const back = binanceLiquidationPrice({
      walletBalance: wallet,
      legs: [{ positionSide: 'BOTH', positionAmt: '-2', entryPrice: 30_000 }],
      brackets: BTCUSDT_2021,
    });
    expect(back.kind === 'price' && back.price.toString()).toBe('31500.5');
  });

  it('rejects a zero size or a non-positive price', () => {
    const base = {
      positionAmt: 1,
      entryPrice: 100,
      liquidationPrice: 90,
      brackets: { maintMarginRatio: '0.01' },
    };
    expect(() => binanceWalletBalanceFromLiquidationPrice({ ...base, positionAmt: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => binanceWalletBalanceFromLiquidationPrice({ ...base, liquidationPrice: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => binanceWalletBalanceFromLiquidationPrice({ ...base, entryPrice: -1 })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('binanceFundingSchedule', () => {
  it('pays every 8 h from 00:00 UTC on the mark, I = 0.01 % per interval, band ±0.05 %', () => {
    const schedule = binanceFundingSchedule({ cap: '0.02' });
    expect(schedule.intervalMs).toBe(28_800_000);
    expect(schedule.ratePeriodMs).toBe(28_800_000);
    expect(schedule.paymentPrice).toBe('mark');
    expect(fundingTimes(schedule, 0, 86_400_000)).toEqual([28_800_000, 57_600_000, 86_400_000]);
    if (schedule.rate.type !== 'premium-interest') throw new Error('premium-interest expected');
    expect(schedule.rate.interestRate.toString()).toBe('0.0001');
    expect(schedule.rate.clampBand.toString()).toBe('0.0005');
    expect(schedule.rate.floor.toString()).toBe('-0.02');
    // The documented band: the rate is exactly 0.01 % for a premium in [−0.04 %, +0.06 %].
    for (const p of ['-0.0004', '-0.0001', '0', '0.0003', '0.0006']) {
      expect(fundingRateFromPremium(schedule.rate, p).toString()).toBe('0.0001');
    }
    // capped
    expect(fundingRateFromPremium(schedule.rate, '0.05').toString()).toBe('0.02');
    expect(fundingRateFromPremium(schedule.rate, '-0.05').toString()).toBe('-0.02');
  });

  it('scales the default interest with the interval (0.03 % a day pro rata) and takes overrides', () => {
    const four = binanceFundingSchedule({ cap: '0.02', intervalHours: 4 });
    expect(four.intervalMs).toBe(14_400_000);
    if (four.rate.type !== 'premium-interest') throw new Error('premium-interest expected');
    expect(four.rate.interestRate.toString()).toBe('0.00005');
    const custom = binanceFundingSchedule({
      cap: '0.03',
      floor: '-0.01',
      interestRate: 0,
      clampBand: '0.0003',
    });
    if (custom.rate.type !== 'premium-interest') throw new Error('premium-interest expected');
    expect([custom.rate.interestRate, custom.rate.clampBand, custom.rate.floor].map(String)).toEqual([
      '0',
      '0.0003',
      '-0.01',
    ]);
  });

  it('rejects a bad interval or a cap below its floor', () => {
    expect(() => binanceFundingSchedule({ cap: '0.02', intervalHours: 0 })).toThrow(InvalidArgumentError);
    expect(() => binanceFundingSchedule({ cap: '0.02', intervalHours: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => binanceFundingSchedule({ cap: '-0.02', floor: '0.01' })).toThrow(ValidationError);
  });
});
