import { describe, expect, it } from 'vitest';
import { createOrderBook, Decimal, type OrderBookInput } from '../../src/index.js';
import { expectDec, expectValidation } from './fixtures.js';

describe('createOrderBook', () => {
  it('reads [price, size] pairs and { price, size } objects as exact decimals', () => {
    const book = createOrderBook({
      bids: [['99.5', 10], { price: 99, size: '20.25' }],
      asks: [{ price: new Decimal('100.5'), size: 5n }, ['101', '0.3']],
    });
    expectDec(book.bids[0]?.price, '99.5');
    expectDec(book.bids[0]?.size, 10);
    expectDec(book.bids[1]?.size, '20.25');
    expectDec(book.asks[0]?.size, 5);
    expectDec(book.asks[1]?.price, 101);
    expectDec(book.asks[1]?.size, '0.3');
    expect(book.asks[0]?.price).toBeInstanceOf(Decimal);
  });

  it('returns a frozen book', () => {
    const book = createOrderBook({ bids: [[99, 1]], asks: [[101, 1]] });
    expect(Object.isFrozen(book)).toBe(true);
    expect(Object.isFrozen(book.bids)).toBe(true);
    expect(Object.isFrozen(book.asks[0])).toBe(true);
  });

  it('accepts empty sides (a one-sided or empty book)', () => {
    expect(createOrderBook({ bids: [], asks: [[101, 1]] }).bids).toHaveLength(0);
    expect(createOrderBook({ bids: [[99, 1]], asks: [] }).asks).toHaveLength(0);
    const empty = createOrderBook({ bids: [], asks: [] });
    expect(empty.bids.length + empty.asks.length).toBe(0);
  });

  it('accepts a created book back unchanged', () => {
    const book = createOrderBook({ bids: [[99, 10]], asks: [[101, 2]] });
    const again = createOrderBook(book);
    expectDec(again.bids[0]?.price, 99);
    expectDec(again.asks[0]?.size, 2);
  });

  describe('bad input', () => {
    it('rejects a crossed book (best bid at the best ask) with CROSSED_BOOK', () => {
      expectValidation(() => createOrderBook({ bids: [[100, 1]], asks: [[100, 1]] }), 'CROSSED_BOOK', [
        'bids',
        0,
        'price',
      ]);
    });

    it('rejects a crossed book (best bid above the best ask) with CROSSED_BOOK', () => {
      expectValidation(
        () =>
          createOrderBook({
            bids: [
              [101, 1],
              [99, 1],
            ],
            asks: [[100.5, 1]],
          }),
        'CROSSED_BOOK',
      );
    });

    it('rejects bids that are not strictly descending with NOT_IN_ORDER at the level', () => {
      expectValidation(
        () =>
          createOrderBook({
            bids: [
              [98, 1],
              [99, 1],
            ],
            asks: [[101, 1]],
          }),
        'NOT_IN_ORDER',
        ['bids', 1, 'price'],
      );
    });

    it('rejects asks that are not strictly ascending (a repeated price) with NOT_IN_ORDER', () => {
      expectValidation(
        () =>
          createOrderBook({
            bids: [[99, 1]],
            asks: [
              [101, 1],
              [102, 1],
              [102, 3],
            ],
          }),
        'NOT_IN_ORDER',
        ['asks', 2, 'price'],
      );
    });

    it('rejects an unknown field of the book', () => {
      expectValidation(
        () => createOrderBook({ bids: [], asks: [], depth: 3 } as unknown as OrderBookInput),
        'UNKNOWN_FIELD',
      );
    });

    it('rejects a missing side', () => {
      expectValidation(() => createOrderBook({ bids: [] } as unknown as OrderBookInput), 'MISSING_FIELD', [
        'asks',
      ]);
    });

    // A [price, size] pair is read as { price, size }, so both shapes report the field at fault.
    const badLevels: [string, OrderBookInput, (string | number)[]][] = [
      ['a zero price (pair)', { bids: [[0, 1]], asks: [] }, ['bids', 0, 'price']],
      ['a negative price (object)', { bids: [{ price: -1, size: 1 }], asks: [] }, ['bids', 0, 'price']],
      ['a zero size (pair)', { bids: [], asks: [[101, 0]] }, ['asks', 0, 'size']],
      ['a negative size (object)', { bids: [], asks: [{ price: 101, size: '-2' }] }, ['asks', 0, 'size']],
    ];
    for (const [label, input, path] of badLevels) {
      it(`rejects ${label} with NOT_POSITIVE at the field`, () => {
        expectValidation(() => createOrderBook(input), 'NOT_POSITIVE', path);
      });
    }

    it('reports a bad level deeper in the side at its own index', () => {
      expectValidation(
        () =>
          createOrderBook({
            bids: [
              [99, 1],
              [98, -1],
            ],
            asks: [],
          }),
        'NOT_POSITIVE',
        ['bids', 1, 'size'],
      );
    });

    it('rejects a non-numeric level value with NOT_A_NUMBER at the field', () => {
      expectValidation(() => createOrderBook({ bids: [[99, 'x']], asks: [] }), 'NOT_A_NUMBER', [
        'bids',
        0,
        'size',
      ]);
    });
  });
});
