// Every Hyperliquid vector of test/conformance/vectors/cex.json (a byte-identical copy of the reference file; its
// checksum is pinned by test/conformance/cex.test.ts), run through the Hyperliquid venue model within the vector's
// own tolerance. The last test checks that no Hyperliquid vector of the file is left out.
import { describe, expect, it } from 'vitest';
import { paymentPriceOf } from '../../../src/funding/paymentPriceOf.js';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  fundingPayment,
  liquidationPrice,
  marginRequirement,
  premiumIndex,
} from '../../../src/index.js';
import { hyperliquidFundingRate } from '../../../src/venues/hyperliquid/hyperliquidFundingRate.js';
import { hyperliquidLiquidationPrice } from '../../../src/venues/hyperliquid/hyperliquidLiquidationPrice.js';
import { hyperliquidMarginSchedule } from '../../../src/venues/hyperliquid/hyperliquidMarginSchedule.js';
import { hyperliquidMarket } from '../../../src/venues/hyperliquid/hyperliquidMarket.js';
import { at, conformance, dec, expectDecimal, loadVectors, type Vector } from '../../conformance/harness.js';

const hyperliquid = loadVectors('cex.json').filter((v) => v.venue === 'hyperliquid');
const suite = conformance(hyperliquid, (v, i) => v.id ?? `hyperliquid#${i}`);
const { check } = suite;

/** A single-tier table at `maxLeverage`, as `meta.marginTables` lists table 50 (ids below 50 are implicit). */
function singleTier(maxLeverage: number) {
  return { marginTiers: [{ lowerBound: '0.0', maxLeverage }] };
}

function num(v: Vector, ...path: (string | number)[]): number {
  const value = at(v.inputs, ...path);
  if (typeof value !== 'number') throw new TypeError(`${path.join('.')} is not a number`);
  return value;
}

/** The vector's isolated position as an account, with the mark at the entry price (a fresh position). */
function isolatedAccount(v: Vector) {
  const coin = String(at(v.inputs, 'coin'));
  const size = dec(v.inputs, 'position_size').times(num(v, 'side'));
  const price = dec(v.inputs, 'price');
  const account = createMarginAccount({
    settleAsset: 'USDC',
    markets: [hyperliquidMarket({ coin, marginTable: singleTier(num(v, 'max_leverage')) })],
    positions: [
      {
        marketId: coin,
        size,
        entryPrice: price,
        marginMode: 'isolated',
        isolatedMargin: dec(v.inputs, 'isolated_margin'),
        leverage: num(v, 'leverage'),
      },
    ],
  });
  const prices = createPrices({ markets: { [coin]: { mark: price, oracle: price } } });
  return { coin, account, prices };
}

