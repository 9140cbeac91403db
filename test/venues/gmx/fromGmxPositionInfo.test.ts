import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createMarket,
  fromGmxPositionInfo,
  type GmxPositionInfo,
  gmxLiquidationCheck,
  ValidationError,
} from '../../../src/index.js';

const e30 = '0'.repeat(30);
// A short of $40,000 of BTC at 80,000 (0.5 BTC, 8 decimals) with 4,000 USDC (6 decimals), pending borrowing
// $1.25 and funding 0.75 USDC, closing fee 24 USDC; GMX reported PnL +$1,000 at 78,000 and −$20 of close impact.
function payload(): GmxPositionInfo {
  return {
    position: {
      addresses: { account: '0xA11CE', market: '0xB7C', collateralToken: '0xUSDC' },
      numbers: { sizeInUsd: `40000${e30}`, sizeInTokens: '50000000', collateralAmount: '4000000000' },
      flags: { isLong: false },
    },
    fees: {
      borrowing: { borrowingFeeUsd: `125${'0'.repeat(28)}` },
      funding: { fundingFeeAmount: '750000' },
      positionFeeAmount: '24000000',
    },
    executionPriceResult: { priceImpactUsd: `-20${e30}` },
    basePnlUsd: `1000${e30}`,
    pnlAfterPriceImpactUsd: `980${e30}`,
  };
}
const options = {
  indexTokenDecimals: 8,
  collateralTokenDecimals: 6,
  collateralTokenPrice: '1',
  marketId: 'BTC/USD',
};

describe('fromGmxPositionInfo', () => {
  it('scales USD by 10^30 and token amounts by their decimals', () => {
    const snap = fromGmxPositionInfo(payload(), options);
    expect(snap.position.sizeInUsd.toString()).toBe('40000');
    expect(snap.position.sizeInTokens.toString()).toBe('0.5');
    expect(snap.position.collateralAmount.toString()).toBe('4000');
    expect(snap.position.pendingBorrowingFeesUsd.toString()).toBe('1.25');
    expect(snap.position.pendingFundingFeesUsd.toString()).toBe('0.75');
    expect(snap.entryPrice.toString()).toBe('80000');
    expect(snap.reported.basePnlUsd.toString()).toBe('1000');
    expect(snap.reported.priceImpactUsd.toString()).toBe('-20');
    expect(snap.reported.positionFeeUsd.toString()).toBe('24');
    expect(snap.market).toBe('0xB7C');
    expect(Object.isFrozen(snap.position)).toBe(true);
  });

  it('feeds the liquidation check, whose PnL agrees with the reported one', () => {
    const snap = fromGmxPositionInfo(payload(), options);
    const check = gmxLiquidationCheck(
      snap.position,
      {
        minCollateralFactor: '0.005',
        minCollateralUsd: '1',
        positionFeeFactor: '0.0006',
        priceImpactUsd: snap.reported.priceImpactUsd,
      },
      '78000',
    );
    expect(check.pnlUsd.toString()).toBe(snap.reported.basePnlUsd.toString());
    // 4,000 + 1,000 − 20 − 24 − 1.25 − 0.75 = 4,954
    expect(check.remainingCollateralUsd.toString()).toBe('4954');
  });

  it('builds a generic isolated position the engine accepts', () => {
    const snap = fromGmxPositionInfo(payload(), options);
    expect(snap.positionInput).toMatchObject({ marketId: 'BTC/USD', marginMode: 'isolated' });
    expect(snap.positionInput.size.toString()).toBe('-0.5');
    const account = createMarginAccount({
      settleAsset: 'USD',
      markets: [
        createMarket({
          id: 'BTC/USD',
          kind: 'linear',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.005' },
        }),
      ],
      positions: [snap.positionInput],
    });
    expect(account.positions[0]?.isolatedMargin?.toString()).toBe('4000');
    expect(account.positions[0]?.unsettledFunding.toString()).toBe('2');
  });

  it('accepts bigints and values the index-token collateral at the entry price', () => {
    const p = payload();
    const info = {
      ...p,
      position: { ...p.position, numbers: { ...p.position.numbers, collateralAmount: 5_000_000n } },
    };
    const snap = fromGmxPositionInfo(info, {
      ...options,
      collateralTokenDecimals: 8,
      collateralIsIndexToken: true,
    });
    expect(snap.position.collateralAmount.toString()).toBe('0.05');
    expect(snap.positionInput.isolatedMargin?.toString()).toBe('4000');
    expect(snap.positionInput.marketId).toBe('BTC/USD');
  });

  it('rejects hostile payloads with the path of the field', () => {
    const numbers = (n: Record<string, unknown>) => {
      const p = payload();
      return {
        ...p,
        position: { ...p.position, numbers: { ...p.position.numbers, ...n } },
      } as GmxPositionInfo;
    };
    const path = (field: string) => ['positionInfo', 'position', 'numbers', field];
    expect(() => fromGmxPositionInfo(numbers({ sizeInTokens: '-1' }), options)).toThrow(
      expect.objectContaining({ code: 'NEGATIVE', path: path('sizeInTokens') }),
    );
    expect(() => fromGmxPositionInfo(numbers({ sizeInTokens: '0x10' }), options)).toThrow(
      expect.objectContaining({ code: 'NOT_A_NUMBER', path: path('sizeInTokens') }),
    );
    expect(() => fromGmxPositionInfo(numbers({ sizeInUsd: '9'.repeat(79) }), options)).toThrow(
      ValidationError,
    );
    expect(() => fromGmxPositionInfo(numbers({ sizeInUsd: `${'9'.repeat(71)}` }), options)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', path: path('sizeInUsd') }),
    );
    expect(() => fromGmxPositionInfo(numbers({ sizeInUsd: '0' }), options)).toThrow(
      expect.objectContaining({ code: 'NOT_POSITIVE', path: path('sizeInUsd') }),
    );
    expect(() => fromGmxPositionInfo(numbers({ collateralAmount: 1.5 }), options)).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', path: path('collateralAmount') }),
    );
    expect(() => fromGmxPositionInfo(null as unknown as GmxPositionInfo, options)).toThrow(ValidationError);
  });

  it('rejects bad options with their path', () => {
    expect(() => fromGmxPositionInfo(payload(), { ...options, indexTokenDecimals: 40 })).toThrow(
      expect.objectContaining({ code: 'INVALID_FIELD', path: ['options', 'indexTokenDecimals'] }),
    );
    expect(() => fromGmxPositionInfo(payload(), { ...options, collateralTokenPrice: '0' })).toThrow(
      expect.objectContaining({ code: 'NOT_POSITIVE', path: ['options', 'collateralTokenPrice'] }),
    );
    expect(() => fromGmxPositionInfo(payload(), 'x' as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['options'] }),
    );
  });
});
