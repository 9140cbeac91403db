// Generators and helpers shared by the property tests (`*.prop.test.ts`).
//
// Every number is an exact decimal string built from an integer scaled by a power of ten, so an input means
// exactly what it says. Markets, positions and prices are generated together, leg by leg: a leg's tier floors,
// isolated margin and collateral are drawn relative to its own notional, so tier boundaries and liquidation
// prices fall where the properties can reach them.
import { Decimal as ForeignDecimal } from 'decimal.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type AccountSummary,
  createPrices,
  Decimal,
  type DecimalInput,
  type FundingPrice,
  type FundingRateModelInput,
  type FundingScheduleInput,
  type MarginAccountInput,
  type MarginMode,
  type MarginScheduleInput,
  type MarketInput,
  type MarketKind,
  type PoolSummary,
  type PositionInput,
  type PriceSource,
  type Prices,
  type PricesInput,
} from '../../src/index.js';

/** `n · 10^exponent` as a plain decimal string (no exponent notation). */
export function scaled(n: number | bigint, exponent: number): string {
  return new Decimal(`${n}e${exponent}`).toFixed();
}

/** A Decimal as a plain string with at most `digits` significant digits. */
export function sig(value: Decimal, digits: number): string {
  return value.toSignificantDigits(digits).toFixed();
}

export type ScheduleKind = 'flat' | 'tiered' | 'open-interest';

/** Integer maintenance fraction in units of 0.0001; 0 only when zero maintenance is allowed. */
function maintenanceUnits(zero: boolean, max: number): fc.Arbitrary<number> {
  const positive = fc.integer({ min: 1, max });
  return zero
    ? fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: positive })
    : positive;
}

export interface ScheduleOptions {
  readonly schedules: readonly ScheduleKind[];
  /** Allow maintenance fractions of exactly 0. */
  readonly zeroMaintenance: boolean;
}

/**
 * A margin schedule for a leg whose entry notional is `n0`. Tier floors are drawn at 5 %–400 % of `n0` (three
 * significant digits); deductions are omitted (the factory derives them) or given explicitly, computed here by
 * the continuity recursion `dₙ = dₙ₋₁ + floorₙ · (MMFₙ − MMFₙ₋₁)`.
 */
export function scheduleArb(
  kind: MarketKind,
  n0: Decimal,
  options: ScheduleOptions,
): fc.Arbitrary<{ schedule: MarginScheduleInput; openInterestFactor?: number }> {
  const choices: fc.Arbitrary<{ schedule: MarginScheduleInput; openInterestFactor?: number }>[] = [];
  if (options.schedules.includes('flat')) {
    choices.push(
      fc
        .record({
          m: maintenanceUnits(options.zeroMaintenance, 2000),
          extra: fc.integer({ min: 0, max: 3000 }),
        })
        .map(({ m, extra }) => ({
          schedule: {
            type: 'flat' as const,
            initialFraction: scaled(m + extra, -4),
            maintenanceFraction: scaled(m, -4),
          },
        })),
    );
  }
  if (options.schedules.includes('tiered')) {
    choices.push(
      fc
        .record({
          multipliers: fc.uniqueArray(fc.integer({ min: 5, max: 400 }), { minLength: 0, maxLength: 5 }),
          m0: maintenanceUnits(options.zeroMaintenance, 200),
          steps: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 5, maxLength: 5 }),
          extras: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 6, maxLength: 6 }),
          explicitDeductions: fc.boolean(),
        })
        .map(({ multipliers, m0, steps, extras, explicitDeductions }) => {
          const floors: Decimal[] = [new Decimal(0)];
          for (const k of [...multipliers].sort((x, y) => x - y)) {
            const floor = new Decimal(sig(n0.times(k).div(100), 3));
            const last = floors[floors.length - 1] as Decimal;
            if (floor.greaterThan(last)) floors.push(floor);
          }
          let m = m0;
          let imf = 0;
          let deduction = new Decimal(0);
          let previousFraction = new Decimal(0);
          const tiers = floors.map((floor, i) => {
            if (i > 0) m += steps[i - 1] ?? 0;
            imf = Math.max(imf, m + (extras[i] ?? 0));
            const fraction = new Decimal(scaled(m, -4));
            if (i > 0) deduction = deduction.plus(floor.times(fraction.minus(previousFraction)));
            previousFraction = fraction;
            return {
              notionalFloor: floor.toFixed(),
              initialFraction: scaled(imf, -4),
              maintenanceFraction: fraction.toFixed(),
              ...(explicitDeductions ? { maintenanceDeduction: deduction.toFixed() } : {}),
            };
          });
          return { schedule: { type: 'tiered' as const, tiers } };
        }),
    );
  }
  if (options.schedules.includes('open-interest') && kind === 'linear') {
    choices.push(
      fc
        .record({
          m: maintenanceUnits(options.zeroMaintenance, 1000),
          extra: fc.integer({ min: 0, max: 2000 }),
          scaling: fc.boolean(),
          lower: fc.integer({ min: 0, max: 50 }),
          width: fc.integer({ min: 1, max: 50 }),
          openInterestFactor: fc.integer({ min: 1, max: 100 }),
        })
        .map(({ m, extra, scaling, lower, width, openInterestFactor }) => {
          const lowerCap = scaling ? n0.times(lower) : new Decimal(0);
          const upperCap = scaling ? lowerCap.plus(n0.times(width)) : new Decimal(0);
          return {
            schedule: {
              type: 'open-interest' as const,
              initialFraction: scaled(m + extra, -4),
              maintenanceFraction: scaled(m, -4),
              openInterestLowerCap: sig(lowerCap, 6),
              openInterestUpperCap: sig(upperCap, 6),
            },
            openInterestFactor,
          };
        }),
    );
  }
  return fc.oneof(...choices);
}

