// Conformance of the Orderly venue model with Orderly's worked example of its max-order-quantity formula
// (vectors/orderly.json; OrderlyNetwork/js-sdk `packages/perp/src/account/maxQty.ts`, formula documentation).
//
// Mapping: each case calls `orderlyMaxOrderQty(side, inputs)`. The documented figures are rounded to 9–12
// significant digits; each case states its tolerance. The size-bound cases isolate the IMR-factor bound by setting
// the IMR to 0 (the leverage bound then exceeds it), everything else as documented.

import { describe, expect, it } from 'vitest';
import { type OrderlyMaxOrderQtyInput, orderlyMaxOrderQty } from '../../src/index.js';
import {
  conformance,
  dec,
  expectAccountedFor,
  expectDecimal,
  loadVectors,
  str,
  vectorFileSha256,
} from './harness.js';

const FILE = 'orderly.json';
/** SHA-256 of the file (also in vectors/SOURCES.md). */
const FILE_SHA256 = '3b87e5e629192c6af6253cb569a18ddf1c825e23ce333cb61c07d3f452ef4f8e';

const vectors = loadVectors(FILE);
const suite = conformance(vectors, (v) => String(v.id));

function input(v: unknown): OrderlyMaxOrderQtyInput {
  const keys = [
    'baseMax',
    'totalCollateral',
    'otherIms',
    'imr',
    'imrFactor',
    'markPrice',
    'positionQty',
    'buyOrdersQty',
    'sellOrdersQty',
    'takerFeeRateBps',
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, str(v, k)])) as unknown as OrderlyMaxOrderQtyInput;
}

const side = (v: unknown) => str(v, 'side') as 'buy' | 'sell';

describe('Orderly conformance (max order quantity worked example)', () => {
  it('reads the pinned copy of the vector file', () => {
    expect(vectorFileSha256(FILE)).toBe(FILE_SHA256);
  });

  for (const id of suite.ids.filter((i) => /^orderly-max-qty-\d+$/.test(i))) {
    suite.check(id, 'max order quantity', (v) => {
      expectDecimal(
        orderlyMaxOrderQty(side(v.inputs), input(v.inputs)),
        dec(v.expected, 'maxQty'),
        v.tolerance,
        id,
      );
    });
  }

  for (const id of suite.ids.filter((i) => i.startsWith('orderly-max-qty-size-bound-'))) {
    suite.check(id, 'IMR-factor size bound', (v) => {
      const q = orderlyMaxOrderQty(side(v.inputs), { ...input(v.inputs), imr: 0 });
      expectDecimal(q, dec(v.expected, 'sizeBound'), v.tolerance, id);
    });
  }

  it('accounts for every vector', () => {
    expectAccountedFor(suite, {}, {}, {});
  });
});
