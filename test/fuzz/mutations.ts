// Hostile values and structured mutations of valid calls: one or two edits per call, each at a path chosen among
// every field of the valid arguments (or the whole argument), so the fuzz reaches deep into payloads.
import { types } from 'node:util';
import { Decimal as ForeignDecimal } from 'decimal.js';
import fc from 'fast-check';
import type { Arg } from './catalog.js';
import { HostileInputError } from './contract.js';

type Path = readonly (string | number)[];

function throwing(): never {
  throw new HostileInputError('thrown by the input');
}

/** A Proxy whose every trap throws. */
function trapProxy(): object {
  return new Proxy(
    {},
    {
      get: throwing,
      has: throwing,
      ownKeys: throwing,
      getOwnPropertyDescriptor: throwing,
      getPrototypeOf: throwing,
    },
  );
}

/** An array of `length` holes, then `items` (a sparse array, as JSON never makes but callers can). */
export function holes(length: number, ...items: unknown[]): unknown[] {
  const list: unknown[] = [];
  list.length = length;
  list.push(...items);
  return list;
}

function cyclic(): object {
  const node: Record<string, unknown> = { id: 'ETH', size: '1' };
  node.self = node;
  node.list = [node];
  return node;
}

/** Hostile stand-ins for any field or argument, by name (the name is what shrinking reports). */
const HOSTILE: Readonly<Record<string, () => unknown>> = {
  undefined: () => undefined,
  null: () => null,
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  '-Infinity': () => Number.NEGATIVE_INFINITY,
  '-0': () => -0,
  '-0 string': () => '-0',
  'max number': () => Number.MAX_VALUE,
  'min number': () => Number.MIN_VALUE,
  'huge exponent': () => '1e9000000000000001',
  'tiny exponent': () => '1e-9000000000000001',
  '1e41': () => '1e41',
  'long digits': () => `${'1'.repeat(100_000)}x`,
  'long number': () => '9'.repeat(100_000),
  'empty string': () => '',
  word: () => 'x',
  'unknown id': () => 'NOPE-PERP',
  true: () => true,
  zero: () => 0,
  negative: () => -1,
  'big bigint': () => 10n ** 60n,
  bigint: () => -3n,
  symbol: () => Symbol('s'),
  function: () => () => 1,
  'empty object': () => ({}),
  'null-prototype object': () => Object.create(null),
  'proto key': () => JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}'),
  'empty array': () => [],
  'sparse array': () => holes(2),
  'array of null': () => [null],
  'trap proxy': trapProxy,
  'throwing getter': () => Object.defineProperty({}, 'size', { enumerable: true, get: throwing }),
  cyclic,
  'foreign Decimal': () => new ForeignDecimal('12.5'),
  'foreign huge Decimal': () => new ForeignDecimal('1e500'),
  'foreign NaN Decimal': () => new ForeignDecimal(Number.NaN),
  'Decimal look-alike': () => ({
    toStringTag: '[object Decimal]',
    d: [1],
    e: 0,
    s: 1,
    toString: () => 'Decimal(5)',
  }),
  'Decimal printer': () => ({ toString: () => 'Decimal(5)' }),
  date: () => new Date(0),
  map: () => new Map([['ETH', 1]]),
};
const HOSTILE_NAMES = Object.keys(HOSTILE);

/** Kinds of edit at a chosen path. */
const EDITS = [
  'replace',
  'delete',
  'wrap-in-array',
  'transparent-proxy',
  'throwing-getter',
  'duplicate',
  'sparse',
  'unknown-key',
  'anything',
] as const;
export type Edit = (typeof EDITS)[number];
const WHOLE_EDITS: ReadonlySet<Edit> = new Set<Edit>([
  'replace',
  'wrap-in-array',
  'transparent-proxy',
  'anything',
]);

export interface Mutation {
  readonly pathIndex: number;
  readonly edit: Edit;
  readonly hostile: string;
  readonly anything: unknown;
}