/** One market with one position in it and its current prices. */
export interface Leg {
  readonly marketId: string;
  readonly kind: MarketKind;
  readonly market: MarketInput;
  readonly long: boolean;
  /** |size| = sizeMantissa · 10^sizeExponent. */
  readonly sizeMantissa: number;
  readonly sizeExponent: number;
  readonly size: string;
  readonly entryPrice: string;
  readonly mark: string;
  readonly oracle: string;
  readonly openInterest?: string;
  /** Notional at the entry price, in the settlement asset. */
  readonly entryNotional: Decimal;
  readonly unsettledFunding: string;
  readonly leverage?: string;
}

export interface LegOptions extends ScheduleOptions {
  readonly side: 'long' | 'short' | 'any';
  readonly funding: boolean;
  readonly leverage: boolean;
}

const CONTRACT_SIZES: Record<MarketKind, readonly string[]> = {
  linear: ['1', '1', '0.001', '0.01', '0.1', '10'],
  inverse: ['1', '10', '100'],
};

/** A market (of the given kind), a position size and entry, and mark/oracle prices near the entry. */
export function legArb(marketId: string, kind: MarketKind, options: LegOptions): fc.Arbitrary<Leg> {
  return fc
    .record({
      contractSize: fc.constantFrom(...CONTRACT_SIZES[kind]),
      priceMantissa: fc.integer({ min: 1000, max: 99_999 }),
      priceExponent: fc.integer({ min: -4, max: 1 }),
      entryShift: fc.integer({ min: -300, max: 300 }),
      oracleShift: fc.integer({ min: -20, max: 20 }),
      sizeMantissa: fc.integer({ min: 1, max: 200_000 }),
      sizeExponent: kind === 'linear' ? fc.integer({ min: -4, max: 0 }) : fc.constant(0),
      long: options.side === 'any' ? fc.boolean() : fc.constant(options.side === 'long'),
      withStep: fc.boolean(),
      fundingPerMillion: options.funding ? fc.integer({ min: -5000, max: 5000 }) : fc.constant(0),
      leverage: options.leverage
        ? fc.option(fc.integer({ min: 1, max: 125 }), { nil: undefined })
        : fc.constant(undefined),
    })
    .chain((r) => {
      const mark = scaled(r.priceMantissa, r.priceExponent);
      const entryPrice = scaled(
        Math.max(1, Math.round((r.priceMantissa * (1000 + r.entryShift)) / 1000)),
        r.priceExponent,
      );
      const oracle = scaled(
        Math.max(1, Math.round((r.priceMantissa * (10_000 + r.oracleShift)) / 10_000)),
        r.priceExponent,
      );
      const absSize = new Decimal(scaled(r.sizeMantissa, r.sizeExponent));
      const contracts = absSize.times(r.contractSize);
      const entryNotional = kind === 'linear' ? contracts.times(entryPrice) : contracts.div(entryPrice);
      return scheduleArb(kind, entryNotional, options).map(({ schedule, openInterestFactor }): Leg => {
        const base = kind === 'linear' ? marketId.replace(/-.*/, '') : 'BTC';
        const market: MarketInput = {
          id: marketId,
          kind,
          baseAsset: base,
          quoteAsset: kind === 'linear' ? 'USDT' : 'USD',
          contractSize: r.contractSize,
          ...(r.withStep ? { stepSize: scaled(1, r.sizeExponent) } : {}),
          marginSchedule: schedule,
        };
        const funding = entryNotional.times(r.fundingPerMillion).div(1_000_000);
        return {
          marketId,
          kind,
          market,
          long: r.long,
          sizeMantissa: r.sizeMantissa,
          sizeExponent: r.sizeExponent,
          size: (r.long ? '' : '-') + absSize.toFixed(),
          entryPrice,
          mark,
          oracle,
          ...(openInterestFactor === undefined
            ? {}
            : { openInterest: absSize.times(openInterestFactor).toFixed() }),
          entryNotional,
          unsettledFunding: funding.isZero() ? '0' : sig(funding, 6),
          ...(r.leverage === undefined ? {} : { leverage: String(r.leverage) }),
        };
      });
    });
}

