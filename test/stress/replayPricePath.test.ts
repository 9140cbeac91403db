import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  type MarginAccount,
  replayPricePath,
} from '../../src/index.js';

const btc = {
  id: 'BTC',
  kind: 'linear' as const,
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat' as const, initialFraction: '0.1', maintenanceFraction: '0.05' },
};

const long: MarginAccount = createMarginAccount({
  settleAsset: 'USDT',
  markets: [btc],
  collateral: [{ asset: 'USDT', amount: 1500 }],
  positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }],
});

const path = (marks: readonly number[]) =>
  marks.map((mark, i) => ({ time: i * 60_000, prices: createPrices({ markets: { BTC: { mark } } }) }));

describe('replayPricePath', () => {
  it('liquidates at the first step where the check sees equity below maintenance', () => {
    const replay = replayPricePath(long, path([50_000, 46_000, 44_000, 42_000]));
    // 46 000: equity 1500 − 0.2·4000 = 700 ≥ MMR 0.2·46 000·0.05 = 460
    // 44 000: equity 1500 − 0.2·6000 = 300 < MMR 440 → closed at 44 000, PnL −1200
    expect(replay.steps.map((s) => s.liquidatedPools)).toEqual([[], [], ['cross'], []]);
    expect(replay.cascade).toHaveLength(1);
    expect(replay.cascade[0]?.at.toString()).toBe('2');
    expect(replay.cascade[0]?.realizedPnl.toString()).toBe('-1200');
    expect(replay.steps.map((s) => s.equity.toString())).toEqual(['1500', '700', '300', '300']);
    expect(replay.survivors).toEqual([]);
    expect(replay.liquidated).toEqual(['BTC']);
    expect(replay.loss.toString()).toBe('1200');
  });

  it('with a lagging oracle fills later and deeper, and caps the loss at the equity (the rest is a deficit)', () => {
    const replay = replayPricePath(long, path([50_000, 46_000, 44_000, 42_000]), { lagSteps: 1 });
    // step 2 sees 46 000 (fine); step 3 sees 44 000 (liquidatable) and fills at the true 42 000:
    // PnL 0.2·(42 000 − 50 000) = −1600 against 1500 of collateral → deficit 100, equity 0
    expect(replay.cascade[0]?.at.toString()).toBe('3');
    expect(replay.cascade[0]?.price.toString()).toBe('42000');
    expect(replay.cascade[0]?.realizedPnl.toString()).toBe('-1600');
    expect(replay.cascade[0]?.deficit.toString()).toBe('100');
    expect(replay.finalEquity.toString()).toBe('0');
    expect(replay.loss.toString()).toBe('1500');
  });

  it('charges slippage and the liquidation fee on the forced close', () => {
    const replay = replayPricePath(long, path([50_000, 44_000]), {
      liquidationSlippage: '0.01',
      liquidationFeeRate: '0.005',
    });
    // fill 44 000 · 0.99 = 43 560; PnL 0.2·(43 560 − 50 000) = −1288; fee 0.2·43 560·0.005 = 43.56
    expect(replay.cascade[0]?.fillPrice.toString()).toBe('43560');
    expect(replay.cascade[0]?.realizedPnl.toString()).toBe('-1288');
    expect(replay.cascade[0]?.fee.toString()).toBe('43.56');
    // 1500 − 1288 − 43.56 = 168.44
    expect(replay.finalEquity.toString()).toBe('168.44');
  });

  it('liquidates an isolated position alone and keeps the cross book', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc, { ...btc, id: 'ETH', baseAsset: 'ETH' }],
      collateral: [{ asset: 'USDT', amount: 1000 }],
      positions: [
        { marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'isolated', isolatedMargin: 1500 },
        { marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' },
      ],
    });
    const steps = [50_000, 44_000].map((mark, i) => ({
      time: i,
      prices: createPrices({ markets: { BTC: { mark }, ETH: { mark: 3000 } } }),
    }));
    const replay = replayPricePath(account, steps);
    // BTC isolated: 1500 − 1200 = 300 < 440 → closed, 300 returned to cross: 1000 + 300 = 1300
    expect(replay.liquidated).toEqual(['BTC']);
    expect(replay.survivors).toEqual(['ETH']);
    expect(replay.steps[1]?.equity.toString()).toBe('1300');
  });

  it('takes per-market liquidation costs over the global ones', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [btc, { ...btc, id: 'ALT', baseAsset: 'ALT' }],
      collateral: [{ asset: 'USDT', amount: 300 }],
      positions: [
        { marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' },
        { marketId: 'ALT', size: 10, entryPrice: 100, marginMode: 'cross' },
      ],
    });
    const steps = [100, 70].map((alt, i) => ({
      time: i,
      prices: createPrices({ markets: { BTC: { mark: 1000 }, ALT: { mark: alt } } }),
    }));
    // at ALT 70: equity 300 − 300 = 0 < MMR 0.05 · (1000 + 700) = 85 → whole pool closed
    const replay = replayPricePath(account, steps, {
      crossLiquidation: 'whole-pool',
      liquidationSlippage: '0.01',
      liquidationCosts: { ALT: { slippage: '0.1', feeRate: '0.02' } },
    });
    const fills = Object.fromEntries(replay.cascade.map((e) => [e.positionId, e]));
    // ALT: 70 · (1 − 0.1) = 63, fee 10 · 63 · 0.02 = 12.6; BTC: 1000 · (1 − 0.01) = 990, no fee
    expect(fills.ALT?.fillPrice.toString()).toBe('63');
    expect(fills.ALT?.fee.toString()).toBe('12.6');
    expect(fills.BTC?.fillPrice.toString()).toBe('990');
    expect(fills.BTC?.fee.toString()).toBe('0');
  });

  it('rejects an empty path, times out of order and a negative lag', () => {
    const codes = [
      () => replayPricePath(long, []),
      () => replayPricePath(long, [...path([50_000, 49_000])].reverse()),
      () => replayPricePath(long, path([50_000]), { lagSteps: -1 }),
    ].map((run) => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return error instanceof InvalidArgumentError ? `${error.code} ${error.path.join('.')}` : 'other';
      }
    });
    expect(codes).toEqual([
      'INVALID_ARGUMENT path',
      'INVALID_ARGUMENT path.1.time',
      'INVALID_ARGUMENT lagSteps',
    ]);
  });
});
