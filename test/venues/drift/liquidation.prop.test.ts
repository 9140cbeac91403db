// Properties of the Drift model: at the SDK's liquidation price the account sits at its maintenance requirement
// (up to the truncations of one price unit), and the margin calculation is monotone in the way Drift's rules say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driftLiquidationPrice, driftMarginCalculation, driftPerpMarginRatio } from '../../../src/index.js';
import { usdc } from './markets.js';

const account = fc.record({
  price: fc.integer({ min: 1_000_000, max: 100_000_000_000 }),
  entry: fc.integer({ min: 1_000_000, max: 100_000_000_000 }),
  base: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }).filter((b) => b !== 0n),
  deposit: fc.bigInt({ min: 0n, max: 10n ** 13n }),
  ratio: fc.integer({ min: 100, max: 5_000 }),
});

type Case = typeof account extends fc.Arbitrary<infer T> ? T : never;

function setup(a: Case, price = BigInt(a.price)) {
  const markets = {
    spot: { 0: usdc },
    perp: { 0: { oraclePrice: price, marginRatioInitial: a.ratio * 2, marginRatioMaintenance: a.ratio } },
  };
  const quote = -(a.base * BigInt(a.entry)) / 1_000_000_000n;
  const user = {
    spotPositions: [{ marketIndex: 0, tokenAmount: a.deposit }],
    perpPositions: [{ marketIndex: 0, baseAssetAmount: a.base, quoteAssetAmount: quote }],
  };
  return { markets, user };
}

describe('Drift liquidation price', () => {
  it('puts maintenance collateral at the requirement (PnL weight 1, no size premium)', () => {
    fc.assert(
      fc.property(account, (a) => {
        const { markets, user } = setup(a);
        const lp = driftLiquidationPrice(user, markets, 0);
        if (lp.kind !== 'price') return;
        const at = setup(a, BigInt(lp.price.toFixed()));
        const m = driftMarginCalculation(at.user, at.markets, 'maintenance');
        // One price unit moves free collateral by |δ| / 1e6; δ itself is truncated (by < 1 quote unit per $1, so
        // < |move| / 1e6 over the move); the truncations of value, PnL and requirement add a few quote units.
        const move = lp.price.minus(a.price).abs();
        const slack = lp.freeCollateralDelta.abs().plus(move).div(1_000_000).plus(3);
        expect(m.freeCollateral.abs().lessThanOrEqualTo(slack)).toBe(true);
      }),
    );
  });

  it('lies on the losing side of the oracle', () => {
    fc.assert(
      fc.property(account, (a) => {
        const { markets, user } = setup(a);
        const lp = driftLiquidationPrice(user, markets, 0);
        if (lp.kind !== 'price') return;
        if (a.base > 0n) expect(lp.price.lessThanOrEqualTo(a.price)).toBe(true);
        else expect(lp.price.greaterThanOrEqualTo(a.price)).toBe(true);
      }),
    );
  });
});

describe('Drift margin ratio', () => {
  it('never falls below the base ratio and never falls as the size grows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (ratio, imf, s1, s2) => {
          const market = {
            oraclePrice: 1,
            marginRatioInitial: ratio,
            marginRatioMaintenance: ratio,
            imfFactor: imf,
          };
          const [small, large] = s1 < s2 ? [s1, s2] : [s2, s1];
          const a = driftPerpMarginRatio(market, small, 'maintenance');
          const b = driftPerpMarginRatio(market, large, 'maintenance');
          expect(a.greaterThanOrEqualTo(ratio)).toBe(true);
          expect(b.greaterThanOrEqualTo(a)).toBe(true);
        },
      ),
    );
  });
});
