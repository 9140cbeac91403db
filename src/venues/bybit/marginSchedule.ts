import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { failValidation as fail } from '../../errors/ValidationError.js';
import { checkList, checkOptions } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { deepFreeze } from '../../internal/freeze.js';
import { describeValue } from '../../internal/quoteInput.js';
import type { TieredMarginSchedule } from '../../market/MarginSchedule.js';
import { marginScheduleSchema } from '../../schemas/market.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { BybitRiskLimitTier } from './payloads.js';
import { riskLimitTierSchema } from './schemas.js';

/**
 * Options of {@link bybitMarginSchedule}.
 * @category Venue: Bybit
 */
export interface BybitMarginScheduleOptions {
  /**
   * How `maintenanceMargin` and `initialMargin` are written: `'fraction'` (default; `'0.005'` is 0.5 %, as the live
   * API sends them) or `'percent'` (`'0.5'` is 0.5 %, as in the response example of Bybit's "Get Risk Limit" page).
   * Either way each tier must satisfy `initialRate · maxLeverage ≈ 1` (within a factor of 2), which catches the
   * wrong unit.
   */
  readonly rateUnit?: 'fraction' | 'percent';
  /**
   * Largest accepted difference between a tier's `mmDeduction` and the recursion
   * `MM_deduction_n = RiskLimit_{n−1}·(MMR_n − MMR_{n−1}) + MM_deduction_{n−1}`; default 0 (exact).
   */
  readonly deductionTolerance?: DecimalInput;
}

/** A validated tier, rates as fractions, with where it came from. */
export interface ReadTier {
  readonly path: InputPath;
  readonly symbol?: string;
  readonly riskLimitValue: Decimal;
  readonly maintenanceRate: Decimal;
  readonly initialRate: Decimal;
  readonly maxLeverage: Decimal;
  /** The deduction used: Bybit's when given, else the recursion's. */
  readonly deduction: Decimal;
}

/**
 * Validates risk-limit tiers (each at its own input path), sorts them by `riskLimitValue`, checks the deduction
 * recursion, and builds the library's tiered schedule (tier n starts at tier n−1's risk limit).
 */
export function readRiskLimitTiers(
  items: readonly unknown[],
  paths: readonly InputPath[],
  listPath: InputPath,
  options: BybitMarginScheduleOptions,
): { readonly tiers: readonly ReadTier[]; readonly schedule: TieredMarginSchedule } {
  const unit = options.rateUnit ?? 'fraction';
  if (unit !== 'fraction' && unit !== 'percent') {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `rateUnit must be 'fraction' or 'percent', got ${describeValue(unit)}`,
      ['options', 'rateUnit'],
    );
  }
  const tolerance =
    options.deductionTolerance === undefined
      ? new Decimal(0)
      : decimalArg(options.deductionTolerance, 'deductionTolerance', ['options', 'deductionTolerance']).abs();
  if (items.length === 0) fail('EMPTY', listPath, 'at least one risk-limit tier is needed');
  const scale = new Decimal(unit === 'percent' ? 100 : 1);

  const read = items.map((item, i) => {
    const path = paths[i] ?? [...listPath, i];
    const v = parseOrThrow(riskLimitTierSchema(), item, [...path]);
    const maintenanceRate = v.maintenanceMargin.div(scale);
    const initialRate = v.initialMargin.div(scale);
    if (initialRate.greaterThan(1)) {
      fail(
        'ABOVE_ONE',
        [...path, 'initialMargin'],
        `an initial margin rate above 100 % (${initialRate.toString()})`,
      );
    }
    const product = initialRate.times(v.maxLeverage);
    if (product.lessThan('0.5') || product.greaterThan(2)) {
      const hint =
        unit === 'fraction' && product.greaterThanOrEqualTo(50) && product.lessThanOrEqualTo(200)
          ? "; the rates look like percentages: pass rateUnit: 'percent'"
          : unit === 'percent' && product.greaterThanOrEqualTo('0.005') && product.lessThanOrEqualTo('0.02')
            ? "; the rates look like fractions: pass rateUnit: 'fraction'"
            : '';
      fail(
        'INVALID_FIELD',
        [...path, 'initialMargin'],
        `initial rate ${initialRate.toString()} × maxLeverage ${v.maxLeverage.toString()} = ${product.toString()}, not ≈ 1${hint}`,
      );
    }
    if (maintenanceRate.greaterThan(initialRate)) {
      fail(
        'MAINTENANCE_ABOVE_INITIAL',
        [...path, 'maintenanceMargin'],
        `maintenance rate ${maintenanceRate.toString()} is above the initial rate ${initialRate.toString()}`,
      );
    }
    return { path, v, maintenanceRate, initialRate };
  });

  const symbol = read.find((r) => r.v.symbol !== undefined)?.v.symbol;
  for (const r of read) {
    if (r.v.symbol !== undefined && r.v.symbol !== symbol) {
      fail('INVALID_FIELD', [...r.path, 'symbol'], `tiers of '${symbol}' and '${r.v.symbol}' are mixed`);
    }
  }

  // Bybit lists tiers by risk ID, which need not follow the risk limit (the live API has returned id 2 first).
  const sorted = [...read].sort((a, b) => a.v.riskLimitValue.comparedTo(b.v.riskLimitValue));
  const tiers: ReadTier[] = [];
  let derived = new Decimal(0);
  sorted.forEach((r, n) => {
    const previous = sorted[n - 1];
    if (previous) {
      if (!r.v.riskLimitValue.greaterThan(previous.v.riskLimitValue)) {
        fail(
          'TIERS_NOT_ASCENDING',
          [...r.path, 'riskLimitValue'],
          `risk limit ${r.v.riskLimitValue.toString()} is listed twice`,
        );
      }
      if (r.maintenanceRate.lessThan(previous.maintenanceRate)) {
        fail(
          'FRACTIONS_DECREASING',
          [...r.path, 'maintenanceMargin'],
          'maintenance rate below a lower tier’s',
        );
      }
      if (r.initialRate.lessThan(previous.initialRate)) {
        fail('FRACTIONS_DECREASING', [...r.path, 'initialMargin'], 'initial rate below a lower tier’s');
      }
      // MM_deduction_n = RiskLimit_{n−1} · (MMR_n − MMR_{n−1}) + MM_deduction_{n−1}
      // (the previous deduction is the one used for that tier: Bybit's when given)
      derived = previous.v.riskLimitValue
        .times(r.maintenanceRate.minus(previous.maintenanceRate))
        .plus(tiers[n - 1]?.deduction ?? derived);
    }
    const given = r.v.mmDeduction;
    if (given?.minus(derived).abs().greaterThan(tolerance)) {
      fail(
        'INVALID_FIELD',
        [...r.path, 'mmDeduction'],
        `mmDeduction ${given.toString()} differs from the recursion's ${derived.toString()}`,
      );
    }
    tiers.push({
      path: r.path,
      ...(r.v.symbol === undefined ? {} : { symbol: r.v.symbol }),
      riskLimitValue: r.v.riskLimitValue,
      maintenanceRate: r.maintenanceRate,
      initialRate: r.initialRate,
      maxLeverage: r.v.maxLeverage,
      deduction: given ?? derived,
    });
  });

  const schedule = parseOrThrow(
    marginScheduleSchema(),
    {
      type: 'tiered',
      tiers: tiers.map((t, n) => ({
        notionalFloor: n === 0 ? new Decimal(0) : (tiers[n - 1]?.riskLimitValue ?? new Decimal(0)),
        initialFraction: t.initialRate,
        maintenanceFraction: t.maintenanceRate,
        maintenanceDeduction: t.deduction,
      })),
    },
    [...listPath],
  ) as TieredMarginSchedule;
  return { tiers, schedule: deepFreeze(schedule) };
}

