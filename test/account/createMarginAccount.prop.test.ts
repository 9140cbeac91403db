// Properties of createMarginAccount on generated accounts (linear and inverse, cross and isolated positions,
// several collateral assets), with numbers written in every accepted form and parts given as inputs or as
// already created objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createMarket,
  createPosition,
  type MarginAccountInput,
  type Market,
  type MarketInput,
  type PositionInput,
} from '../../src/index.js';
import { checkFactory, formPickerArb, representNumbers, scenarioArb } from '../support/arbitraries.js';

const accountArb = scenarioArb({
  maxOthers: 3,
  hedge: true,
  schedules: ['flat', 'tiered', 'open-interest'],
  zeroMaintenance: true,
  funding: true,
  leverage: true,
  secondAsset: true,
}).map((s) => s.account);

describe('createMarginAccount', () => {
  it('does not mutate its input, returns deeply frozen output, and round-trips through JSON', () => {
    fc.assert(
      fc.property(
        accountArb,
        formPickerArb,
        fc.boolean(),
        fc.boolean(),
        (input, pick, premadeMarkets, premadePositions) => {
          const written = representNumbers(input, pick) as MarginAccountInput;
          const mixed: MarginAccountInput = {
            ...written,
            markets: premadeMarkets
              ? (written.markets as readonly MarketInput[]).map((m) => createMarket(m))
              : written.markets,
            positions: premadePositions
              ? (written.positions ?? []).map((p) => createPosition(p as PositionInput))
              : (written.positions ?? []),
          };
          const premade = [
            ...(premadeMarkets ? (mixed.markets as readonly unknown[]) : []),
            ...(premadePositions ? (mixed.positions ?? []) : []),
          ];
          const account = checkFactory(
            mixed,
            (i) => createMarginAccount(i),
            (json) => json as MarginAccountInput,
            premade,
          );
          // Created markets and positions are shared by reference, not copied.
          if (premadeMarkets) {
            (mixed.markets as readonly Market[]).forEach((m) => {
              expect(account.markets[m.id]).toBe(m);
            });
          }
          expect(account).toEqual(createMarginAccount(input));
          expect(Object.keys(account.markets)).toEqual(input.markets.map((m) => m.id));
        },
      ),
      { numRuns: 200 },
    );
  });
});
