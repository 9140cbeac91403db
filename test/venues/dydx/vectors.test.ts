// The chain-arithmetic cases of vectors/dydx.json run exactly through the dYdX v4 venue model: every integer
// (quote quantums, ppm, subticks) is compared with `toString()` equality, no tolerance. Cases are named
// `dydx#<index>` as in test/conformance/dydx.test.ts. Front-end (v4-abacus) cases run through the indexer adapter.

import { describe, expect, it } from 'vitest';
import { type Decimal, liquidationPrice, summarizeAccount } from '../../../src/index.js';
import { dydxAdjustedInitialMarginPpm } from '../../../src/venues/dydx/adjustedInitialMarginPpm.js';
import { dydxBankruptcyQuoteQuantums } from '../../../src/venues/dydx/bankruptcyQuoteQuantums.js';
import { dydxCheckMatch } from '../../../src/venues/dydx/checkMatch.js';
import { dydxCompareRisk } from '../../../src/venues/dydx/compareRisk.js';
import type { DydxPerpetual } from '../../../src/venues/dydx/DydxPerpetual.js';
import { dydxFillablePrice } from '../../../src/venues/dydx/fillablePrice.js';
import { fromDydxIndexerSubaccount } from '../../../src/venues/dydx/fromDydxIndexerSubaccount.js';
import { dydxFundingIndexDelta } from '../../../src/venues/dydx/fundingIndexDelta.js';
import { dydxFundingRateClampPpm } from '../../../src/venues/dydx/fundingRateClampPpm.js';
import { dydxFundingTickRate } from '../../../src/venues/dydx/fundingTickRate.js';
import { dydxInitialMarginQuoteQuantums } from '../../../src/venues/dydx/initialMarginQuoteQuantums.js';
import { dydxIsInitialCollateralized } from '../../../src/venues/dydx/isInitialCollateralized.js';
import { dydxIsLiquidatable } from '../../../src/venues/dydx/isLiquidatable.js';
import { dydxLiquidationInsuranceFundDelta } from '../../../src/venues/dydx/liquidationInsuranceFundDelta.js';
import { dydxPositionBlockLimits } from '../../../src/venues/dydx/positionBlockLimits.js';
import { dydxPositionRisk } from '../../../src/venues/dydx/positionRisk.js';
import { dydxPremiumVotePpm } from '../../../src/venues/dydx/premiumVotePpm.js';
import { dydxPriceToSubticks } from '../../../src/venues/dydx/priceToSubticks.js';
import { dydxBaseToQuoteQuantums } from '../../../src/venues/dydx/quantums.js';
import { dydxSettleFunding } from '../../../src/venues/dydx/settleFunding.js';
import { dydxSizeToQuantums } from '../../../src/venues/dydx/sizeToQuantums.js';
import { dydxSubaccountRisk } from '../../../src/venues/dydx/subaccountRisk.js';
import { at, bool, dec, loadVectors, str, type Vector } from '../../conformance/harness.js';

const vectors = loadVectors('dydx.json');
const covered = new Set<number>();

/** Defines the test of vector `i`. */
function vector(i: number, what: string, body: (v: Vector) => void): void {
  const v = vectors[i];
  if (!v) throw new Error(`no vector ${i}`);
  covered.add(i);
  it(`dydx#${i}: ${what}`, () => body(v));
}

const raw = (v: Vector, ...path: (string | number)[]) => dec(v.inputs, 'raw', ...path);
const want = (v: Vector, ...path: (string | number)[]) => dec(v.expected, 'raw', ...path).toFixed();
const s = (d: Decimal) => d.toFixed();
const num = (d: Decimal) => d.toNumber();

/** Greatest common divisor of two integers, as a string. */
function gcd(a: Decimal, b: Decimal): string {
  let [x, y] = [a.abs(), b.abs()];
  while (!y.isZero()) [x, y] = [y, x.mod(y)];
  return s(x);
}

