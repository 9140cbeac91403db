import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, isMarginKitError } from '../../../src/index.js';
import { dydxAdjustedInitialMarginPpm } from '../../../src/venues/dydx/adjustedInitialMarginPpm.js';
import { dydxInitialMarginQuoteQuantums } from '../../../src/venues/dydx/initialMarginQuoteQuantums.js';
import { dydxMaintenanceMarginQuoteQuantums } from '../../../src/venues/dydx/maintenanceMarginQuoteQuantums.js';
import { dydxPositionRisk } from '../../../src/venues/dydx/positionRisk.js';

function invalid(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(isMarginKitError(error)).toBe(true);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

const TIER = { initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000 };
const CAPPED = { ...TIER, openInterestLowerCap: 1_000_000, openInterestUpperCap: 2_000_000 };
// BTC at $50,000 with AR −10 (mainnet resolution): 1 bq = 1e-10 BTC = $0.000005; power −5 − 10 + 6 = −9.
const BTC = { atomicResolution: -10, price: 5_000_000_000, exponent: -5, ...TIER };

// liquidity_tier.go GetAdjustedInitialMarginPpm
describe('dydxAdjustedInitialMarginPpm', () => {
  it('is the base IMF at zero open interest and at the lower cap', () => {
    expect(dydxAdjustedInitialMarginPpm(CAPPED, 0).toString()).toBe('200000');
    expect(dydxAdjustedInitialMarginPpm(CAPPED, 1_000_000).toString()).toBe('200000');
  });

  it('rises by floor((1e6 − IMF) · (OI − lower) / (upper − lower))', () => {
    // 800 000 · 1 / 1 000 000 = 0.8 → 0: one quote quantum above the lower cap adds nothing
    expect(dydxAdjustedInitialMarginPpm(CAPPED, 1_000_001).toString()).toBe('200000');
    // 800 000 · 2 / 1 000 000 = 1.6 → 1
    expect(dydxAdjustedInitialMarginPpm(CAPPED, 1_000_002).toString()).toBe('200001');
    expect(dydxAdjustedInitialMarginPpm(CAPPED, 1_999_999).toString()).toBe('999999');
  });

  it('is 100 % at and above the upper cap', () => {
    expect(dydxAdjustedInitialMarginPpm(CAPPED, 2_000_000).toString()).toBe('1000000');
    expect(dydxAdjustedInitialMarginPpm(CAPPED, '1e30').toString()).toBe('1000000');
  });

  it('jumps to 100 % above equal non-zero caps (the chain has no ramp there)', () => {
    const equal = { ...TIER, openInterestLowerCap: 5, openInterestUpperCap: 5 };
    expect(dydxAdjustedInitialMarginPpm(equal, 5).toString()).toBe('200000');
    expect(dydxAdjustedInitialMarginPpm(equal, 6).toString()).toBe('1000000');
  });

  it('ignores open interest when the upper cap is 0', () => {
    expect(dydxAdjustedInitialMarginPpm(TIER, '1e30').toString()).toBe('200000');
  });

  it('rejects a lower cap above the upper cap, ppm above 1e6, fractions and negative open interest', () => {
    expect(
      invalid(() =>
        dydxAdjustedInitialMarginPpm({ ...TIER, openInterestLowerCap: 3, openInterestUpperCap: 2 }, 0),
      ).path,
    ).toEqual(['tier', 'openInterestLowerCap']);
    expect(
      invalid(() => dydxAdjustedInitialMarginPpm({ ...TIER, initialMarginPpm: 1_000_001 }, 0)).path,
    ).toEqual(['tier', 'initialMarginPpm']);
    expect(invalid(() => dydxAdjustedInitialMarginPpm(TIER, '1.5')).path).toEqual(['openInterestNotional']);
    expect(invalid(() => dydxAdjustedInitialMarginPpm(TIER, -1)).path).toEqual(['openInterestNotional']);
  });
});

// liquidity_tier.go GetInitialMarginQuoteQuantums
describe('dydxInitialMarginQuoteQuantums', () => {
  it('rounds up to the quote quantum', () => {
    // 7 · 20 % = 1.4 → 2
    expect(dydxInitialMarginQuoteQuantums(TIER, 7).toString()).toBe('2');
    expect(dydxInitialMarginQuoteQuantums(TIER, 0).toString()).toBe('0');
  });

  it('uses the higher of the scaled IMF and a custom IMF', () => {
    // custom 500 000 ppm (2× leverage) above the base 200 000: 1 000 · 50 %
    expect(dydxInitialMarginQuoteQuantums(TIER, 1_000, 0, 500_000).toString()).toBe('500');
    // custom 100 000 below the base: ignored
    expect(dydxInitialMarginQuoteQuantums(TIER, 1_000, 0, 100_000).toString()).toBe('200');
    // OI at the upper cap (100 %) beats a custom 500 000
    expect(dydxInitialMarginQuoteQuantums(CAPPED, 1_000, 2_000_000, 500_000).toString()).toBe('1000');
  });

  it('rejects a negative notional', () => {
    expect(invalid(() => dydxInitialMarginQuoteQuantums(TIER, -1)).path).toEqual(['notional']);
  });
});

// lib.go GetMarginRequirementsInQuoteQuantums
describe('dydxMaintenanceMarginQuoteQuantums', () => {
  it('rounds up twice: a 1 qq notional needs 1 qq of maintenance', () => {
    // ceil(1 · 0.2) = 1, ceil(1 · 0.5) = 1 (exact 0.1)
    expect(dydxMaintenanceMarginQuoteQuantums(TIER, 1).toString()).toBe('1');
  });

  it('is up to 2 qq above the exact N · IMF · MF', () => {
    // N = 11: IMR ceil(2.2) = 3, MMR ceil(1.5) = 2; exact 1.1 → 0.9 qq above
    expect(dydxMaintenanceMarginQuoteQuantums(TIER, 11).toString()).toBe('2');
    // IMF 1 ppm, MF 1 ppm, N 1: exact 1e-12, chain 1
    expect(
      dydxMaintenanceMarginQuoteQuantums({ initialMarginPpm: 1, maintenanceFractionPpm: 1 }, 1).toString(),
    ).toBe('1');
  });

  it('never scales with open interest', () => {
    expect(dydxMaintenanceMarginQuoteQuantums(CAPPED, 1_000).toString()).toBe('100');
  });
});

// lib.go GetNetCollateralAndMarginRequirements
describe('dydxPositionRisk', () => {
  it('values a long and a short at the oracle, the short truncated toward zero', () => {
    // 7 bq at $50,000.00001 (5 000 000 001 · 10^−5): 35.000000007 qq
    const perp = { ...BTC, price: 5_000_000_001 };
    expect(dydxPositionRisk(perp, 7).netCollateral.toString()).toBe('35');
    expect(dydxPositionRisk(perp, -7).netCollateral.toString()).toBe('-35');
    expect(dydxPositionRisk(perp, -7).notional.toString()).toBe('35');
  });

  it('computes IMR from the scaled IMF and MMR from the base IMF', () => {
    // 1 BTC = 1e10 bq: N = 50 000 USDC = 5e10 qq; OI 3e5 BTC → OI notional $15B far above a $2 cap
    const capped = {
      ...BTC,
      openInterestLowerCap: 1_000_000,
      openInterestUpperCap: 2_000_000,
      openInterest: '3e15',
    };
    const risk = dydxPositionRisk(capped, 10_000_000_000);
    expect(risk.openInterestNotional.toString()).toBe('15000000000000000');
    expect(risk.adjustedInitialMarginPpm.toString()).toBe('1000000');
    expect(risk.initialMargin.toString()).toBe('50000000000');
    expect(risk.maintenanceMargin.toString()).toBe('5000000000');
  });

  it('applies a custom IMF to the initial requirement only', () => {
    const risk = dydxPositionRisk(BTC, 10_000_000_000, { customImfPpm: 250_000 });
    expect(risk.initialMarginPpm.toString()).toBe('250000');
    expect(risk.adjustedInitialMarginPpm.toString()).toBe('200000');
    expect(risk.initialMargin.toString()).toBe('12500000000');
    expect(risk.maintenanceMargin.toString()).toBe('5000000000');
  });

  it('is zero for a flat position, with plain zeros', () => {
    const risk = dydxPositionRisk(BTC, 0);
    expect(risk.netCollateral.isZero() && !risk.netCollateral.isNegative()).toBe(true);
    expect(risk.initialMargin.isZero()).toBe(true);
    // a tiny short truncated to zero is 0, not −0: 1 bq at AR −12 is worth 0.05 qq
    const tiny = dydxPositionRisk({ ...BTC, atomicResolution: -12 }, -1);
    expect(tiny.netCollateral.toString()).toBe('0');
    expect(tiny.netCollateral.isNegative()).toBe(false);
  });

  it('rejects malformed perpetuals and sizes with typed errors naming the field', () => {
    expect(invalid(() => dydxPositionRisk(BTC, '1.5')).path).toEqual(['quantums']);
    expect(invalid(() => dydxPositionRisk({ ...BTC, price: 0 }, 1)).path).toEqual(['perpetual', 'price']);
    expect(invalid(() => dydxPositionRisk({ ...BTC, atomicResolution: 0.5 }, 1)).path).toEqual([
      'perpetual',
      'atomicResolution',
    ]);
    expect(invalid(() => dydxPositionRisk({ ...BTC, openInterest: -1 }, 1)).path).toEqual([
      'perpetual',
      'openInterest',
    ]);
    expect(invalid(() => dydxPositionRisk(BTC, 1, { customImfPpm: -1 })).path).toEqual(['customImfPpm']);
    expect(invalid(() => dydxPositionRisk(null as never, 1)).path).toEqual(['perpetual']);
  });
});
