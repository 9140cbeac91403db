import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/index.js';
import { dydxFillAmountToQuoteQuantums } from '../../../src/venues/dydx/fillAmountToQuoteQuantums.js';
import { dydxImpactPriceSubticks } from '../../../src/venues/dydx/impactPriceSubticks.js';
import { dydxOraclePriceToSubticks } from '../../../src/venues/dydx/oraclePriceToSubticks.js';
import { dydxPremiumVotePpm } from '../../../src/venues/dydx/premiumVotePpm.js';
import { dydxPriceToSubticks } from '../../../src/venues/dydx/priceToSubticks.js';
import { dydxQuoteToBaseQuantums } from '../../../src/venues/dydx/quoteToBaseQuantums.js';
import { dydxSizeToQuantums } from '../../../src/venues/dydx/sizeToQuantums.js';

function invalid(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

// lib/quantums.go QuoteToBaseQuantums
describe('dydxQuoteToBaseQuantums', () => {
  it('truncates the magnitude and keeps the sign', () => {
    // 1 qq of BTC at $50,000, AR −8: 0.002 bq → 0; 1 001 qq → 2.002 → 2
    expect(dydxQuoteToBaseQuantums(1_001, -8, 5_000_000_000, -5).toString()).toBe('2');
    expect(dydxQuoteToBaseQuantums(-1_001, -8, 5_000_000_000, -5).toString()).toBe('-2');
    expect(dydxQuoteToBaseQuantums(-1, -8, 5_000_000_000, -5).toString()).toBe('0');
  });

  it('divides by the price times a positive power', () => {
    // power 2 − 6 + 6 = 2: 300 000 qq at price 1 000 → 3
    expect(dydxQuoteToBaseQuantums(300_000, -6, 1_000, 2).toString()).toBe('3');
  });

  it('rejects a zero price', () => {
    expect(invalid(() => dydxQuoteToBaseQuantums(1, -8, 0, -5)).path).toEqual(['price']);
  });
});

// x/clob/types/quantums.go FillAmountToQuoteQuantums
describe('dydxFillAmountToQuoteQuantums', () => {
  it('floors subticks · quantums · 10^qce', () => {
    // 3 · 7 / 10 = 2.1 → 2
    expect(dydxFillAmountToQuoteQuantums(3, 7, -1).toString()).toBe('2');
    expect(dydxFillAmountToQuoteQuantums(3, 7, 2).toString()).toBe('2100');
  });
});

// x/clob/types/price_to_subticks.go PriceToSubticks
describe('dydxOraclePriceToSubticks', () => {
  it('keeps the fractional part', () => {
    // ETH $3,000.123456 (3 000 123 456 · 10^−6) at AR −9, qce −9: 3 000 123 456 · 10^0 = 3 000 123 456
    expect(dydxOraclePriceToSubticks(3_000_123_456, -6, -9, -9).toString()).toBe('3000123456');
    // the same at qce −8: 300 012 345.6 subticks
    expect(dydxOraclePriceToSubticks(3_000_123_456, -6, -9, -8).toString()).toBe('300012345.6');
  });
});

// v4-clients chain-helpers.ts calculateQuantums / calculateSubticks
describe('dydxSizeToQuantums and dydxPriceToSubticks', () => {
  it('round down to the step and tick', () => {
    // 0.00039 BTC = 3 900 000 bq → 3 000 000
    expect(dydxSizeToQuantums('0.00039', -10, 1_000_000).toString()).toBe('3000000');
    // $64,321.75 at BTC (AR −10, qce −9: 6 432 175 000 subticks; 100 000 subticks per tick = $1): 6 432 100 000
    expect(dydxPriceToSubticks('64321.75', -10, -9, 100_000).toString()).toBe('6432100000');
  });

  it('never go below one step or one tick', () => {
    expect(dydxSizeToQuantums('0.00000001', -10, 1_000_000).toString()).toBe('1000000');
    expect(dydxSizeToQuantums(0, -10, 1_000_000).toString()).toBe('1000000');
    expect(dydxPriceToSubticks('0.1', -10, -9, 100_000).toString()).toBe('100000');
  });

  it('are exact where floats are not', () => {
    // 0.3 · 1e10 is 2 999 999 999.9999995 in float64 arithmetic; exactly 3e9
    expect(dydxSizeToQuantums('0.3', -10, 1_000_000).toString()).toBe('3000000000');
  });

  it('reject a negative size, a non-positive price and a zero step', () => {
    expect(invalid(() => dydxSizeToQuantums(-1, -10, 1)).path).toEqual(['size']);
    expect(invalid(() => dydxPriceToSubticks(0, -10, -9, 1)).path).toEqual(['price']);
    expect(invalid(() => dydxSizeToQuantums(1, -10, 0)).path).toEqual(['stepBaseQuantums']);
    expect(invalid(() => dydxPriceToSubticks(1, -10.5, -9, 1)).path).toEqual(['atomicResolution']);
  });
});

// x/clob/memclob/memclob.go getImpactPriceSubticks, GetPricePremium
describe('dydxImpactPriceSubticks', () => {
  const asks = [
    { subticks: 100_010_000, quantums: 1_000_000_000 },
    { subticks: 100_015_000, quantums: 1_000_000_000 },
    { subticks: 100_020_000, quantums: 10_000_000_000 },
  ];

  it('is the best price for a zero impact notional', () => {
    const impact = dydxImpactPriceSubticks('asks', asks, 0, -8);
    expect(impact.kind === 'price' && impact.subticks.numerator.toString()).toBe('100010000');
  });

  it('averages the fill, base quantums rounded up', () => {
    // 5 000 USDC: 1 000.1 + 1 000.15 at the first two levels, 2 999.75 of the third = 2 999.75/10 002 BTC
    const impact = dydxImpactPriceSubticks('asks', asks, 5_000_000_000, -8);
    expect(impact.kind).toBe('price');
    if (impact.kind === 'price') {
      const price = impact.subticks.numerator.div(impact.subticks.denominator);
      expect(price.greaterThan(100_015_000) && price.lessThan(100_020_000)).toBe(true);
    }
  });

  it('reports a side too thin to fill the notional', () => {
    expect(dydxImpactPriceSubticks('asks', asks, 1_000_000_000_000, -8)).toEqual({
      kind: 'insufficient-liquidity',
    });
    expect(dydxImpactPriceSubticks('bids', [], 1, -8)).toEqual({ kind: 'insufficient-liquidity' });
  });

  it('rejects an unordered side and an unknown side name', () => {
    expect(invalid(() => dydxImpactPriceSubticks('bids', asks, 1, -8)).path).toEqual(['bids', 1, 'subticks']);
    expect(invalid(() => dydxImpactPriceSubticks('both' as never, asks, 1, -8)).path).toEqual(['side']);
  });
});

describe('dydxPremiumVotePpm', () => {
  const book = {
    bids: [{ subticks: 99_990_000, quantums: 10_000_000_000 }],
    asks: [{ subticks: 100_010_000, quantums: 10_000_000_000 }],
    indexExponent: -5,
    atomicResolution: -10,
    quantumConversionExponent: -8,
    impactNotional: 5_000_000_000,
    maxAbsPremiumVotePpm: 1_000_000,
  };

  it('is 0 inside the spread and on an empty book', () => {
    expect(dydxPremiumVotePpm({ ...book, indexPrice: 1_000_000_000 }).toString()).toBe('0');
    expect(dydxPremiumVotePpm({ ...book, bids: [], asks: [], indexPrice: 1 }).toString()).toBe('0');
  });

  it('is 0 when the index is between the best and the impact price', () => {
    // 0.01 BTC at $9,999 then 1 BTC at $9,900: 5 000 USDC sells at ≈ $9,901 on average
    const deep = {
      ...book,
      bids: [
        { subticks: 99_990_000, quantums: 100_000_000 },
        { subticks: 99_000_000, quantums: 10_000_000_000 },
      ],
    };
    // index $9,995: below the best bid, above the impact bid: 0
    expect(dydxPremiumVotePpm({ ...deep, indexPrice: 999_500_000 }).toString()).toBe('0');
  });

  it('is 0 when the side cannot fill the impact notional', () => {
    expect(dydxPremiumVotePpm({ ...book, impactNotional: '1e15', indexPrice: 900_000_000 }).toString()).toBe(
      '0',
    );
  });

  it('is clamped to the vote bound', () => {
    // index $5,000 against bids at $9,999: premium ≈ +999 800 ppm, clamped to 480 000
    expect(
      dydxPremiumVotePpm({ ...book, indexPrice: 500_000_000, maxAbsPremiumVotePpm: 480_000 }).toString(),
    ).toBe('480000');
    // index $20,000 above asks at $10,001: ≈ −499 950 ppm, clamped to −480 000
    expect(
      dydxPremiumVotePpm({ ...book, indexPrice: 2_000_000_000, maxAbsPremiumVotePpm: 480_000 }).toString(),
    ).toBe('-480000');
  });

  it('rounds toward zero on both sides', () => {
    // impact ask = best ask $10,001 (one level deep enough); index $10,003: 10 001/10 003 − 1 = −199.94… ppm → −199
    expect(dydxPremiumVotePpm({ ...book, indexPrice: 1_000_300_000 }).toString()).toBe('-199');
    // impact bid $9,999 against $9,997: +200.06 ppm → 200
    expect(dydxPremiumVotePpm({ ...book, indexPrice: 999_700_000 }).toString()).toBe('200');
  });

  it('rejects a crossed book', () => {
    const crossed = { ...book, bids: [{ subticks: 100_010_000, quantums: 1 }], indexPrice: 1 };
    expect(invalid(() => dydxPremiumVotePpm(crossed)).path).toEqual(['bids', 0, 'subticks']);
  });
});
