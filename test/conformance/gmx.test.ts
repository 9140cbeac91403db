// Conformance of the GMX v2 venue model (src/venues/gmx) with GMX's own documents and tests (vectors/gmx.json):
// the gmx-synthetics README's worked examples, the gmx-interface SDK's unit tests and the gmx-synthetics exchange
// tests. Each case names its source file and commit; SOURCES.md lists them.

import { describe, expect, it } from 'vitest';
import { gmxPositionFee, gmxPositionPriceImpact } from '../../src/index.js';
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
const FILE_SHA256 = '1a1a784b7c957aa409ba9b3301def5ff42c879af3700461ef92c700ac7fea508';

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
});

describe('GMX v2 vector file', () => {
  it('is the pinned copy', () => {
    expect(vectorFileSha256(FILE)).toBe(FILE_SHA256);
  });

  it('every vector is run', () => {
    expectAccountedFor(suite, {}, {}, {});
    expect(suite.run.size).toBe(vectors.length);
  });
});
