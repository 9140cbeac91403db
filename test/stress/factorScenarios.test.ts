import { describe, expect, it } from 'vitest';
import { applyShock, createPrices, factorScenarios, InvalidArgumentError } from '../../src/index.js';

describe('factorScenarios', () => {
  const betas = { 'ETH-PERP': '1.2', 'SOL-PERP': '1.6' };

  it('makes one factor shock per driver move, named after the driver and the move', () => {
    const s = factorScenarios('BTC-PERP', ['-0.1', '-0.2', '0.05'], betas);
    expect(s.map((x) => x.name)).toEqual(['BTC-PERP -10%', 'BTC-PERP -20%', 'BTC-PERP +5%']);
    expect(s[1]?.shock).toEqual({ kind: 'factor', driver: 'BTC-PERP', move: '-0.2', betas });
    expect(s.every((x) => x.weight === undefined && x.funding === undefined)).toBe(true);
  });

  it('moves each market by β · the driver move when applied', () => {
    const prices = createPrices({
      markets: {
        'BTC-PERP': { mark: 60_000 },
        'ETH-PERP': { mark: 3000 },
        'SOL-PERP': { mark: 150 },
        DOGE: { mark: '0.2' },
      },
    });
    const [down20] = factorScenarios('BTC-PERP', ['-0.2'], betas);
    if (!down20?.shock) throw new Error('no shock');
    const p = applyShock(prices, down20.shock);
    // BTC: 60 000 · 0.8 = 48 000; ETH: 3000 · (1 − 1.2 · 0.2) = 3000 · 0.76 = 2280;
    // SOL: 150 · (1 − 1.6 · 0.2) = 150 · 0.68 = 102; DOGE has no β → unchanged
    expect(p.markets['BTC-PERP']?.mark?.toString()).toBe('48000');
    expect(p.markets['ETH-PERP']?.mark?.toString()).toBe('2280');
    expect(p.markets['SOL-PERP']?.mark?.toString()).toBe('102');
    expect(p.markets.DOGE?.mark?.toString()).toBe('0.2');
  });

  it('accepts number and Decimal-like moves, and an empty list', () => {
    expect(factorScenarios('BTC', [-0.05], {})[0]?.name).toBe('BTC -5%');
    expect(factorScenarios('BTC', [], {})).toEqual([]);
  });

  it('rejects a move that is not a number, naming its index', () => {
    expect(() => factorScenarios('BTC', ['-0.1', 'x'], {})).toThrow(InvalidArgumentError);
    try {
      factorScenarios('BTC', ['-0.1', 'x'], {});
    } catch (error) {
      expect((error as InvalidArgumentError).path).toEqual(['moves[1]']);
    }
  });
});
