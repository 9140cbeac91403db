import { Decimal as SharedDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  createFundingSchedule,
  createMarginAccount,
  createMarket,
  createPosition,
  createPrices,
  isMarginKitError,
  ValidationError,
  type ValidationErrorCode,
} from '../../src/index.js';

type Path = readonly (string | number)[];
interface Row {
  readonly label: string;
  readonly input: unknown;
  readonly code: ValidationErrorCode;
  readonly path: Path;
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectRejected(error: unknown, code: ValidationErrorCode, path: Path): void {
  expect(error).toBeInstanceOf(ValidationError);
  expect(isMarginKitError(error)).toBe(true);
  const e = error as ValidationError;
  expect(e.code).toBe(code);
  expect(e.path).toEqual(path);
  expect(e.issues[0]?.code).toBe(code);
  expect(e.issues[0]?.path).toEqual(path);
}

// ---------------------------------------------------------------- markets
const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' };
const market = (over: Record<string, unknown> = {}) => ({
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: flat,
  ...over,
});
const tiers = (...rows: [number | string, string, string, number?][]) => ({
  marginSchedule: {
    type: 'tiered',
    tiers: rows.map(([notionalFloor, initialFraction, maintenanceFraction, maintenanceDeduction]) => ({
      notionalFloor,
      initialFraction,
      maintenanceFraction,
      ...(maintenanceDeduction === undefined ? {} : { maintenanceDeduction }),
    })),
  },
});
const oi = (lower: number, upper: number) => ({
  marginSchedule: {
    type: 'open-interest',
    initialFraction: '0.2',
    maintenanceFraction: '0.1',
    openInterestLowerCap: lower,
    openInterestUpperCap: upper,
  },
});
const schedule = (over: Record<string, unknown>) => ({ marginSchedule: { ...flat, ...over } });

const marketRows: Row[] = [
  {
    label: 'a NaN fraction',
    input: market(schedule({ initialFraction: Number.NaN })),
    code: 'NOT_FINITE',
    path: ['marginSchedule', 'initialFraction'],
  },
  {
    label: 'an infinite contract size',
    input: market({ contractSize: Number.POSITIVE_INFINITY }),
    code: 'NOT_FINITE',
    path: ['contractSize'],
  },
  {
    label: "the string 'Infinity'",
    input: market({ tickSize: 'Infinity' }),
    code: 'NOT_A_NUMBER',
    path: ['tickSize'],
  },
  {
    label: 'a hexadecimal string',
    input: market({ contractSize: '0x10' }),
    code: 'NOT_A_NUMBER',
    path: ['contractSize'],
  },
  {
    label: 'a negative contract size',
    input: market({ contractSize: -1 }),
    code: 'NOT_POSITIVE',
    path: ['contractSize'],
  },
  {
    label: 'an object for a number',
    input: market(schedule({ initialFraction: { value: '0.1' } })),
    code: 'INVALID_TYPE',
    path: ['marginSchedule', 'initialFraction'],
  },
  {
    label: 'a maintenance fraction above the initial one',
    input: market(schedule({ initialFraction: '0.01', maintenanceFraction: '0.02' })),
    code: 'MAINTENANCE_ABOVE_INITIAL',
    path: ['marginSchedule', 'maintenanceFraction'],
  },
  {
    label: 'a tier with maintenance above initial',
    input: market(tiers([0, '0.02', '0.01'], [1000, '0.02', '0.03'])),
    code: 'MAINTENANCE_ABOVE_INITIAL',
    path: ['marginSchedule', 'tiers', 1, 'maintenanceFraction'],
  },
  {
    label: 'a fraction above 1',
    input: market(schedule({ initialFraction: '1.5' })),
    code: 'ABOVE_ONE',
    path: ['marginSchedule', 'initialFraction'],
  },
  {
    label: 'a negative fraction',
    input: market(schedule({ maintenanceFraction: '-0.01' })),
    code: 'NEGATIVE',
    path: ['marginSchedule', 'maintenanceFraction'],
  },
  {
    label: 'tiers with an equal floor',
    input: market(tiers([0, '0.02', '0.01'], [0, '0.05', '0.025'])),
    code: 'TIERS_NOT_ASCENDING',
    path: ['marginSchedule', 'tiers', 1, 'notionalFloor'],
  },
  {
    label: 'tiers with a falling floor',
    input: market(tiers([0, '0.02', '0.01'], [10_000, '0.05', '0.025'], [5000, '0.1', '0.05'])),
    code: 'TIERS_NOT_ASCENDING',
    path: ['marginSchedule', 'tiers', 2, 'notionalFloor'],
  },
  {
    label: 'a first tier not at 0',
    input: market(tiers([100, '0.02', '0.01'])),
    code: 'TIERS_NOT_ASCENDING',
    path: ['marginSchedule', 'tiers', 0, 'notionalFloor'],
  },
  {
    label: 'a decreasing maintenance fraction',
    input: market(tiers([0, '0.05', '0.02'], [1000, '0.05', '0.01'])),
    code: 'FRACTIONS_DECREASING',
    path: ['marginSchedule', 'tiers', 1, 'maintenanceFraction'],
  },
  {
    label: 'a decreasing initial fraction',
    input: market(tiers([0, '0.05', '0.01'], [1000, '0.04', '0.01'])),
    code: 'FRACTIONS_DECREASING',
    path: ['marginSchedule', 'tiers', 1, 'initialFraction'],
  },
  {
    label: 'a negative maintenance deduction',
    input: market(tiers([0, '0.05', '0.01', -1])),
    code: 'NEGATIVE',
    path: ['marginSchedule', 'tiers', 0, 'maintenanceDeduction'],
  },
  {
    label: 'no tiers',
    input: market({ marginSchedule: { type: 'tiered', tiers: [] } }),
    code: 'EMPTY',
    path: ['marginSchedule', 'tiers'],
  },
  {
    label: 'a lower open-interest cap above the upper one',
    input: market(oi(2_000_000, 1_000_000)),
    code: 'INVALID_RANGE',
    path: ['marginSchedule', 'openInterestLowerCap'],
  },
  {
    label: 'a settle asset other than the quote asset',
    input: market({ settleAsset: 'USDC' }),
    code: 'SETTLEMENT_MISMATCH',
    path: ['settleAsset'],
  },
  {
    label: 'an inverse market settling in its quote asset',
    input: market({ kind: 'inverse', settleAsset: 'USDT' }),
    code: 'SETTLEMENT_MISMATCH',
    path: ['settleAsset'],
  },
  {
    label: 'a mistyped field name',
    input: market({ stepsize: '0.001' }),
    code: 'UNKNOWN_FIELD',
    path: ['stepsize'],
  },
  {
    label: 'a field of another schedule type',
    input: market(schedule({ openInterestUpperCap: 0 })),
    code: 'UNKNOWN_FIELD',
    path: ['marginSchedule', 'openInterestUpperCap'],
  },
  { label: 'an invalid kind', input: market({ kind: 'spot' }), code: 'INVALID_OPTION', path: ['kind'] },
  {
    label: 'an invalid schedule type',
    input: market({ marginSchedule: { type: 'bracket' } }),
    code: 'INVALID_OPTION',
    path: ['marginSchedule', 'type'],
  },
  {
    label: 'a missing margin schedule',
    input: market({ marginSchedule: undefined }),
    code: 'MISSING_FIELD',
    path: ['marginSchedule'],
  },
  {
    label: 'a missing base asset',
    input: market({ baseAsset: undefined }),
    code: 'MISSING_FIELD',
    path: ['baseAsset'],
  },
  { label: 'an empty id', input: market({ id: '' }), code: 'MISSING_FIELD', path: ['id'] },
  { label: 'a blank id', input: market({ id: '   ' }), code: 'MISSING_FIELD', path: ['id'] },
  {
    label: 'a zero funding interval',
    input: market({
      fundingSchedule: {
        intervalMs: 0,
        paymentPrice: 'mark',
        rate: { type: 'clamped-premium', cap: '0.01' },
      },
    }),
    code: 'NOT_POSITIVE',
    path: ['fundingSchedule', 'intervalMs'],
  },
];

// ---------------------------------------------------------------- positions
const position = (over: Record<string, unknown> = {}) => ({
  marketId: 'BTC-PERP',
  size: '0.5',
  entryPrice: '60000',
  marginMode: 'cross',
  ...over,
});

const positionRows: Row[] = [
  { label: 'a NaN size', input: position({ size: Number.NaN }), code: 'NOT_FINITE', path: ['size'] },
  {
    label: 'an infinite size',
    input: position({ size: Number.NEGATIVE_INFINITY }),
    code: 'NOT_FINITE',
    path: ['size'],
  },
  {
    label: "the string 'Infinity'",
    input: position({ size: 'Infinity' }),
    code: 'NOT_A_NUMBER',
    path: ['size'],
  },
  { label: 'a hexadecimal size', input: position({ size: '0x1A' }), code: 'NOT_A_NUMBER', path: ['size'] },
  {
    label: 'an object for a number',
    input: position({ size: { amount: 1 } }),
    code: 'INVALID_TYPE',
    path: ['size'],
  },
  {
    label: 'a boolean for a number',
    input: position({ entryPrice: true }),
    code: 'INVALID_TYPE',
    path: ['entryPrice'],
  },
  {
    label: 'a negative entry price',
    input: position({ entryPrice: -100 }),
    code: 'NOT_POSITIVE',
    path: ['entryPrice'],
  },
  {
    label: 'a negative-zero entry price',
    input: position({ entryPrice: '-0' }),
    code: 'NOT_POSITIVE',
    path: ['entryPrice'],
  },
  {
    label: 'a negative leverage',
    input: position({ leverage: -5 }),
    code: 'NOT_POSITIVE',
    path: ['leverage'],
  },
  {
    label: 'a non-numeric unsettled funding',
    input: position({ unsettledFunding: 'abc' }),
    code: 'NOT_A_NUMBER',
    path: ['unsettledFunding'],
  },
  {
    label: 'an isolated position without margin',
    input: position({ marginMode: 'isolated' }),
    code: 'ISOLATED_WITHOUT_MARGIN',
    path: ['isolatedMargin'],
  },
  {
    label: 'an open isolated position with zero margin',
    input: position({ marginMode: 'isolated', isolatedMargin: 0 }),
    code: 'ISOLATED_WITHOUT_MARGIN',
    path: ['isolatedMargin'],
  },
  {
    label: 'a negative isolated margin',
    input: position({ marginMode: 'isolated', isolatedMargin: -1 }),
    code: 'NEGATIVE',
    path: ['isolatedMargin'],
  },
  {
    label: 'isolated margin on a cross position',
    input: position({ isolatedMargin: 100 }),
    code: 'MARGIN_ON_CROSS',
    path: ['isolatedMargin'],
  },
  {
    label: 'an invalid margin mode',
    input: position({ marginMode: 'portfolio' }),
    code: 'INVALID_OPTION',
    path: ['marginMode'],
  },
  { label: 'a missing size', input: position({ size: undefined }), code: 'MISSING_FIELD', path: ['size'] },
  { label: 'a null size', input: position({ size: null }), code: 'MISSING_FIELD', path: ['size'] },
  {
    label: 'an empty market id',
    input: position({ marketId: '' }),
    code: 'MISSING_FIELD',
    path: ['marketId'],
  },
  { label: 'an empty position id', input: position({ id: '' }), code: 'MISSING_FIELD', path: ['id'] },
  { label: 'an unknown field', input: position({ side: 'long' }), code: 'UNKNOWN_FIELD', path: ['side'] },
];

// ---------------------------------------------------------------- accounts
const account = (over: Record<string, unknown> = {}) => ({
  settleAsset: 'USDT',
  markets: [market()],
  ...over,
});

const accountRows: Row[] = [
  {
    label: 'a position in an unknown market',
    input: account({ positions: [position({ marketId: 'ETH-PERP' })] }),
    code: 'UNKNOWN_MARKET',
    path: ['positions', 0, 'marketId'],
  },
  {
    label: 'two markets with one id',
    input: account({ markets: [market(), market()] }),
    code: 'DUPLICATE_ID',
    path: ['markets', 1, 'id'],
  },
  {
    label: 'two positions with one id',
    input: account({ positions: [position(), position({ size: -1 })] }),
    code: 'DUPLICATE_ID',
    path: ['positions', 1, 'id'],
  },
  {
    label: 'two collateral entries of one asset',
    input: account({
      collateral: [
        { asset: 'USDT', amount: 1 },
        { asset: 'BTC', amount: 1 },
        { asset: 'USDT', amount: 2 },
      ],
    }),
    code: 'DUPLICATE_ID',
    path: ['collateral', 2, 'asset'],
  },
  {
    label: 'a size off the market step',
    input: account({ markets: [market({ stepSize: '0.01' })], positions: [position({ size: '0.015' })] }),
    code: 'OFF_STEP',
    path: ['positions', 0, 'size'],
  },
  {
    label: 'a market settling in another asset',
    input: account({ settleAsset: 'USDC' }),
    code: 'SETTLEMENT_MISMATCH',
    path: ['markets', 0],
  },
  {
    label: 'an inverse market in a stablecoin account',
    input: account({ markets: [market({ kind: 'inverse' })] }),
    code: 'SETTLEMENT_MISMATCH',
    path: ['markets', 0],
  },
  {
    label: 'a liability weight below 1',
    input: account({ collateral: [{ asset: 'USDT', amount: -10, liabilityWeight: '0.9' }] }),
    code: 'INVALID_RANGE',
    path: ['collateral', 0, 'liabilityWeight'],
  },
  {
    label: 'a weight above 1',
    input: account({ collateral: [{ asset: 'BTC', amount: 1, weight: '1.05' }] }),
    code: 'ABOVE_ONE',
    path: ['collateral', 0, 'weight'],
  },
  {
    label: 'a negative weight',
    input: account({ collateral: [{ asset: 'BTC', amount: 1, weight: '-0.1' }] }),
    code: 'NEGATIVE',
    path: ['collateral', 0, 'weight'],
  },
  {
    label: 'a NaN collateral amount',
    input: account({ collateral: [{ asset: 'USDT', amount: Number.NaN }] }),
    code: 'NOT_FINITE',
    path: ['collateral', 0, 'amount'],
  },
  {
    label: 'a mistyped account field',
    input: account({ colateral: [] }),
    code: 'UNKNOWN_FIELD',
    path: ['colateral'],
  },
  {
    label: 'a mistyped collateral field',
    input: account({ collateral: [{ asset: 'USDT', amount: 1, haircut: '0.1' }] }),
    code: 'UNKNOWN_FIELD',
    path: ['collateral', 0, 'haircut'],
  },
  {
    label: 'a missing market list',
    input: { settleAsset: 'USDT' },
    code: 'MISSING_FIELD',
    path: ['markets'],
  },
  {
    label: 'a market list that is a string',
    input: account({ markets: 'BTC-PERP' }),
    code: 'INVALID_TYPE',
    path: ['markets'],
  },
  {
    label: 'an empty settle asset',
    input: account({ settleAsset: '' }),
    code: 'MISSING_FIELD',
    path: ['settleAsset'],
  },
  { label: 'null instead of an account', input: null, code: 'INVALID_TYPE', path: [] },
  {
    label: 'a bad market, located in the list',
    input: account({ markets: [market(), market({ id: 'ETH-PERP', kind: 'perp' })] }),
    code: 'INVALID_OPTION',
    path: ['markets', 1, 'kind'],
  },
  {
    label: 'a bad position, located in the list',
    input: account({ positions: [position({ id: 'a' }), position({ id: 'b', marginMode: 'isolated' })] }),
    code: 'ISOLATED_WITHOUT_MARGIN',
    path: ['positions', 1, 'isolatedMargin'],
  },
];

// ---------------------------------------------------------------- prices
const priceRows: Row[] = [
  {
    label: 'oracle and mark both missing',
    input: { markets: { 'BTC-PERP': { openInterest: 5 } } },
    code: 'MISSING_FIELD',
    path: ['markets', 'BTC-PERP', 'oracle'],
  },
  {
    label: 'a negative mark price',
    input: { markets: { 'BTC-PERP': { mark: -1 } } },
    code: 'NOT_POSITIVE',
    path: ['markets', 'BTC-PERP', 'mark'],
  },
  {
    label: 'a negative-zero oracle price',
    input: { markets: { 'BTC-PERP': { oracle: '-0' } } },
    code: 'NOT_POSITIVE',
    path: ['markets', 'BTC-PERP', 'oracle'],
  },
  {
    label: 'a NaN oracle price',
    input: { markets: { 'BTC-PERP': { oracle: Number.NaN, mark: 1 } } },
    code: 'NOT_FINITE',
    path: ['markets', 'BTC-PERP', 'oracle'],
  },
  {
    label: 'a hexadecimal mark price',
    input: { markets: { 'BTC-PERP': { mark: '0xff' } } },
    code: 'NOT_A_NUMBER',
    path: ['markets', 'BTC-PERP', 'mark'],
  },
  {
    label: 'a negative open interest',
    input: { markets: { 'BTC-PERP': { mark: 1, openInterest: -1 } } },
    code: 'NEGATIVE',
    path: ['markets', 'BTC-PERP', 'openInterest'],
  },
  {
    label: 'a negative asset price',
    input: { markets: {}, assets: { BTC: -60_000 } },
    code: 'NOT_POSITIVE',
    path: ['assets', 'BTC'],
  },
  {
    label: 'an unknown price field',
    input: { markets: { 'BTC-PERP': { mark: 1, last: 2 } } },
    code: 'UNKNOWN_FIELD',
    path: ['markets', 'BTC-PERP', 'last'],
  },
  {
    label: 'a mistyped top-level field',
    input: { markets: {}, asset: {} },
    code: 'UNKNOWN_FIELD',
    path: ['asset'],
  },
  { label: 'a missing market record', input: { assets: {} }, code: 'MISSING_FIELD', path: ['markets'] },
];

// ---------------------------------------------------------------- funding schedules
const funding = (over: Record<string, unknown> = {}) => ({
  intervalMs: 3_600_000,
  paymentPrice: 'mark',
  rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.0075' },
  ...over,
});
const points = (...p: { time: unknown; rate: unknown }[]) => ({ rate: { type: 'path', points: p } });

const fundingRows: Row[] = [
  { label: 'a zero interval', input: funding({ intervalMs: 0 }), code: 'NOT_POSITIVE', path: ['intervalMs'] },
  {
    label: 'a negative interval',
    input: funding({ intervalMs: -3_600_000 }),
    code: 'NOT_POSITIVE',
    path: ['intervalMs'],
  },
  {
    label: 'a fractional number of milliseconds',
    input: funding({ intervalMs: 1.5 }),
    code: 'INVALID_FIELD',
    path: ['intervalMs'],
  },
  {
    label: 'a NaN interval',
    input: funding({ intervalMs: Number.NaN }),
    code: 'NOT_FINITE',
    path: ['intervalMs'],
  },
  {
    label: 'a string interval',
    input: funding({ intervalMs: '3600000' }),
    code: 'INVALID_TYPE',
    path: ['intervalMs'],
  },
  {
    label: 'a zero rate period',
    input: funding({ ratePeriodMs: 0 }),
    code: 'NOT_POSITIVE',
    path: ['ratePeriodMs'],
  },
  {
    label: 'a fractional anchor',
    input: funding({ anchorMs: 0.5 }),
    code: 'INVALID_FIELD',
    path: ['anchorMs'],
  },
  {
    label: 'a cap below the floor',
    input: funding({ rate: { type: 'premium-interest', interestRate: 0, cap: '0.01', floor: '0.02' } }),
    code: 'INVALID_RANGE',
    path: ['rate', 'cap'],
  },
  {
    label: 'a negative cap with the default floor',
    input: funding({ rate: { type: 'clamped-premium', cap: '-0.01' } }),
    code: 'INVALID_RANGE',
    path: ['rate', 'cap'],
  },
  {
    label: 'a negative clamp band',
    input: funding({
      rate: { type: 'premium-interest', interestRate: 0, cap: '0.01', clampBand: '-0.0005' },
    }),
    code: 'NEGATIVE',
    path: ['rate', 'clampBand'],
  },
  {
    label: 'a rate path out of time order',
    input: funding(points({ time: 0, rate: 0 }, { time: 2, rate: 0 }, { time: 1, rate: 0 })),
    code: 'NOT_IN_ORDER',
    path: ['rate', 'points', 2, 'time'],
  },
  {
    label: 'a rate path with a repeated time',
    input: funding(points({ time: 5, rate: 0 }, { time: 5, rate: 1 })),
    code: 'NOT_IN_ORDER',
    path: ['rate', 'points', 1, 'time'],
  },
  { label: 'an empty rate path', input: funding(points()), code: 'EMPTY', path: ['rate', 'points'] },
  {
    label: 'a fractional path time',
    input: funding(points({ time: 1.5, rate: 0 })),
    code: 'INVALID_FIELD',
    path: ['rate', 'points', 0, 'time'],
  },
  {
    label: 'a path time beyond safe integers',
    input: funding(points({ time: 2 ** 53, rate: 0 })),
    code: 'INVALID_FIELD',
    path: ['rate', 'points', 0, 'time'],
  },
  {
    label: 'a non-numeric path rate',
    input: funding(points({ time: 0, rate: 'high' })),
    code: 'NOT_A_NUMBER',
    path: ['rate', 'points', 0, 'rate'],
  },
  {
    label: 'an invalid payment price',
    input: funding({ paymentPrice: 'last' }),
    code: 'INVALID_OPTION',
    path: ['paymentPrice'],
  },
  {
    label: 'an invalid rate type',
    input: funding({ rate: { type: 'fixed' } }),
    code: 'INVALID_OPTION',
    path: ['rate', 'type'],
  },
  { label: 'a missing rate', input: funding({ rate: undefined }), code: 'MISSING_FIELD', path: ['rate'] },
  {
    label: 'a missing cap',
    input: funding({ rate: { type: 'premium-interest', interestRate: 0 } }),
    code: 'MISSING_FIELD',
    path: ['rate', 'cap'],
  },
  {
    label: 'an unknown rate field',
    input: funding({ rate: { type: 'clamped-premium', cap: '0.01', floors: '-0.01' } }),
    code: 'UNKNOWN_FIELD',
    path: ['rate', 'floors'],
  },
];

// ---------------------------------------------------------------- zero, wrong-type and empty-id edge cases
// Zero where a value must be > 0 (a zero price would give an infinite inverse notional, a zero step would put
// every size off step); a wrong type told apart from a missing field; an empty id in a prices record.
const edgeCases: (Row & { readonly factory: string; readonly run: (input: unknown) => unknown })[] = [
  {
    factory: 'createPrices',
    run: (i) => createPrices(i as never),
    label: 'a zero mark price',
    input: { markets: { 'BTC-PERP': { mark: 0 } } },
    code: 'NOT_POSITIVE',
    path: ['markets', 'BTC-PERP', 'mark'],
  },
  {
    factory: 'createPrices',
    run: (i) => createPrices(i as never),
    label: 'a zero asset price',
    input: { markets: {}, assets: { BTC: '0' } },
    code: 'NOT_POSITIVE',
    path: ['assets', 'BTC'],
  },
  {
    factory: 'createPosition',
    run: (i) => createPosition(i as never),
    label: 'a zero entry price',
    input: position({ entryPrice: 0 }),
    code: 'NOT_POSITIVE',
    path: ['entryPrice'],
  },
  {
    factory: 'createPosition',
    run: (i) => createPosition(i as never),
    label: 'a zero leverage',
    input: position({ leverage: 0 }),
    code: 'NOT_POSITIVE',
    path: ['leverage'],
  },
  {
    factory: 'createMarket',
    run: (i) => createMarket(i as never),
    label: 'a zero contract size',
    input: market({ contractSize: 0 }),
    code: 'NOT_POSITIVE',
    path: ['contractSize'],
  },
  {
    factory: 'createMarket',
    run: (i) => createMarket(i as never),
    label: 'a zero step size',
    input: market({ stepSize: '0' }),
    code: 'NOT_POSITIVE',
    path: ['stepSize'],
  },
  {
    factory: 'createMarket',
    run: (i) => createMarket(i as never),
    label: 'a number for a string id',
    input: market({ id: 5 }),
    code: 'INVALID_TYPE',
    path: ['id'],
  },
  {
    factory: 'createMarket',
    run: (i) => createMarket(i as never),
    label: 'an object for the tier list',
    input: market({ marginSchedule: { type: 'tiered', tiers: {} } }),
    code: 'INVALID_TYPE',
    path: ['marginSchedule', 'tiers'],
  },
  {
    factory: 'createPosition',
    run: (i) => createPosition(i as never),
    label: 'a number instead of a position',
    input: 42,
    code: 'INVALID_TYPE',
    path: [],
  },
  {
    factory: 'createPrices',
    run: (i) => createPrices(i as never),
    label: 'a list for the market record',
    input: { markets: [] },
    code: 'INVALID_TYPE',
    path: ['markets'],
  },
  {
    factory: 'createPrices',
    run: (i) => createPrices(i as never),
    label: 'an empty market id',
    input: { markets: { '': { mark: 1 } } },
    code: 'MISSING_FIELD',
    path: ['markets', ''],
  },
];

describe('createMarket', () => {
  it.each(marketRows)('rejects $label with $code', ({ input, code, path }) => {
    expectRejected(
      caught(() => createMarket(input as never)),
      code,
      path,
    );
  });

  it.each(edgeCases.filter((row) => row.factory === 'createMarket'))(
    'rejects $label with $code',
    ({ run, input, code, path }) => {
      expectRejected(
        caught(() => run(input)),
        code,
        path,
      );
    },
  );

  it('accepts weights at the bounds and a lower cap above a zero (disabled) upper cap', () => {
    expect(createMarket(market(oi(5_000_000, 0)) as never).marginSchedule.type).toBe('open-interest');
    expect(createMarket(market(schedule({ initialFraction: 1, maintenanceFraction: 0 })) as never).id).toBe(
      'BTC-PERP',
    );
  });
});

describe('createPosition', () => {
  it.each(positionRows)('rejects $label with $code', ({ input, code, path }) => {
    expectRejected(
      caught(() => createPosition(input as never)),
      code,
      path,
    );
  });

  it.each(edgeCases.filter((row) => row.factory === 'createPosition'))(
    'rejects $label with $code',
    ({ run, input, code, path }) => {
      expectRejected(
        caught(() => run(input)),
        code,
        path,
      );
    },
  );

  it('accepts a bigint size', () => {
    expect(createPosition(position({ size: 3n }) as never).size.toString()).toBe('3');
  });

  it('normalises a size of -0 to 0', () => {
    const p = createPosition(position({ size: '-0' }) as never);
    expect(p.size.isZero()).toBe(true);
    expect(p.size.isNegative()).toBe(false);
  });

  it('normalises a numeric -0 unsettled funding to 0', () => {
    expect(createPosition(position({ unsettledFunding: -0 }) as never).unsettledFunding.isNegative()).toBe(
      false,
    );
  });

  it('accepts a Decimal from another decimal.js copy, an exponent string and surrounding spaces', () => {
    const p = createPosition(
      position({ size: new SharedDecimal('-0.25'), entryPrice: '6e4', leverage: ' 20 ' }) as never,
    );
    expect(p.size.toString()).toBe('-0.25');
    expect(p.entryPrice.toString()).toBe('60000');
    expect(p.leverage?.toString()).toBe('20');
  });
});

describe('createMarginAccount', () => {
  it.each(accountRows)('rejects $label with $code', ({ input, code, path }) => {
    expectRejected(
      caught(() => createMarginAccount(input as never)),
      code,
      path,
    );
  });
  it('accepts weights of 0 and 1 and a liability weight of exactly 1', () => {
    const a = createMarginAccount(
      account({
        collateral: [
          { asset: 'USDT', amount: -5, liabilityWeight: 1 },
          { asset: 'BTC', amount: 1, weight: 0 },
          { asset: 'ETH', amount: 1, weight: 1 },
        ],
      }) as never,
    );
    expect(a.collateral.map((c) => c.weight.toString())).toEqual(['1', '0', '1']);
  });
});

describe('createPrices', () => {
  it.each(priceRows)('rejects $label with $code', ({ input, code, path }) => {
    expectRejected(
      caught(() => createPrices(input as never)),
      code,
      path,
    );
  });

  it.each(edgeCases.filter((row) => row.factory === 'createPrices'))(
    'rejects $label with $code',
    ({ run, input, code, path }) => {
      expectRejected(
        caught(() => run(input)),
        code,
        path,
      );
    },
  );
});

describe('createFundingSchedule', () => {
  it.each(fundingRows)('rejects $label with $code', ({ input, code, path }) => {
    expectRejected(
      caught(() => createFundingSchedule(input as never)),
      code,
      path,
    );
  });
});
