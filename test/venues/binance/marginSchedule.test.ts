import { describe, expect, it } from 'vitest';
import {
  createMarket,
  Decimal,
  InvalidArgumentError,
  marginRequirement,
  ValidationError,
  type ValidationErrorCode,
} from '../../../src/index.js';
import type {
  BinanceBracketOptions,
  BinanceLeverageBracketInput,
} from '../../../src/venues/binance/LeverageBracket.js';
import { binanceMaintenanceMargin } from '../../../src/venues/binance/maintenanceMargin.js';
import { binanceMarginSchedule } from '../../../src/venues/binance/marginSchedule.js';
import { BTCUSDT_2021, BTCUSDT_2021_CUM } from './helpers.js';

const strings = (xs: readonly Decimal[]) => xs.map((x) => x.toString());

function rejected(
  brackets: unknown,
  code: ValidationErrorCode,
  path: readonly (string | number)[],
  options: BinanceBracketOptions = {},
): void {
  let error: unknown;
  try {
    binanceMarginSchedule(brackets as BinanceLeverageBracketInput[], options);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).code).toBe(code);
  expect((error as ValidationError).path).toEqual(path);
}

const edit = (i: number, change: Record<string, unknown>) =>
  BTCUSDT_2021.map((b, j) => (j === i ? { ...b, ...change } : b));

