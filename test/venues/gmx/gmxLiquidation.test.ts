import { describe, expect, it } from 'vitest';
import {
  type GmxLiquidationParams,
  type GmxPositionInput,
  gmxLeverageCheck,
  gmxLiquidationCheck,
  gmxLiquidationHours,
  gmxLiquidationPrice,
  InvalidArgumentError,
  ValidationError,
} from '../../../src/index.js';

// 10x long: $50,000 of ETH at 2,500 (20 ETH), 5,000 USDC; threshold max(1, 50,000 · 0.005) = 250; close fee 30.
const long: GmxPositionInput = {
  isLong: true,
  sizeInUsd: '50000',
  sizeInTokens: '20',
  collateralAmount: '5000',
  collateralTokenPrice: '1',
};
const params: GmxLiquidationParams = {
  minCollateralFactor: '0.005',
  minCollateralUsd: '1',
  positionFeeFactor: '0.0006',
};
// 5x short: $40,000 of ETH at 2,000 (20 ETH), 8,000 USDC, with 12 USD borrowing and 8 USD funding owed.
const short: GmxPositionInput = {
  isLong: false,
  sizeInUsd: '40000',
  sizeInTokens: '20',
  collateralAmount: '8000',
  collateralTokenPrice: '1',
  pendingBorrowingFeesUsd: '12',
  pendingFundingFeesUsd: '8',
};

describe('gmxLiquidationCheck', () => {
  it('deducts PnL, the closing fee and pending fees from collateral', () => {
    // at 2,300: 5,000 + (46,000 − 50,000) − 30 = 970
    const c = gmxLiquidationCheck(long, params, '2300');
    expect(c.remainingCollateralUsd.toString()).toBe('970');
    expect(c.pnlUsd.toString()).toBe('-4000');
    expect(c.closingFeeUsd.toString()).toBe('30');
    expect(c.thresholdUsd.toString()).toBe('250');
    expect(c.liquidatable).toBe(false);
    expect(c.reason).toBeUndefined();
    // short at 2,300: 8,000 + (40,000 − 46,000) − 24 − 20 = 1,956
    expect(gmxLiquidationCheck(short, params, '2300').remainingCollateralUsd.toString()).toBe('1956');
  });

  it("gives the contract's reasons in its order", () => {
    expect(gmxLiquidationCheck(long, params, '2260').reason).toBe('min collateral for leverage');
    // 5,000 + 20·2,251.5 − 50,000 − 30 = 0
    expect(gmxLiquidationCheck(long, { ...params, minCollateralUsd: 0 }, '2251.5').reason).toBe('< 0');
    expect(gmxLiquidationCheck(long, { ...params, minCollateralUsd: 500 }, '2270').reason).toBe(
      'min collateral',
    );
  });

  it('counts only negative impact, capped for liquidations', () => {
    const capped = gmxLiquidationCheck(
      long,
      { ...params, priceImpactUsd: '-400', maxPositionImpactFactorForLiquidations: '0.005' },
      '2300',
    );
    // −400 capped at −50,000 · 0.005 = −250: 970 − 250 = 720
    expect(capped.priceImpactUsd.toString()).toBe('-250');
    expect(capped.remainingCollateralUsd.toString()).toBe('720');
    expect(
      gmxLiquidationCheck(long, { ...params, priceImpactUsd: '400' }, '2300').priceImpactUsd.toString(),
    ).toBe('0');
  });

  it('values collateral in the index token at the index price', () => {
    // ETH long with 2 WETH: 2·2,300 + (46,000 − 50,000) − 30 = 570
    const eth = { ...long, collateralAmount: '2', collateralIsIndexToken: true };
    const { collateralTokenPrice: _, ...withoutPrice } = eth;
    const c = gmxLiquidationCheck(withoutPrice, params, '2300');
    expect(c.collateralUsd.toString()).toBe('4600');
    expect(c.remainingCollateralUsd.toString()).toBe('570');
  });

  it('reports bad input with its path', () => {
    expect(() => gmxLiquidationCheck({ ...long, sizeInTokens: '0' }, params, '1')).toThrow(
      expect.objectContaining({ code: 'NOT_POSITIVE', path: ['position', 'sizeInTokens'] }),
    );
    const { collateralTokenPrice: _, ...noPrice } = long;
    expect(() => gmxLiquidationCheck(noPrice, params, '1')).toThrow(
      expect.objectContaining({ code: 'MISSING_FIELD', path: ['position', 'collateralTokenPrice'] }),
    );
    expect(() => gmxLiquidationCheck(long, { ...params, minCollateralFactor: '2' }, '1')).toThrow(
      ValidationError,
    );
    expect(() => gmxLiquidationCheck(long, params, '0')).toThrow(InvalidArgumentError);
  });
});

