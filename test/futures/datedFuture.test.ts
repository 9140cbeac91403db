// A dated future in a margin account: created with an expiry, margined exactly like a perpetual of the same terms,
// never funded, its basis converging toward expiry in every stress with a time shift, settled at its index after.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convergeBasis,
  createMarginAccount,
  createMarket,
  createOptionBook,
  createPrices,
  Decimal,
  fundingPayment,
  type MarketInput,
  MissingPriceError,
  stressAccount,
  stressWithOptions,
  summarizeAccount,
  ValidationError,
  withProjectedFunding,
} from '../../src/index.js';
import { invalidArgument } from '../support/invalidArgument.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 4, 8);
const EXPIRY = NOW + 40 * DAY;
const flat = { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } as const;
const hourly = {
  intervalMs: 3_600_000,
  ratePeriodMs: 28_800_000,
  paymentPrice: 'oracle',
  rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.04' },
} as const;
const future: MarketInput = {
  id: 'BTC-27MAR',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDC',
  expiry: EXPIRY,
  marginSchedule: flat,
};
const perp: MarketInput = {
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDC',
  marginSchedule: flat,
};

function account(size: string, collateral = 5000) {
  return createMarginAccount({
    settleAsset: 'USDC',
    markets: [future, { ...perp, fundingSchedule: hourly }],
    collateral: [{ asset: 'USDC', amount: collateral }],
    positions: [{ marketId: 'BTC-27MAR', size, entryPrice: 101_000, marginMode: 'cross' }],
  });
}
const prices = createPrices({
  markets: {
    'BTC-27MAR': { oracle: 100_000, mark: 101_000 },
    'BTC-PERP': { oracle: 100_000, mark: 100_000 },
  },
});

describe('a dated future market', () => {
  it('keeps its expiry and needs no funding schedule', () => {
    const m = createMarket(future);
    expect(m.expiry).toBe(EXPIRY);
    expect(m.fundingSchedule).toBeUndefined();
    expect(createMarket(perp).expiry).toBeUndefined();
  });

  it('rejects a funding schedule on a future, and a malformed expiry, with codes and paths', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{ ...future, fundingSchedule: hourly }, 'FUNDING_ON_FUTURE', ['fundingSchedule']],
      [{ ...future, expiry: -1 }, 'NEGATIVE', ['expiry']],
      [{ ...future, expiry: 1.5 }, 'INVALID_FIELD', ['expiry']],
      [{ ...future, expiry: '2026-03-27' }, 'INVALID_TYPE', ['expiry']],
    ];
    for (const [input, code, path] of cases) {
      try {
        createMarket(input as MarketInput);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).code).toBe(code);
        expect((e as ValidationError).path).toEqual(path);
      }
    }
  });

  it('is never funded: per-market funding throws, account funding skips it', () => {
    const m = createMarket(future);
    const schedule = createMarket({ ...perp, fundingSchedule: hourly }).fundingSchedule;
    for (const run of [
      () => fundingPayment(m, 1, 100_000, '0.0001'),
      () => fundingPayment(m, 1, 100_000, '0.0001', schedule),
    ]) {
      const e = invalidArgument(run);
      expect(e.code).toBe('NO_FUNDING_SCHEDULE');
      expect(e.path).toEqual(['markets', 'BTC-27MAR', 'fundingSchedule']);
    }
    const a = createMarginAccount({
      settleAsset: 'USDC',
      markets: [future, { ...perp, fundingSchedule: hourly }],
      collateral: [{ asset: 'USDC', amount: 5000 }],
      positions: [
        { marketId: 'BTC-27MAR', size: '1', entryPrice: 101_000, marginMode: 'cross' },
        { marketId: 'BTC-PERP', size: '1', entryPrice: 100_000, marginMode: 'cross' },
      ],
    });
    const later = withProjectedFunding(a, prices, {
      fromMs: NOW,
      toMs: NOW + DAY,
      scenario: { kind: 'worst-case' },
    });
    expect(later.positions[0]?.unsettledFunding.isZero()).toBe(true);
    // The perpetual pays the 4 % cap per 8 h on 100 000 for 24 h.
    expect(later.positions[1]?.unsettledFunding.toString()).toBe('12000');
  });
});