/** The single perpetual of a flat vector (`atomic_resolution`, `price`, `price_exponent`, tier ppm, OI). */
function flatPerpetual(v: Vector): DydxPerpetual {
  const r = v.inputs as { raw: Record<string, unknown> };
  const opt = (key: string) => (key in r.raw ? raw(v, key) : undefined);
  return {
    atomicResolution: num(raw(v, 'atomic_resolution')),
    price: raw(v, 'price'),
    exponent: num(raw(v, 'price_exponent')),
    initialMarginPpm: opt('initial_margin_ppm') ?? 0,
    maintenanceFractionPpm: opt('maintenance_fraction_ppm') ?? 0,
    openInterestLowerCap: opt('open_interest_lower_cap_qq') ?? 0,
    openInterestUpperCap: opt('open_interest_upper_cap_qq') ?? 0,
    openInterest: opt('open_interest_base_quantums') ?? 0,
  };
}

/** The markets of the liquidation vectors (`markets` keyed by perp). */
function marketsOf(v: Vector): Record<string, DydxPerpetual> {
  const markets = at(v.inputs, 'raw', 'markets') as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(markets).map((id) => [
      id,
      {
        atomicResolution: num(raw(v, 'markets', id, 'atomic_resolution')),
        price: raw(v, 'markets', id, 'price'),
        exponent: num(raw(v, 'markets', id, 'price_exponent')),
        initialMarginPpm: raw(v, 'markets', id, 'initial_margin_ppm'),
        maintenanceFractionPpm: raw(v, 'markets', id, 'maintenance_fraction_ppm'),
      },
    ]),
  );
}

/** The subaccount of the liquidation vectors. */
function subaccountOf(v: Vector) {
  const positions = at(v.inputs, 'raw', 'positions') as unknown[];
  return {
    usdcQuantums: raw(v, 'usdc_qq'),
    positions: positions.map((_, k) => ({
      perpetualId: str(v.inputs, 'raw', 'positions', k, 'perp'),
      quantums: raw(v, 'positions', k, 'quantums'),
    })),
  };
}

describe('per-position requirements (x/perpetuals lib.go, liquidity_tier.go)', () => {
  for (const [i, what] of [
    [0, 'short 0.005 at $420,000, IMF 1 %, MF 50 %: IMR 21 000 000, MMR 10 500 000'],
    [1, 'MMR = ceil(2 300 077 872 · 0.6) = 1 380 046 724 (rounded up)'],
    [2, 'OI $36.75M ≥ upper cap: IMF 100 %, MMR on the base IMF'],
    [3, 'AR 4, OI far above the cap: IMR = notional'],
  ] as const) {
    vector(i, what, (v) => {
      const r = dydxPositionRisk(flatPerpetual(v), raw(v, 'quantums'));
      expect(s(r.initialMargin)).toBe(want(v, 'imr_qq'));
      expect(s(r.maintenanceMargin)).toBe(want(v, 'mmr_qq'));
    });
  }

  vector(4, 'net notional of a short truncated toward zero: −123 456 789 (exact −123 456 789.123)', (v) => {
    const r = dydxPositionRisk(flatPerpetual(v), raw(v, 'quantums'));
    expect(s(r.netNotional)).toBe(want(v, 'net_notional_qq'));
    expect(s(r.netCollateral)).toBe(want(v, 'net_notional_qq'));
    // the long side is the mirror image
    expect(s(dydxPositionRisk(flatPerpetual(v), raw(v, 'quantums').negated()).netNotional)).toBe('123456789');
  });

  for (const [i, what] of [
    [5, '123 456 qq at 56.7243 %: ceil(70 029.55) = 70 030'],
    [6, '1 qq at 10 %: rounds up to 1'],
    [7, 'IMF 20 % scaled halfway to 60 %: 300 000'],
    [8, 'scaled IMF floored to 271 393 ppm, IMR ceil(135 696.5) = 135 697'],
  ] as const) {
    vector(i, what, (v) => {
      const r = v.inputs as { raw: Record<string, unknown> };
      const tier = {
        initialMarginPpm: raw(v, 'initial_margin_ppm'),
        maintenanceFractionPpm: 0,
        openInterestLowerCap:
          'open_interest_lower_cap_qq' in r.raw ? raw(v, 'open_interest_lower_cap_qq') : 0,
        openInterestUpperCap:
          'open_interest_upper_cap_qq' in r.raw ? raw(v, 'open_interest_upper_cap_qq') : 0,
      };
      const imr = dydxInitialMarginQuoteQuantums(tier, raw(v, 'notional_qq'), raw(v, 'oi_notional_qq'));
      expect(s(imr)).toBe(want(v, 'imr_qq'));
    });
  }

  for (const [i, what] of [
    [9, 'OI halfway between the caps: 600 000 ppm'],
    [10, 'OI 1 234 567 qq: 387 653.6 floored to 387 653'],
    [11, 'OI at the lower cap: base IMF'],
    [12, 'OI at the upper cap: 1 000 000'],
    [13, 'upper cap 0: scaling off'],
  ] as const) {
    vector(i, what, (v) => {
      const ppm = dydxAdjustedInitialMarginPpm(
        {
          initialMarginPpm: raw(v, 'initial_margin_ppm'),
          maintenanceFractionPpm: 0,
          openInterestLowerCap: raw(v, 'open_interest_lower_cap_qq'),
          openInterestUpperCap: raw(v, 'open_interest_upper_cap_qq'),
        },
        raw(v, 'oi_notional_qq'),
      );
      expect(s(ppm)).toBe(want(v, 'adjusted_imf_ppm'));
    });
  }
});

