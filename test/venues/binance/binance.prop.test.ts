// Properties of the Binance venue model on random brackets and positions: the venue formula equals the generic
// engine, maintenance is continuous across brackets, and the wallet back-solve inverts the formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  liquidationPrice,
  type MarketInput,
  type PositionInput,
  summarizeAccount,
} from '../../../src/index.js';
import { binanceCoinMLiquidationPrice } from '../../../src/venues/binance/coinMLiquidationPrice.js';
import type { BinanceLeverageBracketInput } from '../../../src/venues/binance/LeverageBracket.js';
import { binanceLiquidationPrice } from '../../../src/venues/binance/liquidationPrice.js';
import { binanceMaintenanceMargin } from '../../../src/venues/binance/maintenanceMargin.js';
import { binanceMarginSchedule } from '../../../src/venues/binance/marginSchedule.js';
import { binanceWalletBalanceFromLiquidationPrice } from '../../../src/venues/binance/walletBalanceFromLiquidationPrice.js';

const RUNS = { numRuns: 300 };

/** mantissa · 10^−scale as an exact Decimal. */
const scaled = (min: number, max: number, scale: number) =>
  fc.integer({ min, max }).map((n) => new Decimal(n).div(new Decimal(10).pow(scale)));

/**
 * A contiguous bracket list with floors spread around `scale` (a typical notional), maintenance rates rising from
 * 0.1–2 % by up to 3 % per bracket, leverage floor(1 / (2·MMR)) and cum by the recursion.
 */
function brackets(scale: Decimal) {
  return fc
    .record({
      firstRate: fc.integer({ min: 10, max: 200 }), // 0.1 %–2 %
      steps: fc.array(
        fc.record({ gap: fc.integer({ min: 5, max: 80 }), rise: fc.integer({ min: 0, max: 300 }) }),
        { minLength: 0, maxLength: 5 },
      ),
    })
    .map(({ firstRate, steps }) => {
      const rows: { floor: Decimal; mmr: Decimal }[] = [
        { floor: new Decimal(0), mmr: new Decimal(firstRate).div(10_000) },
      ];
      let share = new Decimal(0.1);
      for (const { gap, rise } of steps) {
        share = share.plus(new Decimal(gap).div(100));
        const previous = rows[rows.length - 1];
        if (!previous) break;
        const mmr = Decimal.min(new Decimal('0.5'), previous.mmr.plus(new Decimal(rise).div(10_000)));
        rows.push({ floor: scale.times(share).toSignificantDigits(6), mmr });
      }
      let cum = new Decimal(0);
      const list: BinanceLeverageBracketInput[] = rows.map((row, i) => {
        const previous = rows[i - 1];
        if (previous) cum = cum.plus(row.floor.times(row.mmr.minus(previous.mmr)));
        const next = rows[i + 1];
        return {
          bracket: i + 1,
          initialLeverage: Decimal.max(1, new Decimal(1).div(row.mmr.times(2)).floor()),
          notionalFloor: row.floor,
          notionalCap: next ? next.floor : scale.times(1000),
          maintMarginRatio: row.mmr,
          cum,
        };
      });
      return list;
    });
}

/** A one-way position with its market's brackets, a mark within ±30 % of the entry, and its margin. */
const linearCase = fc
  .record({
    long: fc.boolean(),
    quantity: scaled(1, 100_000, 3), // 0.001 – 100
    entry: scaled(100, 10_000_000, 2), // 1 – 100,000
    move: fc.integer({ min: -300, max: 300 }), // mark = entry · (1 + move/1000)
    margin: fc.integer({ min: 1, max: 1500 }), // wallet = notional · margin/1000
    isolated: fc.boolean(),
    other: fc.option(
      fc.record({
        size: scaled(-5000, 5000, 2).filter((d) => !d.isZero()),
        entry: scaled(1000, 100_000, 2),
        move: fc.integer({ min: -200, max: 200 }),
      }),
      { nil: undefined },
    ),
  })
  .chain((c) => {
    const notional = c.quantity.times(c.entry);
    return brackets(notional).map((list) => ({ ...c, notional, list }));
  });

