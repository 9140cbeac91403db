import { describe, expect, it } from 'vitest';
import {
  applyFill,
  createMarginAccount,
  createMarket,
  createOrderBook,
  createPrices,
  Decimal,
  type DecimalInput,
  type LiquidationPrice,
  type MarketInput,
  MissingPriceError,
  type OrderRequest,
  previewOrder,
} from '../../src/index.js';
import {
  balance,
  btcusd,
  eth,
  expectDec,
  expectInvalidArgument,
  filled,
  markAt,
  usdtAccount,
} from './fixtures.js';

// ETH: IMF 0.1, MMF 0.05, step 0.01. Cross liquidation of a single long s at entry e with cross collateral C:
// C + s·(p − e) = 0.05·s·p  →  p = (s·e − C)/(0.95·s).

function liquidationAt(liquidation: LiquidationPrice | undefined, direction: 'down' | 'up'): Decimal {
  if (liquidation?.kind !== 'price')
    throw new Error(`expected a liquidation price, got ${liquidation?.kind}`);
  expect(liquidation.direction).toBe(direction);
  return liquidation.price;
}

const buy = (size: DecimalInput, price: DecimalInput, extra: Partial<OrderRequest> = {}): OrderRequest => ({
  marketId: 'ETH',
  side: 'buy',
  size,
  price,
  ...extra,
});
const sell = (size: DecimalInput, price: DecimalInput, extra: Partial<OrderRequest> = {}): OrderRequest => ({
  ...buy(size, price, extra),
  side: 'sell',
});

