// Shared machinery of the conformance suites: reading the vector files, reading numbers out of a vector,
// comparing Decimals exactly or within a stated tolerance, and accounting for every vector (run, deferred
// with a reason, or a known library failure) so that no case is dropped silently.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { Decimal, type DecimalInput, type ThresholdPrice } from '../../src/index.js';

/** Tolerance as the vector files state it: absolute, or relative to the expected value. */
export interface Tolerance {
  readonly abs?: number;
  readonly rel?: number;
}

/** One conformance case as stored in `vectors/*.json` (dYdX cases carry no id, kind or tolerance). */
export interface Vector {
  readonly id?: string;
  readonly venue?: string;
  readonly kind?: string;
  readonly source: string;
  readonly description: string;
  readonly inputs: unknown;
  readonly expected: unknown;
  readonly status?: string;
  readonly formula?: string;
  readonly tolerance?: Tolerance;
  readonly notes?: string;
}

const VECTOR_DIR = new URL('./vectors/', import.meta.url);

/** Raw bytes of a vector file, for the checksum that pins the copy. */
export function vectorFileSha256(name: string): string {
  return createHash('sha256')
    .update(readFileSync(new URL(name, VECTOR_DIR)))
    .digest('hex');
}

/** Parses a vector file of this directory. */
export function loadVectors(name: string): readonly Vector[] {
  const parsed: unknown = JSON.parse(readFileSync(new URL(name, VECTOR_DIR), 'utf8'));
  if (!Array.isArray(parsed)) throw new TypeError(`${name} is not an array of vectors`);
  return parsed as Vector[];
}

/** The value at `path` inside a vector's inputs or expected object; throws when absent. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in current)) {
      throw new TypeError(`vector has no field ${path.join('.')}`);
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A numeric field as an exact Decimal (JSON numbers go through their shortest decimal string). */
export function dec(value: unknown, ...path: (string | number)[]): Decimal {
  const v = at(value, ...path);
  if (typeof v === 'number' || typeof v === 'string') return new Decimal(String(v));
  throw new TypeError(`field ${path.join('.')} is not a number`);
}

/** A string field. */
export function str(value: unknown, ...path: (string | number)[]): string {
  const v = at(value, ...path);
  if (typeof v !== 'string') throw new TypeError(`field ${path.join('.')} is not a string`);
  return v;
}

/** A boolean field. */
export function bool(value: unknown, ...path: (string | number)[]): boolean {
  const v = at(value, ...path);
  if (typeof v !== 'boolean') throw new TypeError(`field ${path.join('.')} is not a boolean`);
  return v;
}

/** The largest difference the tolerance allows around `expected` (0 when none is given: exact). */
function bound(expected: Decimal, tolerance: Tolerance | undefined): Decimal {
  let b = new Decimal(0);
  if (tolerance?.abs !== undefined) b = Decimal.max(b, new Decimal(String(tolerance.abs)));
  if (tolerance?.rel !== undefined) b = Decimal.max(b, expected.abs().times(String(tolerance.rel)));
  return b;
}

/**
 * Asserts `actual` equals `expected` exactly, or within `tolerance` (absolute and/or relative), in Decimal
 * arithmetic.
 */
export function expectDecimal(
  actual: Decimal,
  expected: DecimalInput,
  tolerance?: Tolerance,
  label = 'value',
): void {
  const e = new Decimal(String(expected));
  const limit = bound(e, tolerance);
  const diff = actual.minus(e).abs();
  expect(
    diff.lessThanOrEqualTo(limit),
    `${label}: got ${actual.toString()}, expected ${e.toString()} (|difference| ${diff.toString()} > allowed ${limit.toString()})`,
  ).toBe(true);
}

/** Asserts exact equality of two Decimals. */
export function expectExact(actual: Decimal, expected: DecimalInput, label = 'value'): void {
  expectDecimal(actual, expected, undefined, label);
}

/** The price of a `price` threshold result; fails the test on `never` or `now`. */
export function thresholdPrice(result: ThresholdPrice): Decimal {
  expect(result.kind, `threshold result is '${result.kind}', expected a price`).toBe('price');
  if (result.kind !== 'price') throw new Error('unreachable');
  return result.price;
}

/** The direction of a `price` threshold result. */
export function thresholdDirection(result: ThresholdPrice): 'down' | 'up' {
  if (result.kind !== 'price') throw new Error(`threshold result is '${result.kind}'`);
  return result.direction;
}

/** Registry of a vector file: looks cases up by id and records which ones have a test. */
export interface Conformance {
  /** Every id of the file, in file order. */
  readonly ids: readonly string[];
  /** Ids that have a test. */
  readonly run: ReadonlySet<string>;
  /** The vector with this id. */
  vector(id: string): Vector;
  /** Defines `it('<id>: <what>')` for the vector and records it as run. */
  check(id: string, what: string, body: (v: Vector) => void): void;
}

/** Builds the registry; `idOf` names the i-th vector (its `id`, or an index-based name). */
export function conformance(vectors: readonly Vector[], idOf: (v: Vector, i: number) => string): Conformance {
  const byId = new Map<string, Vector>();
  vectors.forEach((v, i) => {
    const id = idOf(v, i);
    if (byId.has(id)) throw new Error(`duplicate vector id ${id}`);
    byId.set(id, v);
  });
  const run = new Set<string>();
  const vector = (id: string): Vector => {
    const v = byId.get(id);
    if (!v) throw new Error(`no vector ${id}`);
    return v;
  };
  return {
    ids: [...byId.keys()],
    run,
    vector,
    check(id, what, body) {
      const v = vector(id);
      if (run.has(id)) throw new Error(`vector ${id} has two tests`);
      run.add(id);
      it(`${id}: ${what}`, () => body(v));
    },
  };
}

/**
 * Asserts that the run ids, the deferred ids and the known failures partition the file's ids, that every
 * reason is written out, and that partially checked ids are among the run ones.
 */
export function expectAccountedFor(
  suite: Conformance,
  deferred: Readonly<Record<string, string>>,
  knownFailures: Readonly<Record<string, string>>,
  partial: Readonly<Record<string, string>>,
): void {
  const all = new Set(suite.ids);
  const run = [...suite.run];
  const deferredIds = Object.keys(deferred);
  const failingIds = Object.keys(knownFailures);
  const listed = [...run, ...deferredIds, ...failingIds];
  // Nothing listed twice (run and deferred, etc.) and nothing listed that is not in the file.
  expect(listed.length - new Set(listed).size, 'ids listed in more than one category').toBe(0);
  expect(
    listed.filter((id) => !all.has(id)),
    'listed ids that are not in the file',
  ).toEqual([]);
  // Nothing dropped.
  expect(
    suite.ids.filter((id) => !listed.includes(id)),
    'vectors neither run nor listed',
  ).toEqual([]);
  for (const [id, reason] of [
    ...Object.entries(deferred),
    ...Object.entries(knownFailures),
    ...Object.entries(partial),
  ]) {
    expect(reason.trim().length, `reason for ${id}`).toBeGreaterThan(20);
  }
  expect(
    Object.keys(partial).filter((id) => !suite.run.has(id)),
    'partially checked ids that do not run',
  ).toEqual([]);
}
