// The schema-free reader of plain position inputs accepts a subset of what the schema accepts and builds the
// same position; whatever it declines, the schema decides (and reports).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPosition, Decimal, type PositionInput, ValidationError } from '../../src/index.js';
import { readPosition } from '../../src/position/readPosition.js';
import { positionSchema } from '../../src/schemas/position.js';

const numberArb = fc.oneof(
  { arbitrary: fc.constantFrom('1.5', '100', '2.25', 3, 0.5, 10n), weight: 12 },
  { arbitrary: fc.constantFrom('0', '-0', '-2', '1e3', 'abc', '', ' 7 ', '0x10', 'Infinity'), weight: 2 },
  { arbitrary: fc.double({ noNaN: false }), weight: 1 },
  { arbitrary: fc.constantFrom(undefined, null), weight: 1 },
  { arbitrary: fc.integer().map((n) => new Decimal(n)), weight: 1 },
);
const recordArb = fc.record(
  {
    id: fc.oneof(fc.constantFrom('P1', '', '  '), fc.constant(undefined)),
    marketId: fc.constantFrom('BTC-PERP', '', 7),
    size: numberArb,
    entryPrice: numberArb,
    marginMode: fc.constantFrom('cross', 'isolated', 'Cross'),
    isolatedMargin: numberArb,
    leverage: numberArb,
    unsettledFunding: numberArb,
    fundingIndex: numberArb,
  },
  { requiredKeys: ['marketId', 'size', 'entryPrice', 'marginMode'] },
);
// One input in ten carries an unknown key.
const inputArb = fc
  .tuple(recordArb, fc.integer({ min: 0, max: 9 }))
  .map(([r, k]) => (k === 0 ? { ...r, extra: 1 } : r));

function schemaRead(input: unknown) {
  const r = positionSchema().safeParse(input);
  if (!r.success) return undefined;
  const v = r.data;
  return {
    id: v.id ?? v.marketId,
    marketId: v.marketId,
    size: v.size,
    entryPrice: v.entryPrice,
    marginMode: v.marginMode,
    ...(v.isolatedMargin === undefined ? {} : { isolatedMargin: v.isolatedMargin }),
    ...(v.leverage === undefined ? {} : { leverage: v.leverage }),
    unsettledFunding: v.unsettledFunding ?? new Decimal(0),
    ...(v.fundingIndex === undefined ? {} : { fundingIndex: v.fundingIndex }),
  };
}

describe('readPosition', () => {
  it('reads only what the schema accepts, to the same position with the same field order', () => {
    let read = 0;
    fc.assert(
      fc.property(inputArb, (input) => {
        const fast = readPosition(input);
        const slow = schemaRead(input);
        if (fast) {
          read++;
          expect(slow).toBeDefined();
          expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(read).toBeGreaterThan(20);
  });

  it('declines objects that are not plain data', () => {
    const valid = { marketId: 'BTC-PERP', size: '1', entryPrice: '100', marginMode: 'cross' };
    expect(readPosition(valid)?.size.toString()).toBe('1');
    expect(readPosition(Object.assign(Object.create({ inherited: 1 }), valid))).toBeUndefined();
    const throwing = { ...valid };
    Object.defineProperty(throwing, 'size', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(readPosition(throwing)).toBeUndefined();
    expect(readPosition([valid])).toBeUndefined();
  });

  it('declines ids longer than the schema allows, so the schema reports them', () => {
    const valid = { marketId: 'BTC-PERP', size: '1', entryPrice: '100', marginMode: 'cross' };
    expect(readPosition({ ...valid, id: 'p'.repeat(200) })?.id).toBe('p'.repeat(200));
    expect(readPosition({ ...valid, id: 'p'.repeat(201) })).toBeUndefined();
    expect(readPosition({ ...valid, marketId: 'M'.repeat(201) })).toBeUndefined();
    expect(() => createPosition({ ...valid, id: 'p'.repeat(201) } as PositionInput)).toThrow(ValidationError);
  });
});