function linearMarket(id: string, list: readonly BinanceLeverageBracketInput[]): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id,
    quoteAsset: 'USDT',
    marginSchedule: binanceMarginSchedule(list),
  };
}

describe('Binance venue formula = generic engine (random one-way positions and brackets)', () => {
  it('USDⓈ-M, cross (with another contract) and isolated', () => {
    let priced = 0;
    let searched = 0;
    fc.assert(
      fc.property(linearCase, (c) => {
        const size = c.long ? c.quantity : c.quantity.negated();
        const mark = c.entry.times(1000 + c.move).div(1000);
        const wallet = c.notional.times(c.margin).div(1000);
        const otherList: BinanceLeverageBracketInput[] = [
          {
            bracket: 1,
            initialLeverage: 50,
            notionalFloor: 0,
            notionalCap: 1e12,
            maintMarginRatio: '0.01',
            cum: 0,
          },
        ];
        const positions: PositionInput[] = [
          {
            marketId: 'M',
            size,
            entryPrice: c.entry,
            marginMode: c.isolated ? 'isolated' : 'cross',
            ...(c.isolated ? { isolatedMargin: wallet } : {}),
          },
        ];
        const other = c.isolated ? undefined : c.other;
        if (other)
          positions.push({ marketId: 'O', size: other.size, entryPrice: other.entry, marginMode: 'cross' });
        const account = createMarginAccount({
          settleAsset: 'USDT',
          markets: [linearMarket('M', c.list), linearMarket('O', otherList)],
          collateral: c.isolated ? [] : [{ asset: 'USDT', amount: wallet }],
          positions,
        });
        const prices = createPrices({
          markets: { M: { mark }, O: { mark: other ? other.entry.times(1000 + other.move).div(1000) : 1 } },
        });
        const generic = liquidationPrice(account, prices, 'M');
        fc.pre(generic.kind !== 'now');
        const o = summarizeAccount(account, prices).positions[1];
        const venue = binanceLiquidationPrice({
          marginType: c.isolated ? 'isolated' : 'cross',
          walletBalance: wallet,
          otherMaintenance: o?.requirement.maintenance ?? 0,
          otherUnrealizedPnl: o?.unrealizedPnl ?? 0,
          legs: [{ positionSide: 'BOTH', positionAmt: size, entryPrice: c.entry }],
          brackets: c.list,
          markPrice: mark,
        });
        expect(venue.kind).toBe(generic.kind);
        if (venue.kind === 'price' && generic.kind === 'price') {
          priced++;
          if (venue.iterations > 1) searched++;
          expect(venue.price.equals(generic.price), `${venue.price} vs ${generic.price}`).toBe(true);
          expect(venue.legs[0]?.bracket).toBe((generic.tierIndex ?? -1) + 1);
        }
      }),
      RUNS,
    );
    // not vacuous: most cases have a price, and some needed more than one bracket
    expect(priced).toBeGreaterThan(100);
    expect(searched).toBeGreaterThan(10);
  });

  it('COIN-M, one position (cross or isolated), brackets in the coin', () => {
    let priced = 0;
    let searched = 0;
    const inverseCase = fc
      .record({
        long: fc.boolean(),
        contracts: fc.integer({ min: 1, max: 1_000_000 }),
        contractSize: fc.constantFrom(10, 100),
        entry: scaled(100, 10_000_000, 2),
        move: fc.integer({ min: -300, max: 300 }),
        margin: fc.integer({ min: 1, max: 1500 }),
        isolated: fc.boolean(),
      })
      .chain((c) => {
        const coinNotional = new Decimal(c.contracts).times(c.contractSize).div(c.entry);
        return brackets(coinNotional).map((list) => ({ ...c, coinNotional, list }));
      });
    fc.assert(
      fc.property(inverseCase, (c) => {
        const size = new Decimal(c.long ? c.contracts : -c.contracts);
        const mark = c.entry.times(1000 + c.move).div(1000);
        const wallet = c.coinNotional.times(c.margin).div(1000).toSignificantDigits(12);
        fc.pre(wallet.greaterThan(0));
        const account = createMarginAccount({
          settleAsset: 'BTC',
          markets: [
            {
              id: 'BTCUSD_PERP',
              kind: 'inverse',
              baseAsset: 'BTC',
              quoteAsset: 'USD',
              contractSize: c.contractSize,
              marginSchedule: binanceMarginSchedule(c.list),
            },
          ],
          collateral: c.isolated ? [] : [{ asset: 'BTC', amount: wallet }],
          positions: [
            {
              marketId: 'BTCUSD_PERP',
              size,
              entryPrice: c.entry,
              marginMode: c.isolated ? 'isolated' : 'cross',
              ...(c.isolated ? { isolatedMargin: wallet } : {}),
            },
          ],
        });
        const generic = liquidationPrice(
          account,
          createPrices({ markets: { BTCUSD_PERP: { mark } } }),
          'BTCUSD_PERP',
        );
        fc.pre(generic.kind !== 'now');
        const venue = binanceCoinMLiquidationPrice({
          marginType: c.isolated ? 'isolated' : 'cross',
          walletBalance: wallet,
          contractSize: c.contractSize,
          legs: [{ positionSide: 'BOTH', positionAmt: size, entryPrice: c.entry }],
          brackets: c.list,
          markPrice: mark,
        });
        expect(venue.kind).toBe(generic.kind);
        if (venue.kind === 'price' && generic.kind === 'price') {
          priced++;
          if (venue.iterations > 1) searched++;
          expect(venue.price.equals(generic.price), `${venue.price} vs ${generic.price}`).toBe(true);
        }
      }),
      RUNS,
    );
    expect(priced).toBeGreaterThan(100);
    expect(searched).toBeGreaterThan(10);
  });
});

