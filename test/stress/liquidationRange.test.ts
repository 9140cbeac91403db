import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  liquidationRange,
  type MarketInput,
  type Scenario,
  uniformLadder,
} from '../../src/index.js';

function linear(id: string, maintenanceFraction = '0.05'): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction },
  };
}

function account(maintenanceFraction: string, ethMode: 'cross' | 'isolated' = 'cross') {
  return createMarginAccount({
    settleAsset: 'USDT',
    markets: [linear('BTC', maintenanceFraction), linear('ETH', maintenanceFraction)],
    collateral: [{ asset: 'USDT', amount: 300 }],
    positions: [
      { marketId: 'BTC', size: 1, entryPrice: 1000, marginMode: 'cross' },
      {
        marketId: 'ETH',
        size: 1,
        entryPrice: 1000,
        marginMode: ethMode,
        ...(ethMode === 'isolated' ? { isolatedMargin: 100 } : {}),
      },
    ],
  });
}
const prices = createPrices({ markets: { BTC: { mark: 1000 }, ETH: { mark: 1000 } } });
const ethMoves = (...moves: string[]): Scenario[] =>
  moves.map((m) => ({ name: `ETH ${m}`, shock: { kind: 'relative', moves: { ETH: m } } }));

describe('liquidationRange', () => {
  it('solves the position’s own market with the rest of the book where each scenario put it', () => {
    const range = liquidationRange(
      account('0.05'),
      prices,
      'BTC',
      ethMoves('-0.4', '-0.1', '0', '0.1', '1.2'),
    );
    // BTC liquidates where 300 + uPnL_ETH + (p − 1000) = MMR_ETH + 0.05 p:
    // ETH −10 % (900): 300 − 100 − 1000 − 45 = −845 → 0.95 p = 845 → p = 16 900/19 ≈ 889.47 (high)
    // ETH 0 %: 0.95 p = 750 → 15 000/19 ≈ 789.47
    // ETH +10 % (1100): 0.95 p = 1000 − 400 + 55 = 655 → 13 100/19 ≈ 689.47 (low)
    expect(range.low?.toFixed(30)).toBe(new Decimal(13_100).div(19).toFixed(30));
    expect(range.high?.toFixed(30)).toBe(new Decimal(16_900).div(19).toFixed(30));
    // ETH −40 % (600): equity today 300 − 400 = −100 < MMR → now
    // ETH +120 % (2200): 0.95 p = 1000 − 1500 + 110 = −390 → no positive price → never
    expect(range.now).toBe(1);
    expect(range.never).toBe(1);
  });

  it('keeps the own market at today’s price under a uniform shock (zero maintenance: the docs example)', () => {
    const range = liquidationRange(account('0'), prices, 'BTC', uniformLadder('-0.1', '0.1', '0.1'));
    // ETH at 900 / 1000 / 1100: 300 + (ETH − 1000) + (p − 1000) = 0 → p = 800, 700, 600
    expect(range.low?.toString()).toBe('600');
    expect(range.high?.toString()).toBe('800');
    expect(range.never).toBe(0);
    expect(range.now).toBe(0);
  });

  it('gives one price for an isolated position whatever the rest of the book does', () => {
    const range = liquidationRange(
      account('0.05', 'isolated'),
      prices,
      'ETH',
      ethMoves('-0.3', '0', '0.5').concat(uniformLadder('-0.2', '0.2', '0.2')),
    );
    // ETH alone: 100 + (p − 1000) = 0.05 p → p = 900/0.95 = 18 000/19
    const expected = new Decimal(18_000).div(19).toString();
    expect(range.low?.toString()).toBe(expected);
    expect(range.high?.toString()).toBe(expected);
  });

  it('reports no prices for no scenarios, and rejects an unknown position', () => {
    expect(liquidationRange(account('0.05'), prices, 'BTC', [])).toEqual({ never: 0, now: 0 });
    try {
      liquidationRange(account('0.05'), prices, 'SOL', []);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('UNKNOWN_POSITION');
    }
  });
});
