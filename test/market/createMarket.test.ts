import { Decimal as SharedDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { createMarket, Decimal, type MarketInput, ValidationError } from '../../src/index.js';

const linear: MarketInput = {
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
};

const tiered: MarketInput = {
  id: 'BTCUSDT',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  tickSize: '0.1',
  stepSize: '0.001',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
      { notionalFloor: 50_000, initialFraction: '0.01', maintenanceFraction: '0.005' },
      { notionalFloor: 250_000, initialFraction: '0.02', maintenanceFraction: '0.01' },
    ],
  },
};

const inverseWithFunding: MarketInput = {
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.01', maintenanceFraction: '0.004' },
  fundingSchedule: {
    intervalMs: 28_800_000,
    paymentPrice: 'mark',
    rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.0075' },
  },
};

const openInterest: MarketInput = {
  id: 'ETH-USD',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDC',
  marginSchedule: {
    type: 'open-interest',
    initialFraction: '0.05',
    maintenanceFraction: '0.03',
    openInterestLowerCap: 25_000_000,
    openInterestUpperCap: 50_000_000,
  },
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

describe('createMarket', () => {
  it('points an option market to the option book', () => {
    try {
      createMarket({
        id: 'BTC-6DEC-100000-C',
        kind: 'option',
        baseAsset: 'BTC',
        quoteAsset: 'USD',
        marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
      } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        {
          code: 'INVALID_OPTION',
          path: ['kind'],
          message:
            'must be one of "linear", "inverse": options are held in an option book beside the account (createOptionBook)',
          received: "'option'",
        },
      ]);
    }
  });

  it('defaults the contract size to 1 and settles a linear market in its quote asset', () => {
    const market = createMarket(linear);
    expect(market.contractSize.toString()).toBe('1');
    expect(market.settleAsset).toBe('USDT');
    expect('tickSize' in market).toBe(false);
    expect('stepSize' in market).toBe(false);
    expect('fundingSchedule' in market).toBe(false);
  });

  it('settles an inverse market in its base asset', () => {
    const market = createMarket(inverseWithFunding);
    expect(market.settleAsset).toBe('BTC');
    expect(market.contractSize.toString()).toBe('100');
  });

  it('accepts a settle asset equal to the one the kind implies', () => {
    expect(createMarket({ ...linear, settleAsset: 'USDT' }).settleAsset).toBe('USDT');
    expect(createMarket({ ...inverseWithFunding, settleAsset: 'BTC' }).settleAsset).toBe('BTC');
  });

  it('turns every numeric input form into an exact library Decimal', () => {
    const market = createMarket({
      ...linear,
      contractSize: 10n,
      tickSize: new SharedDecimal('0.5'),
      stepSize: 0.001,
      marginSchedule: { type: 'flat', initialFraction: 0.1, maintenanceFraction: '5e-2' },
    });
    expect(market.contractSize).toBeInstanceOf(Decimal);
    expect(market.contractSize.toString()).toBe('10');
    expect(market.tickSize?.toString()).toBe('0.5');
    expect(market.stepSize?.toString()).toBe('0.001');
    expect(market.marginSchedule).toEqual({
      type: 'flat',
      initialFraction: new Decimal('0.1'),
      maintenanceFraction: new Decimal('0.05'),
    });
  });

  it('derives each tier maintenance deduction so maintenance is continuous in notional', () => {
    const market = createMarket(tiered);
    if (market.marginSchedule.type !== 'tiered') throw new Error('expected tiers');
    // d0 = 0; d1 = 0 + 50 000 · (0.005 − 0.004) = 50; d2 = 50 + 250 000 · (0.01 − 0.005) = 1 300
    expect(market.marginSchedule.tiers.map((t) => t.maintenanceDeduction.toString())).toEqual([
      '0',
      '50',
      '1300',
    ]);
  });

  it('keeps a maintenance deduction that is given', () => {
    const input: MarketInput = {
      ...tiered,
      marginSchedule: {
        type: 'tiered',
        tiers: [
          { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
          {
            notionalFloor: 50_000,
            initialFraction: '0.01',
            maintenanceFraction: '0.005',
            maintenanceDeduction: 60,
          },
        ],
      },
    };
    const market = createMarket(input);
    if (market.marginSchedule.type !== 'tiered') throw new Error('expected tiers');
    expect(market.marginSchedule.tiers[1]?.maintenanceDeduction.toString()).toBe('60');
  });

  it('keeps an open-interest schedule as given', () => {
    const market = createMarket(openInterest);
    expect(market.marginSchedule).toEqual({
      type: 'open-interest',
      initialFraction: new Decimal('0.05'),
      maintenanceFraction: new Decimal('0.03'),
      openInterestLowerCap: new Decimal(25_000_000),
      openInterestUpperCap: new Decimal(50_000_000),
    });
  });

  it('normalises its funding schedule with the schedule defaults', () => {
    const market = createMarket(inverseWithFunding);
    expect(market.fundingSchedule?.ratePeriodMs).toBe(28_800_000);
    expect(market.fundingSchedule?.anchorMs).toBe(0);
    if (market.fundingSchedule?.rate.type !== 'premium-interest')
      throw new Error('expected premium-interest');
    expect(market.fundingSchedule.rate.clampBand.toString()).toBe('0.0005');
    expect(market.fundingSchedule.rate.floor.toString()).toBe('-0.0075');
  });

  it('returns a deeply frozen market', () => {
    const market = createMarket(tiered);
    expect(Object.isFrozen(market)).toBe(true);
    expect(Object.isFrozen(market.marginSchedule)).toBe(true);
    if (market.marginSchedule.type !== 'tiered') throw new Error('expected tiers');
    expect(Object.isFrozen(market.marginSchedule.tiers)).toBe(true);
    expect(Object.isFrozen(market.marginSchedule.tiers[0])).toBe(true);
    const withFunding = createMarket(inverseWithFunding);
    expect(Object.isFrozen(withFunding.fundingSchedule)).toBe(true);
    expect(Object.isFrozen(withFunding.fundingSchedule?.rate)).toBe(true);
  });

  it('does not mutate its input', () => {
    for (const input of [linear, tiered, inverseWithFunding, openInterest]) {
      const before = structuredClone(input);
      createMarket(input);
      expect(input).toEqual(before);
    }
  });

  it.each([
    ['a flat linear market', linear],
    ['a tiered market', tiered],
    ['an inverse market with a funding schedule', inverseWithFunding],
    ['an open-interest market', openInterest],
  ])('survives a JSON round trip: %s', (_label, input) => {
    const market = createMarket(input);
    const again = createMarket(JSON.parse(JSON.stringify(market)));
    expect(again).toEqual(market);
    expect(JSON.stringify(again)).toBe(JSON.stringify(market));
  });

  it('accepts a market it created and returns an equal one', () => {
    const market = createMarket(tiered);
    expect(createMarket(market)).toEqual(market);
  });

  it('prefixes error paths with the path it is given', () => {
    const error = thrown(() => createMarket({ ...linear, kind: 'spot' as 'linear' }, ['markets', 3]));
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toEqual(['markets', 3, 'kind']);
  });
});