/** A generated account with the position the properties ask about. */
export interface Scenario {
  readonly kind: MarketKind;
  readonly account: MarginAccountInput & {
    readonly markets: readonly MarketInput[];
    readonly collateral: readonly { asset: string; amount: string; weight?: string }[];
    readonly positions: readonly PositionInput[];
  };
  readonly prices: PricesInput;
  readonly priceSource: PriceSource;
  /** Id of the position asked about. */
  readonly targetId: string;
  readonly targetMarketId: string;
  readonly targetMode: MarginMode;
  /** The target leg (its market, side and numbers). */
  readonly target: Leg;
  /** True when a second, opposite cross position in the target's market was added (hedge mode). */
  readonly hedged: boolean;
}

interface SecondAsset {
  readonly valuePerMille: number;
  readonly weightPercent: number;
  readonly priceMantissa: number;
  readonly priceExponent: number;
}

export interface ScenarioOptions {
  readonly kind?: MarketKind;
  readonly targetMode?: MarginMode;
  readonly side?: 'long' | 'short' | 'any';
  readonly schedules?: readonly ScheduleKind[];
  readonly zeroMaintenance?: boolean;
  /** Largest number of positions in other markets. */
  readonly maxOthers?: number;
  /** Make the first other position isolated (and have at least one other). */
  readonly isolatedOther?: boolean;
  /** Sometimes add an opposite cross position in the target's market (cross targets only). */
  readonly hedge?: boolean;
  readonly funding?: boolean;
  readonly leverage?: boolean;
  /** Add a weighted non-settlement collateral asset 'ALT': sometimes (`true`) or always. */
  readonly secondAsset?: boolean | 'always';
  /** Draw the price source (`mark` or `oracle`); otherwise `mark`. */
  readonly priceSources?: boolean;
}

/**
 * An account of one kind (linear in USDT, or inverse in BTC): a target position, up to `maxOthers` positions in
 * other markets (cross or isolated), cross collateral at 0–150 % of the cross notional, isolated margins at
 * 0.5–150 % of each isolated position's notional.
 */