/** A recipe: which edits to apply to which valid call (indices wrap around what exists). */
export const mutationArb: fc.Arbitrary<readonly Mutation[]> = fc.array(
  fc.record({
    pathIndex: fc.nat(),
    edit: fc.constantFrom(...EDITS),
    hostile: fc.constantFrom(...HOSTILE_NAMES),
    anything: fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withSparseArray: true,
    }),
  }),
  { minLength: 1, maxLength: 2 },
);

/** A mutable deep copy of plain data (Decimals and class instances kept by reference). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  // A frozen object is a created primitive: kept by reference, replaced only whole.
  if (
    value &&
    typeof value === 'object' &&
    !Object.isFrozen(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v);
    return out;
  }
  return value;
}

function pathsOf(args: readonly Arg[], values: readonly unknown[]): Path[] {
  const paths: Path[] = [];
  const walk = (v: unknown, path: Path, depth: number) => {
    paths.push(path);
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (types.isProxy(v) || Object.isFrozen(v)) return;
    if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) return;
    for (const k of Object.keys(v)) {
      const field = Object.getOwnPropertyDescriptor(v, k);
      if (field && !field.get) walk(field.value, [...path, Array.isArray(v) ? Number(k) : k], depth + 1);
    }
  };
  values.forEach((v, i) => {
    if (args[i]?.deep) walk(v, [i], 0);
    else paths.push([i]);
  });
  return paths;
}

/** The valid arguments with the mutations applied (on fresh copies, so seeds are never shared). */
export function mutate(args: readonly Arg[], mutations: readonly Mutation[]): unknown[] {
  const root: unknown[] = args.map((a) => (a.deep ? copy(a.value) : a.value));
  for (const m of mutations) {
    const paths = pathsOf(args, root);
    const path = paths[m.pathIndex % paths.length] ?? [0];
    // A created primitive is replaced whole (by a hostile value, a wrapper or anything), never edited inside.
    const made = path.length === 1 && !args[path[0] as number]?.deep;
    if (made && !WHOLE_EDITS.has(m.edit)) {
      apply(root, path, { ...m, edit: 'replace' });
      continue;
    }
    try {
      apply(root, path, m);
    } catch (error) {
      // An edit that reads through an earlier hostile edit is skipped.
      if (!(error instanceof HostileInputError)) throw error;
    }
  }
  return root;
}

function apply(root: unknown[], path: Path, m: Mutation): void {
  let parent = root as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = Object.getOwnPropertyDescriptor(parent, key)?.value;
    if (!next || typeof next !== 'object') return;
    parent = next as Record<string | number, unknown>;
  }
  const key = path[path.length - 1] as string | number;
  const old = Object.getOwnPropertyDescriptor(parent, key)?.value;
  const hostile = HOSTILE[m.hostile] ?? (() => null);
  switch (m.edit) {
    case 'replace':
      parent[key] = hostile();
      return;
    case 'delete':
      if (parent === (root as unknown)) parent[key] = undefined;
      else delete parent[key];
      return;
    case 'wrap-in-array':
      parent[key] = [old];
      return;
    case 'transparent-proxy':
      if (old && typeof old === 'object') parent[key] = new Proxy(old, {});
      return;
    case 'throwing-getter':
      if (parent !== (root as unknown))
        Object.defineProperty(parent, key, { enumerable: true, configurable: true, get: throwing });
      return;
    case 'duplicate':
      if (Array.isArray(old) && old.length > 0) parent[key] = [...old, old[0]];
      else if (Array.isArray(parent)) parent.push(old);
      return;
    case 'sparse':
      if (Array.isArray(old)) {
        const holes = [...old];
        holes.length += 1;
        delete holes[0];
        parent[key] = holes;
      }
      return;
    case 'unknown-key':
      if (old && typeof old === 'object' && !Array.isArray(old)) {
        parent[key] = Object.assign(JSON.parse('{"__proto__": {"x": 1}}'), old, { constructor: hostile() });
      }
      return;
    case 'anything':
      parent[key] = m.anything;
      return;
  }
}
