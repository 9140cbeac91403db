// Properties of createPrices and priceOf on generated price snapshots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrices, Decimal, type PricesInput, priceOf } from '../../src/index.js';
import {
  checkFactory,
  formPickerArb,
  representNumbers,
  scenarioArb,
  snapshot,
} from '../support/arbitraries.js';

const pricesArb = scenarioArb({
  maxOthers: 3,
  schedules: ['flat', 'tiered', 'open-interest'],
  secondAsset: true,
}).map((s) => s.prices);

describe('createPrices', () => {
  it('does not mutate its input, returns deeply frozen output, and round-trips through JSON', () => {
    fc.assert(
      fc.property(pricesArb, formPickerArb, (input, pick) => {
        const written = representNumbers(input, pick) as PricesInput;
        const prices = checkFactory(
          written,
          (i) => createPrices(i),
          (json) => json as PricesInput,
        );
        expect(prices).toEqual(createPrices(input));
      }),
      { numRuns: 200 },
    );
  });

  it('priceOf returns exactly the price given, and leaves the snapshot alone', () => {
    fc.assert(
      fc.property(pricesArb, (input) => {
        const prices = createPrices(input);
        const before = snapshot(prices);
        for (const [id, entry] of Object.entries(input.markets)) {
          for (const source of ['mark', 'oracle'] as const) {
            const given = entry[source];
            if (given !== undefined)
              expect(priceOf(prices, id, source).eq(new Decimal(given.toString()))).toBe(true);
          }
        }
        expect(snapshot(prices)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
