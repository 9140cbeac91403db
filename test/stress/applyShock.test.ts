import { describe, expect, it } from 'vitest';
import {
  applyShock,
  createPrices,
  InvalidArgumentError,
  type PriceShock,
  type Prices,
} from '../../src/index.js';

const prices = createPrices({
  markets: {
    'BTC-PERP': { oracle: 59_990, mark: 60_000, openInterest: 1234 },
    'ETH-PERP': { mark: 3000 },
    'SOL-PERP': { oracle: 150 },
  },
  assets: { BTC: 60_000, ETH: 3000 },
});

function mark(p: Prices, id: string): string | undefined {
  return p.markets[id]?.mark?.toString();
}

function expectRejected(shock: PriceShock, key: string, t?: string): void {
  try {
    applyShock(prices, shock, t);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
    expect((error as InvalidArgumentError).path).toEqual(['shock']);
    expect((error as Error).message).toContain(`'${key}'`);
    return;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('applyShock', () => {
  it('uniform: moves every oracle, mark and collateral asset price by the same fraction', () => {
    const p = applyShock(prices, { kind: 'uniform', move: '-0.1' });
    // 60 000 · 0.9 = 54 000; 59 990 · 0.9 = 53 991; 3000 · 0.9 = 2700; 150 · 0.9 = 135
    expect(mark(p, 'BTC-PERP')).toBe('54000');
    expect(p.markets['BTC-PERP']?.oracle?.toString()).toBe('53991');
    expect(mark(p, 'ETH-PERP')).toBe('2700');
    expect(p.markets['SOL-PERP']?.oracle?.toString()).toBe('135');
    // a market without a mark gets none; the other fields are kept
    expect(p.markets['SOL-PERP']?.mark).toBeUndefined();
    expect(p.markets['BTC-PERP']?.openInterest?.toString()).toBe('1234');
    // collateral assets: BTC 54 000, ETH 2700
    expect(p.assets.BTC?.toString()).toBe('54000');
    expect(p.assets.ETH?.toString()).toBe('2700');
  });

  it('relative: moves only the named markets and assets', () => {
    const p = applyShock(prices, { kind: 'relative', moves: { 'ETH-PERP': '-0.4', BTC: '0.05' } });
    // ETH-PERP 3000 · 0.6 = 1800; BTC collateral 60 000 · 1.05 = 63 000; the rest stay
    expect(mark(p, 'ETH-PERP')).toBe('1800');
    expect(p.assets.BTC?.toString()).toBe('63000');
    expect(mark(p, 'BTC-PERP')).toBe('60000');
    expect(p.assets.ETH?.toString()).toBe('3000');
  });

  it('absolute: sets the named prices (oracle and mark alike)', () => {
    const p = applyShock(prices, { kind: 'absolute', prices: { 'BTC-PERP': 50_000, ETH: 2500 } });
    expect(mark(p, 'BTC-PERP')).toBe('50000');
    expect(p.markets['BTC-PERP']?.oracle?.toString()).toBe('50000');
    expect(p.assets.ETH?.toString()).toBe('2500');
    expect(mark(p, 'ETH-PERP')).toBe('3000');
  });

  it('factor: the driver moves by `move`, others by β · move + idiosyncratic, unlisted ones stay', () => {
    const p = applyShock(prices, {
      kind: 'factor',
      driver: 'BTC-PERP',
      move: '-0.1',
      betas: { 'ETH-PERP': '1.5', BTC: 1, 'SOL-PERP': '2' },
      idiosyncratic: { 'SOL-PERP': '-0.05' },
    });
    // BTC-PERP: 60 000 · 0.9 = 54 000 (the driver's own β is 1)
    expect(mark(p, 'BTC-PERP')).toBe('54000');
    // ETH-PERP: 3000 · (1 + 1.5 · (−0.1)) = 3000 · 0.85 = 2550
    expect(mark(p, 'ETH-PERP')).toBe('2550');
    // SOL-PERP: 150 · (1 + 2 · (−0.1) − 0.05) = 150 · 0.75 = 112.5
    expect(p.markets['SOL-PERP']?.oracle?.toString()).toBe('112.5');
    // BTC collateral β 1: 54 000; ETH collateral has no β: 3000
    expect(p.assets.BTC?.toString()).toBe('54000');
    expect(p.assets.ETH?.toString()).toBe('3000');
  });

  it('t: a fraction of the way along the straight path p + t · (p′ − p)', () => {
    const shock: PriceShock = { kind: 'uniform', move: '-0.2' };
    // 60 000 + 0.25 · (48 000 − 60 000) = 57 000
    expect(mark(applyShock(prices, shock, '0.25'), 'BTC-PERP')).toBe('57000');
    expect(applyShock(prices, shock, '0.25').assets.BTC?.toString()).toBe('57000');
    // t = 0 leaves every price as it is; t = 1 (the default) is the full move
    expect(JSON.stringify(applyShock(prices, shock, 0))).toBe(JSON.stringify(prices));
    expect(mark(applyShock(prices, shock, 1), 'BTC-PERP')).toBe('48000');
    // absolute prices too: 3000 + 0.5 · (2000 − 3000) = 2500
    expect(
      mark(applyShock(prices, { kind: 'absolute', prices: { 'ETH-PERP': 2000 } }, '0.5'), 'ETH-PERP'),
    ).toBe('2500');
  });

  it('leaves the input alone and returns frozen prices', () => {
    const before = JSON.stringify(prices);
    const p = applyShock(prices, { kind: 'uniform', move: '0.3' });
    expect(JSON.stringify(prices)).toBe(before);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.markets)).toBe(true);
    expect(Object.isFrozen(p.markets['BTC-PERP'])).toBe(true);
    expect(Object.isFrozen(p.assets)).toBe(true);
  });

  it('throws a typed error when a price would reach 0 or below', () => {
    expectRejected({ kind: 'uniform', move: '-1' }, 'BTC-PERP');
    expectRejected({ kind: 'uniform', move: '-1.5' }, 'BTC-PERP');
    expectRejected({ kind: 'relative', moves: { 'ETH-PERP': '-1' } }, 'ETH-PERP');
    expectRejected({ kind: 'relative', moves: { ETH: '-1.01' } }, 'ETH');
    expectRejected({ kind: 'absolute', prices: { 'SOL-PERP': 0 } }, 'SOL-PERP');
    expectRejected({ kind: 'absolute', prices: { BTC: -1 } }, 'BTC');
    // 1 + 2 · (−0.5) = 0 for SOL
    expectRejected(
      { kind: 'factor', driver: 'BTC-PERP', move: '-0.5', betas: { 'SOL-PERP': 2 } },
      'SOL-PERP',
    );
    // halfway along a −100 % path the price is still positive; at the end it is not
    expect(mark(applyShock(prices, { kind: 'uniform', move: '-1' }, '0.5'), 'BTC-PERP')).toBe('30000');
  });

  it('rejects a path fraction t outside [0, 1]', () => {
    const shock: PriceShock = { kind: 'uniform', move: '-0.2' };
    for (const t of ['-0.1', '-1e-30', '1.000000000000000000000000000001', '2']) {
      try {
        applyShock(prices, shock, t);
        throw new Error(`expected t = ${t} to be rejected`);
      } catch (error) {
        expect(error, t).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
        expect((error as InvalidArgumentError).path).toEqual(['t']);
      }
    }
    // both ends are on the path: 60 000 at t = 0, 60 000 · 0.8 = 48 000 at t = 1
    expect(mark(applyShock(prices, shock, '0'), 'BTC-PERP')).toBe('60000');
    expect(mark(applyShock(prices, shock, '1'), 'BTC-PERP')).toBe('48000');
  });
});