describe('Binance maintenance and back-solve', () => {
  it('maintenance is continuous across every bracket floor', () => {
    fc.assert(
      fc.property(
        scaled(1_000, 100_000_000, 2).chain((scale) => brackets(scale)),
        scaled(1, 1000, 4),
        (list, epsilon) => {
          list.forEach((b, i) => {
            if (i === 0) return;
            const floor = new Decimal(String(b.notionalFloor));
            const at = binanceMaintenanceMargin({ positionAmt: 1, markPrice: floor, brackets: list });
            const below = binanceMaintenanceMargin({
              positionAmt: 1,
              markPrice: floor.minus(epsilon),
              brackets: list,
            });
            expect(at.bracket).toBe(i + 1);
            expect(below.bracket).toBe(i);
            // At the floor the bracket's charge equals the one below extended: floor·MMRₖ − cumₖ = floor·MMRₖ₋₁ − cumₖ₋₁
            expect(
              at.maintenanceMargin
                .minus(below.maintenanceMargin)
                .equals(epsilon.times(below.maintMarginRatio)),
            ).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });

  it('the wallet back-solve inverts the formula; at the price, equity equals maintenance', () => {
    fc.assert(
      fc.property(linearCase, (c) => {
        const size = c.long ? c.quantity : c.quantity.negated();
        const wallet = c.notional.times(c.margin).div(1000);
        const lp = binanceLiquidationPrice({
          walletBalance: wallet,
          legs: [{ positionSide: 'BOTH', positionAmt: size, entryPrice: c.entry }],
          brackets: c.list,
        });
        fc.pre(lp.kind === 'price');
        if (lp.kind !== 'price') return;
        const back = binanceWalletBalanceFromLiquidationPrice({
          positionAmt: size,
          entryPrice: c.entry,
          liquidationPrice: lp.price,
          brackets: c.list,
        });
        // exact up to the 40-digit rounding of the price itself
        expect(back.minus(wallet).abs().lessThanOrEqualTo(c.notional.times('1e-30'))).toBe(true);
        const mm = binanceMaintenanceMargin({ positionAmt: size, markPrice: lp.price, brackets: c.list });
        expect(mm.bracket).toBe(lp.legs[0]?.bracket);
      }),
      RUNS,
    );
  });
});
