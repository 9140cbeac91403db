import { describe, expect, it } from 'vitest';
import {
  driftFundingPayment,
  driftHourlyFundingRate,
  driftLiquidationPrice,
  driftMarginCalculation,
  fromDriftUserAccount,
} from '../../../src/index.js';
import { invalidArgument } from '../../support/invalidArgument.js';
import { sol, usdc } from './markets.js';

const solPerp = {
  oraclePrice: 100_000_000,
  marginRatioInitial: 1_000,
  marginRatioMaintenance: 500,
  unrealizedPnlMaintenanceAssetWeight: 5_000,
  unrealizedPnlInitialAssetWeight: 5_000,
};
const markets = { spot: { 0: usdc, 1: sol }, perp: { 0: solPerp } };

describe('driftMarginCalculation', () => {
  it('weighs deposits, borrows and PnL (hand-checked)', () => {
    // $1 000 USDC; 2 SOL deposit at $100 (×0.9 maint = $180); 1 SOL borrow (×1.1 = $110);
    // long 10 SOL-PERP bought at $90 → PnL +$100 at weight 0.5 = $50; requirement 5 % of $1 000 = $50
    const user = {
      spotPositions: [
        { marketIndex: 0, tokenAmount: 1_000_000_000 },
        { marketIndex: 1, tokenAmount: 2_000_000_000 },
        { marketIndex: 1, tokenAmount: -1_000_000_000 },
      ],
      perpPositions: [{ marketIndex: 0, baseAssetAmount: 10_000_000_000, quoteAssetAmount: -900_000_000 }],
    };
    const m = driftMarginCalculation(user, markets, 'maintenance');
    expect(m.totalCollateral.toString()).toBe(String(1_000e6 + 180e6 + 50e6));
    expect(m.marginRequirement.toString()).toBe(String(110e6 + 50e6));
    expect(m.belowRequirement).toBe(false);
    expect(m.perps[0]?.unrealizedPnl.toString()).toBe('100000000');
    expect(m.perps[0]?.weightedUnrealizedPnl.toString()).toBe('50000000');
    // initial: SOL deposit ×0.8, borrow ×1.2, requirement 10 %; PnL $50 stays under the $100 cap
    const i = driftMarginCalculation(user, markets, 'initial');
    expect(i.totalCollateral.toString()).toBe(String(1_000e6 + 160e6 + 50e6));
    expect(i.marginRequirement.toString()).toBe(String(120e6 + 100e6));
  });

  it('caps weighted positive PnL at $100 for initial margin only', () => {
    const user = {
      spotPositions: [],
      perpPositions: [{ marketIndex: 0, baseAssetAmount: 10_000_000_000, quoteAssetAmount: -500_000_000 }],
    };
    const full = { ...markets, perp: { 0: { ...solPerp, unrealizedPnlInitialAssetWeight: 10_000 } } };
    expect(driftMarginCalculation(user, full, 'initial').perps[0]?.weightedUnrealizedPnl.toString()).toBe(
      '100000000',
    );
    expect(driftMarginCalculation(user, full, 'maintenance').perps[0]?.weightedUnrealizedPnl.toString()).toBe(
      '250000000',
    );
  });

  it('adds unsettled funding to the PnL (a long pays a rising rate)', () => {
    const funded = { ...markets, perp: { 0: { ...solPerp, cumulativeFundingRateLong: 50_000_000 } } };
    const user = {
      spotPositions: [],
      perpPositions: [
        {
          marketIndex: 0,
          baseAssetAmount: 2_000_000_000,
          quoteAssetAmount: -200_000_000,
          lastCumulativeFundingRate: 0,
        },
      ],
    };
    const perp = driftMarginCalculation(user, funded, 'maintenance').perps[0];
    expect(perp?.unsettledFunding.toString()).toBe('-100000');
    expect(perp?.unrealizedPnl.toString()).toBe('-100000');
  });

  it('names the position whose market is missing', () => {
    const user = { spotPositions: [{ marketIndex: 7, tokenAmount: 1 }], perpPositions: [] };
    expect(invalidArgument(() => driftMarginCalculation(user, markets, 'initial')).path).toEqual([
      'user',
      'spotPositions',
      0,
      'marketIndex',
    ]);
  });
});

