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

describe('progress fields that are not what they claim', () => {
  const ladder = uniformLadder('-0.2', '0', '0.1');
  const pathOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(isMarginKitError(error)).toBe(true);
      return { code: (error as { code: string }).code, path: (error as { path: unknown }).path };
    }
    throw new Error('expected an error');
  };

  it('names an onProgress that is not a function before any work', () => {
    let summaries = 0;
    const options = {
      onProgress: 5,
      signal: {
        get aborted() {
          summaries++;
          return false;
        },
      },
    } as unknown as Parameters<typeof stressAccount>[3];
    expect(pathOf(() => stressAccount(account, prices, ladder, options))).toEqual({
      code: 'INVALID_ARGUMENT',
      path: ['options', 'onProgress'],
    });
    expect(summaries).toBe(0);
    expect(pathOf(() => replayPricePath(account, path, { onProgress: 'log' } as never))).toEqual({
      code: 'INVALID_ARGUMENT',
      path: ['options', 'onProgress'],
    });
  });

  it('names a signal without a boolean aborted instead of never stopping', () => {
    for (const signal of [5, 'abort', null, {}, { aborted: 'yes' }]) {
      expect(pathOf(() => stressAccount(account, prices, ladder, { signal } as never))).toEqual({
        code: 'INVALID_ARGUMENT',
        path: ['options', 'signal'],
      });
    }
    // A real signal, and an object with the same two fields, are accepted.
    expect(
      stressAccount(account, prices, ladder, { signal: new AbortController().signal }).results,
    ).toHaveLength(3);
    expect(stressAccount(account, prices, ladder, { signal: { aborted: false } }).results).toHaveLength(3);
  });
});