describe('funding clamp, index, tick and settlement (x/perpetuals)', () => {
  for (const i of [14, 15]) {
    vector(i, 'funding clamp floor(factor · (IMF − floor(IMF · MF)))', (v) => {
      const bound = dydxFundingRateClampPpm(
        raw(v, 'clamp_factor_ppm'),
        raw(v, 'initial_margin_ppm'),
        raw(v, 'maintenance_fraction_ppm'),
      );
      expect(s(bound)).toBe(want(v, 'max_abs_ppm'));
    });
  }

  for (const i of [46, 47, 48]) {
    vector(i, 'funding index delta trunc(B2Q(Δt · rate) / 28 800)', (v) => {
      const delta = dydxFundingIndexDelta(
        raw(v, 'funding_rate_8h_ppm'),
        raw(v, 'time_since_last_funding_s'),
        num(raw(v, 'atomic_resolution')),
        raw(v, 'price'),
        num(raw(v, 'price_exponent')),
      );
      expect(s(delta)).toBe(want(v, 'funding_index_delta'));
    });
  }

  /** "60 x 1000 + 25 x 5000" → the samples. */
  function samples(text: string): number[] {
    return text.split('+').flatMap((part) => {
      const [count, value] = part.split('x').map((t) => Number(t.trim()));
      return Array<number>(count ?? 0).fill(value ?? 0);
    });
  }

  for (const i of [49, 50, 51, 52]) {
    vector(i, 'funding tick: padded mean + default, clamped; index delta of one hour', (v) => {
      const market = str(v.inputs, 'raw', 'market');
      // LT1: IMF 100 %, MF 75 %; LT6: IMF 20 %, MF 90 % (testutil/constants/perpetuals.go); factor 600 %.
      const clamp = market.includes('LT6')
        ? dydxFundingRateClampPpm(6_000_000, 200_000, 900_000)
        : dydxFundingRateClampPpm(6_000_000, 1_000_000, 750_000);
      const tick = num(raw(v, 'funding_tick_duration_s'));
      const rate = dydxFundingTickRate(
        samples(str(v.inputs, 'raw', 'premium_samples_ppm')),
        tick / num(raw(v, 'funding_sample_duration_s')),
        0,
        clamp,
      );
      expect(s(rate)).toBe(want(v, 'funding_value_ppm_8h'));
      const delta = dydxFundingIndexDelta(
        rate,
        tick,
        num(raw(v, 'atomic_resolution')),
        raw(v, 'price'),
        num(raw(v, 'price_exponent')),
      );
      expect(s(delta)).toBe(want(v, 'funding_index_delta'));
    });
  }

  vector(53, 'settlement −(I_perp − I_pos) · q in ppm quote quantums', (v) => {
    const settled = dydxSettleFunding([
      {
        quantums: raw(v, 'quantums'),
        positionFundingIndex: raw(v, 'position_funding_index'),
        perpetualFundingIndex: raw(v, 'perpetual_funding_index'),
      },
    ]);
    expect(settled.settlementPpm.map(s)).toEqual([want(v, 'net_settlement_ppm')]);
  });

  vector(54, 'a receiver of 8.5 qq is credited 8; USDC −100 update lands at −92', (v) => {
    const settled = dydxSettleFunding([
      {
        quantums: raw(v, 'quantums'),
        positionFundingIndex: raw(v, 'position_funding_index'),
        perpetualFundingIndex: raw(v, 'perpetual_funding_index'),
      },
    ]);
    expect(settled.payments.map(s)).toEqual([want(v, 'funding_payment_qq')]);
    expect(s(raw(v, 'usdc_qq').plus(settled.usdcDelta).plus(raw(v, 'usdc_update_qq')))).toBe(
      want(v, 'usdc_after_qq'),
    );
  });

  vector(55, 'two shorts pay 500 and 4 000 qq; USDC 99 999 995 500', (v) => {
    const settled = dydxSettleFunding(
      [0, 1].map((k) => ({
        quantums: raw(v, 'positions', k, 'quantums'),
        positionFundingIndex: raw(v, 'positions', k, 'position_funding_index'),
        perpetualFundingIndex: raw(v, 'positions', k, 'perpetual_funding_index'),
      })),
    );
    expect(settled.payments.map(s)).toEqual([
      want(v, 'funding_payments_qq', 'BTC'),
      want(v, 'funding_payments_qq', 'ETH'),
    ]);
    expect(s(raw(v, 'usdc_qq').plus(settled.usdcDelta))).toBe(want(v, 'usdc_after_settlement_qq'));
  });
});