export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const kindArb = options.kind ? fc.constant(options.kind) : fc.constantFrom<MarketKind>('linear', 'inverse');
  const legOptions = (side: 'long' | 'short' | 'any'): LegOptions => ({
    side,
    schedules: options.schedules ?? ['flat', 'tiered'],
    zeroMaintenance: options.zeroMaintenance ?? false,
    funding: options.funding ?? false,
    leverage: options.leverage ?? false,
  });
  const maxOthers = options.maxOthers ?? 0;
  const minOthers = options.isolatedOther ? 1 : 0;
  return kindArb.chain((kind) =>
    fc
      .record({
        target: legArb(kind === 'linear' ? 'T0-PERP' : 'BTCUSD-T0', kind, legOptions(options.side ?? 'any')),
        targetMode: options.targetMode
          ? fc.constant(options.targetMode)
          : fc.constantFrom<MarginMode>('cross', 'isolated'),
        targetMarginPerMille: fc.integer({ min: 5, max: 1500 }),
        others: fc.integer({ min: minOthers, max: Math.max(minOthers, maxOthers) }).chain((n) =>
          fc.tuple(
            ...Array.from({ length: n }, (_, i) =>
              fc.record({
                leg: legArb(
                  kind === 'linear' ? `O${i + 1}-PERP` : `BTCUSD-O${i + 1}`,
                  kind,
                  legOptions('any'),
                ),
                mode:
                  options.isolatedOther && i === 0
                    ? fc.constant<MarginMode>('isolated')
                    : fc.constantFrom<MarginMode>('cross', 'isolated'),
                marginPerMille: fc.integer({ min: 5, max: 1500 }),
              }),
            ),
          ),
        ),
        hedgePerMille: options.hedge
          ? fc.option(fc.integer({ min: 1, max: 1500 }), { nil: undefined })
          : fc.constant(undefined),
        collateralPerMille: fc.integer({ min: 0, max: 1500 }),
        second: ((): fc.Arbitrary<SecondAsset | undefined> => {
          const asset = fc.record({
            valuePerMille: fc.integer({ min: 1, max: 1000 }),
            weightPercent: fc.integer({ min: 50, max: 100 }),
            priceMantissa: fc.integer({ min: 1, max: 99_999 }),
            priceExponent: fc.integer({ min: -6, max: 0 }),
          });
          if (options.secondAsset === 'always') return asset;
          return options.secondAsset ? fc.option(asset, { nil: undefined }) : fc.constant(undefined);
        })(),
        priceSource: options.priceSources
          ? fc.constantFrom<PriceSource>('mark', 'oracle')
          : fc.constant<PriceSource>('mark'),
      })
      .map((r): Scenario => {
        const settle = kind === 'linear' ? 'USDT' : 'BTC';
        const targetId = 'P0';
        const hedged = r.targetMode === 'cross' && r.hedgePerMille !== undefined;
        const positions: PositionInput[] = [];
        const legs: Leg[] = [r.target];
        let crossNotional = new Decimal(0);
        const position = (id: string, leg: Leg, mode: MarginMode, perMille: number): PositionInput => {
          if (mode === 'cross') crossNotional = crossNotional.plus(leg.entryNotional);
          return {
            id,
            marketId: leg.marketId,
            size: leg.size,
            entryPrice: leg.entryPrice,
            marginMode: mode,
            ...(mode === 'isolated'
              ? { isolatedMargin: sig(leg.entryNotional.times(perMille).div(1000), 6) }
              : {}),
            ...(leg.unsettledFunding === '0' ? {} : { unsettledFunding: leg.unsettledFunding }),
            ...(leg.leverage === undefined ? {} : { leverage: leg.leverage }),
          };
        };
        positions.push(position(targetId, r.target, r.targetMode, r.targetMarginPerMille));
        if (hedged) {
          const k = r.hedgePerMille ?? 1;
          const mantissa = Math.max(1, Math.round((r.target.sizeMantissa * k) / 1000));
          positions.push({
            id: `${targetId}-hedge`,
            marketId: r.target.marketId,
            size: (r.target.long ? '-' : '') + scaled(mantissa, r.target.sizeExponent),
            entryPrice: r.target.mark,
            marginMode: 'cross',
          });
        }
        r.others.forEach((o, i) => {
          legs.push(o.leg);
          positions.push(position(`P${i + 1}`, o.leg, o.mode, o.marginPerMille));
        });
        const reference = crossNotional.isZero() ? r.target.entryNotional : crossNotional;
        const collateral: { asset: string; amount: string; weight?: string }[] = [
          { asset: settle, amount: sig(reference.times(r.collateralPerMille).div(1000), 8) },
        ];
        const assets: Record<string, string> = {};
        if (r.second) {
          const price = scaled(r.second.priceMantissa, r.second.priceExponent);
          collateral.push({
            asset: 'ALT',
            amount: sig(reference.times(r.second.valuePerMille).div(1000).div(price), 8),
            weight: scaled(r.second.weightPercent, -2),
          });
          assets.ALT = price;
        }
        const markets: Record<string, { mark: string; oracle: string; openInterest?: string }> = {};
        for (const leg of legs) {
          markets[leg.marketId] = {
            mark: leg.mark,
            oracle: leg.oracle,
            ...(leg.openInterest === undefined ? {} : { openInterest: leg.openInterest }),
          };
        }
        return {
          kind,
          account: { settleAsset: settle, markets: legs.map((l) => l.market), collateral, positions },
          prices: { markets, ...(r.second ? { assets } : {}) },
          priceSource: r.priceSource,
          targetId,
          targetMarketId: r.target.marketId,
          targetMode: r.targetMode,
          target: r.target,
          hedged,
        };
      }),
  );
}

