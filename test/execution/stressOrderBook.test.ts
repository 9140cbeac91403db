import { describe, expect, it } from 'vitest';
import { createOrderBook, type OrderBook, stressOrderBook } from '../../src/index.js';
import { expectDec, expectInvalidArgument } from './fixtures.js';

// Mid = (99 + 101)/2 = 100.
const book = createOrderBook({
  bids: [
    [99, 10],
    [98, 4],
  ],
  asks: [
    [101, 10],
    [102, 6],
  ],
});

const levels = (side: OrderBook['bids']) => side.map((l) => [l.price.toString(), l.size.toString()]);

describe('stressOrderBook', () => {
  it('scales depth and widens the spread by half the widening on each side', () => {
    const thin = stressOrderBook(book, { depthFactor: '0.5', spreadWidening: '0.02' });
    // shift = 0.02 · 100 / 2 = 1: bids −1, asks +1; sizes · 0.5
    expect(levels(thin.bids)).toEqual([
      ['98', '5'],
      ['97', '2'],
    ]);
    expect(levels(thin.asks)).toEqual([
      ['102', '5'],
      ['103', '3'],
    ]);
  });

  it('defaults to no change (depth 1, widening 0)', () => {
    const same = stressOrderBook(book, {});
    expect(levels(same.bids)).toEqual(levels(book.bids));
    expect(levels(same.asks)).toEqual(levels(book.asks));
  });

  it('can deepen a book (factor > 1) without moving prices', () => {
    const deep = stressOrderBook(book, { depthFactor: 3 });
    expectDec(deep.asks[1]?.size, 18); // 6 · 3
    expectDec(deep.asks[1]?.price, 102);
  });

  it('drops bid levels pushed to a price ≤ 0', () => {
    const cheap = createOrderBook({
      bids: [
        [1, 1],
        ['0.5', 2],
      ],
      asks: [[3, 1]],
    });
    // mid 2, widening 1: shift = 1 · 2 / 2 = 1 → bids 0 and −0.5 are dropped, ask 4
    const stressed = stressOrderBook(cheap, { spreadWidening: 1 });
    expect(stressed.bids).toHaveLength(0);
    expect(levels(stressed.asks)).toEqual([['4', '1']]);
  });

  it('scales a one-sided book when no widening is asked', () => {
    const asksOnly = createOrderBook({ bids: [], asks: [[101, 4]] });
    const stressed = stressOrderBook(asksOnly, { depthFactor: '0.25' });
    expectDec(stressed.asks[0]?.size, 1);
  });

  it('returns a frozen book and leaves the input unchanged', () => {
    const thin = stressOrderBook(book, { depthFactor: '0.5' });
    expect(Object.isFrozen(thin)).toBe(true);
    expect(Object.isFrozen(thin.asks[0])).toBe(true);
    expectDec(book.asks[0]?.size, 10);
  });

  describe('bad input', () => {
    it('rejects a depth factor ≤ 0', () => {
      expectInvalidArgument(() => stressOrderBook(book, { depthFactor: 0 }), 'INVALID_ARGUMENT', [
        'depthFactor',
      ]);
      expectInvalidArgument(() => stressOrderBook(book, { depthFactor: -1 }), 'INVALID_ARGUMENT', [
        'depthFactor',
      ]);
    });

    it('rejects a negative widening', () => {
      expectInvalidArgument(() => stressOrderBook(book, { spreadWidening: '-0.01' }), 'INVALID_ARGUMENT', [
        'spreadWidening',
      ]);
    });

    it('rejects a widening of a one-sided book (it has no mid)', () => {
      const bidsOnly = createOrderBook({ bids: [[99, 1]], asks: [] });
      expectInvalidArgument(() => stressOrderBook(bidsOnly, { spreadWidening: '0.01' }), 'INVALID_ARGUMENT', [
        'spreadWidening',
      ]);
    });
  });
});