describe('subaccount risk (x/subaccounts, lib/margin/risk.go)', () => {
  const btc16 = (v: Vector): DydxPerpetual => ({
    atomicResolution: -8,
    price: 5_000_000_000,
    exponent: -5,
    initialMarginPpm: 0,
    maintenanceFractionPpm: 0,
    fundingIndex: raw(v, 'perpetual_funding_index'),
  });

  for (const [i, what] of [
    [16, 'long 1 BTC with 6.25 USDC of unsettled funding received: NC 60 006 250 001'],
    [17, 'short 1 BTC paying 6.25 USDC of unsettled funding: NC −60 006 250 001'],
  ] as const) {
    vector(i, what, (v) => {
      // Vector 17 states only what differs from 16: BTC at AR −8, $50,000, liquidity tier 0/0.
      const risk = dydxSubaccountRisk(
        {
          usdcQuantums: raw(v, 'usdc_qq'),
          positions: [
            {
              perpetualId: 'BTC',
              quantums: raw(v, 'quantums'),
              fundingIndex: raw(v, 'position_funding_index'),
            },
          ],
        },
        { BTC: btc16(v) },
      );
      expect(s(risk.netCollateral)).toBe(want(v, 'nc_qq'));
      expect(risk.maintenanceMargin.isZero()).toBe(true);
    });
  }

  vector(18, 'two perps: NC 5 110, IMR 1 500, MMR 750', (v) => {
    const perpetuals = Object.fromEntries(
      [0, 1].map((k) => [
        `P${num(raw(v, 'positions', k, 'perp'))}`,
        {
          atomicResolution: num(raw(v, 'positions', k, 'atomic_resolution')),
          price: raw(v, 'positions', k, 'price'),
          exponent: num(raw(v, 'positions', k, 'price_exponent')),
          initialMarginPpm: raw(v, 'initial_margin_ppm'),
          maintenanceFractionPpm: raw(v, 'maintenance_fraction_ppm'),
        },
      ]),
    );
    const risk = dydxSubaccountRisk(
      {
        usdcQuantums: raw(v, 'usdc_qq'),
        positions: [0, 1].map((k) => ({
          perpetualId: `P${num(raw(v, 'positions', k, 'perp'))}`,
          quantums: raw(v, 'positions', k, 'quantums'),
        })),
      },
      perpetuals,
    );
    expect(s(risk.netCollateral)).toBe(want(v, 'nc_qq'));
    expect(s(risk.initialMargin)).toBe(want(v, 'imr_qq'));
    expect(s(risk.maintenanceMargin)).toBe(want(v, 'mmr_qq'));
  });

  for (const [i, what] of [
    [19, 'NC 1 000 = IMR: collateralized, not liquidatable'],
    [20, 'NC 500 = MMR: not liquidatable (strict)'],
    [21, 'NC 499 < MMR 500: liquidatable'],
  ] as const) {
    vector(i, what, (v) => {
      const risk = dydxSubaccountRisk(
        {
          usdcQuantums: raw(v, 'usdc_qq'),
          positions: [{ perpetualId: 'BTC', quantums: raw(v, 'quantums') }],
        },
        { BTC: flatPerpetual(v) },
      );
      expect(dydxIsLiquidatable(risk)).toBe(bool(v.expected, 'raw', 'is_liquidatable'));
      expect(s(risk.maintenanceMargin)).toBe('500000000');
      expect(dydxIsInitialCollateralized(risk)).toBe(i === 19);
    });
  }

  for (const [i, what] of [
    [22, 'NC = MMR = 100: not liquidatable'],
    [23, 'NC −100 with MMR 0: never liquidatable'],
  ] as const) {
    vector(i, what, (v) => {
      const risk = { netCollateral: raw(v, 'nc'), maintenanceMargin: raw(v, 'mmr') };
      expect(dydxIsLiquidatable(risk)).toBe(bool(v.expected, 'raw', 'is_liquidatable'));
    });
  }

  vector(24, 'same ratio NC/MMR = 2: the smaller MMR is less risky (−1)', (v) => {
    const first = { netCollateral: raw(v, 'first', 'nc'), maintenanceMargin: raw(v, 'first', 'mmr') };
    const second = { netCollateral: raw(v, 'second', 'nc'), maintenanceMargin: raw(v, 'second', 'mmr') };
    expect(dydxCompareRisk(first, second)).toBe(num(dec(v.expected, 'raw', 'cmp')));
    expect(dydxCompareRisk(second, first)).toBe(-num(dec(v.expected, 'raw', 'cmp')));
  });

  for (const [i, what, ppm] of [
    [25, 'post-trade OI $25,000,050: IMF 200 001 ppm, IMR 900 004 500 000 > NC', '200001'],
    [26, 'post-trade OI $29,500,000: IMF 344 000 ppm', '344000'],
  ] as const) {
    vector(i, what, (v) => {
      // BTC on liquidity tier 9 of the chain's test constants: IMF 20 %, MF 50 %, caps 25M … 50M USDC.
      const BTC: DydxPerpetual = {
        atomicResolution: num(raw(v, 'atomic_resolution')),
        price: raw(v, 'price'),
        exponent: num(raw(v, 'price_exponent')),
        initialMarginPpm: 200_000,
        maintenanceFractionPpm: 500_000,
        openInterestLowerCap: 25_000_000_000_000,
        openInterestUpperCap: 50_000_000_000_000,
        openInterest: raw(v, 'open_interest_before_bq'),
      };
      const flat = { usdcQuantums: raw(v, 'each_side_usdc_qq'), positions: [] };
      const check = dydxCheckMatch({ BTC }, 'BTC', [
        { subaccount: flat, quantumsDelta: 9_000_000_000, usdcDelta: -4_500_000_000_000 },
        { subaccount: flat, quantumsDelta: -9_000_000_000, usdcDelta: 4_500_000_000_000 },
      ]);
      expect(check.success).toBe(bool(v.expected, 'raw', 'success'));
      expect(check.results[0]).toBe(str(v.expected, 'raw', 'result'));
      expect(check.results[1]).toBe(str(v.expected, 'raw', 'result'));
      expect(s(check.openInterestDelta)).toBe('9000000000');
      const next = check.risks[0]?.next.positions[0];
      expect(next && s(next.adjustedInitialMarginPpm)).toBe(ppm);
      if (i === 25) expect(next && s(next.initialMargin)).toBe('900004500000');
      // At the pre-trade open interest the same fill passes: IMF 20 %, IMR = NC = 900 000 USDC.
      const before = dydxCheckMatch({ BTC: { ...BTC, openInterest: 0 } }, 'BTC', [
        { subaccount: flat, quantumsDelta: 9_000_000_000, usdcDelta: -4_500_000_000_000 },
        { subaccount: flat, quantumsDelta: -9_000_000_000, usdcDelta: 4_500_000_000_000 },
      ]);
      expect(before.success).toBe(true);
    });
  }
});