describe('previewOrder', () => {
  describe('open (cross)', () => {
    const account = usdtAccount(1000);
    const p = filled(previewOrder(account, markAt(2000), buy(1, 2000, { feeRate: '0.0005' })));

    it('opens a long at the fill price and charges the fee to the collateral', () => {
      expect(p.transition).toBe('open');
      expectDec(p.fillSize, 1);
      expectDec(p.fillPrice, 2000);
      expectDec(p.unfilled, 0);
      expectDec(p.fee, 1); // 2000 · 0.0005
      expectDec(p.realizedPnl, 0);
      expectDec(p.isolatedMarginTransfer, 0);
      expect(p.positionBefore).toBeUndefined();
      expect(p.positionAfter?.id).toBe('ETH');
      expect(p.positionAfter?.marginMode).toBe('cross');
      expectDec(p.positionAfter?.size, 1);
      expectDec(p.positionAfter?.entryPrice, 2000);
      expectDec(balance(p.account), 999); // 1000 − 1
      expect(p.walk).toBeUndefined();
    });

    it('summarises the account before and after', () => {
      expectDec(p.summaryBefore.cross.equity, 1000);
      expectDec(p.summaryAfter.cross.equity, 999); // uPnL 0 at the mark
      expectDec(p.summaryAfter.cross.initialRequirement, 200); // 2000 · 0.1
      expectDec(p.summaryAfter.cross.maintenanceRequirement, 100); // 2000 · 0.05
      expectDec(p.summaryAfter.cross.freeCollateral, 799);
    });

    it('passes the initial-margin check', () => {
      expect(p.check.passes).toBe(true);
      expectDec(p.check.shortfall, 0);
      expect(p.check.pools).toHaveLength(1);
      expect(p.check.pools[0]?.pool).toBe('cross');
      expect(p.check.pools[0]?.reason).toBe('initial-margin-met');
    });

    it('gives the liquidation price and distance of the new position', () => {
      // 999 + (p − 2000) = 0.05p → p = 1001/0.95 = 1053.68…
      const price = liquidationAt(p.liquidation, 'down');
      expectDec(price, new Decimal(1001).div('0.95'));
      expect(price.toFixed(4)).toBe('1053.6842');
      if (p.distance?.kind !== 'distance') throw new Error('expected a distance');
      expectDec(p.distance.fraction, price.minus(2000).div(2000));
    });

    it('does not change the input account', () => {
      expect(account.positions).toHaveLength(0);
      expectDec(balance(account), 1000);
    });
  });

  describe('open a short', () => {
    it('sells from flat', () => {
      const p = filled(previewOrder(usdtAccount(1000), markAt(2000), sell(2, 2000)));
      expect(p.transition).toBe('open');
      expectDec(p.positionAfter?.size, -2);
      // short: 1000 − 2(p − 2000) = 0.1p → 5000 = 2.1p → p = 5000/2.1 = 2380.95…
      expectDec(liquidationAt(p.liquidation, 'up'), new Decimal(5000).div('2.1'));
    });
  });

  describe('add', () => {
    const account = usdtAccount(1000, [{ marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'cross' }]);
    const p = filled(previewOrder(account, markAt(2100), buy(1, 2100, { feeRate: '0.0005' })));

    it('averages the entry and keeps collateral minus fee', () => {
      expect(p.transition).toBe('add');
      expectDec(p.positionBefore?.size, 1);
      expectDec(p.positionAfter?.size, 2);
      expectDec(p.positionAfter?.entryPrice, 2050); // (2000 + 2100)/2
      expectDec(p.fee, '1.05'); // 2100 · 0.0005
      expectDec(p.realizedPnl, 0);
      expectDec(balance(p.account), '998.95');
    });

    it('checks at the mark', () => {
      // equity 998.95 + 2·(2100 − 2050) = 1098.95; IMR 2·2100·0.1 = 420
      expectDec(p.summaryAfter.cross.equity, '1098.95');
      expectDec(p.summaryAfter.cross.initialRequirement, 420);
      expectDec(p.summaryAfter.cross.freeCollateral, '678.95');
      expect(p.check.passes).toBe(true);
    });

    it('moves the liquidation price with the resulting position, not the order', () => {
      // 998.95 + 2(p − 2050) = 0.1p → 1.9p = 4100 − 998.95 = 3101.05
      expectDec(liquidationAt(p.liquidation, 'down'), new Decimal('3101.05').div('1.9'));
    });
  });

  describe('reduce (partial)', () => {
    const account = usdtAccount(1000, [{ marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'cross' }]);
    const p = filled(previewOrder(account, markAt(2200), sell('0.5', 2200, { feeRate: '0.0005' })));

    it('keeps the entry, realises PnL on the closed part', () => {
      expect(p.transition).toBe('reduce');
      expectDec(p.positionAfter?.size, '1.5');
      expectDec(p.positionAfter?.entryPrice, 2000);
      expectDec(p.realizedPnl, 100); // 0.5 · (2200 − 2000)
      expectDec(p.fee, '0.55'); // 0.5 · 2200 · 0.0005
      expectDec(balance(p.account), '1099.45'); // 1000 + 100 − 0.55
    });

    it('summary, check and liquidation price after the reduce', () => {
      // equity 1099.45 + 1.5·200 = 1399.45; IMR 1.5·2200·0.1 = 330
      expectDec(p.summaryAfter.cross.equity, '1399.45');
      expectDec(p.summaryAfter.cross.initialRequirement, 330);
      expect(p.check.passes).toBe(true);
      // 1099.45 + 1.5(p − 2000) = 0.075p → 1.425p = 1900.55
      expectDec(liquidationAt(p.liquidation, 'down'), new Decimal('1900.55').div('1.425'));
    });

    it('equity changes by realised PnL − fee − the released uPnL, i.e. by −fee only', () => {
      // before: 1000 + 2·200 = 1400; after: 1399.45
      expectDec(p.summaryBefore.cross.equity, 1400);
      expectDec(p.summaryAfter.cross.equity.minus(p.summaryBefore.cross.equity), '-0.55');
    });
  });

  describe('close', () => {
    const account = usdtAccount(1000, [
      { marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'cross', unsettledFunding: 5 },
    ]);
    const p = filled(previewOrder(account, markAt(1900), sell(2, 1900, { feeRate: '0.0005' })));

    it('removes the position and settles PnL, fee and unsettled funding', () => {
      expect(p.transition).toBe('close');
      expect(p.positionAfter).toBeUndefined();
      expect(p.account.positions).toHaveLength(0);
      expectDec(p.realizedPnl, -200); // 2 · (1900 − 2000)
      expectDec(p.fee, '1.9'); // 3800 · 0.0005
      expectDec(balance(p.account), '793.1'); // 1000 − 200 − 1.9 − 5
    });

    it('has no liquidation price and passes', () => {
      expect(p.liquidation).toBeUndefined();
      expect(p.distance).toBeUndefined();
      expect(p.check.passes).toBe(true);
      // equity before 1000 − 200 − 5 = 795; after 793.1: only the fee is lost
      expectDec(p.summaryBefore.cross.equity, 795);
      expectDec(p.summaryAfter.cross.equity, '793.1');
    });
  });

  describe('flip', () => {
    const account = usdtAccount(1000, [
      { marketId: 'ETH', size: 2, entryPrice: 3000, marginMode: 'cross', unsettledFunding: 3 },
    ]);
    const p = filled(previewOrder(account, markAt(3100), sell(3, 3100, { feeRate: '0.0005' })));

    it('closes the long and opens the rest short at the fill price', () => {
      expect(p.transition).toBe('flip');
      expectDec(p.positionAfter?.size, -1);
      expectDec(p.positionAfter?.entryPrice, 3100);
      expectDec(p.realizedPnl, 200); // 2 · (3100 − 3000), on the old size only
      expectDec(p.fee, '4.65'); // 3 · 3100 · 0.0005
      // the funding owed by the old position is settled; the new one starts clean
      expectDec(p.positionAfter?.unsettledFunding, 0);
      expectDec(balance(p.account), '1192.35'); // 1000 + 200 − 4.65 − 3
    });

    it('gives the short its liquidation price above the mark', () => {
      // 1192.35 − (p − 3100) = 0.05p → 4292.35 = 1.05p
      expectDec(liquidationAt(p.liquidation, 'up'), new Decimal('4292.35').div('1.05'));
      // IMR 3100 · 0.1 = 310 ≤ 1192.35
      expectDec(p.summaryAfter.cross.initialRequirement, 310);
      expect(p.check.passes).toBe(true);
    });
  });

  describe('the check uses the mark, not the entry or fill price', () => {
    it('fails when the mark is below a buy fill although the fill price would pass', () => {
      // at the fill price: equity 250 ≥ IMR 200. At the mark 1800: equity 250 − 200 = 50, IMR 180
      const p = filled(previewOrder(usdtAccount(250), markAt(1800), buy(1, 2000)));
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 130); // 180 − 50
      expect(p.check.pools[0]?.reason).toBe('insufficient-margin');
      expectDec(p.check.pools[0]?.shortfall, 130);
      expectDec(p.summaryAfter.cross.equity, 50);
    });

    it('passes when the mark is above a buy fill although the fill price would fail', () => {
      // at the fill price: equity 150 < IMR 200. At the mark 2200: equity 150 + 200 = 350, IMR 220
      const p = filled(previewOrder(usdtAccount(150), markAt(2200), buy(1, 2000)));
      expect(p.check.passes).toBe(true);
      expectDec(p.summaryAfter.cross.freeCollateral, 130);
      // the liquidation price is measured from the mark too
      expect(p.liquidation?.currentPrice.toString()).toBe('2200');
      // 150 + (p − 2000) = 0.05p → p = 1850/0.95
      expectDec(liquidationAt(p.liquidation, 'down'), new Decimal(1850).div('0.95'));
    });

    it("uses the oracle with priceSource: 'oracle'", () => {
      const prices = markAt(2000, 'ETH', 1800);
      expect(filled(previewOrder(usdtAccount(250), prices, buy(1, 2000))).check.passes).toBe(true);
      const p = filled(previewOrder(usdtAccount(250), prices, buy(1, 2000), { priceSource: 'oracle' }));
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 130);
      expect(p.summaryAfter.priceSource).toBe('oracle');
    });
  });

  describe('initial-margin check', () => {
    it('fails an order too large for the collateral, with the shortfall', () => {
      const p = filled(previewOrder(usdtAccount(1000), markAt(2000), buy(6, 2000, { feeRate: '0.0005' })));
      // fee 12 000 · 0.0005 = 6; equity 994; IMR 1200 → shortfall 206
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 206);
      expect(p.check.pools).toEqual([
        { pool: 'cross', passes: false, reason: 'insufficient-margin', shortfall: new Decimal(206) },
      ]);
      // the preview is still complete: the position and its liquidation price are reported
      expectDec(p.positionAfter?.size, 6);
      expect(p.liquidation?.kind).toBe('price');
    });

    it('the boundary with a fee: 4.97 passes, 4.98 fails by 0.98', () => {
      // 4.97: fee 4.97, equity 995.03, IMR 994. 4.98: fee 4.98, equity 995.02, IMR 996
      const ok = filled(
        previewOrder(usdtAccount(1000), markAt(2000), buy('4.97', 2000, { feeRate: '0.0005' })),
      );
      expect(ok.check.passes).toBe(true);
      const no = filled(
        previewOrder(usdtAccount(1000), markAt(2000), buy('4.98', 2000, { feeRate: '0.0005' })),
      );
      expect(no.check.passes).toBe(false);
      expectDec(no.check.shortfall, '0.98');
    });

    it('equity exactly at the initial requirement passes', () => {
      const p = filled(previewOrder(usdtAccount(200), markAt(2000), buy(1, 2000)));
      expectDec(p.summaryAfter.cross.freeCollateral, 0);
      expect(p.check.passes).toBe(true);
    });

    it('a reducing order of an under-margined account passes as reduces-risk', () => {
      // before: equity 300, IMR 400, MMR 200. Sell 0.5 with fee 0.5: equity 299.5, IMR 300, MMR 150;
      // MMR' ≤ MMR and 299.5 · 200 = 59 900 ≥ 300 · 150 = 45 000
      const account = usdtAccount(300, [{ marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'cross' }]);
      const p = filled(previewOrder(account, markAt(2000), sell('0.5', 2000, { feeRate: '0.0005' })));
      expect(p.check.passes).toBe(true);
      expect(p.check.pools[0]?.reason).toBe('reduces-risk');
      expectDec(p.check.pools[0]?.shortfall, '0.5'); // IMR' − equity'
      expectDec(p.check.shortfall, 0); // only failing pools count
    });

    it('an adding order of an under-margined account fails', () => {
      const account = usdtAccount(300, [{ marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'cross' }]);
      const p = filled(previewOrder(account, markAt(2000), buy('0.01', 2000)));
      // IMR 2.01 · 2000 · 0.1 = 402, equity 300; MMR grows 200 → 201
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 102);
    });

    it('a leverage on the order raises the initial requirement to notional / leverage', () => {
      // 5×: IMF max(0.1, 1/5) = 0.2, IMR 400 > 300 → shortfall 100; without it, IMR 200 passes
      const p = filled(previewOrder(usdtAccount(300), markAt(2000), buy(1, 2000, { leverage: 5 })));
      expectDec(p.positionAfter?.leverage, 5);
      expectDec(p.summaryAfter.cross.initialRequirement, 400);
      expect(p.summaryAfter.positions[0]?.requirement.leverageBinding).toBe(true);
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 100);
      expect(filled(previewOrder(usdtAccount(300), markAt(2000), buy(1, 2000))).check.passes).toBe(true);
    });
  });

  describe('isolated margin', () => {
    it('open: takes the initial requirement at the mark from the cross collateral', () => {
      const p = filled(
        previewOrder(
          usdtAccount(1000),
          markAt(2000),
          buy(1, 2000, { marginMode: 'isolated', feeRate: '0.0005' }),
        ),
      );
      expect(p.positionAfter?.marginMode).toBe('isolated');
      expectDec(p.isolatedMarginTransfer, 200); // IMR 2000 · 0.1 + max(0, funding 0 − uPnL 0) − margin 0
      expectDec(p.positionAfter?.isolatedMargin, 200);
      expectDec(balance(p.account), 799); // 1000 − fee 1 − 200
      expect(p.check.pools.map((c) => [c.pool, c.passes, c.reason])).toEqual([
        ['cross', true, 'initial-margin-met'],
        ['ETH', true, 'initial-margin-met'],
      ]);
      expectDec(p.summaryAfter.isolated[0]?.equity, 200);
      expectDec(p.summaryAfter.isolated[0]?.freeCollateral, 0);
      // isolated: 200 + (p − 2000) = 0.05p → p = 1800/0.95
      expect(p.liquidation?.marginMode).toBe('isolated');
      expectDec(liquidationAt(p.liquidation, 'down'), new Decimal(1800).div('0.95'));
    });

    it('open: the default top-up is the initial requirement at the mark, with no credit for an opening gain', () => {
      // fill 2000, mark 2100: IMR 2100 · 0.1 = 210, uPnL +100 → need 210 + max(0, 0 − 100) = 210;
      // pool equity 210 + 100 = 310
      const p = filled(
        previewOrder(usdtAccount(1000), markAt(2100), buy(1, 2000, { marginMode: 'isolated' })),
      );
      expectDec(p.isolatedMarginTransfer, 210);
      expectDec(p.positionAfter?.isolatedMargin, 210);
      expectDec(p.summaryAfter.isolated[0]?.equity, 310);
      expectDec(p.summaryAfter.isolated[0]?.freeCollateral, 100); // 310 − 210
      expectDec(balance(p.account), 790); // 1000 − 210
      expect(p.check.passes).toBe(true);
      // isolated: 210 + (p − 2000) = 0.05p → p = 1790/0.95
      expectDec(liquidationAt(p.liquidation, 'down'), new Decimal(1790).div('0.95'));
    });

    it('open: the default top-up covers an opening loss at the mark', () => {
      // fill 2000, mark 1900: IMR 1900 · 0.1 = 190, uPnL −100 → need 190 + max(0, 0 + 100) = 290;
      // pool equity 290 − 100 = 190 = IMR
      const p = filled(
        previewOrder(usdtAccount(1000), markAt(1900), buy(1, 2000, { marginMode: 'isolated' })),
      );
      expectDec(p.isolatedMarginTransfer, 290);
      expectDec(p.summaryAfter.isolated[0]?.equity, 190);
      expectDec(p.summaryAfter.isolated[0]?.freeCollateral, 0);
      expectDec(balance(p.account), 710); // 1000 − 290
      expect(p.check.passes).toBe(true);
      expect(p.check.pools.find((c) => c.pool === 'ETH')?.reason).toBe('initial-margin-met');
    });

    it('open far below the mark posts the full initial requirement', () => {
      // fill 1000, mark 2000: IMR 2000 · 0.1 = 200, uPnL +1000 → need 200 (the gain is not credited)
      const p = filled(
        previewOrder(usdtAccount(1000), markAt(2000), buy(1, 1000, { marginMode: 'isolated' })),
      );
      expectDec(p.isolatedMarginTransfer, 200);
      expectDec(p.positionAfter?.isolatedMargin, 200);
      expectDec(p.summaryAfter.isolated[0]?.equity, 1200); // 200 + 1000
      expectDec(balance(p.account), 800);
      expect(p.check.passes).toBe(true);
    });

    it('open: an explicit margin below the requirement fails the isolated pool', () => {
      const p = filled(
        previewOrder(
          usdtAccount(1000),
          markAt(2000),
          buy(1, 2000, { marginMode: 'isolated', isolatedMargin: 150 }),
        ),
      );
      expectDec(p.isolatedMarginTransfer, 150);
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 50); // 200 − 150
      expect(p.check.pools.find((c) => c.pool === 'ETH')?.reason).toBe('insufficient-margin');
      expect(p.check.pools.find((c) => c.pool === 'cross')?.passes).toBe(true);
      // 150 + (p − 2000) = 0.05p → p = 1850/0.95
      expectDec(liquidationAt(p.liquidation, 'down'), new Decimal(1850).div('0.95'));
    });

    it('open: an explicit margin above the cross collateral fails the cross pool', () => {
      const p = filled(
        previewOrder(
          usdtAccount(1000),
          markAt(2000),
          buy(1, 2000, { marginMode: 'isolated', isolatedMargin: 1200 }),
        ),
      );
      expectDec(balance(p.account), -200);
      expect(p.check.pools.find((c) => c.pool === 'ETH')?.passes).toBe(true);
      expect(p.check.pools.find((c) => c.pool === 'cross')?.passes).toBe(false);
      expectDec(p.check.shortfall, 200);
    });

    it('add: tops up to the requirement of the whole position', () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 300 },
      ]);
      // 2 @ 2000 at mark 2000: IMR 400, margin 300, uPnL 0 → +100
      const p = filled(previewOrder(account, markAt(2000), buy(1, 2000)));
      expect(p.transition).toBe('add');
      expectDec(p.isolatedMarginTransfer, 100);
      expectDec(p.positionAfter?.isolatedMargin, 400);
      expectDec(balance(p.account), 900);
    });

    it("add: tops up to the initial requirement without crediting the position's gain", () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 300 },
      ]);
      // 2 @ 2100 at mark 2200: IMR 2 · 2200 · 0.1 = 440, uPnL 2 · (2200 − 2100) = 200 → need 440;
      // margin 300 → +140 (margin plus uPnL, 500, would already cover 440, but the gain is not credited)
      const p = filled(previewOrder(account, markAt(2200), buy(1, 2200)));
      expectDec(p.positionAfter?.entryPrice, 2100);
      expectDec(p.isolatedMarginTransfer, 140);
      expectDec(p.positionAfter?.isolatedMargin, 440);
      expectDec(p.summaryAfter.isolated[0]?.equity, 640); // 440 + 200
      expectDec(balance(p.account), 860); // 1000 − 140
    });

    it('add: no top-up when the margin alone already covers the requirement', () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 500 },
      ]);
      // 2 @ 2000 at mark 2000: IMR 400 ≤ margin 500 → max(0, 400 − 500) = 0
      const p = filled(previewOrder(account, markAt(2000), buy(1, 2000)));
      expectDec(p.isolatedMarginTransfer, 0);
      expectDec(p.positionAfter?.isolatedMargin, 500);
      expectDec(balance(p.account), 1000);
    });

    it('add: the default top-up covers the funding the position owes', () => {
      const account = usdtAccount(1000, [
        {
          marketId: 'ETH',
          size: 1,
          entryPrice: 2000,
          marginMode: 'isolated',
          isolatedMargin: 300,
          unsettledFunding: 20,
        },
      ]);
      // 2 @ 2000 at mark 2000: IMR 400, uPnL 0, funding 20 → need 400 + max(0, 20 − 0) = 420; margin 300 → +120;
      // pool equity 420 + 0 − 20 = 400 = IMR
      const p = filled(previewOrder(account, markAt(2000), buy(1, 2000)));
      expectDec(p.isolatedMarginTransfer, 120);
      expectDec(p.positionAfter?.isolatedMargin, 420);
      expectDec(p.summaryAfter.isolated[0]?.equity, 400);
      expectDec(p.summaryAfter.isolated[0]?.freeCollateral, 0);
      expect(p.check.passes).toBe(true);
    });

    it('add: owed funding is offset by a gain before it is topped up', () => {
      const account = usdtAccount(1000, [
        {
          marketId: 'ETH',
          size: 1,
          entryPrice: 2000,
          marginMode: 'isolated',
          isolatedMargin: 300,
          unsettledFunding: 20,
        },
      ]);
      // 2 @ 2050 at mark 2100: IMR 2 · 2100 · 0.1 = 420, uPnL 2 · (2100 − 2050) = 100, funding 20 →
      // need 420 + max(0, 20 − 100) = 420; margin 300 → +120
      const p = filled(previewOrder(account, markAt(2100), buy(1, 2100)));
      expectDec(p.positionAfter?.entryPrice, 2050);
      expectDec(p.isolatedMarginTransfer, 120);
      expectDec(p.summaryAfter.isolated[0]?.equity, 500); // 420 + 100 − 20
    });

    it('reduce: releases margin pro rata to the cross collateral', () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 400 },
      ]);
      const p = filled(previewOrder(account, markAt(2200), sell('0.5', 2200)));
      expect(p.transition).toBe('reduce');
      expectDec(p.isolatedMarginTransfer, -100); // 400 · 0.5/2
      expectDec(p.positionAfter?.isolatedMargin, 300);
      expectDec(p.realizedPnl, 100);
      expectDec(balance(p.account), 1200); // 1000 + 100 PnL + 100 released
      // pool: 300 + 1.5 · 200 = 600 ≥ IMR 330
      expectDec(p.summaryAfter.isolated[0]?.equity, 600);
      expect(p.check.passes).toBe(true);
      // 300 + 1.5(p − 2000) = 0.075p → p = 2700/1.425 (= 1800/0.95: same margin per unit)
      expectDec(liquidationAt(p.liquidation, 'down'), new Decimal(2700).div('1.425'));
    });

    it('close: releases all of the margin', () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 400 },
      ]);
      const p = filled(previewOrder(account, markAt(2200), sell(2, 2200, { feeRate: '0.0005' })));
      expect(p.transition).toBe('close');
      expectDec(p.isolatedMarginTransfer, -400);
      expectDec(p.fee, '2.2'); // 4400 · 0.0005
      expectDec(balance(p.account), '1797.8'); // 1000 + 400 PnL − 2.2 + 400 released
      expect(p.summaryAfter.isolated).toHaveLength(0);
      expect(p.check.pools.map((c) => c.pool)).toEqual(['cross']);
    });

    it('flip: releases the old margin and posts the new requirement', () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 300 },
      ]);
      const p = filled(previewOrder(account, markAt(2000), sell(3, 2000)));
      expect(p.transition).toBe('flip');
      // −300 released, +400 posted (2 · 2000 · 0.1)
      expectDec(p.isolatedMarginTransfer, 100);
      expectDec(p.positionAfter?.isolatedMargin, 400);
      expectDec(p.positionAfter?.size, -2);
      expectDec(balance(p.account), 900);
      // short: 400 − 2(p − 2000) = 0.1p → 4400 = 2.1p
      expectDec(liquidationAt(p.liquidation, 'up'), new Decimal(4400).div('2.1'));
    });

    it('an existing cross position keeps its mode', () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'cross' },
      ]);
      const p = filled(previewOrder(account, markAt(2000), buy(1, 2000, { marginMode: 'isolated' })));
      expect(p.positionAfter?.marginMode).toBe('cross');
      expectDec(p.isolatedMarginTransfer, 0);
    });

    it('an explicit isolatedMargin ≤ 0 that leaves no margin is an InvalidArgumentError naming isolatedMargin', () => {
      for (const isolatedMargin of [0, -50]) {
        expectInvalidArgument(
          () =>
            previewOrder(
              usdtAccount(1000),
              markAt(2000),
              buy(1, 2000, { marginMode: 'isolated', isolatedMargin }),
            ),
          'INVALID_ARGUMENT',
          ['isolatedMargin'],
        );
      }
      // a flip releases the old margin first, so 0 leaves the new side without margin too
      const held = usdtAccount(1000, [
        { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 300 },
      ]);
      expectInvalidArgument(
        () => previewOrder(held, markAt(2000), sell(3, 2000, { isolatedMargin: 0 })),
        'INVALID_ARGUMENT',
        ['isolatedMargin'],
      );
    });

    it('add: an explicit isolatedMargin of 0 keeps the margin the position holds', () => {
      const account = usdtAccount(1000, [
        { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'isolated', isolatedMargin: 300 },
      ]);
      const p = filled(previewOrder(account, markAt(2000), buy(1, 2000, { isolatedMargin: 0 })));
      expectDec(p.isolatedMarginTransfer, 0);
      expectDec(p.positionAfter?.isolatedMargin, 300);
      // pool equity 300 < IMR 2 · 2000 · 0.1 = 400 → shortfall 100
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 100);
      // a negative one would withdraw margin while adding: rejected
      expectInvalidArgument(
        () => previewOrder(account, markAt(2000), buy(1, 2000, { isolatedMargin: -50 })),
        'INVALID_ARGUMENT',
        ['isolatedMargin'],
      );
    });
  });

  describe('reduce-only', () => {
    const account = usdtAccount(1000, [{ marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'cross' }]);

    it('cuts an order larger than the position to a close and reports the rest as unfilled', () => {
      const p = filled(previewOrder(account, markAt(2100), sell(3, 2100, { reduceOnly: true })));
      expect(p.transition).toBe('close');
      expectDec(p.fillSize, 2);
      expectDec(p.unfilled, 1);
      expectDec(p.realizedPnl, 200); // 2 · 100
      expect(p.positionAfter).toBeUndefined();
    });

    it('leaves a smaller reduce-only order whole', () => {
      const p = filled(previewOrder(account, markAt(2100), sell(1, 2100, { reduceOnly: true })));
      expect(p.transition).toBe('reduce');
      expectDec(p.unfilled, 0);
    });

    it('rejects a reduce-only order on the position side, or with no position', () => {
      expect(previewOrder(account, markAt(2100), buy(1, 2100, { reduceOnly: true }))).toEqual({
        kind: 'rejected',
        reason: 'reduce-only',
      });
      expect(previewOrder(usdtAccount(1000), markAt(2100), sell(1, 2100, { reduceOnly: true }))).toEqual({
        kind: 'rejected',
        reason: 'reduce-only',
      });
    });

    it('cuts before walking a book', () => {
      const book = createOrderBook({ bids: [[2090, 10]], asks: [[2110, 10]] });
      const p = filled(
        previewOrder(account, markAt(2100), {
          marketId: 'ETH',
          side: 'sell',
          size: 5,
          book,
          reduceOnly: true,
        }),
      );
      expectDec(p.fillSize, 2);
      expectDec(p.unfilled, 3);
      expectDec(p.fillPrice, 2090);
    });
  });

  describe('market order through a book', () => {
    const book = createOrderBook({
      bids: [[1990, 5]],
      asks: [
        [2000, 1],
        [2010, 1],
      ],
    });
    const order: OrderRequest = { marketId: 'ETH', side: 'buy', size: 3, book, feeRate: '0.0005' };
    const p = filled(previewOrder(usdtAccount(1000), markAt(2000), order));

    it('fills what the book holds and reports the rest as unfilled', () => {
      expectDec(p.fillSize, 2);
      expectDec(p.unfilled, 1);
      expectDec(p.fillPrice, 2005); // (2000 + 2010)/2
      expect(p.walk?.kind).toBe('partial');
      expectDec(p.fee, '2.005'); // 4010 · 0.0005
      expectDec(p.positionAfter?.size, 2);
      expectDec(p.positionAfter?.entryPrice, 2005);
      expectDec(balance(p.account), '997.995');
    });

    it('checks the filled part at the mark', () => {
      // 997.995 + 2·(2000 − 2005) = 987.995; IMR 2·2000·0.1 = 400
      expectDec(p.summaryAfter.cross.equity, '987.995');
      expectDec(p.summaryAfter.cross.initialRequirement, 400);
      expect(p.check.passes).toBe(true);
    });

    it('is rejected with no-liquidity when the side is empty', () => {
      const bidsOnly = createOrderBook({ bids: [[1990, 5]], asks: [] });
      expect(previewOrder(usdtAccount(1000), markAt(2000), { ...order, book: bidsOnly })).toEqual({
        kind: 'rejected',
        reason: 'no-liquidity',
      });
    });
  });

  describe('inverse market', () => {
    const account = createMarginAccount({
      settleAsset: 'BTC',
      markets: [btcusd],
      collateral: [{ asset: 'BTC', amount: 1 }],
    });
    const order = (side: 'buy' | 'sell', size: number, price: number): OrderRequest => ({
      marketId: 'BTCUSD',
      side,
      size,
      price,
      feeRate: '0.0005',
    });
    const open = filled(previewOrder(account, markAt(20_000, 'BTCUSD'), order('buy', 1000, 20_000)));

    it('open: fee and requirement are in coin', () => {
      // notional 1000 · 100 / 20 000 = 5 BTC; fee 0.0025; IMR 0.1; MMR 0.05
      expectDec(open.fee, '0.0025');
      expectDec(balance(open.account), '0.9975');
      expectDec(open.summaryAfter.cross.initialRequirement, '0.1');
      expectDec(open.summaryAfter.cross.maintenanceRequirement, '0.05');
      // 0.9975 + 1000·100·(1/20 000 − 1/p) = 1000·100·0.01/p → p = 101 000/5.9975
      expectDec(liquidationAt(open.liquidation, 'down'), new Decimal(101_000).div('5.9975'));
    });

    it('reduce: realised PnL in coin', () => {
      const p = filled(previewOrder(open.account, markAt(25_000, 'BTCUSD'), order('sell', 500, 25_000)));
      expect(p.transition).toBe('reduce');
      // 500 · 100 · (1/20 000 − 1/25 000) = 0.5 BTC; fee 500 · 100/25 000 · 0.0005 = 0.001
      expectDec(p.realizedPnl, '0.5');
      expectDec(p.fee, '0.001');
      expectDec(balance(p.account), '1.4965'); // 0.9975 + 0.5 − 0.001
    });

    // Two levels of a market buy leave the entry a venue records for those two fills, i.e. the entry applyFill
    // gives when applying them in turn: 20/(10/20 000 + 10/25 000) = 20/0.0009 = 22 222.2… (not the
    // contract-weighted 22 500).
    it('a market buy over two levels records the harmonic entry', () => {
      const book = createOrderBook({
        bids: [],
        asks: [
          [20_000, 10],
          [25_000, 10],
        ],
      });
      const p = filled(
        previewOrder(account, markAt(20_000, 'BTCUSD'), { marketId: 'BTCUSD', side: 'buy', size: 20, book }),
      );
      const m = createMarket(btcusd);
      const first = applyFill(m, 0, 1, 10, 20_000);
      const both = applyFill(m, first.size, first.entryPrice, 10, 25_000);
      expectDec(p.positionAfter?.entryPrice, both.entryPrice);
      expectDec(p.fillPrice, new Decimal(20).div('0.0009'));
      expect(p.fillPrice.toFixed(4)).toBe('22222.2222');
      expectDec(p.positionAfter?.entryPrice, p.fillPrice);
    });
  });

  describe('hedge mode and position ids', () => {
    const btc: MarketInput = { ...eth, id: 'BTC', baseAsset: 'BTC' };
    const hedge = usdtAccount(
      1000,
      [
        { id: 'L', marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'cross' },
        { id: 'S', marketId: 'ETH', size: -1, entryPrice: 2000, marginMode: 'cross' },
      ],
      [eth, btc],
    );
    const prices = createPrices({ markets: { ETH: { mark: 2000 }, BTC: { mark: 50_000 } } });

    it('an order in a market with two positions and no positionId is ambiguous', () => {
      expectInvalidArgument(() => previewOrder(hedge, prices, buy(1, 2000)), 'INVALID_ARGUMENT', [
        'positionId',
      ]);
    });

    it('positionId selects the leg', () => {
      const p = filled(previewOrder(hedge, prices, buy(1, 2000, { positionId: 'S' })));
      expect(p.transition).toBe('close');
      expect(p.account.positions.map((x) => x.id)).toEqual(['L']);
    });

    it('an unknown positionId opens a new leg under that id', () => {
      const p = filled(previewOrder(hedge, prices, buy(1, 2000, { positionId: 'L2' })));
      expect(p.transition).toBe('open');
      expect(p.account.positions.map((x) => x.id)).toEqual(['L', 'S', 'L2']);
    });

    it('a positionId of another market is rejected', () => {
      expectInvalidArgument(
        () => previewOrder(hedge, prices, { ...buy(1, 50_000), marketId: 'BTC', positionId: 'L' }),
        'INVALID_ARGUMENT',
        ['positionId'],
      );
    });
  });

  describe('bad input', () => {
    const account = usdtAccount(1000);
    const prices = markAt(2000);
    const book = createOrderBook({ bids: [[1990, 5]], asks: [[2010, 5]] });

    it('rejects a size off the step', () => {
      expectInvalidArgument(() => previewOrder(account, prices, buy('0.005', 2000)), 'INVALID_ARGUMENT', [
        'size',
      ]);
      expectInvalidArgument(() => previewOrder(account, prices, buy('1.015', 2000)), 'INVALID_ARGUMENT', [
        'size',
      ]);
    });

    it('rejects a size ≤ 0', () => {
      expectInvalidArgument(() => previewOrder(account, prices, buy(0, 2000)), 'INVALID_ARGUMENT', ['size']);
      expectInvalidArgument(() => previewOrder(account, prices, buy(-1, 2000)), 'INVALID_ARGUMENT', ['size']);
    });

    it('rejects both price and book, and neither', () => {
      expectInvalidArgument(() => previewOrder(account, prices, buy(1, 2000, { book })), 'INVALID_ARGUMENT', [
        'price',
      ]);
      expectInvalidArgument(
        () => previewOrder(account, prices, { marketId: 'ETH', side: 'buy', size: 1 }),
        'INVALID_ARGUMENT',
        ['price'],
      );
    });

    it('rejects a market the account does not have', () => {
      expectInvalidArgument(
        () => previewOrder(account, prices, { ...buy(1, 2000), marketId: 'SOL' }),
        'INVALID_ARGUMENT',
        ['marketId'],
      );
    });

    it('rejects a fill price ≤ 0', () => {
      expectInvalidArgument(() => previewOrder(account, prices, buy(1, 0)), 'INVALID_ARGUMENT', ['price']);
    });

    it('throws MissingPriceError when the mark is missing', () => {
      const noMark = createPrices({ markets: { ETH: { oracle: 2000 } } });
      expect(() => previewOrder(account, noMark, buy(1, 2000))).toThrow(MissingPriceError);
      try {
        previewOrder(account, noMark, buy(1, 2000));
      } catch (error) {
        expect((error as MissingPriceError).code).toBe('MISSING_PRICE');
        expect((error as MissingPriceError).path).toEqual(['markets', 'ETH', 'mark']);
      }
    });

    it('rejects a leverage ≤ 0 on the order as INVALID_ARGUMENT', () => {
      for (const leverage of [0, -2]) {
        expectInvalidArgument(
          () => previewOrder(account, prices, buy(1, 2000, { leverage })),
          'INVALID_ARGUMENT',
          ['leverage'],
        );
      }
    });

    it('rejects a leverage ≤ 0 on an order that closes the position too', () => {
      const held = usdtAccount(1000, [{ marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'cross' }]);
      expectInvalidArgument(
        () => previewOrder(held, prices, sell(1, 2000, { leverage: 0 })),
        'INVALID_ARGUMENT',
        ['leverage'],
      );
    });
  });
});
