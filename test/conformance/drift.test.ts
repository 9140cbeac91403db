// Conformance of the Drift venue model with the numbers of Drift's own test suite (vectors/drift.json):
// drift-labs/protocol-v2 `programs/drift/src/math/margin/tests.rs`. Every case runs exactly, in chain integers.
//
// Mapping: spot weights go through `driftSpotWeight` (the oracle price does not enter the weight; $1 is given), the
// unrealized-PnL weights through `driftUnrealizedAssetWeight`, and the per-position margin through
// `driftMarginCalculation` on an account holding only that perp position (no spot balance).

import { describe, expect, it } from 'vitest';
import {
  type DriftMarginCategory,
  type DriftPerpMarket,
  type DriftSpotMarket,
  driftMarginCalculation,
  driftSpotWeight,
  driftUnrealizedAssetWeight,
} from '../../src/index.js';
import {
  at,
  conformance,
  dec,
  expectAccountedFor,
  expectExact,
  loadVectors,
  str,
  vectorFileSha256,
} from './harness.js';

const FILE = 'drift.json';
/** SHA-256 of the file (also in vectors/SOURCES.md). */
const FILE_SHA256 = '037602ff88c2425072ab78ce45c7ec80954d24facc8802e5dacd93695ddeaf2a';

const vectors = loadVectors(FILE);
const suite = conformance(vectors, (v) => String(v.id));

const category = (v: unknown) => str(v, 'category') as DriftMarginCategory;

describe('Drift conformance (protocol-v2 margin tests)', () => {
  it('reads the pinned copy of the vector file', () => {
    expect(vectorFileSha256(FILE)).toBe(FILE_SHA256);
  });

  for (const id of suite.ids.filter((i) => i.startsWith('drift-spot-weight-'))) {
    suite.check(id, 'spot asset / liability weight', (v) => {
      const market = { ...(at(v.inputs, 'market') as object), oraclePrice: 1_000_000 } as DriftSpotMarket;
      const weight = driftSpotWeight(market, dec(v.inputs, 'tokenAmount'), category(v.inputs));
      expectExact(weight, dec(v.expected, 'weight'), id);
    });
  }

  for (const id of suite.ids.filter((i) => i.startsWith('drift-upnl-weight-'))) {
    suite.check(id, 'unrealized PnL asset weight', (v) => {
      const market = at(v.inputs, 'market') as DriftPerpMarket;
      const weight = driftUnrealizedAssetWeight(market, dec(v.inputs, 'unrealizedPnl'), category(v.inputs));
      expectExact(weight, dec(v.expected, 'weight'), id);
    });
  }

  for (const id of suite.ids.filter((i) => i.startsWith('drift-perp-margin-'))) {
    suite.check(id, 'perp position requirement and weighted PnL', (v) => {
      const position = at(v.inputs, 'position') as { baseAssetAmount: string; quoteAssetAmount: string };
      const markets = { perp: { 0: at(v.inputs, 'market') as DriftPerpMarket }, spot: {} };
      const user = { spotPositions: [], perpPositions: [{ marketIndex: 0, ...position }] };
      const m = driftMarginCalculation(user, markets, category(v.inputs));
      const perp = m.perps[0];
      if (perp === undefined) throw new Error('no perp terms');
      expectExact(perp.marginRequirement, dec(v.expected, 'marginRequirement'), `${id} requirement`);
      expectExact(perp.weightedUnrealizedPnl, dec(v.expected, 'weightedUnrealizedPnl'), `${id} weighted PnL`);
      const expected = v.expected as Record<string, unknown>;
      if ('unrealizedPnl' in expected)
        expectExact(perp.unrealizedPnl, dec(expected, 'unrealizedPnl'), `${id} PnL`);
    });
  }

  it('accounts for every vector', () => {
    expectAccountedFor(suite, {}, {}, {});
  });
});