describe('liquidation (x/clob/keeper/liquidations.go)', () => {
  for (let i = 27; i <= 34; i += 1) {
    vector(i, 'bankruptcy quote −ΔNNV − floor(TNC · |ΔMMR| / TMMR)', (v) => {
      const bq = dydxBankruptcyQuoteQuantums(
        subaccountOf(v),
        marketsOf(v),
        str(v.inputs, 'raw', 'perp_closed'),
        raw(v, 'delta_quantums'),
      );
      expect(s(bq)).toBe(want(v, 'bankruptcy_quote_qq'));
    });
  }

  for (let i = 35; i <= 39; i += 1) {
    vector(i, 'fillable price (PNNV − ABR · SMMR · PMMR) / PS, exact', (v) => {
      const fp = dydxFillablePrice(subaccountOf(v), marketsOf(v), str(v.inputs, 'raw', 'perp_liquidated'), {
        bankruptcyAdjustmentPpm: raw(v, 'bankruptcy_adjustment_ppm'),
        spreadToMaintenanceMarginRatioPpm: raw(v, 'spread_to_maintenance_margin_ratio_ppm'),
      });
      // The vector writes the test's `big.NewRat(num, den)` arguments, not always in lowest terms (49 998/100):
      // compare as rationals, and check the result is reduced as a big.Rat is.
      const n = dec(v.expected, 'raw', 'fillable_price_qq_per_bq', 'num');
      const d = dec(v.expected, 'raw', 'fillable_price_qq_per_bq', 'den');
      expect(s(fp.numerator.times(d))).toBe(s(n.times(fp.denominator)));
      expect(gcd(fp.numerator, fp.denominator)).toBe('1');
    });
  }

  for (let i = 40; i <= 44; i += 1) {
    vector(i, 'insurance fund delta of a full close', (v) => {
      const BTC: DydxPerpetual = {
        atomicResolution: num(raw(v, 'market', 'atomic_resolution')),
        price: raw(v, 'market', 'price'),
        exponent: num(raw(v, 'market', 'price_exponent')),
        initialMarginPpm: raw(v, 'market', 'initial_margin_ppm'),
        maintenanceFractionPpm: raw(v, 'market', 'maintenance_fraction_ppm'),
      };
      const result = dydxLiquidationInsuranceFundDelta(
        {
          usdcQuantums: raw(v, 'usdc_qq'),
          positions: [{ perpetualId: 'BTC', quantums: raw(v, 'position_quantums') }],
        },
        { BTC },
        {
          perpetualId: 'BTC',
          isBuy: bool(v.inputs, 'raw', 'is_buy'),
          fillAmount: raw(v, 'fill_amount_bq'),
          subticks: raw(v, 'subticks'),
          quantumConversionExponent: num(raw(v, 'quantum_conversion_exponent')),
        },
        { maxLiquidationFeePpm: raw(v, 'max_liquidation_fee_ppm') },
      );
      expect(s(result.insuranceFundDelta)).toBe(want(v, 'insurance_fund_delta_qq'));
      // The bankruptcy quotes stated in the test comments: long 5 100 000 000, short −4 900 000 000.
      expect(s(result.bankruptcyQuoteQuantums)).toBe(
        bool(v.inputs, 'raw', 'is_buy') ? '-4900000000' : '5100000000',
      );
    });
  }

  vector(45, 'position block limits: min 100, max 25 000 000 000', (v) => {
    // BTC $50,000 at AR −8 (the vector's market): 1e8 bq = 1 BTC.
    const notional = dydxBaseToQuoteQuantums(raw(v, 'position_quantums'), -8, 5_000_000_000, -5);
    const limits = dydxPositionBlockLimits(notional, {
      minPositionNotionalLiquidated: raw(v, 'min_position_notional_liquidated_qq'),
      maxPositionPortionLiquidatedPpm: raw(v, 'max_position_portion_liquidated_ppm'),
    });
    expect(s(limits.minNotional)).toBe(want(v, 'min_notional_qq'));
    expect(s(limits.maxNotional)).toBe(want(v, 'max_notional_qq'));
  });
});

