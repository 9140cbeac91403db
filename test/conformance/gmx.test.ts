// Conformance of the GMX v2 venue model (src/venues/gmx) with GMX's own documents and tests (vectors/gmx.json):
// the gmx-synthetics README's worked examples, the gmx-interface SDK's unit tests and the gmx-synthetics exchange
// tests. Each case names its source file and commit; SOURCES.md lists them.

import { describe, expect, it } from 'vitest';
import {
  gmxBorrowingFactorPerSecond,
  gmxFundingFactorPerSecond,
  gmxFundingRates,
  gmxLiquidationCheck,
  gmxLiquidationPrice,
  gmxPositionFee,
  gmxPositionPriceImpact,
} from '../../src/index.js';
import {
  at,
  bool,
  conformance,
  dec,
  expectAccountedFor,
  expectExact,
  loadVectors,
  str,
  type Vector,
  vectorFileSha256,
} from './harness.js';

const FILE = 'gmx.json';
/** SHA-256 of the file (also in vectors/SOURCES.md); an edited copy fails this suite. */
const FILE_SHA256 = '8e622d724f08e6c4a5fcb86e1a2c54327e654b4f908f15af1d25e957bebb9d8d';

const vectors = loadVectors(FILE);
const suite = conformance(vectors, (v) => str(v, 'id'));
const { check } = suite;

