// Properties of trigger prices and trigger checks on random linear and inverse positions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTrigger,
  createMarginAccount,
  createMarket,
  createPosition,
  createPrices,
  Decimal,
  positionRoi,
  triggerPrice,
  unrealizedPnl,
} from '../../src/index.js';

/** mantissa · 10^−scale */
const decimal = (min: number, max: number, scale: number) =>
  fc.integer({ min, max }).map((n) => new Decimal(n).div(new Decimal(10).pow(scale)));

const kind = fc.constantFrom('linear' as const, 'inverse' as const);
const marketOf = (k: 'linear' | 'inverse', tick?: Decimal) =>
  createMarket({
    id: 'M',
    kind: k,
    baseAsset: 'BTC',
    quoteAsset: 'USD',
    contractSize: k === 'inverse' ? 100 : 1,
    ...(tick ? { tickSize: tick } : {}),
    marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.005' },
  });
const nonZero = decimal(1, 100_000, 3).chain((s) => fc.constantFrom(s, s.neg()));

/** PnL net of the exit fee at p. */
function netPnl(k: 'linear' | 'inverse', size: Decimal, c: Decimal, entry: Decimal, p: Decimal, f: Decimal) {
  const pnl = unrealizedPnl(
    marketOf(k),
    createPosition({ marketId: 'M', size, entryPrice: entry, marginMode: 'cross' }),
    p,
  );
  const notional = k === 'linear' ? size.abs().times(c).times(p) : size.abs().times(c).div(p);
  return pnl.minus(notional.times(f));
}

describe('triggerPrice (properties)', () => {
  it('realises exactly the target PnL net of the exit fee, and its tick price at least the target', () => {
    fc.assert(
      fc.property(
        kind,
        nonZero,
        decimal(1, 10_000_000, 2),
        decimal(-1_000_000, 1_000_000, 2),
        decimal(0, 1000, 6),
        (k, size, entry, target, f) => {
          const market = marketOf(k, new Decimal('0.5'));
          const position = createPosition({ marketId: 'M', size, entryPrice: entry, marginMode: 'cross' });
          const pnl = k === 'linear' ? target : target.div(entry); // coin-sized targets for inverse
          const t = triggerPrice(market, position, { pnl }, { exitFeeRate: f });
          if (t.kind === 'never') {
            // the net PnL's range over p in (0, ∞) misses the target: its open end is ∓ the entry value
            const value = k === 'linear' ? size.abs().times(entry) : size.abs().times(100).div(entry);
            const bound = (k === 'linear') === size.isPositive() ? value.neg() : value;
            expect(bound.isNegative() ? pnl.lte(bound) : pnl.gte(bound)).toBe(true);
            return;
          }
          const got = netPnl(k, size, market.contractSize, entry, t.price, f);
          const scale = pnl.abs().plus(
            size
              .abs()
              .times(market.contractSize)
              .times(k === 'linear' ? entry : new Decimal(1).div(entry)),
          );
          expect(got.minus(pnl).abs().lte(scale.times('1e-30'))).toBe(true);
          if (t.tickPrice)
            expect(
              netPnl(k, size, market.contractSize, entry, t.tickPrice, f).gte(
                got.minus(scale.times('1e-30')),
              ),
            ).toBe(true);
          expect(t.trigger).toBe(pnl.isNegative() ? 'stop-loss' : 'take-profit');
        },
      ),
    );
  });

  it('at the trigger for an ROI target, the position ROI is that target', () => {
    fc.assert(
      fc.property(
        kind,
        nonZero,
        decimal(1, 10_000_000, 2),
        decimal(-100, 1000, 2),
        fc.integer({ min: 1, max: 125 }),
        (k, size, entry, roi, leverage) => {
          const market = marketOf(k);
          const position = createPosition({
            marketId: 'M',
            size,
            entryPrice: entry,
            marginMode: 'cross',
            leverage,
          });
          const t = triggerPrice(market, position, { roi });
          if (t.kind === 'never') return;
          expect(positionRoi(market, position, t.price).minus(roi).abs().lte('1e-28')).toBe(true);
        },
      ),
    );
  });
});

describe('checkTrigger (properties)', () => {
  it('on an isolated position, a stop is beyond the liquidation price exactly when the pool is liquidatable at it', () => {
    fc.assert(
      fc.property(
        kind,
        nonZero,
        decimal(1000, 10_000_000, 2),
        decimal(1, 1000, 3), // margin as a fraction of the entry value
        decimal(1, 3000, 3), // trigger / entry
        (k, size, entry, marginShare, ratio) => {
          const market = marketOf(k);
          const value = k === 'linear' ? size.abs().times(entry) : size.abs().times(100).div(entry);
          const account = createMarginAccount({
            settleAsset: k === 'linear' ? 'USD' : 'BTC',
            markets: [market],
            positions: [
              {
                marketId: 'M',
                size,
                entryPrice: entry,
                marginMode: 'isolated',
                isolatedMargin: value.times(marginShare),
              },
            ],
          });
          const prices = createPrices({ markets: { M: { mark: entry } } });
          const c = checkTrigger(account, prices, 'M', entry.times(ratio));
          if (c.liquidationPrice.kind === 'now') return;
          const towards =
            c.liquidationPrice.kind === 'price' &&
            (c.liquidationPrice.direction === 'down' ? c.triggerPrice.lt(entry) : c.triggerPrice.gt(entry));
          if (c.liquidationPrice.kind === 'never' || towards)
            expect(c.beyondLiquidation).toBe(c.atTrigger.liquidatable);
          else expect(c.beyondLiquidation).toBe(false);
        },
      ),
    );
  });
});
