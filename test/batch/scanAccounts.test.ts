import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  confirmScan,
  createMarginAccount,
  createPrices,
  InvalidArgumentError,
  LIQUIDATION_STATUS,
  liquidationPrice,
  MissingPriceError,
  type Progress,
  packAccounts,
  scanAccounts,
  scanPackedBook,
  summarizeAccount,
} from '../../src/index.js';
import { randomBook } from '../support/randomBook.js';

const tiered = {
  id: 'ETH',
  kind: 'linear' as const,
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: {
    type: 'tiered' as const,
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
      { notionalFloor: 10_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
    ],
  },
};
const flat = {
  id: 'BTC',
  kind: 'linear' as const,
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat' as const, initialFraction: '0.1', maintenanceFraction: '0.05' },
};
const prices = createPrices({
  markets: { ETH: { mark: 2000 }, BTC: { mark: 50_000 } },
  assets: { WBTC: 50_000 },
});

/** The initial-margin check the scan reports, from an exact summary. */
function meetsInitial(summary: ReturnType<typeof summarizeAccount>): boolean {
  return (
    !summary.cross.freeCollateral.isNegative() &&
    summary.isolated.every((p) => !p.freeCollateral.isNegative())
  );
}

describe('scanPackedBook', () => {
  it('sums a tiered cross pool, an isolated pool and moving collateral by hand', () => {
    // ETH 10 × 2000 = 20 000 notional: tier 2, IMR 1000, MMR 500 − deduction 150 = 350; PnL 10 × (2000 − 1900) = 1000.
    // BTC isolated −0.1 at 48 000: notional 5000, IMR 500, MMR 250, PnL −200, margin 600 → equity 400.
    // Cross collateral 500 USDT + 0.01 WBTC × 50 000 × 0.9 = 950; cross equity 1950.
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [tiered, flat],
      collateral: [
        { asset: 'USDT', amount: 500 },
        { asset: 'WBTC', amount: '0.01', weight: '0.9' },
      ],
      positions: [
        { marketId: 'ETH', size: 10, entryPrice: 1900, marginMode: 'cross' },
        { marketId: 'BTC', size: '-0.1', entryPrice: 48_000, marginMode: 'isolated', isolatedMargin: 600 },
      ],
    });
    const scan = scanPackedBook(packAccounts([account], prices));
    expect(scan.equity[0]).toBeCloseTo(2350, 9);
    expect(scan.initialRequirement[0]).toBeCloseTo(1500, 9);
    expect(scan.maintenanceRequirement[0]).toBeCloseTo(600, 9);
    // Cross free 1950 − 1000 = 950; isolated 400 − 500 < 0 adds nothing, and fails the IM check.
    expect(scan.freeCollateral[0]).toBeCloseTo(950, 9);
    expect(scan.marginRatio[0]).toBeCloseTo(600 / 2350, 12);
    expect(scan.liquidatable[0]).toBe(0);
    expect(scan.meetsInitial[0]).toBe(0);
    expect(scan.needsExact[0]).toBe(0);
  });

  it('flags an account exactly at maintenance and the exact engine decides it', () => {
    // 1 × (95 − 100) + 100 = 95 = MMR 95 × 1: not liquidatable (strict).
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [
        { ...flat, marginSchedule: { type: 'flat', initialFraction: '1', maintenanceFraction: '1' } },
      ],
      collateral: [{ asset: 'USDT', amount: 100 }],
      positions: [{ marketId: 'BTC', size: 1, entryPrice: 100, marginMode: 'cross' }],
    });
    const at = createPrices({ markets: { BTC: { mark: 95 } } });
    const scan = scanAccounts([account], at);
    expect(scan.needsExact[0]).toBe(1);
    expect(scan.exactCount).toBe(1);
    expect(scan.liquidatable[0]).toBe(0);
    expect(scan.meetsInitial[0]).toBe(1);
  });

  it('reports an infinite margin ratio when equity is not positive', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [flat],
      collateral: [{ asset: 'USDT', amount: 100 }],
      positions: [{ marketId: 'BTC', size: 1, entryPrice: 60_000, marginMode: 'cross' }],
    });
    const scan = scanAccounts([account], prices);
    expect(scan.equity[0]).toBe(-9900);
    expect(scan.marginRatio[0]).toBe(Number.POSITIVE_INFINITY);
    expect(scan.liquidatable[0]).toBe(1);
  });

  it('estimates the exact liquidation price on tiered, inverse, hedged and isolated positions', () => {
    const { accounts, prices: book } = randomBook(150, 11);
    const scan = scanAccounts(accounts, book, { liquidationPrices: true });
    const positions = scan.positions;
    if (!positions) throw new Error('asked for positions');
    let i = 0;
    let compared = 0;
    let loose = 0;
    for (const [a, account] of accounts.entries()) {
      for (const position of account.positions) {
        // On the threshold (the screen's undecided accounts) the root is ill-conditioned: compare the others.
        if (scan.needsExact[a] === 1) {
          i++;
          continue;
        }
        const exact = liquidationPrice(account, book, position.id);
        const status = positions.liquidationStatus[i];
        // Status can differ only where the pool sits on its threshold, which the screen does not decide.
        if (exact.kind === 'price' && status === LIQUIDATION_STATUS.price) {
          const rel = Math.abs((positions.liquidationPrice[i] as number) / exact.price.toNumber() - 1);
          // The root −a/b inherits the cancellation in a (collateral + PnL terms), so a few land looser.
          expect(rel).toBeLessThan(1e-5);
          if (rel > 1e-9) loose++;
          compared++;
        } else if (exact.kind === 'never') expect(status).not.toBe(LIQUIDATION_STATUS.price);
        i++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(loose).toBeLessThan(compared / 100);
  });
});

