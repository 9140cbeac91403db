import { describe, expect, it } from 'vitest';
import {
  createPrices,
  Decimal,
  type LiquidationPrice,
  liquidationPrice,
  type MarketInput,
  type PositionInput,
  previewPositionChange,
} from '../../src/index.js';
import { balance, eth, expectDec, expectInvalidArgument, markAt, usdtAccount } from './fixtures.js';

// ETH: IMF 0.1, MMF 0.05. A long of 2 at 2000 in a pool with collateral C liquidates where
// C + 2(p − 2000) = 0.1p  →  p = (4000 − C)/1.9.

function priceOf(liquidation: LiquidationPrice): Decimal {
  if (liquidation.kind !== 'price') throw new Error(`expected a price, got ${liquidation.kind}`);
  return liquidation.price;
}

const crossLong: PositionInput = { marketId: 'ETH', size: 2, entryPrice: 2000, marginMode: 'cross' };
const isolatedLong = (margin: number): PositionInput => ({
  ...crossLong,
  marginMode: 'isolated',
  isolatedMargin: margin,
});

describe('previewPositionChange', () => {
  describe('leverage', () => {
    const account = usdtAccount(1000, [crossLong]);
    const prices = markAt(2000);

    it('raises the initial requirement to notional / leverage and leaves the liquidation price', () => {
      const p = previewPositionChange(account, prices, 'ETH', { kind: 'leverage', leverage: 5 });
      expectDec(p.position.leverage, 5);
      expectDec(p.isolatedMarginTransfer, 0);
      expectDec(p.summaryBefore.cross.initialRequirement, 400); // 4000 · 0.1
      expectDec(p.summaryAfter.cross.initialRequirement, 800); // 4000 · 1/5
      expectDec(p.summaryAfter.cross.maintenanceRequirement, 200); // unchanged
      expect(p.check.passes).toBe(true);
      expect(p.check.pools[0]?.reason).toBe('initial-margin-met');
      // (4000 − 1000)/1.9 before and after
      expectDec(priceOf(p.liquidation), new Decimal(3000).div('1.9'));
      expectDec(priceOf(p.liquidation), priceOf(liquidationPrice(account, prices, 'ETH')));
      expect(p.distance.kind).toBe('distance');
    });

    it('a leverage above the schedule maximum does not lower the requirement', () => {
      const p = previewPositionChange(account, prices, 'ETH', { kind: 'leverage', leverage: 20 });
      // max(0.1, 1/20) = 0.1
      expectDec(p.summaryAfter.cross.initialRequirement, 400);
      expect(p.summaryAfter.positions[0]?.requirement.leverageBinding).toBe(false);
    });

    it('a leverage the collateral cannot support leaves a negative free collateral', () => {
      const p = previewPositionChange(account, prices, 'ETH', { kind: 'leverage', leverage: 2 });
      // IMR 4000/2 = 2000 > equity 1000
      expectDec(p.summaryAfter.cross.freeCollateral, -1000);
      expectDec(p.check.pools[0]?.shortfall, 1000);
    });

    // A leverage change never changes MMR or equity, so it must meet the initial requirement outright: it
    // cannot pass as "does not add risk".
    it('fails a leverage whose initial requirement exceeds equity', () => {
      const p = previewPositionChange(account, prices, 'ETH', { kind: 'leverage', leverage: 2 });
      // IMR 4000/2 = 2000 > equity 1000 → shortfall 1000
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 1000);
      expect(p.check.pools).toEqual([
        { pool: 'cross', passes: false, reason: 'insufficient-margin', shortfall: new Decimal(1000) },
      ]);
    });

    it('fails the same on an isolated position (IMR 1000 > pool equity 500)', () => {
      const isolated = usdtAccount(500, [isolatedLong(500)]);
      const p = previewPositionChange(isolated, prices, 'ETH', { kind: 'leverage', leverage: 4 });
      // IMR 4000/4 = 1000, pool equity 500 + uPnL 0 → shortfall 500; the cross pool (500, no position) passes
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 500);
      expect(p.check.pools.map((c) => [c.pool, c.passes, c.reason])).toEqual([
        ['cross', true, 'initial-margin-met'],
        ['ETH', false, 'insufficient-margin'],
      ]);
    });

    it('fails a leverage change of an under-margined account even when it lowers the requirement', () => {
      // 2 @ 2000 at 5× with 300: IMR 4000/5 = 800 > equity 300. At 10×: IMR max(0.1, 1/10) · 4000 = 400,
      // still > 300 → shortfall 100
      const under = usdtAccount(300, [{ ...crossLong, leverage: 5 }]);
      const p = previewPositionChange(under, prices, 'ETH', { kind: 'leverage', leverage: 10 });
      expectDec(p.summaryBefore.cross.initialRequirement, 800);
      expectDec(p.summaryAfter.cross.initialRequirement, 400);
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 100);
      expect(p.check.pools[0]?.reason).toBe('insufficient-margin');
    });

    it('rejects a leverage ≤ 0', () => {
      expectInvalidArgument(
        () => previewPositionChange(account, prices, 'ETH', { kind: 'leverage', leverage: 0 }),
        'INVALID_ARGUMENT',
        ['leverage'],
      );
      expectInvalidArgument(
        () => previewPositionChange(account, prices, 'ETH', { kind: 'leverage', leverage: '-3' }),
        'INVALID_ARGUMENT',
        ['leverage'],
      );
    });
  });

  describe('margin mode to isolated', () => {
    it('by default moves the initial requirement at the mark, with no credit for a gain', () => {
      const account = usdtAccount(1000, [crossLong]);
      const p = previewPositionChange(account, markAt(2100), 'ETH', { kind: 'margin-mode', to: 'isolated' });
      // IMR at the mark 2 · 2100 · 0.1 = 420, uPnL 2 · 100 = +200 → transfer 420 + max(0, −200) = 420
      expectDec(p.isolatedMarginTransfer, 420);
      expect(p.position.marginMode).toBe('isolated');
      expectDec(p.position.isolatedMargin, 420);
      expectDec(balance(p.account), 580); // 1000 − 420
      expectDec(p.summaryAfter.isolated[0]?.equity, 620); // 420 + 200
      expect(p.check.passes).toBe(true);
      expect(p.check.pools.map((c) => c.pool)).toEqual(['cross', 'ETH']);
      // isolated: 420 + 2(p − 2000) = 0.1p → p = 3580/1.9
      expect(p.liquidation.marginMode).toBe('isolated');
      expectDec(priceOf(p.liquidation), new Decimal(3580).div('1.9'));
    });

    it('by default covers a loss at the mark', () => {
      const account = usdtAccount(1000, [crossLong]);
      const p = previewPositionChange(account, markAt(1900), 'ETH', { kind: 'margin-mode', to: 'isolated' });
      // IMR 2 · 1900 · 0.1 = 380, uPnL 2 · (1900 − 2000) = −200 → transfer 380 + 200 = 580;
      // pool equity 580 − 200 = 380 = IMR
      expectDec(p.isolatedMarginTransfer, 580);
      expectDec(balance(p.account), 420);
      expectDec(p.summaryAfter.isolated[0]?.equity, 380);
      expectDec(p.summaryAfter.isolated[0]?.freeCollateral, 0);
      expect(p.check.passes).toBe(true);
    });

    it('by default covers the funding the position owes', () => {
      const account = usdtAccount(1000, [{ ...crossLong, unsettledFunding: 30 }]);
      const p = previewPositionChange(account, markAt(2000), 'ETH', { kind: 'margin-mode', to: 'isolated' });
      // IMR 400, uPnL 0, funding 30 → equity −30 → transfer 400 + 30 = 430; pool equity 430 − 30 = 400 = IMR
      expectDec(p.isolatedMarginTransfer, 430);
      expectDec(p.summaryAfter.isolated[0]?.equity, 400);
      expect(p.check.passes).toBe(true);
    });

    it('with an explicit margin, moves that much', () => {
      const account = usdtAccount(1000, [crossLong]);
      const p = previewPositionChange(account, markAt(2000), 'ETH', {
        kind: 'margin-mode',
        to: 'isolated',
        isolatedMargin: 500,
      });
      expectDec(p.isolatedMarginTransfer, 500);
      expectDec(balance(p.account), 500);
      // (4000 − 500)/1.9 = 1842.10…, above the cross price (4000 − 1000)/1.9 = 1578.94…
      expectDec(priceOf(p.liquidation), new Decimal(3500).div('1.9'));
      expect(p.check.passes).toBe(true);
    });

    it('with too little margin fails the new isolated pool', () => {
      const account = usdtAccount(1000, [crossLong]);
      const p = previewPositionChange(account, markAt(2000), 'ETH', {
        kind: 'margin-mode',
        to: 'isolated',
        isolatedMargin: 300,
      });
      // pool equity 300 < IMR 400
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 100);
      expect(p.check.pools.find((c) => c.pool === 'ETH')?.reason).toBe('insufficient-margin');
    });

    it('a position deep in profit moves exactly its initial requirement', () => {
      const account = usdtAccount(1000, [{ ...crossLong, entryPrice: 1000 }]);
      const p = previewPositionChange(account, markAt(2000), 'ETH', { kind: 'margin-mode', to: 'isolated' });
      // IMR 2 · 2000 · 0.1 = 400, uPnL 2 · (2000 − 1000) = +2000 → transfer 400 + max(0, −2000) = 400
      expectDec(p.isolatedMarginTransfer, 400);
      expectDec(p.position.isolatedMargin, 400);
      expectDec(balance(p.account), 600);
      expectDec(p.summaryAfter.isolated[0]?.equity, 2400); // 400 + 2000
      expect(p.check.passes).toBe(true);
    });

    it('rejects an explicit isolatedMargin ≤ 0', () => {
      const account = usdtAccount(1000, [crossLong]);
      for (const isolatedMargin of [0, -100]) {
        expectInvalidArgument(
          () =>
            previewPositionChange(account, markAt(2000), 'ETH', {
              kind: 'margin-mode',
              to: 'isolated',
              isolatedMargin,
            }),
          'INVALID_ARGUMENT',
          ['isolatedMargin'],
        );
      }
    });

    it('must leave the cross pool at initial margin: a move that only lowers its risk fails', () => {
      // A: IMF 0.5, MMF 0.05; 1 @ 2000 → IMR 1000, MMR 100. ETH 1 @ 2000 → IMR 200, MMR 100. Collateral 1000.
      // Before, cross: equity 1000 < IMR 1200, MMR 200. Isolating ETH moves IMR 200: cross equity 800 < IMR 1000
      // → shortfall 200 (MMR 200 → 100 and 800 · 200 ≥ 1000 · 100: it lowers the risk, but that is not enough).
      const a: MarketInput = {
        ...eth,
        id: 'A',
        baseAsset: 'A',
        marginSchedule: { type: 'flat', initialFraction: '0.5', maintenanceFraction: '0.05' },
      };
      const account = usdtAccount(
        1000,
        [
          { marketId: 'A', size: 1, entryPrice: 2000, marginMode: 'cross' },
          { marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'cross' },
        ],
        [eth, a],
      );
      const prices = createPrices({ markets: { ETH: { mark: 2000 }, A: { mark: 2000 } } });
      const p = previewPositionChange(account, prices, 'ETH', { kind: 'margin-mode', to: 'isolated' });
      expectDec(p.isolatedMarginTransfer, 200);
      expectDec(p.summaryAfter.cross.equity, 800);
      expectDec(p.summaryAfter.cross.initialRequirement, 1000);
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 200);
      expect(p.check.pools.map((c) => [c.pool, c.passes, c.reason])).toEqual([
        ['cross', false, 'insufficient-margin'],
        ['ETH', true, 'initial-margin-met'],
      ]);
    });

    it('a change to the mode the position already has changes nothing', () => {
      const account = usdtAccount(1000, [crossLong]);
      const p = previewPositionChange(account, markAt(2000), 'ETH', { kind: 'margin-mode', to: 'cross' });
      expectDec(p.isolatedMarginTransfer, 0);
      expectDec(balance(p.account), 1000);
      expect(p.position.marginMode).toBe('cross');
    });
  });

  describe('margin mode back to cross', () => {
    it('returns the isolated margin to the cross collateral', () => {
      const account = usdtAccount(500, [isolatedLong(500)]);
      const p = previewPositionChange(account, markAt(2000), 'ETH', { kind: 'margin-mode', to: 'cross' });
      expectDec(p.isolatedMarginTransfer, -500);
      expect(p.position.marginMode).toBe('cross');
      expect('isolatedMargin' in p.position).toBe(false);
      expectDec(balance(p.account), 1000);
      expect(p.summaryAfter.isolated).toHaveLength(0);
      expect(p.liquidation.marginMode).toBe('cross');
      // (4000 − 1000)/1.9
      expectDec(priceOf(p.liquidation), new Decimal(3000).div('1.9'));
      expect(p.check.passes).toBe(true);
    });
  });

  describe('isolated margin add and remove', () => {
    const account = usdtAccount(500, [isolatedLong(500)]);

    it('adding margin lowers a long liquidation price', () => {
      const p = previewPositionChange(account, markAt(2000), 'ETH', { kind: 'isolated-margin', amount: 100 });
      expectDec(p.isolatedMarginTransfer, 100);
      expectDec(p.position.isolatedMargin, 600);
      expectDec(balance(p.account), 400);
      // (4000 − 600)/1.9
      expectDec(priceOf(p.liquidation), new Decimal(3400).div('1.9'));
      expect(p.check.passes).toBe(true);
    });

    it('removing margin raises it, and fails below the initial requirement', () => {
      const p = previewPositionChange(account, markAt(2000), 'ETH', {
        kind: 'isolated-margin',
        amount: -250,
      });
      expectDec(p.isolatedMarginTransfer, -250);
      expectDec(p.position.isolatedMargin, 250);
      expectDec(balance(p.account), 750);
      // (4000 − 250)/1.9 = 1973.68…
      expectDec(priceOf(p.liquidation), new Decimal(3750).div('1.9'));
      // pool equity 250 < IMR 400
      expect(p.check.passes).toBe(false);
      expectDec(p.check.shortfall, 150);
      expect(p.check.pools.find((c) => c.pool === 'cross')?.passes).toBe(true);
      expect(p.check.pools.find((c) => c.pool === 'ETH')?.reason).toBe('insufficient-margin');
    });

    it('adding margin to an under-margined isolated position passes as reduces-risk', () => {
      const under = usdtAccount(1000, [isolatedLong(300)]);
      // mark 1900: pool equity 300 − 200 = 100 < MMR 190 → liquidatable now
      expect(liquidationPrice(under, markAt(1900), 'ETH').kind).toBe('now');
      const small = previewPositionChange(under, markAt(1900), 'ETH', {
        kind: 'isolated-margin',
        amount: 50,
      });
      // equity 150 < IMR 380, but MMR is unchanged and equity rose
      expect(small.check.passes).toBe(true);
      expect(small.check.pools.find((c) => c.pool === 'ETH')?.reason).toBe('reduces-risk');
      expect(small.liquidation.kind).toBe('now'); // 150 < 190
      const enough = previewPositionChange(under, markAt(1900), 'ETH', {
        kind: 'isolated-margin',
        amount: 100,
      });
      // 400 + 2(p − 2000) = 0.1p → p = 3600/1.9 = 1894.73… < 1900
      expectDec(priceOf(enough.liquidation), new Decimal(3600).div('1.9'));
    });

    it('adding more than the cross collateral fails the cross pool', () => {
      const p = previewPositionChange(account, markAt(2000), 'ETH', { kind: 'isolated-margin', amount: 700 });
      expectDec(balance(p.account), -200);
      expect(p.check.pools.find((c) => c.pool === 'cross')?.passes).toBe(false);
      expectDec(p.check.shortfall, 200);
    });

    it('rejects removing all of the margin or more', () => {
      for (const amount of [-500, -600]) {
        expectInvalidArgument(
          () => previewPositionChange(account, markAt(2000), 'ETH', { kind: 'isolated-margin', amount }),
          'INVALID_ARGUMENT',
          ['amount'],
        );
      }
    });

    it('rejects an isolated-margin change of a cross position', () => {
      expectInvalidArgument(
        () =>
          previewPositionChange(usdtAccount(1000, [crossLong]), markAt(2000), 'ETH', {
            kind: 'isolated-margin',
            amount: 100,
          }),
        'INVALID_ARGUMENT',
        ['kind'],
      );
    });
  });

  it('rejects an unknown position with UNKNOWN_POSITION', () => {
    expectInvalidArgument(
      () =>
        previewPositionChange(usdtAccount(1000, [crossLong]), markAt(2000), 'BTC', {
          kind: 'leverage',
          leverage: 3,
        }),
      'UNKNOWN_POSITION',
      ['positionId'],
    );
  });
});