describe('Hyperliquid vectors (cex.json)', () => {
  const liquidationIds = suite.ids.filter((id) => id.startsWith('HL-LIQ-ISO-'));

  for (const id of liquidationIds) {
    check(id, 'isolated liquidation price (entry reference) within the vector tolerance', (v) => {
      const { coin, account, prices } = isolatedAccount(v);
      const lp = hyperliquidLiquidationPrice(account, prices, coin, { referencePrice: 'entry' });
      if (lp.kind !== 'price') throw new Error(`expected a price, got ${lp.kind}`);
      expectDecimal(lp.price, dec(v.expected, 'liquidation_price'), v.tolerance, id);
      // l is 1/(2·max leverage); the maintenance requirement at the entry is price·size/max_leverage/2.
      expect(lp.terms.maintenanceFraction.eq(new Decimal(1).div(2 * num(v, 'max_leverage')))).toBe(true);
      expect(
        lp.terms.maintenanceMarginRequired.eq(
          dec(v.inputs, 'price').times(dec(v.inputs, 'position_size')).div(num(v, 'max_leverage')).div(2),
        ),
      ).toBe(true);
      // The mark reference and the library's engine give the same price, to the last digit.
      const byMark = hyperliquidLiquidationPrice(account, prices, coin);
      const engine = liquidationPrice(account, prices, coin);
      if (byMark.kind !== 'price' || engine.kind !== 'price') throw new Error('expected prices');
      expect(byMark.price.eq(lp.price)).toBe(true);
      expect(engine.price.eq(lp.price)).toBe(true);
      expect(lp.direction).toBe(num(v, 'side') === 1 ? 'down' : 'up');
    });
  }

  check('HL-FUND-DOC-EX', 'premium 1 %, clamped interest −0.05 %, 8-hour rate 0.95 %', (v) => {
    // The example gives no impact ask; any ask at or above the oracle adds nothing to the premium.
    const oracle = dec(v.inputs, 'oracle_px');
    const premium = premiumIndex(dec(v.inputs, 'impact_bid_px'), oracle.plus(100), oracle);
    expectDecimal(premium, dec(v.expected, 'premium'), v.tolerance, 'premium');
    const rate = hyperliquidFundingRate(premium);
    expectDecimal(rate.eightHour.minus(premium), dec(v.expected, 'clamped_difference'), v.tolerance, 'clamp');
    expectDecimal(rate.eightHour, dec(v.expected, 'funding_rate'), v.tolerance, 'funding_rate');
    // The page does not divide by 8; what is paid each hour is one eighth (reference §6.3).
    expect(rate.hourly.toString()).toBe('0.0011875');
  });

  check('HL-FUND-PAYMENT', 'hourly payment on the oracle price, not the mark', (v) => {
    const btc = hyperliquidMarket({ coin: 'BTC', marginTable: 40 });
    const schedule = btc.fundingSchedule;
    if (!schedule) throw new Error('no funding schedule');
    const prices = createPrices({
      markets: { BTC: { oracle: dec(v.inputs, 'oracle_price'), mark: dec(v.inputs, 'mark_price') } },
    });
    const price = paymentPriceOf(prices, 'BTC', schedule);
    expect(price.toString()).toBe('10000');
    // The vector states the hourly rate; the schedule's rate is per 8 hours.
    const eightHour = dec(v.inputs, 'funding_rate_hourly').times(schedule.ratePeriodMs / schedule.intervalMs);
    const payment = fundingPayment(btc, dec(v.inputs, 'position_size'), price, eightHour);
    expectDecimal(payment, dec(v.expected, 'payment'), v.tolerance, 'payment');
  });

  for (const id of ['HL-MMR-40x', 'HL-MMR-20x', 'HL-MMR-3x']) {
    check(id, 'maintenance fraction 1/(2·max leverage) of a single-tier table', (v) => {
      const schedule = hyperliquidMarginSchedule(num(v, 'max_leverage'));
      expect(schedule.tiers.length).toBe(1);
      const tier = schedule.tiers[0];
      if (!tier) throw new Error('no tier');
      expectDecimal(tier.maintenanceFraction, dec(v.expected, 'maintenance_margin_rate'), v.tolerance, id);
      // IMF = 1/L (the initial margin at maximum leverage), each fraction correctly rounded on its own.
      expect(tier.initialFraction.eq(new Decimal(1).div(num(v, 'max_leverage')))).toBe(true);
    });
  }

  check('HL-TIER-DEDUCTION', 'BTC 40× to 150M then 20×: MMR 1.25 % / 2.5 %, deduction 0 / 1,875,000', (v) => {
    const rows = at(v.inputs, 'tiers');
    if (!Array.isArray(rows)) throw new TypeError('tiers is not a list');
    const schedule = hyperliquidMarginSchedule({
      marginTiers: rows.map((_, i) => ({
        lowerBound: dec(v.inputs, 'tiers', i, 'lower'),
        maxLeverage: num(v, 'tiers', i, 'max_leverage'),
      })),
    });
    schedule.tiers.forEach((tier, i) => {
      expectDecimal(tier.maintenanceFraction, dec(v.expected, 'mmr', i), v.tolerance, `mmr[${i}]`);
      expectDecimal(
        tier.maintenanceDeduction,
        dec(v.expected, 'deduction', i),
        v.tolerance,
        `deduction[${i}]`,
      );
    });
  });

  check('HL-IM-MM-EX', '$10,000 on a 20× asset: IM 1,000 at 10×, 500 at 20×; MM 250 either way', (v) => {
    const market = hyperliquidMarket({ coin: 'XYZ', marginTable: num(v, 'max_leverage') });
    const notional = dec(v.inputs, 'notional');
    const price = new Decimal(2500);
    const size = notional.div(price);
    [10, 20].forEach((leverage, i) => {
      expect(num(v, 'user_leverage', i)).toBe(leverage);
      const r = marginRequirement(market, size, price, { leverage });
      expectDecimal(r.initial, dec(v.expected, 'initial_margin', i), v.tolerance, `initial[${i}]`);
      expectDecimal(
        r.maintenance,
        dec(v.expected, 'maintenance_margin', i),
        v.tolerance,
        `maintenance[${i}]`,
      );
    });
  });

  it('runs every Hyperliquid vector of the file', () => {
    expect(suite.ids.length).toBeGreaterThanOrEqual(29);
    expect(suite.ids.filter((id) => !suite.run.has(id))).toEqual([]);
  });
});