/** The prices of a scenario with one market's `source` price replaced. */
export function withPrice(
  prices: PricesInput,
  marketId: string,
  source: PriceSource,
  price: DecimalInput,
): Prices {
  const entry = prices.markets[marketId] ?? {};
  return createPrices({
    ...prices,
    markets: { ...prices.markets, [marketId]: { ...entry, [source]: price } },
  });
}

/** The current `source` price of a market in a scenario. */
export function currentPrice(prices: PricesInput, marketId: string, source: PriceSource): Decimal {
  const entry = prices.markets[marketId];
  const value = entry?.[source];
  if (value === undefined) throw new Error(`no ${source} price for ${marketId}`);
  return new Decimal(value.toString());
}

/** The pool a position belongs to. */
export function poolOf(summary: AccountSummary, positionId: string, mode: MarginMode): PoolSummary {
  if (mode === 'cross') return summary.cross;
  const pool = summary.isolated.find((p) => p.positionId === positionId);
  if (!pool) throw new Error(`no isolated pool for ${positionId}`);
  return pool;
}

/** `1e-20 · max(1, |MMR|, notional)`: the tolerance of the threshold identities. */
export function thresholdTolerance(pool: PoolSummary): Decimal {
  return Decimal.max(1, pool.maintenanceRequirement.abs(), pool.notional).times('1e-20');
}

