import { describe, expect, it } from 'vitest';
import {
  type BookWalk,
  createMarket,
  createOrderBook,
  Decimal,
  notional,
  walkOrderBook,
} from '../../src/index.js';
import { btcusd, eth, expectDec, expectInvalidArgument } from './fixtures.js';

// Mid = (99 + 101)/2 = 100. Asks total 2 + 3 + 5 = 10, bids total 6 + 4 = 10.
const book = createOrderBook({
  bids: [
    [99, 6],
    [98, 4],
  ],
  asks: [
    [101, 2],
    [102, 3],
    [104, 5],
  ],
});

function walked(walk: BookWalk): Extract<BookWalk, { kind: 'filled' | 'partial' }> {
  if (walk.kind === 'none') throw new Error('expected a fill');
  return walk;
}

describe('walkOrderBook', () => {
  describe('a buy takes the asks', () => {
    const walk = walked(walkOrderBook(book, 'buy', 4, { feeRate: '0.0005', mark: '100.5', oracle: 102 }));

    it('fills level by level and reports the VWAP', () => {
      expect(walk.kind).toBe('filled');
      expect(walk.side).toBe('buy');
      expectDec(walk.requested, 4);
      expectDec(walk.filled, 4);
      expectDec(walk.unfilled, 0);
      // 2 @ 101 + 2 @ 102: quote 202 + 204 = 406, VWAP 406 / 4 = 101.5
      expectDec(walk.averagePrice, '101.5');
      expect(walk.fills.map((f) => [f.price.toString(), f.size.toString()])).toEqual([
        ['101', '2'],
        ['102', '2'],
      ]);
    });

    it('reports the best price and the worst level touched', () => {
      expectDec(walk.bestPrice, 101);
      expectDec(walk.worstPrice, 102);
    });

    it('notional without a market is Σ price · size, and the fee is notional · rate', () => {
      expectDec(walk.notional, 406); // 2·101 + 2·102
      expectDec(walk.fee, '0.203'); // 406 · 0.0005
    });

    it('slippage of a buy is positive above the reference, negative below it', () => {
      // mid: (101.5 − 100)/100 = 0.015
      expectDec(walk.slippage.mid, '0.015');
      // best: (101.5 − 101)/101 = 0.5/101
      expectDec(walk.slippage.best, new Decimal('0.5').div(101));
      // mark: (101.5 − 100.5)/100.5 = 1/100.5
      expectDec(walk.slippage.mark, new Decimal(1).div('100.5'));
      // oracle: (101.5 − 102)/102 = −0.5/102 (bought below the oracle: better, so negative)
      expectDec(walk.slippage.oracle, new Decimal('-0.5').div(102));
      expect(walk.slippage.oracle?.isNegative()).toBe(true);
    });
  });

  describe('a sell takes the bids', () => {
    const walk = walked(walkOrderBook(book, 'sell', 10, { mark: 98, oracle: '99.5' }));

    it('fills the whole side exactly', () => {
      expect(walk.kind).toBe('filled');
      // 6 @ 99 + 4 @ 98: quote 594 + 392 = 986, VWAP 98.6
      expectDec(walk.averagePrice, '98.6');
      expectDec(walk.bestPrice, 99);
      expectDec(walk.worstPrice, 98);
      expectDec(walk.unfilled, 0);
      expectDec(walk.fee, 0); // no fee rate given
    });

    it('slippage of a sell is positive below the reference, negative above it', () => {
      // mid: (100 − 98.6)/100 = 0.014
      expectDec(walk.slippage.mid, '0.014');
      // best: (99 − 98.6)/99 = 0.4/99
      expectDec(walk.slippage.best, new Decimal('0.4').div(99));
      // oracle: (99.5 − 98.6)/99.5 = 0.9/99.5
      expectDec(walk.slippage.oracle, new Decimal('0.9').div('99.5'));
      // mark: (98 − 98.6)/98 = −0.6/98 (sold above the mark: negative)
      expectDec(walk.slippage.mark, new Decimal('-0.6').div(98));
    });
  });

  it('a single-level fill has zero slippage against best and VWAP = best = worst', () => {
    const walk = walked(walkOrderBook(book, 'buy', '1.5'));
    expectDec(walk.averagePrice, 101);
    expectDec(walk.worstPrice, 101);
    expectDec(walk.slippage.best, 0);
    expectDec(walk.slippage.mid, '0.01'); // (101 − 100)/100
  });

  it('leaves mark and oracle slippage absent when those prices are not given', () => {
    const walk = walked(walkOrderBook(book, 'buy', 1));
    expect('mark' in walk.slippage).toBe(false);
    expect('oracle' in walk.slippage).toBe(false);
  });

  it('a partial fill reports what is unfilled when the side runs out', () => {
    const walk = walked(walkOrderBook(book, 'buy', 12, { feeRate: '0.001' }));
    expect(walk.kind).toBe('partial');
    expectDec(walk.requested, 12);
    expectDec(walk.filled, 10);
    expectDec(walk.unfilled, 2); // 12 − (2 + 3 + 5)
    // (2·101 + 3·102 + 5·104)/10 = (202 + 306 + 520)/10 = 102.8
    expectDec(walk.averagePrice, '102.8');
    expectDec(walk.worstPrice, 104);
    expectDec(walk.notional, 1028);
    expectDec(walk.fee, '1.028'); // only the filled notional pays: 1028 · 0.001
  });

  it('with a linear market, notional counts the contract size', () => {
    const m = createMarket({ ...eth, contractSize: '0.1', stepSize: '1' });
    const walk = walked(walkOrderBook(book, 'buy', 4, { market: m, feeRate: '0.0005' }));
    expectDec(walk.notional, '40.6'); // 2·0.1·101 + 2·0.1·102
    expectDec(walk.fee, '0.0203'); // 40.6 · 0.0005
    expectDec(walk.averagePrice, '101.5'); // the price average does not depend on the contract size
  });

  it('with an inverse market, notional and fee are in coin, level by level', () => {
    const m = createMarket(btcusd);
    const inverseBook = createOrderBook({
      bids: [[19_000, 50]],
      asks: [
        [20_000, 10],
        [25_000, 10],
      ],
    });
    const walk = walked(walkOrderBook(inverseBook, 'buy', 20, { market: m, feeRate: '0.0005' }));
    // 10·100/20 000 + 10·100/25 000 = 0.05 + 0.04 = 0.09 BTC
    expectDec(walk.notional, '0.09');
    expectDec(walk.fee, '0.000045'); // 0.09 · 0.0005 BTC
    expectDec(walk.filled, 20);
  });

  // For an inverse contract the average that reproduces the coin notional (and the entry a venue records for
  // the two fills) is the harmonic mean 20 / (10/20 000 + 10/25 000) = 20 / 0.0009 = 22 222.2…, not the
  // contract-weighted mean (10·20 000 + 10·25 000)/20 = 22 500.
  it('with an inverse market, the average price is the harmonic mean, consistent with the coin notional', () => {
    const m = createMarket(btcusd);
    const inverseBook = createOrderBook({
      bids: [],
      asks: [
        [20_000, 10],
        [25_000, 10],
      ],
    });
    const walk = walked(walkOrderBook(inverseBook, 'buy', 20, { market: m }));
    expectDec(walk.averagePrice, new Decimal(20).div('0.0009'));
    expect(walk.averagePrice.toFixed(4)).toBe('22222.2222');
    expectDec(walk.notional, '0.09');
    // 20 · 100 / 22 222.2… = 0.09, to the 40 significant digits the quotient 20/0.0009 carries
    expect(notional(m, walk.filled, walk.averagePrice).minus(walk.notional).abs().lessThan('1e-35')).toBe(
      true,
    );
    // without the market the walk cannot know the contract is inverse: the arithmetic VWAP 22 500
    expectDec(walked(walkOrderBook(inverseBook, 'buy', 20)).averagePrice, 22_500);
  });

  it('with an inverse market, a sell averages the bids harmonically too', () => {
    const m = createMarket(btcusd);
    const inverseBook = createOrderBook({
      bids: [
        [25_000, 30],
        [20_000, 20],
      ],
      asks: [],
    });
    const walk = walked(walkOrderBook(inverseBook, 'sell', 50, { market: m }));
    // 50 / (30/25 000 + 20/20 000) = 50 / (0.0012 + 0.001) = 50 / 0.0022 = 22 727.27…
    expectDec(walk.averagePrice, new Decimal(50).div('0.0022'));
    // Σ 100·q/p = 0.12 + 0.1 = 0.22 BTC
    expectDec(walk.notional, '0.22');
  });

  it('an empty side is the value kind "none", not an error', () => {
    const oneSided = createOrderBook({ bids: [[99, 1]], asks: [] });
    const walk = walkOrderBook(oneSided, 'buy', 3);
    expect(walk).toEqual({ kind: 'none', side: 'buy', requested: new Decimal(3), unfilled: new Decimal(3) });
    const empty = walkOrderBook(createOrderBook({ bids: [], asks: [] }), 'sell', '0.5');
    expect(empty.kind).toBe('none');
    expectDec(empty.unfilled, '0.5');
  });

  it('a one-sided book fills but has no mid slippage', () => {
    const asksOnly = createOrderBook({ bids: [], asks: [[101, 2]] });
    const walk = walked(walkOrderBook(asksOnly, 'buy', 1));
    expect('mid' in walk.slippage).toBe(false);
    expect(walk.slippage.mid).toBeUndefined();
    expectDec(walk.slippage.best, 0);
  });

  describe('bad input', () => {
    it('rejects a size ≤ 0 with INVALID_ARGUMENT', () => {
      expectInvalidArgument(() => walkOrderBook(book, 'buy', 0), 'INVALID_ARGUMENT', ['size']);
      expectInvalidArgument(() => walkOrderBook(book, 'sell', -1), 'INVALID_ARGUMENT', ['size']);
    });

    it('rejects a non-finite size, fee rate or reference price', () => {
      expectInvalidArgument(() => walkOrderBook(book, 'buy', Number.NaN), 'INVALID_ARGUMENT', ['size']);
      expectInvalidArgument(
        () => walkOrderBook(book, 'buy', 1, { feeRate: Number.POSITIVE_INFINITY }),
        'INVALID_ARGUMENT',
        ['feeRate'],
      );
      expectInvalidArgument(() => walkOrderBook(book, 'buy', 1, { mark: 'abc' }), 'INVALID_ARGUMENT', [
        'mark',
      ]);
    });
  });
});