/**
 * The tier whose range holds a position value: Bybit's tiers include their upper bound (a BTCUSDT position of
 * exactly 2,000,000 USDT is still in the 2,000,000 tier), so this is the first tier with `value ≤ riskLimitValue`,
 * or the last tier above the largest limit.
 */
export function tierForValue(tiers: readonly ReadTier[], value: Decimal): ReadTier | undefined {
  return tiers.find((t) => value.lessThanOrEqualTo(t.riskLimitValue)) ?? tiers[tiers.length - 1];
}

/**
 * The library's tiered margin schedule from a symbol's risk-limit tiers, as `GET /v5/market/risk-limit` returns them.
 *
 * - Tier n applies from the previous tier's `riskLimitValue` (0 for the first) up to its own, with
 *   `initialFraction = initialMargin`, `maintenanceFraction = maintenanceMargin` and
 *   `MM = value · MMR_n − MM_deduction_n` (Bybit "Maintenance Margin (USDT Contract)", "Margin Parameters").
 * - Deductions: Bybit's `mmDeduction` is checked against the recursion
 *   `MM_deduction_n = RiskLimit_{n−1}·(MMR_n − MMR_{n−1}) + MM_deduction_{n−1}` (`MM_deduction_1 = 0`) and used;
 *   an empty one is derived by it. This keeps the maintenance margin continuous in the position value.
 * - Tiers are sorted by `riskLimitValue` (Bybit lists them by risk ID).
 * - Boundary: Bybit's tier includes its upper limit; the library's tiers include their floor. At a value exactly on
 *   a limit the maintenance margin is the same either way (continuity); the initial rate is the next tier's here.
 *   Positions above the last limit are not allowed on Bybit; the schedule extends the last tier.
 *
 * Units: risk limits and deductions in the settle coin (USDT/USDC for linear, the coin for inverse).
 *
 * @param tiers - the `list` of the response for one symbol.
 * @param options - `rateUnit` (default `'fraction'`) and `deductionTolerance` (default 0).
 * @throws {@link ValidationError} with the path of the bad field, e.g. `['tiers', 1, 'mmDeduction']`
 *   (`INVALID_FIELD`), `TIERS_NOT_ASCENDING`, `MAINTENANCE_ABOVE_INITIAL`, `FRACTIONS_DECREASING`.
 * @example
 * ```ts
 * import { bybitMarginSchedule } from 'marginkit';
 * const schedule = bybitMarginSchedule([
 *   { riskLimitValue: '2000000', maintenanceMargin: '0.005', initialMargin: '0.01', maxLeverage: '100.00', mmDeduction: '' },
 *   { riskLimitValue: '2600000', maintenanceMargin: '0.0056', initialMargin: '0.0112', maxLeverage: '89.28', mmDeduction: '1200' },
 * ]);
 * schedule.tiers[1]?.notionalFloor.toString(); // => '2000000'
 * schedule.tiers[1]?.maintenanceDeduction.toString(); // => '1200'
 * ```
 * @category Venue: Bybit
 */
export function bybitMarginSchedule(
  tiers: readonly BybitRiskLimitTier[],
  options: BybitMarginScheduleOptions = {},
): TieredMarginSchedule {
  checkOptions(options);
  if (!Array.isArray(tiers)) fail('INVALID_TYPE', ['tiers'], 'expected the list of risk-limit tiers');
  checkList(tiers, 'tiers');
  return readRiskLimitTiers(
    tiers,
    tiers.map((_, i) => ['tiers', i]),
    ['tiers'],
    options,
  ).schedule;
}