describe('GMX v2 conformance (vectors/gmx.json)', () => {
  /** Runs a README impact example as a position order and checks both imbalances and the impact. */
  function readmeImpact(v: Vector) {
    const p = at(v.inputs, 'as_position');
    const pi = gmxPositionPriceImpact({
      longOpenInterest: dec(p, 'longOpenInterest'),
      shortOpenInterest: dec(p, 'shortOpenInterest'),
      isLong: bool(p, 'isLong'),
      sizeDeltaUsd: dec(p, 'sizeDeltaUsd'),
      positiveImpactFactor: dec(v.inputs, 'impactFactor'),
      negativeImpactFactor: dec(v.inputs, 'impactFactor'),
      impactExponent: dec(v.inputs, 'impactExponent'),
    });
    expectExact(pi.initialDiffUsd, dec(v.inputs, 'initialDiffUsd'), 'initial diff');
    expectExact(pi.nextDiffUsd, dec(v.inputs, 'nextDiffUsd'), 'next diff');
    expectExact(pi.priceImpactUsd, dec(v.expected, 'priceImpactUsd'), 'impact');
    return pi;
  }

  check('GMX-PI-README-01', 'imbalance $0 → $50,000 costs $500', (v) => {
    expect(readmeImpact(v).balanceWasImproved).toBe(false);
  });

  check('GMX-PI-README-02', 'imbalance $50,000 → $25,000 pays $375', (v) => {
    expect(readmeImpact(v).balanceWasImproved).toBe(true);
  });

  check('GMX-FEE-SDK-01', 'fee 95 after a referral discount of 5', (v) => {
    const i = v.inputs;
    const fee = gmxPositionFee({
      sizeDeltaUsd: dec(i, 'sizeDeltaUsd'),
      balanceWasImproved: bool(i, 'balanceWasImproved'),
      positionFeeFactorForBalanceWasImproved: dec(i, 'positionFeeFactorForBalanceWasImproved'),
      positionFeeFactorForBalanceWasNotImproved: dec(i, 'positionFeeFactorForBalanceWasNotImproved'),
      totalRebateFactor: dec(i, 'totalRebateFactor'),
      traderDiscountFactor: dec(i, 'traderDiscountFactor'),
    });
    expectExact(fee.grossFeeUsd, dec(v.expected, 'grossFeeUsd'), 'gross fee');
    expectExact(fee.traderDiscountUsd, dec(v.expected, 'traderDiscountUsd'), 'discount');
    expectExact(fee.positionFeeUsd, dec(v.expected, 'positionFeeUsd'), 'fee');
  });

  check('GMX-BORROW-README-01', 'borrowing 0.0016 % per second', (v) => {
    const i = v.inputs;
    const f = gmxBorrowingFactorPerSecond({
      borrowingFactor: dec(i, 'borrowingFactor'),
      borrowingExponentFactor: dec(i, 'borrowingExponentFactor'),
      reservedUsd: dec(i, 'longOpenInterest').plus(dec(i, 'pendingPnl')),
      poolUsd: dec(i, 'poolUsd'),
    });
    expectExact(f, dec(v.expected, 'borrowingFactorPerSecond'), 'borrowing factor per second');
  });

  check(
    'GMX-FUND-README-01',
    "the shorts' rate from the longs' (the longs' arithmetic departs from the formula)",
    (v) => {
      const i = v.inputs;
      const oi = {
        longOpenInterest: dec(i, 'longOpenInterest'),
        shortOpenInterest: dec(i, 'shortOpenInterest'),
      };
      // The formula, as the README writes it and the contract computes it: 0.00002 · 100,000 / 200,000.
      const f = gmxFundingFactorPerSecond({
        ...oi,
        fundingFactor: dec(i, 'fundingFactor'),
        fundingExponentFactor: dec(i, 'fundingExponentFactor'),
      });
      expectExact(f.fundingFactorPerSecond, '0.00001', 'formula');
      expect(f.longsPayShorts).toBe(true);
      // The README's own longs figure, carried to the shorts by the per-size rule.
      const rates = gmxFundingRates({
        ...oi,
        fundingFactorPerSecond: dec(v.expected, 'longFactorPerSecond'),
        longsPayShorts: true,
      });
      expectExact(rates.long, dec(v.expected, 'longFactorPerSecond'), 'longs pay');
      expectExact(rates.short.neg(), dec(v.expected, 'shortFactorPerSecond'), 'shorts receive');
    },
  );

  for (const id of ['GMX-FUND-SDK-01', 'GMX-FUND-SDK-02', 'GMX-FUND-SDK-03', 'GMX-FUND-SDK-04']) {
    check(id, 'per-side funding of the interface test', (v) => {
      const i = v.inputs;
      const rates = gmxFundingRates({
        longOpenInterest: dec(i, 'longOpenInterest'),
        shortOpenInterest: dec(i, 'shortOpenInterest'),
        fundingFactorPerSecond: dec(i, 'fundingFactorPerSecond'),
        longsPayShorts: bool(i, 'longsPayShorts'),
      });
      // The interface reports the received amount as positive; the library reports the paid amount.
      expectExact(rates.long.neg(), dec(v.expected, 'forLongs'), 'longs');
      expectExact(rates.short.neg(), dec(v.expected, 'forShorts'), 'shorts');
    });
  }

  check('GMX-LIQ-TEST-01', 'refused at 4,200, executed at 4,000 (index-token collateral)', (v) => {
    const i = v.inputs;
    const position = {
      isLong: bool(i, 'isLong'),
      sizeInUsd: dec(i, 'sizeInUsd'),
      sizeInTokens: dec(i, 'sizeInTokens'),
      collateralAmount: dec(i, 'collateralAmount'),
      collateralIsIndexToken: bool(i, 'collateralIsIndexToken'),
    };
    const a = at(i, 'assumed_params');
    const params = {
      minCollateralFactor: dec(a, 'minCollateralFactor'),
      minCollateralUsd: dec(a, 'minCollateralUsd'),
      positionFeeFactor: dec(a, 'positionFeeFactor'),
    };
    const refused = gmxLiquidationCheck(position, params, dec(i, 'prices', 'refused'));
    const executed = gmxLiquidationCheck(position, params, dec(i, 'prices', 'executed'));
    expect(refused.liquidatable).toBe(bool(v.expected, 'liquidatableAt4200'));
    expect(executed.liquidatable).toBe(bool(v.expected, 'liquidatableAt4000'));
    // The price between them: (200,000 + 2,000 + 100) / (40 + 10) = 4,042.
    const lp = gmxLiquidationPrice(position, params, dec(i, 'prices', 'refused'));
    expect(lp.kind).toBe('price');
    if (lp.kind === 'price') expectExact(lp.price, '4042', 'liquidation price');
  });
});

describe('GMX v2 vector file', () => {
  it('is the pinned copy', () => {
    expect(vectorFileSha256(FILE)).toBe(FILE_SHA256);
  });

  it('every vector is run', () => {
    expectAccountedFor(
      suite,
      {},
      {},
      {
        'GMX-FUND-README-01':
          "the README's longs figure uses the long open interest for the imbalance; the test checks the formula's value and the shorts' figure derived from the README's longs figure",
      },
    );
    expect(suite.run.size).toBe(vectors.length);
  });
});
