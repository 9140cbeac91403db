import { describe, expect, it } from 'vitest';
import { createOrderBook, Decimal, maxSizeWithinSlippage, walkOrderBook } from '../../src/index.js';
import { expectDec, expectInvalidArgument } from './fixtures.js';

// The solved size inside a level is rounded toward zero at 40 digits, so it never averages past the limit.
const Down = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });

// Mid = (99 + 101)/2 = 100.
const book = createOrderBook({
  bids: [
    [99, 4],
    [97, 10],
  ],
  asks: [
    [101, 2],
    [103, 10],
  ],
});

describe('maxSizeWithinSlippage', () => {
  describe("measure 'average' (default)", () => {
    it('solves exactly inside the level that crosses the limit (buy, mid reference)', () => {
      const r = maxSizeWithinSlippage(book, 'buy', '0.02');
      // L = 100 · 1.02 = 102. 2 @ 101: Q = 2, C = 202. In the 103 level: x = (102·2 − 202)/(103 − 102) = 2
      expectDec(r.limitPrice, 102);
      expectDec(r.size, 4);
      expect(r.bookExhausted).toBe(false);
      // the VWAP at that size is exactly the limit: (202 + 2·103)/4 = 408/4 = 102
      const walk = walkOrderBook(book, 'buy', r.size);
      if (walk.kind === 'none') throw new Error('unreachable');
      expectDec(walk.averagePrice, 102);
    });

    it('solves a sell against the bids (limit below the reference)', () => {
      const r = maxSizeWithinSlippage(book, 'sell', '0.02');
      // L = 100 · 0.98 = 98. 4 @ 99: Q = 4, C = 396. In the 97 level: x = (98·4 − 396)/(97 − 98) = −4/−1 = 4
      expectDec(r.limitPrice, 98);
      expectDec(r.size, 8);
      expect(r.bookExhausted).toBe(false);
      // VWAP (396 + 4·97)/8 = 784/8 = 98 = L
    });

    it("uses the side's best price as the reference with reference: 'best'", () => {
      const r = maxSizeWithinSlippage(book, 'buy', '0.01', { reference: 'best' });
      // L = 101 · 1.01 = 102.01; x = (102.01·2 − 202)/(103 − 102.01) = 2.02/0.99
      expectDec(r.limitPrice, '102.01');
      expectDec(r.size, new Decimal('2.02').div('0.99').plus(2));
      expect(r.size.toFixed(8)).toBe('4.04040404');
    });

    it('uses an explicit reference price', () => {
      const r = maxSizeWithinSlippage(book, 'buy', '0.015', { reference: 100 });
      // L = 100 · 1.015 = 101.5; x = (101.5·2 − 202)/(103 − 101.5) = 1/1.5
      expectDec(r.limitPrice, '101.5');
      expectDec(r.size, new Decimal(1).div('1.5').plus(2));
    });

    it('a zero limit against the best price takes exactly the best level', () => {
      const r = maxSizeWithinSlippage(book, 'buy', 0, { reference: 'best' });
      // L = 101; 101 ≤ L takes 2; x = (101·2 − 202)/(103 − 101) = 0
      expectDec(r.limitPrice, 101);
      expectDec(r.size, 2);
    });

    it('is 0 when even the best level lies beyond the limit', () => {
      const r = maxSizeWithinSlippage(book, 'buy', '0.001', { reference: 90 });
      // L = 90.09 < 101
      expectDec(r.limitPrice, '90.09');
      expectDec(r.size, 0);
      expect(r.bookExhausted).toBe(false);
    });

    it('reports an exhausted book when the whole side fits within the limit', () => {
      const r = maxSizeWithinSlippage(book, 'buy', '0.5');
      // L = 150 ≥ 103: every ask, 2 + 10 = 12
      expectDec(r.size, 12);
      expectDec(r.limitPrice, 150);
      expect(r.bookExhausted).toBe(true);
    });

    // A level priced beyond the limit is taken whole while the average stays within it, and the search goes
    // on to the next level. Asks 2 @ 101, 1 @ 103, 10 @ 104, L = 100 · 1.025 = 102.5:
    //   2 @ 101 (C = 202, Q = 2); 103 > L: x = (102.5·2 − 202)/(103 − 102.5) = 3/0.5 = 6 ≥ 1 → take all 1
    //   (C = 305, Q = 3); 104 > L: x = (102.5·3 − 305)/(104 − 102.5) = 2.5/1.5 = 5/3 < 10 → size 3 + 5/3 = 14/3.
    const stepped = createOrderBook({
      bids: [[99, 10]],
      asks: [
        [101, 2],
        [103, 1],
        [104, 10],
      ],
    });
    it('keeps solving past a level that fits whole under the average limit', () => {
      const r = maxSizeWithinSlippage(stepped, 'buy', '0.025');
      expectDec(r.limitPrice, '102.5');
      expectDec(r.size, new Decimal(new Down(5).div(3)).plus(3));
      expect(r.size.toFixed(12)).toBe(new Decimal(14).div(3).toFixed(12));
      expect(r.bookExhausted).toBe(false);
      // the VWAP at that size is the limit: (305 + 104·5/3)/(14/3) = (915 + 520)/14 = 1435/14 = 102.5
      const walk = walkOrderBook(stepped, 'buy', r.size);
      if (walk.kind === 'none') throw new Error('unreachable');
      expect(walk.averagePrice.minus('102.5').abs().lessThan('1e-30')).toBe(true);
      // and 0.01 more averages beyond it: (305 + 104·(5/3 + 0.01))/(14/3 + 0.01) > 102.5
      const more = walkOrderBook(stepped, 'buy', r.size.plus('0.01'));
      if (more.kind === 'none') throw new Error('unreachable');
      expect(more.averagePrice.greaterThan('102.5')).toBe(true);
    });

    it('solves the same way on the sell side past a bid that fits whole', () => {
      const bids = createOrderBook({
        bids: [
          [99, 2],
          [97, 1],
          [96, 10],
        ],
        asks: [[101, 10]],
      });
      const r = maxSizeWithinSlippage(bids, 'sell', '0.025');
      // L = 100 · 0.975 = 97.5. 2 @ 99 (C = 198, Q = 2); 97 < L: x = (97.5·2 − 198)/(97 − 97.5) = −3/−0.5
      // = 6 ≥ 1 → take all 1 (C = 295, Q = 3); 96 < L: x = (97.5·3 − 295)/(96 − 97.5) = −2.5/−1.5 = 5/3
      expectDec(r.limitPrice, '97.5');
      expectDec(r.size, new Decimal(new Down(5).div(3)).plus(3));
      expect(r.bookExhausted).toBe(false);
    });

    it('reports an exhausted book when the last level fits whole under the average limit', () => {
      const short = createOrderBook({
        bids: [[99, 10]],
        asks: [
          [101, 2],
          [103, 1],
        ],
      });
      // L = 102.5: 2 @ 101, then x = 6 ≥ 1, so both levels (3) are taken: the book, not the limit, bounds it.
      const r = maxSizeWithinSlippage(short, 'buy', '0.025');
      expectDec(r.size, 3);
      expectDec(r.limitPrice, '102.5');
      expect(r.bookExhausted).toBe(true);
      // VWAP of the whole side (202 + 103)/3 = 305/3 = 101.67 ≤ 102.5
    });

    it('a level that fits exactly (x equal to its size) is taken whole and the search goes on', () => {
      const exact = createOrderBook({
        bids: [[99, 10]],
        asks: [
          [101, 2],
          [103, 6],
          [104, 10],
        ],
      });
      // L = 102.5: 2 @ 101 (C = 202, Q = 2); 103: x = 3/0.5 = 6 = its size → take it (C = 820, Q = 8,
      // VWAP 102.5); 104: x = (102.5·8 − 820)/(104 − 102.5) = 0 → size 8, not exhausted
      const r = maxSizeWithinSlippage(exact, 'buy', '0.025');
      expectDec(r.size, 8);
      expect(r.bookExhausted).toBe(false);
    });
  });

  describe("measure 'worst'", () => {
    it('takes whole levels whose price is within the limit and stops at the first beyond it', () => {
      const r = maxSizeWithinSlippage(book, 'buy', '0.02', { measure: 'worst' });
      // L = 102: 101 ≤ 102 → 2; 103 > 102 → stop
      expectDec(r.size, 2);
      expect(r.bookExhausted).toBe(false);
    });

    it('a level exactly at the limit price is included', () => {
      const r = maxSizeWithinSlippage(book, 'sell', '0.03', { measure: 'worst' });
      // L = 100 · 0.97 = 97: 99 ≥ 97 and 97 ≥ 97 → 4 + 10, the whole side
      expectDec(r.limitPrice, 97);
      expectDec(r.size, 14);
      expect(r.bookExhausted).toBe(true);
    });

    it("is never larger than 'average' for the same limit", () => {
      for (const limit of ['0', '0.005', '0.01', '0.02', '0.03', '0.05']) {
        const worst = maxSizeWithinSlippage(book, 'buy', limit, { measure: 'worst' }).size;
        const average = maxSizeWithinSlippage(book, 'buy', limit).size;
        expect(worst.lessThanOrEqualTo(average)).toBe(true);
      }
    });
  });

  describe('empty and one-sided books', () => {
    it('an empty side gives size 0, an exhausted book and no limit price', () => {
      const bidsOnly = createOrderBook({ bids: [[99, 1]], asks: [] });
      const r = maxSizeWithinSlippage(bidsOnly, 'buy', '0.01');
      expectDec(r.size, 0);
      expect(r.bookExhausted).toBe(true);
      // no mid and no level on the side taken: there is no reference, so no limit price
      expect(r.limitPrice).toBeUndefined();
      expect('limitPrice' in r).toBe(false);
      const best = maxSizeWithinSlippage(bidsOnly, 'buy', '0.01', { reference: 'best' });
      expectDec(best.size, 0);
      expect(best.bookExhausted).toBe(true);
      expect(best.limitPrice).toBeUndefined();
    });

    it('an explicit reference works on an empty side and still reports its limit price', () => {
      const bidsOnly = createOrderBook({ bids: [[99, 1]], asks: [] });
      const r = maxSizeWithinSlippage(bidsOnly, 'buy', '0.01', { reference: 100 });
      expectDec(r.size, 0);
      expectDec(r.limitPrice, 101); // 100 · 1.01
    });

    it("a 'mid' reference on a one-sided book with levels on the side taken is INVALID_ARGUMENT", () => {
      const asksOnly = createOrderBook({ bids: [], asks: [[101, 1]] });
      expectInvalidArgument(() => maxSizeWithinSlippage(asksOnly, 'buy', '0.01'), 'INVALID_ARGUMENT', [
        'reference',
      ]);
      // 'best' needs no other side: L = 101·1.01 = 102.01 ≥ 101 → the whole level
      expectDec(maxSizeWithinSlippage(asksOnly, 'buy', '0.01', { reference: 'best' }).size, 1);
    });
  });

  describe('bad input', () => {
    it('rejects a negative limit', () => {
      expectInvalidArgument(() => maxSizeWithinSlippage(book, 'buy', '-0.01'), 'INVALID_ARGUMENT', [
        'maxSlippage',
      ]);
    });

    it('rejects a non-finite limit or reference', () => {
      expectInvalidArgument(() => maxSizeWithinSlippage(book, 'buy', Number.NaN), 'INVALID_ARGUMENT');
      expectInvalidArgument(
        () => maxSizeWithinSlippage(book, 'buy', '0.01', { reference: 'abc' }),
        'INVALID_ARGUMENT',
        ['reference'],
      );
    });
  });
});