describe('screen then exact', () => {
  it('gives the exact engine decisions on 4000 random accounts (1e5 in npm run bench)', () => {
    const { accounts, prices: book } = randomBook(4000, 3);
    const scan = scanAccounts(accounts, book);
    let liquidatable = 0;
    accounts.forEach((account, a) => {
      const exact = summarizeAccount(account, book);
      expect([a, scan.liquidatable[a]]).toEqual([a, exact.total.liquidatable ? 1 : 0]);
      expect([a, scan.meetsInitial[a]]).toEqual([a, meetsInitial(exact) ? 1 : 0]);
      liquidatable += exact.total.liquidatable ? 1 : 0;
    });
    // Both decisions occur, and the exact engine was needed (accounts are built on thresholds on purpose).
    expect(liquidatable).toBeGreaterThan(400);
    expect(liquidatable).toBeLessThan(3600);
    expect(scan.exactCount).toBeGreaterThan(0);
    expect(scan.exactCount).toBeLessThan(accounts.length / 2);
  });
});

describe('progress, cancellation and bad input', () => {
  const { accounts, prices: book } = randomBook(20, 5);

  it('reports progress up to the account count', () => {
    const seen: Progress[] = [];
    scanPackedBook(packAccounts(accounts, book), { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ done: 20, total: 20 });
  });

  it('throws ABORTED with the reason as cause when the signal is aborted', () => {
    const controller = new AbortController();
    controller.abort('enough');
    const run = () => scanAccounts(accounts, book, { signal: controller.signal });
    expect(run).toThrow(AbortedError);
    try {
      run();
    } catch (error) {
      expect((error as AbortedError).code).toBe('ABORTED');
      expect((error as AbortedError).cause).toBe('enough');
      expect((error as AbortedError).path).toEqual(['signal']);
    }
  });

  it('refuses ids of the wrong length, a missing price and a scan of other accounts', () => {
    expect(() => packAccounts(accounts, book, { ids: ['a'] })).toThrow(InvalidArgumentError);
    expect(() => packAccounts(accounts, createPrices({ markets: {} }))).toThrow(MissingPriceError);
    const scan = scanPackedBook(packAccounts(accounts, book));
    expect(() => confirmScan(scan, accounts.slice(1), book)).toThrow(InvalidArgumentError);
  });

  it('does not change its inputs', () => {
    const scan = scanPackedBook(packAccounts(accounts, book));
    const before = [...scan.liquidatable];
    confirmScan(scan, accounts, book);
    expect([...scan.liquidatable]).toEqual(before);
    expect(scan.exactCount).toBe(0);
  });
});
