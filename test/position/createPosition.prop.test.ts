// Properties of createPosition on generated positions (long and short, cross and isolated, with and without
// leverage and unsettled funding), with numbers written in every accepted form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarket, createPosition, type PositionInput } from '../../src/index.js';
import { checkFactory, formPickerArb, representNumbers, scenarioArb } from '../support/arbitraries.js';

const positionArb = fc
  .record({
    scenario: scenarioArb({ maxOthers: 2, hedge: true, funding: true, leverage: true }),
    index: fc.nat(),
    fundingIndex: fc.option(fc.integer({ min: -1_000_000, max: 1_000_000 }), { nil: undefined }),
  })
  .map(({ scenario, index, fundingIndex }) => {
    const positions = scenario.account.positions;
    const position = positions[index % positions.length] as PositionInput;
    const market = scenario.account.markets.find((m) => m.id === position.marketId);
    return {
      position: fundingIndex === undefined ? position : { ...position, fundingIndex: `${fundingIndex}e-6` },
      market,
    };
  });

describe('createPosition', () => {
  it('does not mutate its input, returns deeply frozen output, and round-trips through JSON', () => {
    fc.assert(
      fc.property(positionArb, formPickerArb, ({ position, market }, pick) => {
        const written = representNumbers(position, pick) as PositionInput;
        const created = checkFactory(
          written,
          (i) => createPosition(i),
          (json) => json as PositionInput,
        );
        expect(created).toEqual(createPosition(position));
        // Checked against its market, the same position comes out.
        if (market) {
          const m = createMarket(market);
          const marketBefore = JSON.stringify(m);
          expect(createPosition(written, m)).toEqual(created);
          expect(JSON.stringify(m)).toBe(marketBefore);
        }
      }),
      { numRuns: 200 },
    );
  });
});
