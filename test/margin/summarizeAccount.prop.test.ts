// Properties of summarizeAccount on generated accounts: the pool identities, and the independence of isolated
// pools (isolating one position never changes any other isolated position's numbers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankruptcyPrice,
  collateralValue,
  createMarginAccount,
  createPrices,
  Decimal,
  isMarginKitError,
  liquidationPrice,
  type MarginAccount,
  type PoolSummary,
  type Prices,
  summarizeAccount,
} from '../../src/index.js';
import { scenarioArb, sig, snapshot } from '../support/arbitraries.js';

const RUNS = { numRuns: 200 };

const accountArb = scenarioArb({
  maxOthers: 3,
  hedge: true,
  schedules: ['flat', 'tiered', 'open-interest'],
  zeroMaintenance: true,
  funding: true,
  leverage: true,
  secondAsset: true,
  priceSources: true,
});

/** A pool is liquidatable when it holds an open position and its equity is below its maintenance requirement. */
function expectPool(pool: PoolSummary, exposed: boolean): void {
  expect(pool.freeCollateral.eq(pool.equity.minus(pool.initialRequirement))).toBe(true);
  expect(pool.liquidatable).toBe(exposed && pool.equity.lessThan(pool.maintenanceRequirement));
  for (const [ratio, numerator] of [
    [pool.marginRatio, pool.maintenanceRequirement],
    [pool.leverage, pool.notional],
  ] as const) {
    if (numerator.isZero()) expect(ratio).toEqual({ kind: 'finite', value: new Decimal(0) });
    else if (!pool.equity.greaterThan(0)) expect(ratio.kind).toBe('infinite');
    else expect(ratio.kind === 'finite' && ratio.value.eq(numerator.div(pool.equity))).toBe(true);
  }
}

describe('summarizeAccount', () => {
  it('pools add up: equity = collateral + Σ uPnL − Σ funding, totals are the sums, flags follow the rule', () => {
    fc.assert(
      fc.property(accountArb, (s) => {
        const account = createMarginAccount(s.account);
        const prices = createPrices(s.prices);
        const before = snapshot([s.account, s.prices, account, prices]);
        const summary = summarizeAccount(account, prices, { priceSource: s.priceSource });
        expect(snapshot([s.account, s.prices, account, prices])).toBe(before);
        expect(summary.positions.map((p) => p.positionId)).toEqual(account.positions.map((p) => p.id));

        const cross = summary.positions.filter((p) => p.marginMode === 'cross');
        const collateral = collateralValue(account, prices).total;
        let equity = collateral;
        for (const p of cross) equity = equity.plus(p.unrealizedPnl).minus(p.unsettledFunding);
        expect(summary.cross.collateralValue.eq(collateral)).toBe(true);
        expect(summary.cross.equity.eq(equity)).toBe(true);
        const sum = (key: 'notional' | 'initial' | 'maintenance', list = cross) =>
          list.reduce((acc, p) => acc.plus(p.requirement[key]), new Decimal(0));
        expect(summary.cross.maintenanceRequirement.eq(sum('maintenance'))).toBe(true);
        expect(summary.cross.initialRequirement.eq(sum('initial'))).toBe(true);
        expect(summary.cross.notional.eq(sum('notional'))).toBe(true);
        expectPool(
          summary.cross,
          cross.some((p) => !p.size.isZero()),
        );

        for (const pool of summary.isolated) {
          const position = account.positions.find((p) => p.id === pool.positionId);
          const own = summary.positions.find((p) => p.positionId === pool.positionId);
          if (!position || !own) throw new Error('pool without position');
          expect(position.marginMode).toBe('isolated');
          expect(pool.collateralValue.eq(position.isolatedMargin ?? NaN)).toBe(true);
          expect(
            pool.equity.eq(pool.collateralValue.plus(own.unrealizedPnl).minus(own.unsettledFunding)),
          ).toBe(true);
          expectPool(pool, !own.size.isZero());
        }
        const pools = [summary.cross, ...summary.isolated];
        for (const key of ['equity', 'notional', 'initialRequirement', 'maintenanceRequirement'] as const) {
          const total = pools.reduce((acc, p) => acc.plus(p[key]), new Decimal(0));
          expect(summary.total[key].eq(total)).toBe(true);
        }
        // Total free collateral: the cross pool's plus each isolated pool's surplus (a deficit stays isolated).
        const free = summary.isolated.reduce(
          (acc, p) => acc.plus(Decimal.max(0, p.freeCollateral)),
          summary.cross.freeCollateral,
        );
        expect(summary.total.freeCollateral.eq(free)).toBe(true);
        expect(summary.liquidatableIsolated).toEqual(
          summary.isolated.filter((p) => p.liquidatable).map((p) => p.positionId),
        );
        // JSON-serialisable.
        expect(() => JSON.stringify(summary)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('isolating one position never changes any other isolated position (requirements, equity, prices)', () => {
    const arb = fc.tuple(
      scenarioArb({
        targetMode: 'cross',
        isolatedOther: true,
        maxOthers: 3,
        hedge: true,
        schedules: ['flat', 'tiered', 'open-interest'],
        zeroMaintenance: true,
        funding: true,
        leverage: true,
        secondAsset: true,
        priceSources: true,
      }),
      fc.integer({ min: 5, max: 1500 }),
    );
    /** An isolated position's numbers: its summary, its pool, its liquidation and bankruptcy prices (or error code). */
    const numbersOf = (
      account: MarginAccount,
      prices: Prices,
      id: string,
      priceSource: 'mark' | 'oracle',
    ) => {
      const summary = summarizeAccount(account, prices, { priceSource });
      const outcome = (f: typeof liquidationPrice) => {
        try {
          return f(account, prices, id, { priceSource });
        } catch (error) {
          return isMarginKitError(error) ? `throws ${error.code}` : error;
        }
      };
      return snapshot({
        position: summary.positions.find((p) => p.positionId === id),
        pool: summary.isolated.find((p) => p.positionId === id),
        liquidation: outcome(liquidationPrice),
        bankruptcy: outcome(bankruptcyPrice),
      });
    };
    let compared = 0;
    fc.assert(
      fc.property(arb, ([s, perMille]) => {
        const margin = new Decimal(sig(s.target.entryNotional.times(perMille).div(1000), 6));
        const moved = {
          ...s.account,
          collateral: s.account.collateral.map((c, i) =>
            i === 0 ? { ...c, amount: new Decimal(c.amount).minus(margin).toFixed() } : c,
          ),
          positions: s.account.positions.map((p) =>
            p.id === s.targetId
              ? { ...p, marginMode: 'isolated' as const, isolatedMargin: margin.toFixed() }
              : p,
          ),
        };
        const prices = createPrices(s.prices);
        const before = createMarginAccount(s.account);
        const after = createMarginAccount(moved);
        for (const p of before.positions) {
          if (p.marginMode !== 'isolated') continue;
          compared++;
          expect(numbersOf(after, prices, p.id, s.priceSource)).toBe(
            numbersOf(before, prices, p.id, s.priceSource),
          );
        }
      }),
      RUNS,
    );
    expect(compared).toBeGreaterThanOrEqual(200);
  });
});
