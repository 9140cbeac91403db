// Conformance of the funding module with the funding vectors of vectors/cex.json (Binance, OKX, BitMEX,
// Hyperliquid, Lighter) and vectors/dydx.json (dYdX v4 chain and indexer tests).
//
// The funding vectors are: every cex case whose kind starts with `funding`, and every dYdX case whose source or
// description is about funding, premiums or settlement (named `dydx#<index in the file>`, as in dydx.test.ts).
// Each one is run here or deferred with a reason; the last test of each block checks that nothing is dropped.
//
// Units of the dYdX cases: 1 quote quantum (qq) = 1e-6 USDC; 1 base quantum = 10^AR coins; an oracle price is
// `price · 10^exponent`; rates are 8-hour rates in ppm; a funding index is in ppm·qq per base quantum, which is
// `index · 10^(−12 − AR)` USDC per coin (indexer `fundingIndexToHumanFixedString`).

import { describe, expect, it } from 'vitest';
import {
  annualizedFundingRate,
  createFundingSchedule,
  createMarginAccount,
  createMarket,
  createPosition,
  createPrices,
  Decimal,
  dydxBaseToQuoteQuantums,
  dydxFundingIndexDelta,
  dydxFundingRateClampPpm,
  dydxFundingTickRate,
  dydxSettleFunding,
  fundingIndexDelta,
  fundingPayment,
  fundingRateBound,
  fundingRateFromPremium,
  premiumIndex,
  settleFundingIndex,
  summarizeAccount,
  withProjectedFunding,
} from '../../src/index.js';
import {
  conformance,
  dec,
  expectAccountedFor,
  expectDecimal,
  expectExact,
  loadVectors,
  str,
  type Vector,
} from './harness.js';

const HOUR = 3_600_000;
const MILLION = new Decimal(1_000_000);
const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;

/** A premium-plus-clamped-interest model (Binance, BitMEX, Hyperliquid, Lighter), per the rate period. */
function premiumInterest(interestRate: Decimal, clampBand: Decimal, cap: Decimal, intervalMs = 8 * HOUR) {
  return createFundingSchedule({
    intervalMs,
    ratePeriodMs: 8 * HOUR,
    paymentPrice: 'oracle',
    rate: { type: 'premium-interest', interestRate, clampBand, cap },
  });
}

