import { describe, expect, it } from 'vitest';
import {
  createMarket,
  createPosition,
  Decimal,
  type PositionInput,
  ValidationError,
} from '../../src/index.js';

const market = createMarket({
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  stepSize: '0.01',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
});

const cross: PositionInput = { marketId: 'BTC-PERP', size: '0.5', entryPrice: '60000', marginMode: 'cross' };
const isolated: PositionInput = {
  id: 'btc-iso',
  marketId: 'BTC-PERP',
  size: '-1.25',
  entryPrice: 61_000,
  marginMode: 'isolated',
  isolatedMargin: '1500',
  leverage: 20,
  unsettledFunding: '-3.5',
  fundingIndex: '0.000123',
};

function thrown(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('createPosition', () => {
  it('defaults the id to the market id and the unsettled funding to 0', () => {
    const p = createPosition(cross);
    expect(p.id).toBe('BTC-PERP');
    expect(p.unsettledFunding.toString()).toBe('0');
    expect('isolatedMargin' in p).toBe(false);
    expect('leverage' in p).toBe(false);
    expect('fundingIndex' in p).toBe(false);
  });

  it('keeps every field that is given, with the size sign', () => {
    const p = createPosition(isolated);
    expect(p).toEqual({
      id: 'btc-iso',
      marketId: 'BTC-PERP',
      size: new Decimal('-1.25'),
      entryPrice: new Decimal(61_000),
      marginMode: 'isolated',
      isolatedMargin: new Decimal(1500),
      leverage: new Decimal(20),
      unsettledFunding: new Decimal('-3.5'),
      fundingIndex: new Decimal('0.000123'),
    });
  });

  it('accepts a flat isolated position with zero margin', () => {
    const p = createPosition({ ...isolated, size: 0, isolatedMargin: 0 });
    expect(p.size.isZero()).toBe(true);
    expect(p.isolatedMargin?.toString()).toBe('0');
  });

  it('accepts sizes on the market step, long and short', () => {
    // 0.03 = 3 · 0.01 and −0.02 = −2 · 0.01
    expect(createPosition({ ...cross, size: '0.03' }, market).size.toString()).toBe('0.03');
    expect(createPosition({ ...cross, size: '-0.02' }, market).size.toString()).toBe('-0.02');
  });

  it('rejects a size off the market step', () => {
    // 0.015 / 0.01 = 1.5, not whole
    const error = thrown(() => createPosition({ ...cross, size: '0.015' }, market));
    expect(error.code).toBe('OFF_STEP');
    expect(error.path).toEqual(['size']);
  });

  it('rejects a market that is not the position market', () => {
    const error = thrown(() => createPosition({ ...cross, marketId: 'ETH-PERP' }, market));
    expect(error.code).toBe('UNKNOWN_MARKET');
    expect(error.path).toEqual(['marketId']);
  });

  it('prefixes error paths with the path it is given', () => {
    const error = thrown(() => createPosition({ ...cross, size: '0.015' }, market, ['positions', 4]));
    expect(error.path).toEqual(['positions', 4, 'size']);
    const shape = thrown(() => createPosition({ ...cross, entryPrice: -1 }, undefined, ['positions', 1]));
    expect(shape.path).toEqual(['positions', 1, 'entryPrice']);
  });

  it('returns a frozen position', () => {
    expect(Object.isFrozen(createPosition(isolated))).toBe(true);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(isolated);
    createPosition(isolated, market);
    expect(isolated).toEqual(before);
  });

  it.each([
    ['a cross position', cross],
    ['an isolated position with every field', isolated],
  ])('survives a JSON round trip: %s', (_label, input) => {
    const p = createPosition(input);
    expect(createPosition(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('accepts a position it created and returns an equal one', () => {
    const p = createPosition(isolated);
    expect(createPosition(p)).toEqual(p);
  });
});
