// Shared markets, accounts and assertion helpers of the execution tests.
import { expect } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  InvalidArgumentError,
  type InvalidArgumentErrorCode,
  isMarginKitError,
  type MarginAccount,
  type MarketInput,
  type OrderPreview,
  type PositionInput,
  type Prices,
  ValidationError,
  type ValidationErrorCode,
} from '../../src/index.js';

/** Linear ETH perp: IMF 10 %, MMF 5 %, step 0.01, contract size 1. */
export const eth: MarketInput = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  stepSize: '0.01',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
};

/** Inverse BTCUSD: one contract is 100 USD, IMF 2 %, MMF 1 %, step 1, settles in BTC. */
export const btcusd: MarketInput = {
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  stepSize: 1,
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
};

/** A USDT account on `markets` (default ETH) with `collateral` USDT and the given positions. */
export function usdtAccount(
  collateral: DecimalInput,
  positions: readonly PositionInput[] = [],
  markets: readonly MarketInput[] = [eth],
): MarginAccount {
  return createMarginAccount({
    settleAsset: 'USDT',
    markets,
    collateral: [{ asset: 'USDT', amount: collateral }],
    positions,
  });
}

/** Mark (and optionally oracle) price of one market. */
export function markAt(mark: DecimalInput, marketId = 'ETH', oracle?: DecimalInput): Prices {
  return createPrices({ markets: { [marketId]: oracle === undefined ? { mark } : { mark, oracle } } });
}

/** Narrows a preview to its filled form (fails the test otherwise). */
export function filled(preview: OrderPreview): Extract<OrderPreview, { kind: 'filled' }> {
  if (preview.kind !== 'filled') throw new Error(`expected a filled preview, got ${preview.reason}`);
  return preview;
}

/** Asserts that two decimals are equal, with a readable failure. */
export function expectDec(actual: Decimal | undefined, expected: DecimalInput): void {
  expect(actual, 'value is missing').toBeDefined();
  expect(actual?.toString()).toBe(new Decimal(expected).toString());
}

/** Settlement-asset balance of an account (0 when absent). */
export function balance(account: MarginAccount): Decimal {
  return account.collateral.find((c) => c.asset === account.settleAsset)?.amount ?? new Decimal(0);
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Asserts that `run` throws an InvalidArgumentError with `code` (and `path` when given). */
export function expectInvalidArgument(
  run: () => unknown,
  code: InvalidArgumentErrorCode,
  path?: readonly (string | number)[],
): void {
  const error = caught(run);
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect(isMarginKitError(error)).toBe(true);
  expect((error as InvalidArgumentError).code).toBe(code);
  if (path) expect((error as InvalidArgumentError).path).toEqual(path);
}

/** Asserts that `run` throws a ValidationError with `code` (and `path` when given). */
export function expectValidation(
  run: () => unknown,
  code: ValidationErrorCode,
  path?: readonly (string | number)[],
): void {
  const error = caught(run);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).code).toBe(code);
  if (path) expect((error as ValidationError).path).toEqual(path);
}
