import { describe, expect, it } from 'vitest';
import {
  createFundingSchedule,
  createMarket,
  fundingPayment,
  InvalidArgumentError,
  isMarginKitError,
  type MarketInput,
} from '../../src/index.js';

const HOUR = 3_600_000;
const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;
const premium = { type: 'premium-interest', interestRate: '0.0001', cap: '0.04' } as const;

const base = (input: Partial<MarketInput>): MarketInput => ({
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDC',
  marginSchedule: flat,
  ...input,
});
// Hyperliquid: an 8-hour rate paid every hour at one eighth, on the oracle price.
const hyperliquid = createMarket(
  base({
    fundingSchedule: { intervalMs: HOUR, ratePeriodMs: 8 * HOUR, paymentPrice: 'oracle', rate: premium },
  }),
);
// Binance USDⓈ-M: an 8-hour rate paid every 8 hours on the mark price.
const binance = createMarket(
  base({
    quoteAsset: 'USDT',
    fundingSchedule: { intervalMs: 8 * HOUR, paymentPrice: 'mark', rate: premium },
  }),
);
// Binance COIN-M BTCUSD: inverse, 100 USD per contract, settled in BTC.
const coinM = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: flat,
  fundingSchedule: { intervalMs: 8 * HOUR, paymentPrice: 'mark', rate: premium },
});

describe('fundingPayment: linear', () => {
  it('pays an 8-hour rate hourly at one eighth (Hyperliquid "Funding")', () => {
    // 10 BTC · 10 000 · 0.0001 · (1 h / 8 h) = 10 · 0.125 = 1.25
    expect(fundingPayment(hyperliquid, 10, 10_000, '0.0001').toString()).toBe('1.25');
    // the factor-8 error this guards against: the full 8-hour rate each hour would be 10
    expect(fundingPayment(hyperliquid, 10, 10_000, '0.0001').times(8).toString()).toBe('10');
  });

  it('pays the full 8-hour rate every 8 hours (Binance)', () => {
    // 2 BTC · 50 000 · 0.0001 = 100 000 · 0.0001 = 10
    expect(fundingPayment(binance, 2, 50_000, '0.0001').toString()).toBe('10');
  });

  it('longs pay and shorts receive a positive rate; the reverse for a negative rate', () => {
    // −2 · 50 000 · 0.0001 = −10 (the short receives 10)
    expect(fundingPayment(binance, -2, 50_000, '0.0001').toString()).toBe('-10');
    // 2 · 50 000 · −0.0003 = −30 (the long receives 30)
    expect(fundingPayment(binance, 2, 50_000, '-0.0003').toString()).toBe('-30');
    // −2 · 50 000 · −0.0003 = 30 (the short pays 30)
    expect(fundingPayment(binance, -2, 50_000, '-0.0003').toString()).toBe('30');
  });

  it('pays a 4-hour interval correctly, whether the rate is quoted per 4 h or per 8 h', () => {
    const per4h = createFundingSchedule({ intervalMs: 4 * HOUR, paymentPrice: 'mark', rate: premium });
    const per8hPaid4h = createFundingSchedule({
      intervalMs: 4 * HOUR,
      ratePeriodMs: 8 * HOUR,
      paymentPrice: 'mark',
      rate: premium,
    });
    // 3 ETH · 2 000 = 6 000; rate per 4 h: 6 000 · 0.0002 · (4 h / 4 h) = 1.2
    expect(fundingPayment(binance, 3, 2_000, '0.0002', per4h).toString()).toBe('1.2');
    // rate per 8 h paid every 4 h: 6 000 · 0.0002 · (4 h / 8 h) = 0.6
    expect(fundingPayment(binance, 3, 2_000, '0.0002', per8hPaid4h).toString()).toBe('0.6');
  });

  it('scales by the contract size', () => {
    const kucoin = createMarket(
      base({
        contractSize: '0.001',
        fundingSchedule: { intervalMs: 8 * HOUR, paymentPrice: 'mark', rate: premium },
      }),
    );
    // 10 000 contracts · 0.001 BTC = 10 BTC; 10 · 28 000 · 0.0001 = 28
    expect(fundingPayment(kucoin, 10_000, 28_000, '0.0001').toString()).toBe('28');
  });

  it('is exact in decimal', () => {
    // 0.1 · 0.3 · 0.0001 = 0.000003 (float64 gives 3.0000000000000004e-6)
    expect(fundingPayment(binance, 0.1, 0.3, '0.0001').toString()).toBe('0.000003');
  });
});

describe('fundingPayment: inverse (Binance COIN-M FAQ: nominal = multiplier · size / mark)', () => {
  it('pays in coin on the contracts’ coin value', () => {
    // 1 000 contracts · 100 USD / 50 000 = 2 BTC; 2 · 0.0001 = 0.0002 BTC
    expect(fundingPayment(coinM, 1_000, 50_000, '0.0001').toString()).toBe('0.0002');
    // short: −0.0002 (receives)
    expect(fundingPayment(coinM, -1_000, 50_000, '0.0001').toString()).toBe('-0.0002');
  });

  it('pays less coin as the price rises', () => {
    // 1 000 · 100 / 62 500 = 1.6 BTC; 1.6 · 0.0001 = 0.00016 BTC
    expect(fundingPayment(coinM, 1_000, 62_500, '0.0001').toString()).toBe('0.00016');
  });

  it('rejects a price that is not positive', () => {
    for (const [market, size] of [
      [coinM, 1_000],
      [binance, 2],
    ] as const) {
      for (const price of [0, -50_000]) {
        let thrown: unknown;
        try {
          fundingPayment(market, size, price, '0.0001');
        } catch (error) {
          thrown = error;
        }
        expect(isMarginKitError(thrown)).toBe(true);
        expect((thrown as InvalidArgumentError).path).toEqual(['price']);
      }
    }
  });
});

describe('fundingPayment: bad input', () => {
  it('rejects a market without a funding schedule (NO_FUNDING_SCHEDULE)', () => {
    const spotLike = createMarket(base({ id: 'NOFUND' }));
    try {
      fundingPayment(spotLike, 1, 100, '0.0001');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('NO_FUNDING_SCHEDULE');
      expect((error as InvalidArgumentError).path).toEqual(['markets', 'NOFUND', 'fundingSchedule']);
    }
  });

  it('accepts an explicit schedule for a market that has none', () => {
    const spotLike = createMarket(base({ id: 'NOFUND' }));
    const schedule = createFundingSchedule({ intervalMs: 8 * HOUR, paymentPrice: 'mark', rate: premium });
    // 1 · 100 · 0.0001 = 0.01
    expect(fundingPayment(spotLike, 1, 100, '0.0001', schedule).toString()).toBe('0.01');
  });

  it('rejects malformed numbers with the argument’s name', () => {
    expect(() => fundingPayment(binance, 'one', 100, '0.0001')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['size'] }),
    );
    expect(() => fundingPayment(binance, 1, Number.NaN, '0.0001')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['price'] }),
    );
    expect(() => fundingPayment(binance, 1, 100, '1e')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['rate'] }),
    );
  });
});