describe('gmxLiquidationPrice', () => {
  it('solves remaining = threshold for a long and a short', () => {
    const lp = gmxLiquidationPrice(long, params, '2500');
    expect(lp).toMatchObject({ kind: 'price', direction: 'down' });
    if (lp.kind === 'price') expect(lp.price.toString()).toBe('2264');
    // short: 8,000 + 40,000 − 20·P − 24 − 20 = 200 → P = 47,756 / 20 = 2,387.8
    const sp = gmxLiquidationPrice(short, params, '2000');
    expect(sp).toMatchObject({ kind: 'price', direction: 'up' });
    if (sp.kind === 'price') expect(sp.price.toString()).toBe('2387.8');
  });

  it('matches the interface formula for index-token collateral', () => {
    // (sizeInUsd + threshold − impact + fees) / (sizeInTokens + collateralAmount) = (50,000 + 250 + 30) / 22
    const lp = gmxLiquidationPrice(
      { ...long, collateralAmount: '2', collateralIsIndexToken: true },
      params,
      '2500',
    );
    if (lp.kind !== 'price') throw new Error(lp.kind);
    expect(lp.price.toFixed(10)).toBe('2285.4545454545');
  });

  it('says never when no positive price liquidates and now when already liquidatable', () => {
    // a short whose collateral (in the index token) equals its size in tokens is flat in price: never
    const flat = gmxLiquidationPrice(
      { ...short, collateralAmount: '20', collateralIsIndexToken: true },
      params,
      '2000',
    );
    expect(flat.kind).toBe('never');
    // a long with more collateral than size: a > threshold at P → 0
    expect(gmxLiquidationPrice({ ...long, collateralAmount: '60000' }, params, '2500').kind).toBe('never');
    expect(gmxLiquidationPrice(long, params, '2200')).toMatchObject({ kind: 'now' });
  });
});

describe('gmxLiquidationHours', () => {
  const rates = { borrowingFactorPerSecond: '1.5e-8', fundingFactorPerSecond: '5e-9' };

  it('divides the buffer by the fees charged per hour', () => {
    const h = gmxLiquidationHours(long, params, '2300', rates);
    expect(h).toMatchObject({ kind: 'hours' });
    if (h.kind === 'hours') {
      expect(h.bufferUsd.toString()).toBe('720');
      expect(h.feesPerHourUsd.toString()).toBe('3.6');
      expect(h.hours.toString()).toBe('200');
    }
  });

  it('ignores funding received, and is never without fees and now when liquidatable', () => {
    const received = gmxLiquidationHours(long, params, '2300', { ...rates, fundingFactorPerSecond: '-1e-7' });
    // 50,000 · 1.5e-8 · 3,600 = 2.7 an hour: 720 / 2.7 = 266.66…
    if (received.kind !== 'hours') throw new Error(received.kind);
    expect(received.hours.toFixed(4)).toBe('266.6667');
    const none = { borrowingFactorPerSecond: 0, fundingFactorPerSecond: '-1e-9' };
    expect(gmxLiquidationHours(long, params, '2300', none).kind).toBe('never');
    expect(gmxLiquidationHours(long, params, '2200', rates).kind).toBe('now');
    expect(() =>
      gmxLiquidationHours(long, params, '2300', { ...rates, borrowingFactorPerSecond: '-1' }),
    ).toThrow(expect.objectContaining({ path: ['rates', 'borrowingFactorPerSecond'] }));
  });
});

describe('gmxLeverageCheck', () => {
  it('raises the minimum collateral factor with open interest', () => {
    const base = { sizeInUsd: '1000000', collateralUsd: '10000', minCollateralFactor: '0.01' };
    const flat = gmxLeverageCheck(base);
    expect(flat.minCollateralFactor.toString()).toBe('0.01');
    expect(flat.maxLeverage.toString()).toBe('100');
    expect(flat.sufficient).toBe(true);
    const scaled = gmxLeverageCheck({
      ...base,
      minCollateralFactorForOpenInterestMultiplier: '2e-9',
      openInterest: '9000000',
      openInterestDelta: '1000000',
    });
    // 10,000,000 · 2e-9 = 0.02 > 0.01: 50x at most, 20,000 needed
    expect(scaled.minCollateralFactor.toString()).toBe('0.02');
    expect(scaled.maxLeverage.toString()).toBe('50');
    expect(scaled.requiredCollateralUsd.toString()).toBe('20000');
    expect(scaled.sufficient).toBe(false);
  });

  it('deducts a realized loss and ignores a realized gain', () => {
    const base = { sizeInUsd: '1000000', collateralUsd: '10000', minCollateralFactor: '0.01' };
    expect(gmxLeverageCheck({ ...base, realizedPnlUsd: '-1' }).sufficient).toBe(false);
    expect(gmxLeverageCheck({ ...base, realizedPnlUsd: '500' }).remainingCollateralUsd.toString()).toBe(
      '10000',
    );
    expect(gmxLeverageCheck({ ...base, minCollateralFactor: 0 }).maxLeverage).toBe('unbounded');
  });
});
