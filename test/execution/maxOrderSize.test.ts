import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createOrderBook,
  type MarginAccount,
  type MarketInput,
  maxOrderSize,
  type OrderRequest,
  type Prices,
  previewOrder,
} from '../../src/index.js';
import { btcusd, eth, expectDec, expectInvalidArgument, filled, markAt, usdtAccount } from './fixtures.js';

const btc: MarketInput = {
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  stepSize: '0.001',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
};

/** Asserts that `size` passes the check and fills, and that one step more does not pass or does not fill. */
function expectExactBound(
  account: MarginAccount,
  prices: Prices,
  order: Omit<OrderRequest, 'size'>,
  size: string,
  step: string,
) {
  const at = filled(previewOrder(account, prices, { ...order, size }));
  expect(at.check.passes).toBe(true);
  expectDec(at.unfilled, 0);
  const above = previewOrder(account, prices, { ...order, size: at.fillSize.plus(step) });
  expect(above.kind !== 'filled' || !above.check.passes || !above.unfilled.isZero()).toBe(true);
}

describe('maxOrderSize', () => {
  describe('bounded by margin (flat schedule)', () => {
    const account = usdtAccount(1000, [], [btc]);
    const prices = markAt(50_000, 'BTC');

    it('buying power is collateral / (mark · IMF)', () => {
      const order = { marketId: 'BTC', side: 'buy', price: 50_000 } as const;
      const r = maxOrderSize(account, prices, order);
      // 1000 / (50 000 · 0.1) = 0.2
      expectDec(r.size, '0.2');
      expect(r.limitedBy).toBe('margin');
      expectExactBound(account, prices, order, '0.2', '0.001');
    });

    it('counts the fee', () => {
      const order = { marketId: 'BTC', side: 'buy', price: 50_000, feeRate: '0.0005' } as const;
      const r = maxOrderSize(account, prices, order);
      // 1000 − 25s ≥ 5000s → s ≤ 1000/5025 = 0.19900… → 0.199 on the step
      expectDec(r.size, '0.199');
      expectExactBound(account, prices, order, '0.199', '0.001');
    });

    it('a sell from flat is symmetric', () => {
      expectDec(maxOrderSize(account, prices, { marketId: 'BTC', side: 'sell', price: 50_000 }).size, '0.2');
    });

    it('is 0 with no collateral', () => {
      const r = maxOrderSize(usdtAccount(0, [], [btc]), prices, {
        marketId: 'BTC',
        side: 'buy',
        price: 50_000,
      });
      expectDec(r.size, 0);
      expect(r.limitedBy).toBe('margin');
    });

    it('uses an explicit step on a market without one', () => {
      const { stepSize: _drop, ...bare } = eth;
      const acc = usdtAccount(1000, [], [bare]);
      const r = maxOrderSize(acc, markAt(2000), { marketId: 'ETH', side: 'buy', price: 2000, step: '0.5' });
      // 1000 / (2000 · 0.1) = 5, a whole number of 0.5 steps
      expectDec(r.size, 5);
      expectInvalidArgument(
        () => maxOrderSize(acc, markAt(2000), { marketId: 'ETH', side: 'buy', price: 2000 }),
        'INVALID_ARGUMENT',
        ['step'],
      );
    });

    it('an isolated order is bounded by the cross collateral it draws its margin from', () => {
      const r = maxOrderSize(usdtAccount(1000), markAt(2000), {
        marketId: 'ETH',
        side: 'buy',
        price: 2000,
        marginMode: 'isolated',
      });
      // transfer = IMR = 200s ≤ 1000 → 5
      expectDec(r.size, 5);
    });

    it('inverse: contracts · contractSize / mark · IMF ≤ coin collateral', () => {
      const account = createMarginAccount({
        settleAsset: 'BTC',
        markets: [btcusd],
        collateral: [{ asset: 'BTC', amount: 1 }],
      });
      const order = { marketId: 'BTCUSD', side: 'buy', price: 20_000 } as const;
      const prices = markAt(20_000, 'BTCUSD');
      // s · 100 / 20 000 · 0.02 ≤ 1 → s ≤ 10 000
      expectDec(maxOrderSize(account, prices, order).size, 10_000);
      expectExactBound(account, prices, order, '10000', '1');
    });
  });

  describe('with a position held', () => {
    const prices = markAt(50_000, 'BTC');
    const long = { marketId: 'BTC', size: 1, entryPrice: 50_000, marginMode: 'cross' } as const;

    it('a sell can close the long and open a short up to the margin bound', () => {
      const account = usdtAccount(6000, [long], [btc]);
      const order = { marketId: 'BTC', side: 'sell', price: 50_000 } as const;
      const r = maxOrderSize(account, prices, order);
      // close 1, then short (s − 1) with IMR (s − 1) · 5000 ≤ 6000 → s = 2.2
      expectDec(r.size, '2.2');
      expect(r.limitedBy).toBe('margin');
      expectExactBound(account, prices, order, '2.2', '0.001');
    });

    it('a buy adds up to the margin bound', () => {
      const account = usdtAccount(6000, [long], [btc]);
      // (1 + s) · 5000 ≤ 6000 → s = 0.2
      expectDec(maxOrderSize(account, prices, { marketId: 'BTC', side: 'buy', price: 50_000 }).size, '0.2');
    });

    it('an under-margined long can be closed and flipped while the order does not add risk', () => {
      const account = usdtAccount(1000, [long], [btc]); // IMR 5000 > equity 1000, MMR 2500
      const order = { marketId: 'BTC', side: 'sell', price: 50_000 } as const;
      const r = maxOrderSize(account, prices, order);
      // Sizes past the close stay below initial margin from 1.2 on (short 0.2: IMR 1000 = equity), but the
      // "reduces risk" rule accepts them while MMR' ≤ MMR = 2500 and equity'·MMR ≥ equity·MMR' (equity stays
      // 1000): a short of up to 1, i.e. a sell of 2. At 2.001 the short's MMR 2500.05 exceeds 2500.
      expectDec(r.size, 2);
      expectExactBound(account, prices, order, '2', '0.001');
      const flip = filled(previewOrder(account, prices, { ...order, size: 2 }));
      expect(flip.check.pools[0]?.reason).toBe('reduces-risk');
      expectDec(flip.check.pools[0]?.shortfall, 4000); // IMR 5000 − equity 1000, accepted all the same
      const close = filled(previewOrder(account, prices, { ...order, size: '0.5' }));
      expect(close.check.pools[0]?.reason).toBe('reduces-risk');
      const imMet = filled(previewOrder(account, prices, { ...order, size: '1.2' }));
      expect(imMet.check.pools[0]?.reason).toBe('initial-margin-met');
    });

    it('reduce-only is bounded by the position', () => {
      const account = usdtAccount(6000, [{ ...long, size: '1.5' }], [btc]);
      const sellSide = maxOrderSize(account, prices, {
        marketId: 'BTC',
        side: 'sell',
        price: 50_000,
        reduceOnly: true,
      });
      expectDec(sellSide.size, '1.5');
      expect(sellSide.limitedBy).toBe('position');
      const buySide = maxOrderSize(account, prices, {
        marketId: 'BTC',
        side: 'buy',
        price: 50_000,
        reduceOnly: true,
      });
      expectDec(buySide.size, 0);
      expect(buySide.limitedBy).toBe('position');
    });

    it('reduce-only through a thin book is bounded by the book', () => {
      const account = usdtAccount(6000, [{ ...long, size: 2 }], [btc]);
      const book = createOrderBook({ bids: [[49_900, 1]], asks: [[50_100, 1]] });
      const order = { marketId: 'BTC', side: 'sell', book, reduceOnly: true } as const;
      const r = maxOrderSize(account, prices, order);
      // the long is 2 but the bids hold 1: min(2, 1) = 1, and the book is what stops it
      expectDec(r.size, 1);
      expect(r.limitedBy).toBe('liquidity');
      // 1 fills whole and passes (a reduction); 1.001 leaves 0.001 unfilled
      expectExactBound(account, prices, order, '1', '0.001');
      expectDec(filled(previewOrder(account, prices, { ...order, size: '1.001' })).unfilled, '0.001');
    });

    it('reduce-only through a book deeper than the position is bounded by the position', () => {
      const account = usdtAccount(6000, [{ ...long, size: '1.5' }], [btc]);
      const book = createOrderBook({ bids: [[49_900, 3]], asks: [[50_100, 3]] });
      const r = maxOrderSize(account, prices, { marketId: 'BTC', side: 'sell', book, reduceOnly: true });
      // min(position 1.5, bids 3) = 1.5
      expectDec(r.size, '1.5');
      expect(r.limitedBy).toBe('position');
    });

    it('reduce-only with a thin book that holds a fraction of a step rounds down to the step', () => {
      const account = usdtAccount(6000, [{ ...long, size: 2 }], [btc]);
      const book = createOrderBook({ bids: [[49_900, '0.0015']], asks: [[50_100, 1]] });
      const r = maxOrderSize(account, prices, { marketId: 'BTC', side: 'sell', book, reduceOnly: true });
      // 0.0015 / 0.001 = 1.5 steps → 1 step = 0.001
      expectDec(r.size, '0.001');
      expect(r.limitedBy).toBe('liquidity');
    });
  });

  describe('bounded by the book', () => {
    const prices = markAt(50_000, 'BTC');
    const book = createOrderBook({
      bids: [[49_900, 1]],
      asks: [
        [50_000, '0.3'],
        [50_100, '0.2'],
      ],
    });

    it("reports 'liquidity' when the book runs out before the margin", () => {
      const account = usdtAccount(100_000, [], [btc]);
      const order = { marketId: 'BTC', side: 'buy', book } as const;
      const r = maxOrderSize(account, prices, order);
      expectDec(r.size, '0.5'); // 0.3 + 0.2
      expect(r.limitedBy).toBe('liquidity');
      expectExactBound(account, prices, order, '0.5', '0.001');
      expectDec(filled(previewOrder(account, prices, { ...order, size: '0.501' })).unfilled, '0.001');
    });

    it('an empty side gives 0', () => {
      const bidsOnly = createOrderBook({ bids: [[49_900, 1]], asks: [] });
      const r = maxOrderSize(usdtAccount(100_000, [], [btc]), prices, {
        marketId: 'BTC',
        side: 'buy',
        book: bidsOnly,
      });
      expectDec(r.size, 0);
      expect(r.limitedBy).toBe('liquidity');
    });

    // X: IMF 0.1, mark 100, collateral 45 → 4 units (IMR 40); 5 units fill (the book holds 5) but need IMR 50.
    // The search probes sizes beyond the book on the way, but the size one step above the answer (5) fills and
    // fails on margin, so margin is what bounds it.
    const x: MarketInput = { ...eth, id: 'X', baseAsset: 'X', stepSize: 1 };
    const thin = createOrderBook({ bids: [[99, 5]], asks: [[100, 5]] });
    it('finds the margin bound inside the book depth', () => {
      const r = maxOrderSize(usdtAccount(45, [], [x]), markAt(100, 'X'), {
        marketId: 'X',
        side: 'buy',
        book: thin,
      });
      expectDec(r.size, 4);
      expectExactBound(
        usdtAccount(45, [], [x]),
        markAt(100, 'X'),
        { marketId: 'X', side: 'buy', book: thin },
        '4',
        '1',
      );
    });
    it("reports 'margin' when the margin, not the book, stops the next step", () => {
      const account = usdtAccount(45, [], [x]);
      const r = maxOrderSize(account, markAt(100, 'X'), { marketId: 'X', side: 'buy', book: thin });
      expectDec(r.size, 4);
      expect(r.limitedBy).toBe('margin');
      // 5 fills whole (the asks hold 5) and fails the check: IMR 5 · 100 · 0.1 = 50 > equity 45 → shortfall 5
      const next = filled(
        previewOrder(account, markAt(100, 'X'), { marketId: 'X', side: 'buy', book: thin, size: 5 }),
      );
      expectDec(next.unfilled, 0);
      expect(next.check.passes).toBe(false);
      expectDec(next.check.shortfall, 5);
    });
  });

  describe('tiered schedule', () => {
    const tiered: MarketInput = {
      ...eth,
      id: 'T',
      stepSize: 1,
      marginSchedule: {
        type: 'tiered',
        tiers: [
          { notionalFloor: 0, initialFraction: '0.05', maintenanceFraction: '0.025' },
          { notionalFloor: 10_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
        ],
      },
    };

    it('the tier jump limits the size', () => {
      const account = usdtAccount(600, [], [tiered]);
      const prices = markAt(100, 'T');
      const order = { marketId: 'T', side: 'buy', price: 100 } as const;
      const r = maxOrderSize(account, prices, order);
      // 99 → notional 9900 in tier 0: IMR 495 ≤ 600. 100 → 10 000 in tier 1: IMR 1000 > 600.
      expectDec(r.size, 99);
      expect(r.limitedBy).toBe('margin');
      expectExactBound(account, prices, order, '99', '1');
      expectDec(filled(previewOrder(account, prices, { ...order, size: 100 })).check.shortfall, 400);
      // with the tier-0 rate everywhere the bound would be 600 / (100 · 0.05) = 120
      const flat5: MarketInput = {
        ...tiered,
        marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' },
      };
      expectDec(maxOrderSize(usdtAccount(600, [], [flat5]), prices, order).size, 120);
    });

    it('above the jump, the higher tier sets the bound', () => {
      const account = usdtAccount(1500, [], [tiered]);
      // tier 0 ends at 99 (IMR 495); tier 1: 100 · s · 0.1 ≤ 1500 → s ≤ 150
      expectDec(
        maxOrderSize(account, markAt(100, 'T'), { marketId: 'T', side: 'buy', price: 100 }).size,
        150,
      );
    });
  });
});
