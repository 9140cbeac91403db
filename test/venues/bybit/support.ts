// Helpers shared by the Bybit venue tests.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { Decimal, type DecimalInput, isMarginKitError } from '../../../src/index.js';

/** The price of a `price` level; fails the test on `never`. */
export function price(level: { readonly kind: string; readonly price?: Decimal }): Decimal {
  expect(level.kind, 'expected a price, got never').toBe('price');
  if (!level.price) throw new Error('no price');
  return level.price;
}

/** A fixture of test/fixtures/bybit as parsed JSON. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/bybit/${name}`, import.meta.url), 'utf8')) as T;
}

/** Asserts |a − b| ≤ rel · max(|a|, |b|, 1). */
export function expectClose(a: Decimal, b: DecimalInput, rel = '1e-30', label = 'value'): void {
  const e = new Decimal(String(b));
  const scale = Decimal.max(a.abs(), e.abs(), 1);
  const diff = a.minus(e).abs();
  expect(
    diff.lessThanOrEqualTo(scale.times(rel)),
    `${label}: ${a.toString()} vs ${e.toString()} (difference ${diff.toString()})`,
  ).toBe(true);
}

/** Runs `fn`, expects a library error, and returns it. */
export function thrown(fn: () => unknown): {
  code: string;
  path: readonly (string | number)[];
  name: string;
} {
  try {
    fn();
  } catch (error) {
    expect(isMarginKitError(error), `not a library error: ${String(error)}`).toBe(true);
    return error as { code: string; path: readonly (string | number)[]; name: string };
  }
  throw new Error('expected an error');
}
