import { describe, expect, it } from 'vitest';
import { applyFill, createMarket, Decimal, type DecimalInput, type FillResult } from '../../src/index.js';
import { btcusd, eth, expectDec, expectInvalidArgument } from './fixtures.js';

const linear = createMarket(eth);
const inverse = createMarket(btcusd); // contract size 100 USD

function expectFill(
  r: FillResult,
  transition: FillResult['transition'],
  size: DecimalInput,
  entry: DecimalInput,
  closed: DecimalInput,
  pnl: DecimalInput,
) {
  expect(r.transition).toBe(transition);
  expectDec(r.size, size);
  expectDec(r.entryPrice, entry);
  expectDec(r.closedSize, closed);
  expectDec(r.realizedPnl, pnl);
}

describe('applyFill', () => {
  describe('open', () => {
    it('opens a long at the fill price from flat (the entry argument is ignored)', () => {
      expectFill(applyFill(linear, 0, 12345, 2, 3000), 'open', 2, 3000, 0, 0);
    });

    it('opens a short from flat', () => {
      expectFill(applyFill(linear, 0, 1, '-1.5', 100), 'open', '-1.5', 100, 0, 0);
    });
  });

  describe('add', () => {
    it('linear: entry is the size-weighted average', () => {
      // (2·3000 + 1·3300)/3 = 9300/3 = 3100
      expectFill(applyFill(linear, 2, 3000, 1, 3300), 'add', 3, 3100, 0, 0);
    });

    it('linear short: (2·100 + 2·90)/4 = 95', () => {
      expectFill(applyFill(linear, -2, 100, -2, 90), 'add', -4, 95, 0, 0);
    });

    it('inverse: entry is the harmonic average |s + δ| / (|s|/e + |δ|/p)', () => {
      const r = applyFill(inverse, 100, 20_000, 100, 25_000);
      // 200 / (100/20 000 + 100/25 000) = 200 / (0.005 + 0.004) = 200/0.009 = 22 222.2…
      expect(r.transition).toBe('add');
      expectDec(r.entryPrice, new Decimal(200).div('0.009'));
      expect(r.entryPrice.toFixed(4)).toBe('22222.2222');
      expectDec(r.size, 200);
      // the arithmetic mean 22 500 would be wrong for coin-margined contracts
      expect(r.entryPrice.equals(22_500)).toBe(false);
    });

    it('inverse short: −300 at 30 000 then −100 at 20 000 → 400 / (0.01 + 0.005) = 26 666.6…', () => {
      const r = applyFill(inverse, -300, 30_000, -100, 20_000);
      expectDec(r.entryPrice, new Decimal(400).div('0.015'));
      expectDec(r.size, -400);
    });
  });

  describe('reduce', () => {
    it('linear long: the entry is kept and PnL is realised on the closed part', () => {
      // closed 0.5; PnL 0.5 · (3200 − 3000) = 100
      expectFill(applyFill(linear, 2, 3000, '-0.5', 3200), 'reduce', '1.5', 3000, '0.5', 100);
    });

    it('linear short: PnL is −closed · (p − e)', () => {
      // closed 1; PnL −1 · (110 − 100) = −10
      expectFill(applyFill(linear, -3, 100, 1, 110), 'reduce', -2, 100, 1, -10);
    });

    it('linear with a contract size: PnL = closed · contractSize · (p − e)', () => {
      const m = createMarket({ ...eth, contractSize: '0.1', stepSize: 1 });
      // 4 · 0.1 · (110 − 100) = 4
      expectFill(applyFill(m, 10, 100, -4, 110), 'reduce', 6, 100, 4, 4);
    });

    it('inverse long: PnL in coin, closed · contractSize · (1/e − 1/p)', () => {
      // 50 · 100 · (1/20 000 − 1/25 000) = 5000 · 0.00001 = 0.05 BTC
      expectFill(applyFill(inverse, 100, 20_000, -50, 25_000), 'reduce', 50, 20_000, 50, '0.05');
    });
  });

  describe('close', () => {
    it('linear long closed at a loss', () => {
      // 2 · (2900 − 3000) = −200
      expectFill(applyFill(linear, 2, 3000, -2, 2900), 'close', 0, 3000, 2, -200);
    });

    it('inverse short closed at a gain', () => {
      // −1 · 200 · 100 · (1/25 000 − 1/20 000) = −20 000 · (−0.00001) = 0.2 BTC
      expectFill(applyFill(inverse, -200, 25_000, 200, 20_000), 'close', 0, 25_000, 200, '0.2');
    });
  });

  describe('flip', () => {
    it('long to short: the old position closes, the rest opens at the fill price', () => {
      // closed 2: 2 · (3100 − 3000) = 200; new size 2 − 3 = −1 at 3100
      expectFill(applyFill(linear, 2, 3000, -3, 3100), 'flip', -1, 3100, 2, 200);
    });

    it('short to long', () => {
      // closed 1: −1 · (40 − 50) = 10; new size −1 + 3 = 2 at 40
      expectFill(applyFill(linear, -1, 50, 3, 40), 'flip', 2, 40, 1, 10);
    });

    it('inverse long to short realises coin PnL on the old size only', () => {
      // closed 100: 100 · 100 · (1/20 000 − 1/25 000) = 0.1 BTC; new −50 at 25 000
      expectFill(applyFill(inverse, 100, 20_000, -150, 25_000), 'flip', -50, 25_000, 100, '0.1');
    });
  });

  it('accepts Decimal inputs and returns library Decimals', () => {
    const r = applyFill(linear, new Decimal(1), new Decimal(10), new Decimal(1), new Decimal(20));
    expect(r.entryPrice).toBeInstanceOf(Decimal);
    expectDec(r.entryPrice, 15);
  });

  describe('bad input', () => {
    it('rejects a zero fill size', () => {
      expectInvalidArgument(() => applyFill(linear, 1, 100, 0, 100), 'INVALID_ARGUMENT', ['delta']);
    });

    it('rejects a fill price ≤ 0', () => {
      expectInvalidArgument(() => applyFill(linear, 1, 100, 1, 0), 'INVALID_ARGUMENT', ['price']);
      expectInvalidArgument(() => applyFill(linear, 1, 100, 1, -100), 'INVALID_ARGUMENT', ['price']);
    });

    it('rejects non-finite sizes and prices', () => {
      expectInvalidArgument(() => applyFill(linear, Number.NaN, 100, 1, 100), 'INVALID_ARGUMENT', ['size']);
      expectInvalidArgument(
        () => applyFill(linear, 1, 100, Number.POSITIVE_INFINITY, 100),
        'INVALID_ARGUMENT',
        ['delta'],
      );
      expectInvalidArgument(() => applyFill(linear, 1, 'x', 1, 100), 'INVALID_ARGUMENT', ['entryPrice']);
    });

    it('rejects an entry price ≤ 0 when a position is held', () => {
      // inverse: 0 would give a harmonic entry of 0 on an add and a realised PnL of 1/0 on a reduce
      expectInvalidArgument(() => applyFill(inverse, 100, 0, -50, 25_000), 'INVALID_ARGUMENT', [
        'entryPrice',
      ]);
      expectInvalidArgument(() => applyFill(inverse, 100, 0, 50, 25_000), 'INVALID_ARGUMENT', ['entryPrice']);
    });

    it('rejects a negative entry price when a position is held', () => {
      expectInvalidArgument(() => applyFill(linear, 1, -5, 1, 100), 'INVALID_ARGUMENT', ['entryPrice']);
      expectInvalidArgument(() => applyFill(linear, -1, -5, 1, 100), 'INVALID_ARGUMENT', ['entryPrice']);
    });

    it('ignores the entry argument from flat, so 0 there is accepted', () => {
      // no position: the fill opens at its own price and the entry argument is never read
      expectFill(applyFill(inverse, 0, 0, 50, 25_000), 'open', 50, 25_000, 0, 0);
    });
  });
});