describe('premium votes (x/clob/memclob/memclob.go)', () => {
  for (const i of [56, 57, 58, 59]) {
    vector(i, 'impact price against the index, ppm toward zero, clamped', (v) => {
      const book = at(v.inputs, 'raw', 'orderbook_subticks_quantums') as Record<
        'bids' | 'asks',
        [number, number][]
      >;
      const levels = (side: 'bids' | 'asks') =>
        book[side].map(([subticks, quantums]) => ({ subticks, quantums }));
      const vote = dydxPremiumVotePpm({
        bids: levels('bids'),
        asks: levels('asks'),
        indexPrice: raw(v, 'index_price'),
        indexExponent: num(raw(v, 'index_price_exponent')),
        atomicResolution: num(raw(v, 'base_atomic_resolution')),
        // ClobPair_Btc of the chain's test constants: quantum conversion exponent −8.
        quantumConversionExponent: -8,
        impactNotional: raw(v, 'impact_notional_qq'),
        maxAbsPremiumVotePpm: raw(v, 'max_abs_premium_vote_ppm'),
      });
      expect(s(vote)).toBe(want(v, 'premium_ppm'));
    });
  }
});

describe('front-end numbers through the indexer adapter (v4-abacus V4CalculationTests)', () => {
  for (const [i, side] of [
    [60, 'long'],
    [61, 'short'],
  ] as const) {
    vector(i, `1 ETH ${side} at oracle 1 000: equity 100, free collateral 50, liquidation price`, (v) => {
      const h = (...path: string[]) => dec(v.inputs, 'human', ...path);
      const size = h('position_size');
      const usdc = h('usdc');
      const { account, prices, priceSource } = fromDydxIndexerSubaccount(
        {
          subaccount: {
            subaccountNumber: 0,
            openPerpetualPositions: {
              'ETH-USD': {
                market: 'ETH-USD',
                side: size.isNegative() ? 'SHORT' : 'LONG',
                size: size.toFixed(),
                entryPrice: h('market_ETH', 'oraclePrice').toFixed(),
              },
            },
            assetPositions: {
              USDC: {
                symbol: 'USDC',
                side: usdc.isNegative() ? 'SHORT' : 'LONG',
                size: usdc.abs().toFixed(),
              },
            },
          },
        },
        {
          markets: {
            'ETH-USD': {
              ticker: 'ETH-USD',
              oraclePrice: h('market_ETH', 'oraclePrice').toFixed(),
              initialMarginFraction: h('market_ETH', 'initialMarginFraction').toFixed(),
              maintenanceMarginFraction: h('market_ETH', 'maintenanceMarginFraction').toFixed(),
              openInterest: '0',
              atomicResolution: -9,
              tickSize: '0.1',
              stepSize: '0.001',
            },
          },
        },
      );
      const summary = summarizeAccount(account, prices, { priceSource });
      const e = (field: string) => dec(v.expected, 'human', field);
      expect(s(summary.cross.equity)).toBe(s(e('equity')));
      expect(s(summary.cross.freeCollateral)).toBe(s(e('freeCollateral')));
      const lp = liquidationPrice(account, prices, 'ETH-USD', { priceSource });
      expect(lp.kind).toBe('price');
      if (lp.kind !== 'price') return;
      // The vector holds a float64 print of 90 000/97 (long) or 110 000/103 (short).
      expect(Math.abs(lp.price.toNumber() - e('liquidationPrice').toNumber())).toBeLessThan(1e-9);
      expect(s(lp.price.times(i === 60 ? 97 : 103).toDecimalPlaces(20))).toBe(i === 60 ? '90000' : '110000');
    });
  }
});

describe('client conversions (v4-clients chain-helpers.ts)', () => {
  vector(65, 'price 8.45 → 845 000 000 subticks', (v) => {
    const subticks = dydxPriceToSubticks(
      raw(v, 'price'),
      num(raw(v, 'atomic_resolution')),
      num(raw(v, 'quantum_conversion_exponent')),
      raw(v, 'subticks_per_tick'),
    );
    expect(s(subticks)).toBe(want(v, 'subticks'));
  });

  vector(66, 'size 0.0003 → 3 000 000 base quantums', (v) => {
    const quantums = dydxSizeToQuantums(
      raw(v, 'size'),
      num(raw(v, 'atomic_resolution')),
      raw(v, 'step_base_quantums'),
    );
    expect(s(quantums)).toBe(want(v, 'quantums'));
  });
});

describe('dydx vector coverage', () => {
  it('runs every chain, client and front-end case; leaves only the indexer human-unit helpers', () => {
    const all = vectors.map((_, i) => i);
    // 62, 63: indexer unsettled funding in human units; 64: indexer MMF = IMF · MF exactly (no chain rounding).
    expect(all.filter((i) => !covered.has(i))).toEqual([62, 63, 64]);
  });
});