describe('convergeBasis', () => {
  it('shrinks the basis by the time left and settles at the index at expiry', () => {
    const a = account('1');
    const at = (horizonMs: number) =>
      convergeBasis(a, prices, { nowMs: NOW, horizonMs }).markets['BTC-27MAR']?.mark?.toString();
    expect(at(0)).toBe('101000');
    expect(at(10 * DAY)).toBe('100750'); // 100 000 + 1000 · 30/40
    expect(at(30 * DAY)).toBe('100250'); // 100 000 + 1000 · 10/40
    expect(at(40 * DAY)).toBe('100000');
    expect(at(400 * DAY)).toBe('100000');
    // Perpetuals and the index stay.
    const later = convergeBasis(a, prices, { nowMs: NOW, horizonMs: 30 * DAY });
    expect(later.markets['BTC-PERP']).toBe(prices.markets['BTC-PERP']);
    expect(later.markets['BTC-27MAR']?.oracle?.toString()).toBe('100000');
    expect(convergeBasis(a, prices, { nowMs: NOW })).toBe(prices);
  });

  it('values a future already past expiry at its index, with no horizon', () => {
    const p = convergeBasis(account('1'), prices, { nowMs: EXPIRY + 1 });
    expect(p.markets['BTC-27MAR']?.mark?.toString()).toBe('100000');
  });

  it('needs the index to move a future, and a whole non-negative horizon', () => {
    const markOnly = createPrices({ markets: { 'BTC-27MAR': { mark: 101_000 } } });
    expect(() => convergeBasis(account('1'), markOnly, { nowMs: NOW, horizonMs: DAY })).toThrow(
      MissingPriceError,
    );
    try {
      convergeBasis(account('1'), markOnly, { nowMs: NOW, horizonMs: DAY });
    } catch (e) {
      expect((e as MissingPriceError).path).toEqual(['markets', 'BTC-27MAR', 'oracle']);
    }
    expect(
      invalidArgument(() => convergeBasis(account('1'), prices, { nowMs: NOW, horizonMs: -1 })).path,
    ).toEqual(['options', 'horizonMs']);
    expect(invalidArgument(() => convergeBasis(account('1'), prices, { nowMs: 0.5 })).path).toEqual([
      'options',
      'nowMs',
    ]);
  });

  it('property: the converged basis is basis · τ₁/τ₀ (to 40 digits), shrinking monotonically to 0 at expiry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        fc.integer({ min: 1, max: 400 * DAY }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (s, b, remaining, fractions) => {
          const index = new Decimal(s);
          const mark = Decimal.max(index.plus(new Decimal(b).div(100)), '0.01');
          const a = createMarginAccount({
            settleAsset: 'USDC',
            markets: [{ ...future, expiry: NOW + remaining }],
            collateral: [],
            positions: [],
          });
          const p = createPrices({ markets: { 'BTC-27MAR': { oracle: index, mark } } });
          const hs = [...fractions.map((f) => Math.floor(f * remaining)), remaining].sort((x, y) => x - y);
          let last = mark.minus(index).abs();
          for (const h of hs) {
            const moved = convergeBasis(a, p, { nowMs: NOW, horizonMs: h }).markets['BTC-27MAR']
              ?.mark as Decimal;
            const basis = moved.minus(index);
            // Exact up to the last of 40 significant digits of the price S + basis'.
            const expected = mark
              .minus(index)
              .times(remaining - h)
              .div(remaining);
            expect(basis.minus(expected).abs().lte(Decimal.max(index, mark).times('1e-39'))).toBe(true);
            expect(basis.abs().lte(last)).toBe(true);
            last = basis.abs();
          }
          expect(last.isZero()).toBe(true);
        },
      ),
    );
  });
});