describe('funding conformance: cex.json', () => {
  const all = loadVectors('cex.json');
  const funding = all.filter((v) => v.kind?.startsWith('funding'));
  const suite = conformance(funding, (v, i) => v.id ?? `cex-funding#${i}`);
  const { check } = suite;
  const tolerance = (v: Vector) => v.tolerance;

  // No cex funding vector is deferred.
  const deferred: Record<string, string> = {};

  for (const id of ['BN-FUND-BAND-1', 'BN-FUND-BAND-3', 'BN-FUND-OUTSIDE']) {
    check(id, 'Binance F = P + clamp(I − P, ±0.05 %)', (v) => {
      // The vector applies no cap; a cap of 1 (100 %) never binds here.
      const model = premiumInterest(
        dec(v.inputs, 'interest_rate'),
        dec(v.inputs, 'clamp'),
        new Decimal(1),
      ).rate;
      const rate = fundingRateFromPremium(model, dec(v.inputs, 'premium_index'));
      expectDecimal(rate, dec(v.expected, 'funding_rate'), tolerance(v), 'funding rate');
    });
  }

  check('OKX-FUND-CAP-2', 'OKX F = clamp(P − I, floor, cap) at the BTC cap ±0.375 %', (v) => {
    // OKX has no interest clamp: the clamped-premium model with offset −I.
    const model = createFundingSchedule({
      intervalMs: 8 * HOUR,
      paymentPrice: 'mark',
      rate: {
        type: 'clamped-premium',
        offset: dec(v.inputs, 'interest').negated(),
        cap: dec(v.inputs, 'cap'),
        floor: dec(v.inputs, 'floor'),
      },
    }).rate;
    const rate = fundingRateFromPremium(model, dec(v.inputs, 'avg_premium_index'));
    expectDecimal(rate, dec(v.expected, 'funding_rate'), tolerance(v), 'funding rate');
  });

  check('BMX-FUND-CAP', 'BitMEX |F| ≤ 75 % · (IM − MM)', (v) => {
    const bound = fundingRateBound(
      dec(v.inputs, 'initial_margin'),
      dec(v.inputs, 'maintenance_margin'),
      '0.75',
    );
    expectDecimal(bound, dec(v.expected, 'max_abs_funding_rate'), tolerance(v), 'cap');
  });

  check('BMX-FUND-DAMPENER', 'BitMEX: |I − P| ≤ 0.05 % gives F = I', (v) => {
    // The BitMEX guide's interest clamp is ±0.05 %; the cap 0.375 % of BMX-FUND-CAP does not bind.
    const model = premiumInterest(
      dec(v.inputs, 'interest_rate'),
      new Decimal('0.0005'),
      new Decimal('0.00375'),
    ).rate;
    const rate = fundingRateFromPremium(model, dec(v.inputs, 'premium_index'));
    expectDecimal(rate, dec(v.expected, 'funding_rate'), tolerance(v), 'funding rate');
  });

  check('HL-FUND-DOC-EX', 'Hyperliquid docs: premium 1 % → 0.95 % per 8 h, paid 0.11875 % an hour', (v) => {
    const oracle = dec(v.inputs, 'oracle_px');
    // The example gives no impact ask; any ask at or above the oracle adds nothing, so the oracle itself is used.
    const premium = premiumIndex(dec(v.inputs, 'impact_bid_px'), oracle, oracle);
    expectDecimal(premium, dec(v.expected, 'premium'), tolerance(v), 'premium');
    const hl = premiumInterest(
      dec(v.inputs, 'interest_rate'),
      dec(v.inputs, 'clamp'),
      new Decimal('0.32'),
      HOUR,
    );
    const rate = fundingRateFromPremium(hl.rate, premium);
    expectDecimal(
      rate.minus(premium),
      dec(v.expected, 'clamped_difference'),
      tolerance(v),
      'clamped difference',
    );
    expectDecimal(rate, dec(v.expected, 'funding_rate'), tolerance(v), '8-hour rate');
    // The vector's note: paid hourly at one eighth, 0.0095 / 8 = 0.0011875.
    expectExact(annualizedFundingRate(rate, hl).perInterval, '0.0011875', 'hourly rate');
  });

  check(
    'HL-FUND-PAYMENT',
    'Hyperliquid pays 10 · oracle 10 000 · 0.00125 % = 1.25 on the oracle, not the mark',
    (v) => {
      const hourly = dec(v.inputs, 'funding_rate_hourly');
      const market = {
        id: 'BTC',
        kind: 'linear',
        baseAsset: 'BTC',
        quoteAsset: 'USDC',
        marginSchedule: flat,
        // an 8-hour rate paid hourly at one eighth: the 8-hour rate is 8 · the hourly rate = 0.0001
        fundingSchedule: {
          intervalMs: HOUR,
          ratePeriodMs: 8 * HOUR,
          paymentPrice: 'oracle',
          rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.32' },
        },
      } as const;
      const rate8h = hourly.times(8);
      const account = createMarginAccount({
        settleAsset: 'USDC',
        markets: [market],
        collateral: [{ asset: 'USDC', amount: 100_000 }],
        positions: [
          { marketId: 'BTC', size: dec(v.inputs, 'position_size'), entryPrice: 10_000, marginMode: 'cross' },
        ],
      });
      const prices = createPrices({
        markets: { BTC: { oracle: dec(v.inputs, 'oracle_price'), mark: dec(v.inputs, 'mark_price') } },
      });
      const later = withProjectedFunding(account, prices, {
        fromMs: 0,
        toMs: HOUR,
        scenario: { kind: 'constant', rate: rate8h },
      });
      const paid = later.positions[0]?.unsettledFunding ?? new Decimal(Number.NaN);
      expectDecimal(paid, dec(v.expected, 'payment'), tolerance(v), 'payment');
      // the same through fundingPayment; on the mark it would have been 10 · 10 100 · 0.0000125 = 1.2625
      const m = createMarket(market);
      expectExact(
        fundingPayment(m, dec(v.inputs, 'position_size'), dec(v.inputs, 'oracle_price'), rate8h),
        paid,
      );
      expect(paid.equals('1.2625')).toBe(false);
    },
  );

  check('LIGHTER-FUND', 'Lighter: small clamp, big clamp ±4 % on the 8-hour rate, then /8', (v) => {
    expectExact(dec(v.inputs, 'premium_multiplier'), 1, 'premium multiplier');
    const lighter = premiumInterest(
      dec(v.inputs, 'interest_rate'),
      dec(v.inputs, 'small_clamp'),
      dec(v.inputs, 'big_clamp'),
      HOUR,
    );
    const rate = fundingRateFromPremium(lighter.rate, dec(v.inputs, 'premium'));
    expectDecimal(rate, dec(v.expected, 'small_clamped_premium'), tolerance(v), 'clamped 8-hour rate');
    expectDecimal(
      annualizedFundingRate(rate, lighter).perInterval,
      dec(v.expected, 'funding_rate_hourly'),
      tolerance(v),
      'hourly rate',
    );
  });

  it('every funding vector of cex.json is run or deferred', () => {
    expect(funding.length).toBe(9);
    expectAccountedFor(suite, deferred, {}, {});
  });
});

