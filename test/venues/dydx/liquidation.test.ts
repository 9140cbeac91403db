import { describe, expect, it } from 'vitest';
import { Decimal, InvalidArgumentError } from '../../../src/index.js';
import { dydxBankruptcyQuoteQuantums } from '../../../src/venues/dydx/bankruptcyQuoteQuantums.js';
import { dydxFillablePrice } from '../../../src/venues/dydx/fillablePrice.js';
import { dydxFillablePriceSubticks } from '../../../src/venues/dydx/fillablePriceSubticks.js';
import { dydxLiquidatablePositionSizeDelta } from '../../../src/venues/dydx/liquidatablePositionSizeDelta.js';
import { dydxLiquidationInsuranceFundDelta } from '../../../src/venues/dydx/liquidationInsuranceFundDelta.js';
import { dydxPositionBlockLimits } from '../../../src/venues/dydx/positionBlockLimits.js';

function invalid(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

const BTC = {
  atomicResolution: -8,
  price: 5_000_000_000,
  exponent: -5,
  initialMarginPpm: 200_000,
  maintenanceFractionPpm: 500_000,
};
const ETH = {
  atomicResolution: -9,
  price: 3_000_000_000,
  exponent: -6,
  initialMarginPpm: 200_000,
  maintenanceFractionPpm: 500_000,
};
const long = (usdc: number, quantums = 10_000_000) => ({
  usdcQuantums: usdc,
  positions: [{ perpetualId: 'BTC', quantums }],
});
const FP = { bankruptcyAdjustmentPpm: 1_000_000, spreadToMaintenanceMarginRatioPpm: 100_000 };

// x/clob/keeper/liquidations.go GetBankruptcyPriceInQuoteQuantums
describe('dydxBankruptcyQuoteQuantums', () => {
  it('is the zero-NC price for a full close of a single position: BQ = PNNV − TNC', () => {
    // USDC −4 000 against 0.1 BTC ($5 000): TNC 1 000, so closing needs 4 000 USDC
    expect(dydxBankruptcyQuoteQuantums(long(-4_000_000_000), { BTC }, 'BTC', -10_000_000).toString()).toBe(
      '4000000000',
    );
  });

  it('charges a partial close its share of TNC by maintenance: TNC · |ΔMMR| / TMMR', () => {
    // close half: ΔNNV −2 500, ΔMMR −250 of 500, TNC 1 000 → 2 500 − 500 = 2 000
    expect(dydxBankruptcyQuoteQuantums(long(-4_000_000_000), { BTC }, 'BTC', -5_000_000).toString()).toBe(
      '2000000000',
    );
  });

  it('includes unsettled funding in TNC', () => {
    // the long owes 1 000 · 1e7 / 1e6 = 10 000 qq of funding: TNC 999.99 USDC
    const subaccount = {
      usdcQuantums: -4_000_000_000,
      positions: [{ perpetualId: 'BTC', quantums: 10_000_000, fundingIndex: 0 }],
    };
    expect(
      dydxBankruptcyQuoteQuantums(
        subaccount,
        { BTC: { ...BTC, fundingIndex: 1_000 } },
        'BTC',
        -10_000_000,
      ).toString(),
    ).toBe('4000010000');
  });

  it('rejects deltas that do not reduce the position, an absent position and a zero TMMR', () => {
    expect(invalid(() => dydxBankruptcyQuoteQuantums(long(0), { BTC }, 'BTC', 10_000_000)).path).toEqual([
      'deltaQuantums',
    ]);
    expect(invalid(() => dydxBankruptcyQuoteQuantums(long(0), { BTC }, 'BTC', -20_000_000)).path).toEqual([
      'deltaQuantums',
    ]);
    expect(invalid(() => dydxBankruptcyQuoteQuantums(long(0), { BTC }, 'BTC', 0)).path).toEqual([
      'deltaQuantums',
    ]);
    expect(invalid(() => dydxBankruptcyQuoteQuantums(long(0), { BTC, ETH }, 'ETH', -1)).path).toEqual([
      'perpetualId',
    ]);
    const noMargin = { ...BTC, initialMarginPpm: 0 };
    expect(invalid(() => dydxBankruptcyQuoteQuantums(long(0), { BTC: noMargin }, 'BTC', -1)).path).toEqual([
      'subaccount',
    ]);
  });
});

// x/clob/keeper/liquidations.go GetFillablePrice
describe('dydxFillablePrice', () => {
  it('is the oracle when TNC ≥ TMMR (ABR clamped to 0)', () => {
    const fp = dydxFillablePrice(long(0), { BTC }, 'BTC', FP);
    // $50,000 at AR −8: 500 qq per bq
    expect([fp.numerator.toString(), fp.denominator.toString()]).toEqual(['500', '1']);
  });

  it('takes the full spread at TNC ≤ 0 (ABR clamped to 1)', () => {
    // long: 500 − 0.1 · 5e8 / 1e7 = 495; short: 505
    const fp = dydxFillablePrice(long(-6_000_000_000), { BTC }, 'BTC', FP);
    expect(fp.numerator.toString()).toBe('495');
    const short = dydxFillablePrice(
      { usdcQuantums: 4_000_000_000, positions: [{ perpetualId: 'BTC', quantums: -10_000_000 }] },
      { BTC },
      'BTC',
      FP,
    );
    expect(short.numerator.toString()).toBe('505');
  });

  it('stays exact when the totals do not divide evenly', () => {
    // TNC 499.999999 USDC, TMMR 500: ABR = 1e-6/500 = 1/500 000 000
    const fp = dydxFillablePrice(long(-4_500_000_001), { BTC }, 'BTC', FP);
    // 500 − (1/500 000 000) · 5e7 / 1e7 = 500 − 1/100 000 000 = 49 999 999 999/100 000 000
    expect(`${fp.numerator}/${fp.denominator}`).toBe('49999999999/100000000');
  });

  it('rejects a spread that makes the price negative', () => {
    const error = invalid(() =>
      dydxFillablePrice(long(-6_000_000_000), { BTC }, 'BTC', {
        ...FP,
        spreadToMaintenanceMarginRatioPpm: 20_000_000,
      }),
    );
    expect(error.path).toEqual(['config', 'spreadToMaintenanceMarginRatioPpm']);
  });
});

// x/clob/keeper/liquidations.go ConvertFillablePriceToSubticks
describe('dydxFillablePriceSubticks', () => {
  const pair = { quantumConversionExponent: -8, subticksPerTick: 100_000 };

  it('rounds a long’s sell limit up and a short’s buy limit down, to the tick', () => {
    expect(dydxFillablePriceSubticks({ numerator: 49_999, denominator: 100 }, true, pair).toString()).toBe(
      '49999000000',
    );
    expect(dydxFillablePriceSubticks({ numerator: 1, denominator: 3 }, true, pair).toString()).toBe(
      '33400000',
    );
    expect(dydxFillablePriceSubticks({ numerator: 1, denominator: 3 }, false, pair).toString()).toBe(
      '33300000',
    );
  });

  it('never goes below one tick', () => {
    expect(dydxFillablePriceSubticks({ numerator: 0, denominator: 1 }, false, pair).toString()).toBe(
      '100000',
    );
  });

  it('divides by 10^qce for a positive exponent', () => {
    expect(
      dydxFillablePriceSubticks({ numerator: 12_345, denominator: 1 }, false, {
        quantumConversionExponent: 2,
        subticksPerTick: 1,
      }).toString(),
    ).toBe('123');
  });

  it('caps at the largest multiple of the tick below 2^64', () => {
    const huge = dydxFillablePriceSubticks({ numerator: '1e30', denominator: 1 }, true, {
      quantumConversionExponent: 0,
      subticksPerTick: 10,
    });
    expect(huge.toFixed()).toBe('18446744073709551610');
  });

  it('rejects a negative price or a zero denominator', () => {
    expect(
      invalid(() => dydxFillablePriceSubticks({ numerator: -1, denominator: 1 }, true, pair)).path,
    ).toEqual(['fillablePrice', 'numerator']);
    expect(
      invalid(() => dydxFillablePriceSubticks({ numerator: 1, denominator: 0 }, true, pair)).path,
    ).toEqual(['fillablePrice', 'denominator']);
  });
});

// x/clob/keeper/liquidations.go GetLiquidationInsuranceFundDelta
describe('dydxLiquidationInsuranceFundDelta', () => {
  const fill = { perpetualId: 'BTC', isBuy: false, fillAmount: 10_000_000, quantumConversionExponent: -8 };

  it('takes the fee, capped by what is left above bankruptcy, and credits the rest', () => {
    // bankrupt at 5 100 USDC, sold for 5 120: fee min(1.5 % · 5 120 = 76.8, 20) = 20
    const result = dydxLiquidationInsuranceFundDelta(
      long(-5_100_000_000),
      { BTC },
      { ...fill, subticks: 51_200_000_000 },
      { maxLiquidationFeePpm: 15_000 },
    );
    expect(result.fillQuoteQuantums.toString()).toBe('5120000000');
    expect(result.bankruptcyQuoteQuantums.toString()).toBe('5100000000');
    expect(result.insuranceFundDelta.toString()).toBe('20000000');
    expect(result.usdcDelta.toString()).toBe('5100000000');
  });

  it('is zero at the bankruptcy price', () => {
    const result = dydxLiquidationInsuranceFundDelta(
      long(-5_100_000_000),
      { BTC },
      { ...fill, subticks: 51_000_000_000 },
      { maxLiquidationFeePpm: 15_000 },
    );
    expect(result.insuranceFundDelta.toString()).toBe('0');
    expect(result.insuranceFundDelta.isNegative()).toBe(false);
  });

  it('rejects a zero fill and a fill larger than the position', () => {
    expect(
      invalid(() =>
        dydxLiquidationInsuranceFundDelta(
          long(0),
          { BTC },
          { ...fill, fillAmount: 0, subticks: 1 },
          { maxLiquidationFeePpm: 0 },
        ),
      ).path,
    ).toEqual(['fill', 'fillAmount']);
    expect(
      invalid(() =>
        dydxLiquidationInsuranceFundDelta(
          long(0),
          { BTC },
          { ...fill, fillAmount: 20_000_000, subticks: 1 },
          { maxLiquidationFeePpm: 0 },
        ),
      ).path,
    ).toEqual(['deltaQuantums']);
    expect(
      invalid(() =>
        dydxLiquidationInsuranceFundDelta(
          long(0),
          { BTC },
          { ...fill, isBuy: 'no' as never, subticks: 1 },
          { maxLiquidationFeePpm: 0 },
        ),
      ).path,
    ).toEqual(['fill', 'isBuy']);
  });
});

// x/clob/keeper/liquidations.go GetMaxAndMinPositionNotionalLiquidatable, GetLiquidatablePositionSizeDelta
describe('dydxPositionBlockLimits', () => {
  it('lets a position smaller than the minimum go whole', () => {
    const limits = dydxPositionBlockLimits(-500, {
      minPositionNotionalLiquidated: 1_000,
      maxPositionPortionLiquidatedPpm: 100_000,
    });
    expect([limits.minNotional.toString(), limits.maxNotional.toString()]).toEqual(['500', '500']);
  });

  it('floors the portion and never lets it fall below the minimum', () => {
    const limits = dydxPositionBlockLimits(10_001, {
      minPositionNotionalLiquidated: 100,
      maxPositionPortionLiquidatedPpm: 100_000,
    });
    expect(limits.maxNotional.toString()).toBe('1000');
    const small = dydxPositionBlockLimits(10_001, {
      minPositionNotionalLiquidated: 5_000,
      maxPositionPortionLiquidatedPpm: 100_000,
    });
    expect(small.maxNotional.toString()).toBe('5000');
  });
});

describe('dydxLiquidatablePositionSizeDelta', () => {
  const PERP = {
    atomicResolution: -10,
    price: 5_000_000_000,
    exponent: -5,
    initialMarginPpm: 50_000,
    maintenanceFractionPpm: 600_000,
  };
  // genesis.sh: 1 000 USDC minimum, 10 % per block, 100 000 USDC per subaccount per block
  const CONFIG = {
    minPositionNotionalLiquidated: 1_000_000_000,
    maxPositionPortionLiquidatedPpm: 100_000,
    maxNotionalLiquidated: 100_000_000_000,
  };

  it('closes a small position whole, with the opposite sign', () => {
    // 0.01 BTC = $500 < the 1 000 USDC minimum
    expect(dydxLiquidatablePositionSizeDelta(PERP, 100_000_000, 1_000_000, CONFIG).toString()).toBe(
      '-100000000',
    );
    expect(dydxLiquidatablePositionSizeDelta(PERP, -100_000_000, 1_000_000, CONFIG).toString()).toBe(
      '100000000',
    );
  });

  it('closes a position of at most one step whole', () => {
    expect(
      dydxLiquidatablePositionSizeDelta(PERP, -1_000_000_000_000, 1_000_000_000_000, CONFIG).toString(),
    ).toBe('1000000000000');
  });

  it('slices a large position by the portion and the subaccount limit, rounded down to the step', () => {
    // 100 BTC ($5M): 10 % = $500k, above the $100k subaccount limit → $100k = 2 BTC
    expect(dydxLiquidatablePositionSizeDelta(PERP, 1_000_000_000_000, 1_000_000, CONFIG).toString()).toBe(
      '-20000000000',
    );
    // $99,999.99 already liquidated this block leaves $0.01 → 2e5 bq, rounded down to 0, clamped up to one step
    expect(
      dydxLiquidatablePositionSizeDelta(
        PERP,
        1_000_000_000_000,
        1_000_000,
        CONFIG,
        99_999_990_000,
      ).toString(),
    ).toBe('-1000000');
  });

  it('rejects a zero position and a block already over its limit', () => {
    expect(invalid(() => dydxLiquidatablePositionSizeDelta(PERP, 0, 1_000_000, CONFIG)).path).toEqual([
      'quantums',
    ]);
    expect(
      invalid(() => dydxLiquidatablePositionSizeDelta(PERP, 1, 1_000_000, CONFIG, 100_000_000_001)).path,
    ).toEqual(['notionalLiquidatedThisBlock']);
    expect(invalid(() => dydxLiquidatablePositionSizeDelta(PERP, 1, 0, CONFIG)).path).toEqual([
      'stepBaseQuantums',
    ]);
  });
});

describe('dydxFillablePriceSubticks on the chain model’s own large fractions', () => {
  it('takes a numerator above 1e40, as dydxFillablePrice can return, and rounds it to ticks', () => {
    const fp = {
      numerator: new Decimal('123456789012345678901234567890123456789012345'),
      denominator: new Decimal('1000'),
    };
    const clob = { quantumConversionExponent: -8, subticksPerTick: 1_000 };
    const up = dydxFillablePriceSubticks(fp, true, clob);
    const down = dydxFillablePriceSubticks(fp, false, clob);
    expect(up.mod(1_000).isZero() && down.mod(1_000).isZero()).toBe(true);
    // Far above the chain's uint64 subticks: clamped to the largest whole tick below 2^64.
    expect(up.toString()).toBe('18446744073709551000');
    expect(down.toString()).toBe(up.toString());
    // Text input keeps the general magnitude bound.
    expect(() => dydxFillablePriceSubticks({ numerator: '1e45', denominator: '1' }, true, clob)).toThrow(
      InvalidArgumentError,
    );
  });
});
