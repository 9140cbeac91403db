import { describe, expect, it } from 'vitest';
import { createMarket, createOrderBook, InvalidArgumentError, orderBookMetrics } from '../../src/index.js';

const book = createOrderBook({
  bids: [
    [99.9, 2],
    [99, 5],
    [90, 100],
  ],
  asks: [
    [100.1, 1],
    [101, 4],
  ],
});

describe('orderBookMetrics', () => {
  it('gives mid, spread in price and bps, and depth within bands of the mid', () => {
    const m = orderBookMetrics(book, { depthWithin: ['0.005', '0.01', 0] });
    if (m.kind !== 'two-sided') throw new Error('expected a two-sided book');
    expect([m.bestBid, m.bestAsk, m.mid, m.spread, m.spreadBps].map(String)).toEqual([
      '99.9',
      '100.1',
      '100',
      '0.2',
      '20',
    ]);
    const rows = m.depth.map((d) => [d.within, d.bidSize, d.askSize, d.bidQuote, d.askQuote].map(String));
    // ±0.5 %: bids ≥ 99.5, asks ≤ 100.5; ±1 %: bids ≥ 99 (inclusive), asks ≤ 101
    expect(rows).toEqual([
      ['0.005', '2', '1', '199.8', '100.1'],
      ['0.01', '7', '5', '694.8', '504.1'],
      ['0', '0', '0', '0', '0'],
    ]);
  });

  it('counts quote with the contract size, and inverse contracts at face value', () => {
    const inverse = createMarket({
      id: 'BTCUSD',
      kind: 'inverse',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      contractSize: 100,
      marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
    });
    const m = orderBookMetrics(book, { depthWithin: ['0.01'], market: inverse });
    expect(
      m.kind === 'two-sided' && [m.depth[0]?.bidQuote.toString(), m.depth[0]?.askQuote.toString()],
    ).toEqual(['700', '500']);
  });

  it('reports a one-sided book without a mid', () => {
    expect(orderBookMetrics(createOrderBook({ bids: [[5, 1]], asks: [] }))).toMatchObject({
      kind: 'one-sided',
    });
    const m = orderBookMetrics(createOrderBook({ bids: [], asks: [[5, 1]] }));
    expect(m.kind === 'one-sided' && [m.bestBid, m.bestAsk?.toString()]).toEqual([undefined, '5']);
  });

  it('rejects a band outside [0, 1] with its index in the path', () => {
    try {
      orderBookMetrics(book, { depthWithin: ['0.01', '1.5'] });
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).path).toEqual(['options', 'depthWithin', 1]);
    }
    expect.assertions(2);
  });
});
