// Properties of the Orderly model: at the exact liquidation price collateral equals maintenance margin under
// Orderly's rules (the (4/5)-power MMR included), and the docs' linear estimate equals it where the MMR is flat.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  type OrderlyAccount,
  orderlyAccountMargin,
  orderlyLiquidationPrice,
} from '../../../src/index.js';

const position = fc.record({
  qty: fc.integer({ min: -10_000, max: 10_000 }).filter((q) => q !== 0),
  mark: fc.integer({ min: 1, max: 100_000 }),
  entry: fc.integer({ min: 1, max: 100_000 }),
  balance: fc.integer({ min: 0, max: 100_000_000 }),
  factor: fc.constantFrom('0', '0.000000375', '0.0000021481', '0.00001'),
  other: fc.integer({ min: -50, max: 50 }),
});

const markets = (factor: string) => ({
  X: { baseImr: '0.02', baseMmr: '0.012', imrFactor: factor },
  Y: { baseImr: '0.1', baseMmr: '0.05', imrFactor: '0.0000021481' },
});

interface Case {
  readonly qty: number;
  readonly mark: number;
  readonly entry: number;
  readonly balance: number;
  readonly factor: string;
  readonly other: number;
}

function account(p: Case, mark: Decimal | number): OrderlyAccount {
  const positions = [{ symbol: 'X', qty: p.qty, markPrice: mark, costPosition: p.qty * p.entry }];
  if (p.other !== 0) positions.push({ symbol: 'Y', qty: p.other, markPrice: 30, costPosition: p.other * 31 });
  return { usdcBalance: p.balance, positions };
}

describe('Orderly exact liquidation price', () => {
  it('puts collateral at maintenance margin', () => {
    fc.assert(
      fc.property(position, (p) => {
        const lp = orderlyLiquidationPrice(account(p, p.mark), markets(p.factor), 'X');
        if (lp.kind !== 'price') return;
        const m = orderlyAccountMargin(account(p, lp.price), markets(p.factor));
        const scale = Decimal.max(m.maintenanceMargin, m.totalCollateral.abs(), 1);
        expect(m.totalCollateral.minus(m.maintenanceMargin).abs().div(scale).lessThan('1e-30')).toBe(true);
        if (p.qty > 0) expect(lp.price.lessThanOrEqualTo(p.mark)).toBe(true);
        else expect(lp.price.greaterThanOrEqualTo(p.mark)).toBe(true);
      }),
    );
  });

  it('equals the estimate where no size term applies', () => {
    fc.assert(
      fc.property(position, (p) => {
        const flat = { ...p, factor: '0' };
        const exact = orderlyLiquidationPrice(account(flat, p.mark), markets('0'), 'X');
        const est = orderlyLiquidationPrice(account(flat, p.mark), markets('0'), 'X', {
          convention: 'estimate',
        });
        expect(est.kind).toBe(exact.kind);
        if (exact.kind === 'price' && est.kind === 'price') {
          // The same root by two 40-digit evaluation orders.
          expect(est.price.minus(exact.price).abs().div(exact.price).lessThan('1e-35')).toBe(true);
        }
      }),
    );
  });
});