describe('binanceMarginSchedule', () => {
  it('maps each bracket to a tier: floor, 1/initialLeverage, MMR, cum', () => {
    const schedule = binanceMarginSchedule(BTCUSDT_2021);
    expect(schedule.type).toBe('tiered');
    expect(strings(schedule.tiers.map((t) => t.notionalFloor))).toEqual(
      BTCUSDT_2021.map((b) => String(b.notionalFloor)),
    );
    expect(strings(schedule.tiers.map((t) => t.initialFraction))).toEqual([
      '0.008',
      '0.01',
      '0.02',
      '0.05',
      '0.1',
      '0.2',
      '0.25',
      new Decimal(1).div(3).toString(),
      '0.5',
      '1',
    ]);
    expect(strings(schedule.tiers.map((t) => t.maintenanceFraction))).toEqual(
      BTCUSDT_2021.map((b) => String(b.maintMarginRatio)),
    );
    expect(strings(schedule.tiers.map((t) => t.maintenanceDeduction))).toEqual(BTCUSDT_2021_CUM.map(String));
    expect(Object.isFrozen(schedule)).toBe(true);
    expect(Object.isFrozen(schedule.tiers[0])).toBe(true);
  });

  it('reads Binance JSON numbers and decimal strings alike', () => {
    const asStrings = BTCUSDT_2021.map((b) => ({
      ...b,
      bracket: String(b.bracket),
      initialLeverage: String(b.initialLeverage),
      notionalFloor: String(b.notionalFloor),
      notionalCap: String(b.notionalCap),
    }));
    expect(binanceMarginSchedule(asStrings)).toEqual(binanceMarginSchedule(BTCUSDT_2021));
  });

  it('ignores fields it does not read (Binance adds fields)', () => {
    const extra = BTCUSDT_2021.map((b) => ({ ...b, notionalCoef: 1.5 }));
    expect(binanceMarginSchedule(extra)).toEqual(binanceMarginSchedule(BTCUSDT_2021));
  });

  it('is what the library charges: marginRequirement equals binanceMaintenanceMargin', () => {
    const market = createMarket({
      id: 'BTCUSDT',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      marginSchedule: binanceMarginSchedule(BTCUSDT_2021),
    });
    for (const notional of ['1', '49999.99', '50000', '264000', '999999', '12345678', '450000000']) {
      const lib = marginRequirement(market, 1, notional);
      const venue = binanceMaintenanceMargin({ positionAmt: 1, markPrice: notional, brackets: BTCUSDT_2021 });
      expect(lib.maintenance.equals(venue.maintenanceMargin)).toBe(true);
      expect((lib.tierIndex ?? -1) + 1).toBe(venue.bracket);
    }
  });

  describe('cum policy', () => {
    it("'verify' (default) names the first bracket that breaks the recursion", () => {
      rejected(edit(3, { cum: 16_301 }), 'INVALID_FIELD', [3, 'cum']);
      rejected(edit(0, { cum: 1 }), 'INVALID_FIELD', [0, 'cum']);
    });

    it("'verify' accepts differences within cumTolerance", () => {
      const off = edit(3, { cum: '16300.004' });
      expect(() => binanceMarginSchedule(off, { cumTolerance: '0.01' })).not.toThrow();
      rejected(off, 'INVALID_FIELD', [3, 'cum'], { cumTolerance: '0.001' });
    });

    it("'as-given' keeps Binance's value; 'recompute' derives every cum", () => {
      const off = edit(3, { cum: 16_000 });
      expect(binanceMarginSchedule(off, { cum: 'as-given' }).tiers[3]?.maintenanceDeduction.toString()).toBe(
        '16000',
      );
      expect(
        strings(binanceMarginSchedule(off, { cum: 'recompute' }).tiers.map((t) => t.maintenanceDeduction)),
      ).toEqual(BTCUSDT_2021_CUM.map(String));
      // even a list without a usable cum column
      const zeros = BTCUSDT_2021.map((b) => ({ ...b, cum: 0 }));
      expect(
        strings(binanceMarginSchedule(zeros, { cum: 'recompute' }).tiers.map((t) => t.maintenanceDeduction)),
      ).toEqual(BTCUSDT_2021_CUM.map(String));
    });

    it("'as-given' still refuses a cum above the maintenance at the floor (negative maintenance)", () => {
      rejected(edit(1, { cum: 251 }), 'INVALID_RANGE', [1, 'cum'], { cum: 'as-given' });
    });

    it('rejects an unknown policy or a negative tolerance', () => {
      expect(() => binanceMarginSchedule(BTCUSDT_2021, { cum: 'trust' as 'verify' })).toThrow(
        InvalidArgumentError,
      );
      expect(() => binanceMarginSchedule(BTCUSDT_2021, { cumTolerance: -1 })).toThrow(InvalidArgumentError);
    });
  });

  describe('malformed lists', () => {
    const cases: readonly [string, unknown, ValidationErrorCode, readonly (string | number)[]][] = [
      ['an empty list', [], 'EMPTY', []],
      ['not a list', { brackets: BTCUSDT_2021 }, 'INVALID_TYPE', []],
      ['a non-numeric MMR', edit(2, { maintMarginRatio: 'abc' }), 'NOT_A_NUMBER', [2, 'maintMarginRatio']],
      ['an MMR above 1', edit(2, { maintMarginRatio: 1.5 }), 'ABOVE_ONE', [2, 'maintMarginRatio']],
      ['a negative cum', edit(2, { cum: -5 }), 'NEGATIVE', [2, 'cum']],
      ['a zero leverage', edit(2, { initialLeverage: 0 }), 'NOT_POSITIVE', [2, 'initialLeverage']],
      ['a missing cum', edit(2, { cum: undefined }), 'MISSING_FIELD', [2, 'cum']],
      ['a missing cap', edit(2, { notionalCap: undefined }), 'MISSING_FIELD', [2, 'notionalCap']],
      ['a fractional level', edit(2, { bracket: 2.5 }), 'INVALID_FIELD', [2, 'bracket']],
      ['levels out of order', edit(2, { bracket: 2 }), 'TIERS_NOT_ASCENDING', [2, 'bracket']],
      ['a first floor above 0', edit(0, { notionalFloor: 10 }), 'TIERS_NOT_ASCENDING', [0, 'notionalFloor']],
      ['a gap between brackets', edit(2, { notionalFloor: 260_000 }), 'INVALID_RANGE', [2, 'notionalFloor']],
      ['a cap not above its floor', edit(2, { notionalCap: 250_000 }), 'INVALID_RANGE', [2, 'notionalCap']],
      [
        'a falling MMR',
        edit(2, { maintMarginRatio: '0.0045' }),
        'FRACTIONS_DECREASING',
        [2, 'maintMarginRatio'],
      ],
      [
        'a rising leverage',
        edit(1, { initialLeverage: 150 }),
        'FRACTIONS_DECREASING',
        [1, 'initialLeverage'],
      ],
      [
        'an MMR above 1/leverage',
        edit(0, { initialLeverage: 300 }),
        'MAINTENANCE_ABOVE_INITIAL',
        [0, 'maintMarginRatio'],
      ],
      ['notional and quantity bounds together', edit(1, { qtyFloor: 1 }), 'INVALID_FIELD', [1, 'qtyFloor']],
    ];
    for (const [label, input, code, path] of cases) {
      it(`rejects ${label} (${code} at [${path.join(', ')}])`, () => rejected(input, code, path));
    }

    it('rejects a list mixing USDⓈ-M and COIN-M brackets', () => {
      const coin = {
        bracket: 3,
        initialLeverage: 50,
        qtyFloor: 250_000,
        qtyCap: 1e6,
        maintMarginRatio: '0.01',
        cum: 1300,
      };
      rejected([...BTCUSDT_2021.slice(0, 2), coin], 'INVALID_FIELD', [2, 'qtyFloor']);
    });
  });

  it('reads COIN-M brackets bounded in the coin, either spelling of the floor', () => {
    const coin: BinanceLeverageBracketInput[] = [
      { bracket: 1, initialLeverage: 125, qtylFloor: 0, qtyCap: 5, maintMarginRatio: '0.004', cum: 0 },
      { bracket: 2, initialLeverage: 100, qtyFloor: 5, qtyCap: 10, maintMarginRatio: '0.005', cum: '0.005' },
    ];
    const schedule = binanceMarginSchedule(coin);
    expect(strings(schedule.tiers.map((t) => t.notionalFloor))).toEqual(['0', '5']);
    expect(schedule.tiers[1]?.maintenanceDeduction.toString()).toBe('0.005');
  });
});