describe('funding conformance: dydx.json', () => {
  const all = loadVectors('dydx.json');
  const FUNDING = /funding|premium|settlement/i;
  const indexed = all
    .map((v, i) => ({ v, name: `dydx#${i}` }))
    .filter(({ v }) => FUNDING.test(`${v.source} ${v.description}`));
  const names = new Map(indexed.map(({ v, name }) => [v, name]));
  const suite = conformance(
    indexed.map(({ v }) => v),
    (v) => names.get(v) ?? '?',
  );
  const { check } = suite;

  const PREMIUM_VOTE =
    'premium vote from the impact prices of the order book (memclob GetPremiumPrice: impact notional walked in subticks and quantums, ppm rounding); the library has no order-book premium vote';
  const deferred: Record<string, string> = {
    'dydx#56': PREMIUM_VOTE,
    'dydx#57': PREMIUM_VOTE,
    'dydx#58': PREMIUM_VOTE,
    'dydx#59': PREMIUM_VOTE,
  };

  /** A raw funding index in USDC per coin. */
  const humanIndex = (index: Decimal, atomicResolution: number) =>
    index.times(new Decimal(10).pow(-12 - atomicResolution));
  const num = (value: unknown, ...path: (string | number)[]) => dec(value, ...path).toNumber();

  for (const id of ['dydx#14', 'dydx#15']) {
    check(id, 'funding clamp floor(factor · (IMF − floor(IMF · MF))) in ppm', (v) => {
      const bound = dydxFundingRateClampPpm(
        dec(v.inputs, 'raw', 'clamp_factor_ppm'),
        dec(v.inputs, 'raw', 'initial_margin_ppm'),
        dec(v.inputs, 'raw', 'maintenance_fraction_ppm'),
      );
      expectExact(bound, dec(v.expected, 'raw', 'max_abs_ppm'), 'clamp ppm');
    });
  }

  it('dydx#14 in human units equals the generic bound 6 · (IMF − MMF)', () => {
    // IMF 15 %, MMF 15 % · 80 % = 12 %: 6 · 3 % = 18 % (no flooring bites here)
    expectExact(
      fundingRateBound('0.15', '0.12', 6),
      dec(suite.vector('dydx#14').expected, 'human', 'max_abs_rate_8h'),
    );
  });

  for (const [id, what] of [
    ['dydx#16', 'long 1 BTC, index 62 500 → 0: receives $6.25; NC 60 006.250001'],
    ['dydx#17', 'short 1 BTC, index 62 500 → 0: pays $6.25; NC −60 006.250001'],
  ] as const) {
    check(id, what, (v) => {
      // Both cases come from the same test: BTC at AR −8, price 5e9 · 10^−5.
      const AR = -8;
      const raw = v.inputs;
      const size = dec(raw, 'human', 'size_btc');
      const price = dec(raw, 'human', 'btc_price');
      const usdc = dec(raw, 'human', 'usdc');
      // Settle the position's index (human units) against the perpetual's: the amount goes to unsettled funding.
      const position = createPosition({
        marketId: 'BTC',
        size,
        entryPrice: price,
        marginMode: 'cross',
        fundingIndex: humanIndex(dec(raw, 'raw', 'position_funding_index'), AR),
      });
      const settled = settleFundingIndex(
        position,
        humanIndex(dec(raw, 'raw', 'perpetual_funding_index'), AR),
      );
      expectExact(settled.payment.abs(), '6.25', 'funding');
      // dYdX NC = USDC + size · oracle; modelled as collateral USDC + size · entry with entry = oracle (uPnL 0).
      const account = createMarginAccount({
        settleAsset: 'USDC',
        markets: [
          {
            id: 'BTC',
            kind: 'linear',
            baseAsset: 'BTC',
            quoteAsset: 'USDC',
            marginSchedule: { type: 'flat', initialFraction: 0, maintenanceFraction: 0 },
          },
        ],
        collateral: [{ asset: 'USDC', amount: usdc.plus(size.times(price)) }],
        positions: [settled.position],
      });
      const prices = createPrices({ markets: { BTC: { oracle: price, mark: price } } });
      const nc = summarizeAccount(account, prices, { priceSource: 'oracle' }).cross.equity;
      expectExact(nc, dec(v.expected, 'human', 'nc_usd'), 'NC');
      expectExact(nc.times(MILLION), dec(v.expected, 'raw', 'nc_qq'), 'NC in qq');
      // The chain's own integer path: USDC + B2Q(quantums) + floor(settlement / 1e6).
      const quantums = dec(raw, 'raw', 'quantums');
      const notionalQq = dydxBaseToQuoteQuantums(quantums, AR, 5_000_000_000, -5);
      const { usdcDelta } = dydxSettleFunding([
        {
          quantums,
          positionFundingIndex: dec(raw, 'raw', 'position_funding_index'),
          perpetualFundingIndex: dec(raw, 'raw', 'perpetual_funding_index'),
        },
      ]);
      expectExact(
        dec(raw, 'raw', 'usdc_qq').plus(notionalQq).plus(usdcDelta),
        dec(v.expected, 'raw', 'nc_qq'),
        'chain NC',
      );
    });
  }

  for (const id of ['dydx#46', 'dydx#47', 'dydx#48']) {
    check(id, 'funding index delta trunc(B2Q(Δt · rate) / 28 800)', (v) => {
      const r = v.inputs;
      const AR = num(r, 'raw', 'atomic_resolution');
      const delta = dydxFundingIndexDelta(
        dec(r, 'raw', 'funding_rate_8h_ppm'),
        dec(r, 'raw', 'time_since_last_funding_s'),
        AR,
        dec(r, 'raw', 'price'),
        num(r, 'raw', 'price_exponent'),
      );
      expectExact(delta, dec(v.expected, 'raw', 'funding_index_delta'), 'index delta');
      expectExact(
        humanIndex(delta, AR),
        dec(v.expected, 'human', 'index_delta_usd_per_coin'),
        'USD per coin',
      );
      // The exact (untruncated) index of the generic function lies within one chain unit, on the side of zero.
      const market = createMarket({
        id: 'P',
        kind: 'linear',
        baseAsset: 'P',
        quoteAsset: 'USD',
        marginSchedule: flat,
        fundingSchedule: {
          intervalMs: HOUR,
          ratePeriodMs: 8 * HOUR,
          paymentPrice: 'oracle',
          rate: { type: 'clamped-premium', cap: 10 },
        },
      });
      const exact = fundingIndexDelta(
        market,
        dec(r, 'human', 'oracle_price_usd'),
        dec(r, 'human', 'rate_8h'),
        num(r, 'raw', 'time_since_last_funding_s') * 1000,
      );
      const unit = humanIndex(new Decimal(1), AR);
      const gap = exact.minus(humanIndex(delta, AR));
      expect(gap.abs().lessThan(unit)).toBe(true);
      expect(gap.isZero() || gap.isNegative() === exact.isNegative()).toBe(true);
    });
  }

  // Liquidity tiers of the unit tests (protocol/testutil/constants/perpetuals.go, dydx-v4.md §2), named in each
  // case's `market` text, and the genesis funding_rate_clamp_factor_ppm of 6 000 000.
  const tiers: Record<string, { imf: number; mf: number }> = {
    'dydx#49': { imf: 1_000_000, mf: 750_000 }, // LT1: IMF 100 %, MF 75 %
    'dydx#50': { imf: 200_000, mf: 900_000 }, // LT6: IMF 20 %, MF 90 % (MM 18 %, clamp 12 %)
    'dydx#51': { imf: 1_000_000, mf: 750_000 }, // LT1
    'dydx#52': { imf: 1_000_000, mf: 750_000 }, // LT1
  };
  /** "60 x 1000" or "75 x 1000 + 25 x 5000" as a list of samples. */
  const samples = (text: string) =>
    text.split('+').flatMap((part) => {
      const match = /^\s*(\d+)\s*x\s*(-?\d+)\s*$/.exec(part);
      if (!match) throw new Error(`cannot read samples '${text}'`);
      return Array<string>(Number(match[1])).fill(match[2] ?? '');
    });

  for (const id of ['dydx#49', 'dydx#50', 'dydx#51', 'dydx#52']) {
    check(id, 'funding tick: padded mean + default, clamped; index delta of the hour', (v) => {
      const r = v.inputs;
      const tier = tiers[id];
      if (!tier) throw new Error(`no tier for ${id}`);
      expect(str(r, 'raw', 'market')).toMatch(id === 'dydx#50' ? /LT6/ : /LT1/);
      const clamp = dydxFundingRateClampPpm(6_000_000, tier.imf, tier.mf);
      const tickS = num(r, 'raw', 'funding_tick_duration_s');
      const expectedSamples = Math.ceil(tickS / num(r, 'raw', 'funding_sample_duration_s'));
      const rate = dydxFundingTickRate(
        samples(str(r, 'raw', 'premium_samples_ppm')),
        expectedSamples,
        0,
        clamp,
      );
      expectExact(rate, dec(v.expected, 'raw', 'funding_value_ppm_8h'), '8-hour rate ppm');
      expectExact(rate.div(MILLION), dec(v.expected, 'human', 'rate_8h'), '8-hour rate');
      // the indexer's hourly rate: rate8h / 1e6 / 8
      expectExact(rate.div(MILLION).div(8), dec(v.expected, 'human', 'rate_1h_indexer'), 'hourly rate');
      const AR = num(r, 'raw', 'atomic_resolution');
      const delta = dydxFundingIndexDelta(
        rate,
        tickS,
        AR,
        dec(r, 'raw', 'price'),
        num(r, 'raw', 'price_exponent'),
      );
      expectExact(delta, dec(v.expected, 'raw', 'funding_index_delta'), 'index delta');
      expectExact(humanIndex(delta, AR), dec(v.expected, 'human', 'index_delta_usd_per_btc'), 'USD per BTC');
    });
  }

  check('dydx#53', 'settlement ppm −(I_perp − I_pos) · q', (v) => {
    const { settlementPpm } = dydxSettleFunding([
      {
        quantums: dec(v.inputs, 'raw', 'quantums'),
        positionFundingIndex: dec(v.inputs, 'raw', 'position_funding_index'),
        perpetualFundingIndex: dec(v.inputs, 'raw', 'perpetual_funding_index'),
      },
    ]);
    expectExact(
      settlementPpm[0] ?? new Decimal(Number.NaN),
      dec(v.expected, 'raw', 'net_settlement_ppm'),
      'ppm',
    );
  });

  check('dydx#54', 'a receiver of 8.5 qq is credited 8 (floor)', (v) => {
    const r = v.inputs;
    const settled = dydxSettleFunding([
      {
        quantums: dec(r, 'raw', 'quantums'),
        positionFundingIndex: dec(r, 'raw', 'position_funding_index'),
        perpetualFundingIndex: dec(r, 'raw', 'perpetual_funding_index'),
      },
    ]);
    expectExact(
      settled.payments[0] ?? new Decimal(Number.NaN),
      dec(v.expected, 'raw', 'funding_payment_qq'),
      'payment',
    );
    const after = dec(r, 'raw', 'usdc_qq')
      .plus(dec(r, 'raw', 'usdc_update_qq'))
      .plus(settled.usdcDelta);
    expectExact(after, dec(v.expected, 'raw', 'usdc_after_qq'), 'USDC after');
  });

  check('dydx#55', 'two shorts pay 500 and 4 000 qq; USDC summed and floored once', (v) => {
    const r = v.inputs;
    const legs = [0, 1].map((i) => ({
      perp: str(r, 'raw', 'positions', i, 'perp'),
      quantums: dec(r, 'raw', 'positions', i, 'quantums'),
      positionFundingIndex: dec(r, 'raw', 'positions', i, 'position_funding_index'),
      perpetualFundingIndex: dec(r, 'raw', 'positions', i, 'perpetual_funding_index'),
    }));
    const settled = dydxSettleFunding(legs);
    legs.forEach((leg, i) => {
      expectExact(
        settled.payments[i] ?? new Decimal(Number.NaN),
        dec(v.expected, 'raw', 'funding_payments_qq', leg.perp),
        `${leg.perp} payment`,
      );
    });
    expectExact(
      dec(r, 'raw', 'usdc_qq').plus(settled.usdcDelta),
      dec(v.expected, 'raw', 'usdc_after_settlement_qq'),
      'USDC after',
    );
  });

  for (const id of ['dydx#62', 'dydx#63']) {
    check(id, 'indexer unsettled funding size · (I_last − I_latest) = −settleFundingIndex payment', (v) => {
      const h = v.inputs;
      const position = createPosition({
        marketId: 'ETH-USD',
        size: dec(h, 'human', 'size'),
        entryPrice: 1,
        marginMode: 'cross',
        fundingIndex: dec(h, 'human', 'last_update_funding_index'),
      });
      const { payment } = settleFundingIndex(position, dec(h, 'human', 'latest_funding_index'));
      // The indexer reports what the account receives; the library's payment is what it pays.
      expectExact(payment.negated(), dec(v.expected, 'human', 'unsettled_funding'), 'unsettled funding');
    });
  }

  it('every funding vector of dydx.json is run or deferred', () => {
    expect(indexed.map(({ name }) => name)).toEqual([
      'dydx#14',
      'dydx#15',
      'dydx#16',
      'dydx#17',
      ...[46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59].map((i) => `dydx#${i}`),
      'dydx#62',
      'dydx#63',
    ]);
    expectAccountedFor(suite, deferred, {}, {});
  });
});