/** JSON text of any input, with bigints spelled out (JSON.stringify rejects them). */
export function snapshot(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v.toString()}n` : v));
}

/** Lists every plain object or array reachable from `value` that is not frozen (Decimals are skipped). */
export function unfrozenPaths(value: unknown, path = '(output)'): string[] {
  if (typeof value !== 'object' || value === null || Decimal.isDecimal(value)) return [];
  const out = Object.isFrozen(value) ? [] : [path];
  for (const [key, child] of Object.entries(value)) out.push(...unfrozenPaths(child, `${path}.${key}`));
  return out;
}

/** Every Decimal instance reachable from `value`. */
export function decimalsIn(value: unknown, out: Set<unknown> = new Set()): Set<unknown> {
  if (typeof value !== 'object' || value === null) return out;
  if (Decimal.isDecimal(value)) {
    out.add(value);
    return out;
  }
  for (const child of Object.values(value)) decimalsIn(child, out);
  return out;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The ways a numeric input may be written: decimal string, number, library Decimal, another decimal.js Decimal, bigint. */
export type NumberForm = 'string' | 'number' | 'decimal' | 'foreign' | 'bigint';

/**
 * Rewrites the numeric strings of an input in other accepted forms, the form of each field picked by `pick`
 * (a number only where it converts exactly, a bigint only for whole numbers).
 */
export function representNumbers(value: unknown, pick: (path: string) => NumberForm, path = ''): unknown {
  if (typeof value === 'string' && PLAIN_NUMBER.test(value)) {
    const form = pick(path);
    if (form === 'number' && new Decimal(String(Number(value))).eq(value)) return Number(value);
    if (form === 'decimal') return new Decimal(value);
    if (form === 'foreign') return new ForeignDecimal(value);
    if (form === 'bigint' && /^-?\d+$/.test(value)) return BigInt(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => representNumbers(v, pick, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null && !Decimal.isDecimal(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, representNumbers(v, pick, `${path}.${k}`)]),
    );
  }
  return value;
}

const FORMS: readonly NumberForm[] = ['string', 'number', 'decimal', 'foreign', 'bigint'];

/** A `pick` for {@link representNumbers}: each field's form from a hash of its path and a random salt. */
export const formPickerArb: fc.Arbitrary<(path: string) => NumberForm> = fc
  .integer({ min: 0, max: 1_000_000 })
  .map((salt) => (path: string) => {
    let h = salt;
    for (let i = 0; i < path.length; i++) h = (h * 31 + path.charCodeAt(i)) % 1_000_003;
    return FORMS[h % FORMS.length] ?? 'string';
  });

/**
 * The properties every `create*` factory must have, on one input: the input is not mutated; the output is deeply
 * frozen and shares no Decimal instance with the input (but for primitives already created, listed in `shared`,
 * which are reused by reference); its JSON fed back (through `fromJson`) gives an equal object; the output fed
 * back gives an equal object.
 */
export function checkFactory<I, O>(
  input: I,
  create: (input: I) => O,
  fromJson: (json: unknown) => I,
  shared: readonly unknown[] = [],
): O {
  const before = snapshot(input);
  const reused = decimalsIn(shared);
  const inputDecimals = new Set([...decimalsIn(input)].filter((d) => !reused.has(d)));
  const out = create(input);
  expect(snapshot(input)).toBe(before);
  expect(unfrozenPaths(out)).toEqual([]);
  for (const d of decimalsIn(out)) expect(inputDecimals.has(d)).toBe(false);
  const created = snapshot(out);
  const json: unknown = JSON.parse(JSON.stringify(out));
  const again = create(fromJson(json));
  expect(again).toEqual(out);
  expect(snapshot(again)).toBe(created);
  expect(create(out as unknown as I)).toEqual(out);
  expect(snapshot(out)).toBe(created);
  return out;
}

const HOUR = 3_600_000;

/** A funding schedule input: 1, 4 or 8 h intervals, any of the three rate models. */
export const fundingScheduleArb: fc.Arbitrary<FundingScheduleInput> = fc
  .record({
    intervalHours: fc.constantFrom(1, 4, 8),
    ratePeriodHours: fc.option(fc.constantFrom(1, 8, 24), { nil: undefined }),
    anchorMs: fc.option(fc.integer({ min: 0, max: HOUR - 1 }), { nil: undefined }),
    paymentPrice: fc.constantFrom<FundingPrice>('oracle', 'mark', 'index'),
    rate: fc.oneof(
      fc
        .record({
          interest: fc.integer({ min: -10, max: 10 }),
          band: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
          cap: fc.integer({ min: 1, max: 4000 }),
          below: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined }),
        })
        .map(
          ({ interest, band, cap, below }): FundingRateModelInput => ({
            type: 'premium-interest',
            interestRate: scaled(interest, -5),
            ...(band === undefined ? {} : { clampBand: scaled(band, -4) }),
            cap: scaled(cap, -4),
            ...(below === undefined ? {} : { floor: scaled(cap - below, -4) }),
          }),
        ),
      fc
        .record({
          offset: fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }),
          cap: fc.integer({ min: 1, max: 4000 }),
          below: fc.option(fc.integer({ min: 0, max: 8000 }), { nil: undefined }),
        })
        .map(
          ({ offset, cap, below }): FundingRateModelInput => ({
            type: 'clamped-premium',
            ...(offset === undefined ? {} : { offset: scaled(offset, -5) }),
            cap: scaled(cap, -4),
            ...(below === undefined ? {} : { floor: scaled(cap - below, -4) }),
          }),
        ),
      fc
        .record({
          start: fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }),
          steps: fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 }),
          rates: fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: 6, maxLength: 6 }),
        })
        .map(
          ({ start, steps, rates }): FundingRateModelInput => ({
            type: 'path',
            points: [...steps]
              .sort((a, b) => a - b)
              .map((step, i) => ({ time: (start + step * 3600) * 1000, rate: scaled(rates[i] ?? 0, -6) })),
          }),
        ),
    ),
  })
  .map(
    (r): FundingScheduleInput => ({
      intervalMs: r.intervalHours * HOUR,
      ...(r.ratePeriodHours === undefined ? {} : { ratePeriodMs: r.ratePeriodHours * HOUR }),
      ...(r.anchorMs === undefined ? {} : { anchorMs: r.anchorMs }),
      paymentPrice: r.paymentPrice,
      rate: r.rate,
    }),
  );