describe('driftLiquidationPrice', () => {
  const long = {
    spotPositions: [{ marketIndex: 0, tokenAmount: 1_000_000_000 }],
    perpPositions: [{ marketIndex: 0, baseAssetAmount: 50_000_000_000, quoteAssetAmount: -5_000_000_000 }],
  };
  const flat = { ...markets, perp: { 0: { ...solPerp, unrealizedPnlMaintenanceAssetWeight: 10_000 } } };
  it('moves a long down and a short up by FC / δ (hand-checked)', () => {
    const lp = driftLiquidationPrice(long, flat, 0);
    expect(lp.kind === 'price' && [lp.price.toString(), lp.direction]).toEqual(['84210527', 'down']);
    const short = {
      ...long,
      perpPositions: [{ marketIndex: 0, baseAssetAmount: -50_000_000_000, quoteAssetAmount: 5_000_000_000 }],
    };
    // δ = (−1e6 − 5e4) · 50 = −52.5e6; 100 + 750 / 52.5 = $114.285714
    const up = driftLiquidationPrice(short, flat, 0);
    expect(up.kind === 'price' && [up.price.toString(), up.direction]).toEqual(['114285714', 'up']);
  });
  it('reports now below maintenance and never when no positive price liquidates', () => {
    const broke = {
      spotPositions: [],
      perpPositions: [{ marketIndex: 0, baseAssetAmount: 50_000_000_000, quoteAssetAmount: -5_200_000_000 }],
    };
    expect(driftLiquidationPrice(broke, flat, 0).kind).toBe('now');
    const rich = { ...long, spotPositions: [{ marketIndex: 0, tokenAmount: 10_000_000_000 }] };
    expect(driftLiquidationPrice(rich, flat, 0).kind).toBe('never');
  });
  it('rejects a market the user holds no position in', () => {
    expect(invalidArgument(() => driftLiquidationPrice(long, flat, 3)).code).toBe('UNKNOWN_POSITION');
  });
});

describe('driftFundingPayment and driftHourlyFundingRate', () => {
  it('longs pay and shorts receive a rising rate; truncation toward zero', () => {
    expect(driftFundingPayment(50_000_000, 0, 2_000_000_000).toString()).toBe('-100000');
    expect(driftFundingPayment(50_000_000, 0, -2_000_000_000).toString()).toBe('100000');
    expect(driftFundingPayment(0, 50_000_000, 2_000_000_000).toString()).toBe('100000');
    // 1e9 · 1 / 1e9 = 1 (1e9 units) → 1 / 1e3 truncates to 0
    expect(driftFundingPayment(1_000_000_000, 0, 1).toString()).toBe('0');
  });
  it('is the hourly fraction of the TWAP', () => {
    expect(driftHourlyFundingRate(-12_500_000, 125_000_000).toString()).toBe('-0.0001');
    expect(invalidArgument(() => driftHourlyFundingRate(1, 0)).path).toEqual(['oraclePriceTwap']);
  });
});

describe('fromDriftUserAccount', () => {
  const spotPayload = [
    {
      ...usdc,
      marketIndex: 0,
      cumulativeDepositInterest: '10000000000',
      cumulativeBorrowInterest: '10000000000',
    },
    {
      ...sol,
      marketIndex: 1,
      cumulativeDepositInterest: '10500000000',
      cumulativeBorrowInterest: '11000000001',
    },
  ];
  const perpPayload = [
    { ...solPerp, marketIndex: 0, amm: { cumulativeFundingRateLong: '7', cumulativeFundingRateShort: '-7' } },
  ];
  const account = {
    spotPositions: [
      { marketIndex: 0, scaledBalance: '10000000000000', balanceType: { deposit: {} } },
      { marketIndex: 1, scaledBalance: '1000000000', balanceType: { borrow: {} } },
      { marketIndex: 0, scaledBalance: '0', balanceType: { deposit: {} } },
    ],
    perpPositions: [
      {
        marketIndex: 0,
        baseAssetAmount: '1000000000',
        quoteAssetAmount: '-90000000',
        lastCumulativeFundingRate: '7',
      },
      { marketIndex: 0, baseAssetAmount: '0', quoteAssetAmount: '0', lastCumulativeFundingRate: '0' },
    ],
    maxMarginRatio: 0,
  };
  it('turns scaled balances into token amounts (borrows round up) and skips empty slots', () => {
    const { user, markets: m } = fromDriftUserAccount(account, spotPayload, perpPayload);
    expect(user.spotPositions.map((p) => String(p.tokenAmount))).toEqual(['10000000000', '-1100000001']);
    expect(user.perpPositions).toHaveLength(1);
    expect(String(m.perp['0']?.cumulativeFundingRateLong)).toBe('7');
    expect(Object.isFrozen(user)).toBe(true);
    // usable as is
    expect(driftMarginCalculation(user, m, 'maintenance').perps[0]?.unsettledFunding.toString()).toBe('0');
  });
  it('names the malformed field', () => {
    const bad = {
      ...account,
      spotPositions: [{ marketIndex: 1, scaledBalance: '1', balanceType: { lent: {} } as object }],
    };
    expect(
      invalidArgument(() => fromDriftUserAccount(bad as typeof account, spotPayload, perpPayload)).path,
    ).toEqual(['account', 'spotPositions', 0, 'balanceType']);
    const missing = { ...account, perpPositions: [{ ...account.perpPositions[0], marketIndex: 4 }] };
    expect(
      invalidArgument(() => fromDriftUserAccount(missing as typeof account, spotPayload, perpPayload)).path,
    ).toEqual(['account', 'perpPositions', 0, 'marketIndex']);
  });
});
