import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  createMarginAccount,
  createPrices,
  isMarginKitError,
  type Progress,
  replayPricePath,
  stressAccount,
  uniformLadder,
} from '../../src/index.js';

const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [
    {
      id: 'BTC',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
    },
  ],
  collateral: [{ asset: 'USDT', amount: 1500 }],
  positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }],
});
const prices = createPrices({ markets: { BTC: { mark: 50_000 } } });
const path = [50_000, 46_000, 44_000].map((mark, i) => ({
  time: i * 60_000,
  prices: createPrices({ markets: { BTC: { mark } } }),
}));

describe('stressAccount progress and cancellation', () => {
  it('reports each scenario', () => {
    const seen: Progress[] = [];
    stressAccount(account, prices, uniformLadder('-0.2', '0', '0.1'), { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it('stops at the next scenario once the signal is aborted', () => {
    const controller = new AbortController();
    let calls = 0;
    const run = () =>
      stressAccount(account, prices, uniformLadder('-0.2', '0', '0.1'), {
        signal: controller.signal,
        onProgress: () => {
          calls++;
          controller.abort(new Error('user'));
        },
      });
    expect(run).toThrow(AbortedError);
    expect(calls).toBe(1);
  });
});

describe('replayPricePath progress and cancellation', () => {
  it('reports each step', () => {
    const seen: Progress[] = [];
    replayPricePath(account, path, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(seen.every((p) => p.total === 3)).toBe(true);
  });

  it('throws a library error with code ABORTED and the signal path', () => {
    const controller = new AbortController();
    controller.abort('stop');
    try {
      replayPricePath(account, path, { signal: controller.signal });
      expect.unreachable();
    } catch (error) {
      expect(isMarginKitError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'ABORTED', path: ['signal'], cause: 'stop', name: 'AbortedError' });
    }
  });
});
