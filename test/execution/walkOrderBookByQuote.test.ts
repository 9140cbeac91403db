import { describe, expect, it } from 'vitest';
import {
  createMarket,
  createOrderBook,
  InvalidArgumentError,
  type QuoteWalk,
  walkOrderBookByQuote,
} from '../../src/index.js';

const book = createOrderBook({
  bids: [
    [99, 2],
    [98, 10],
  ],
  asks: [
    [100, 1],
    [101, 5],
  ],
});
const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;
const strings = (w: QuoteWalk) => [w.kind, w.size.toString(), w.spent.toString(), w.unspent.toString()];

describe('walkOrderBookByQuote', () => {
  it('buys the largest whole-step size that the amount pays for', () => {
    // 100·1 + 101·1.4 = 241.4 ≤ 250; 2.5 would cost 251.5
    const w = walkOrderBookByQuote(book, 'buy', 250, { stepSize: '0.1' });
    expect(strings(w)).toEqual(['filled', '2.4', '241.4', '8.6']);
    expect(w.walk?.kind === 'filled' && w.walk.averagePrice.toString()).toBe(
      '100.5833333333333333333333333333333333333',
    );
  });

  it('sells for a quote amount to receive, and takes the market step by default', () => {
    const eth = createMarket({
      id: 'ETH',
      kind: 'linear',
      baseAsset: 'ETH',
      quoteAsset: 'USD',
      stepSize: '0.5',
      marginSchedule: flat,
    });
    // 99·2 = 198, then 98·0.5 = 49 → 247 ≤ 250; one more step (98·0.5) → 296
    expect(strings(walkOrderBookByQuote(book, 'sell', 250, { market: eth }))).toEqual([
      'filled',
      '2.5',
      '247',
      '3',
    ]);
  });

  it('is exact without a step (the partial level rounded toward zero)', () => {
    const w = walkOrderBookByQuote(book, 'buy', 200);
    // 1 + 100/101 rounded down to 40 digits; its cost rounds to the amount, never above it
    expect(w.size.toString()).toBe('1.99009900990099009900990099009900990099');
    expect([w.kind, w.spent.toString()]).toEqual(['filled', '200']);
  });

  it('counts inverse contracts at their face value and linear ones with the contract size', () => {
    const inverse = createMarket({
      id: 'BTCUSD',
      kind: 'inverse',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      contractSize: 100,
      stepSize: 1,
      marginSchedule: flat,
    });
    // 1 contract = 100 USD whatever the price: 250 USD → 2 contracts
    expect(strings(walkOrderBookByQuote(book, 'buy', 250, { market: inverse }))).toEqual([
      'filled',
      '2',
      '200',
      '50',
    ]);
    const tenth = createMarket({
      id: 'X',
      kind: 'linear',
      baseAsset: 'X',
      quoteAsset: 'USD',
      contractSize: '0.1',
      stepSize: 1,
      marginSchedule: flat,
    });
    // contracts of 0.1 ETH: 1 at 10, then 2 at 10.1 = 20.2 → 30.2 ≤ 40; a third costs 10.1 more
    expect(strings(walkOrderBookByQuote(book, 'buy', 40, { market: tenth }))).toEqual([
      'filled',
      '3',
      '30.2',
      '9.8',
    ]);
  });

  it('is partial when the book runs out and none when not one step is affordable', () => {
    expect(strings(walkOrderBookByQuote(book, 'buy', 10_000, { stepSize: 1 }))).toEqual([
      'partial',
      '6',
      '605',
      '9395',
    ]);
    // spending exactly the whole book is filled
    expect(walkOrderBookByQuote(book, 'buy', 605).kind).toBe('filled');
    const none = walkOrderBookByQuote(book, 'buy', 50, { stepSize: 1 });
    expect([...strings(none), none.walk]).toEqual(['none', '0', '0', '50', undefined]);
    expect(walkOrderBookByQuote(createOrderBook({ bids: [], asks: [] }), 'buy', 50).kind).toBe('none');
  });

  it('rejects an amount or a step ≤ 0 with a path', () => {
    expect(() => walkOrderBookByQuote(book, 'buy', 0)).toThrow(InvalidArgumentError);
    try {
      walkOrderBookByQuote(book, 'buy', 10, { stepSize: '-1' });
    } catch (e) {
      expect((e as InvalidArgumentError).path).toEqual(['options', 'stepSize']);
    }
    expect.assertions(2);
  });
});
