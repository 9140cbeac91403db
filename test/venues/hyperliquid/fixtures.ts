// Loads the recorded Hyperliquid payloads of test/fixtures/hyperliquid/ (see the README there).
import { readFileSync } from 'node:fs';
import type {
  HyperliquidAssetCtx,
  HyperliquidClearinghouseState,
  HyperliquidMeta,
} from '../../../src/venues/hyperliquid/HyperliquidPayloads.js';

const DIR = new URL('../../fixtures/hyperliquid/', import.meta.url);

function read(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8'));
}

/** The names of the recorded `clearinghouseState` answers. */
export const STATES = ['mixed', 'tiered', 'isolated'] as const;
export type StateName = (typeof STATES)[number];

/** A fresh copy of the `meta` answer (safe to mutate in a test). */
export function meta(): HyperliquidMeta {
  return read('meta.json') as HyperliquidMeta;
}

/** A fresh copy of the asset contexts (universe order). */
export function assetCtxs(): HyperliquidAssetCtx[] {
  return read('asset-ctxs.json') as HyperliquidAssetCtx[];
}

/** A fresh copy of a `clearinghouseState` answer. */
export function state(name: StateName): HyperliquidClearinghouseState {
  return read(`clearinghouse-state-${name}.json`) as HyperliquidClearinghouseState;
}

/**
 * A deep copy of `payload` with the field at `path` replaced by `value` (or removed when `value` is `REMOVE`), for
 * tests that corrupt one field of an otherwise valid answer.
 */
export function withField<T>(payload: T, path: readonly (string | number)[], value: unknown): T {
  const copy = structuredClone(payload) as unknown;
  let node = copy as Record<string | number, unknown>;
  path.slice(0, -1).forEach((key) => {
    node = node[key] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1];
  if (last === undefined) return value as T;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy as T;
}

/** Marker for {@link withField}: delete the field. */
export const REMOVE = Symbol('remove');