describe('margin of a dated future', () => {
  it('property: equals that of a perpetual with the same terms (linear and inverse, flat and tiered)', () => {
    const schedules = [
      flat,
      {
        type: 'tiered',
        tiers: [
          { notionalFloor: 0, initialFraction: '0.01', maintenanceFraction: '0.005' },
          { notionalFloor: 50_000, initialFraction: '0.02', maintenanceFraction: '0.01' },
          { notionalFloor: 500_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
        ],
      },
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom('linear', 'inverse'),
        fc.constantFrom(...schedules),
        fc.integer({ min: -2000, max: 2000 }).filter((n) => n !== 0),
        fc.integer({ min: 1000, max: 200_000 }),
        fc.integer({ min: 1000, max: 200_000 }),
        fc.constantFrom('cross', 'isolated'),
        (kind, schedule, size, entry, mark, mode) => {
          const settle = kind === 'linear' ? 'USD' : 'BTC';
          const book = (expiry?: number) =>
            createMarginAccount({
              settleAsset: settle,
              markets: [
                {
                  id: 'M',
                  kind,
                  baseAsset: 'BTC',
                  quoteAsset: 'USD',
                  contractSize: kind === 'linear' ? '0.01' : '100',
                  marginSchedule: schedule,
                  ...(expiry === undefined ? {} : { expiry }),
                },
              ],
              collateral: [{ asset: settle, amount: kind === 'linear' ? 10_000 : 1 }],
              positions: [
                {
                  marketId: 'M',
                  size,
                  entryPrice: entry,
                  marginMode: mode,
                  ...(mode === 'isolated' ? { isolatedMargin: kind === 'linear' ? 500 : '0.05' } : {}),
                },
              ],
            });
          const p = createPrices({ markets: { M: { mark, oracle: mark } } });
          const a = summarizeAccount(book(EXPIRY), p);
          const b = summarizeAccount(book(), p);
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        },
      ),
    );
  });
});

describe('time shifts in stress runs', () => {
  it('stressWithOptions converges the future over the horizon after the move', () => {
    const a = account('1');
    const book = createOptionBook({ markets: [], positions: [] }, a);
    const rows = stressWithOptions(a, book, prices, { nowMs: NOW }, [
      { name: 'now' },
      { name: '30 days', horizonMs: 30 * DAY },
      { name: '−10 %, 30 days', move: '-0.1', horizonMs: 30 * DAY },
      { name: 'past expiry', horizonMs: 41 * DAY },
    ]);
    // Equity 5000 + (F' − 101 000): F' = 101 000; 100 250; 90 000 + 900 · 1/4 = 90 225; 100 000.
    expect(rows.map((r) => r.summary.cross.equity.toString())).toEqual(['5000', '4250', '-5775', '4000']);
  });

  it('stressAccount converges the future over a scenario funding horizon, and not without one', () => {
    const a = account('-2', 3000);
    const run = stressAccount(a, prices, [
      { name: 'spot', shock: { kind: 'uniform', move: '0.05' } },
      {
        name: 'spot, 20 days',
        shock: { kind: 'uniform', move: '0.05' },
        funding: { fromMs: NOW, toMs: NOW + 20 * DAY, scenario: { kind: 'worst-case' } },
      },
    ]);
    const [spot, later] = run.results;
    // Short 2 at 101 000 · 1.05 = 106 050: 3000 − 2 · 5050 = −7100.
    expect(spot?.summary.cross.equity.toString()).toBe('-7100');
    // 105 000 + 1050 · 20/40 = 105 525: 3000 − 2 · 4525 = −6050; no funding is paid on a future.
    expect(later?.prices.markets['BTC-27MAR']?.mark?.toString()).toBe('105525');
    expect(later?.summary.cross.equity.toString()).toBe('-6050');
    expect(later?.fundingPaid.isZero()).toBe(true);
    expect(later?.cascade[0]?.positionId).toBe('BTC-27MAR');
  });

  it('stressAccount rejects a funding horizon that ends before it starts when the account holds a future', () => {
    const e = invalidArgument(() =>
      stressAccount(account('1'), prices, [
        { name: 'x', funding: { fromMs: NOW, toMs: NOW - 1, scenario: { kind: 'worst-case' } } },
      ]),
    );
    expect(e.code).toBe('END_BEFORE_START');
    expect(e.path).toEqual(['scenarios', 0, 'funding', 'toMs']);
  });
});
