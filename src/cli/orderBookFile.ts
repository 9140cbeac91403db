// `--book <file>`: an order book to walk, as the library's JSON or as a venue's order-book answer.
import { createOrderBook, isMarginKitError, type OrderBook } from 'marginkit';
import { CliError, usage } from './CliError.js';
import { readJson } from './readJson.js';

type Levels = readonly unknown[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Hyperliquid `l2Book` levels `{ px, sz, n }` as `[price, size]` pairs (other entries are left for the check). */
function pxSz(levels: unknown): unknown {
  if (!Array.isArray(levels)) return levels;
  return levels.map((l) => (isRecord(l) && 'px' in l && 'sz' in l ? [l.px, l.sz] : l));
}

/** `[i, 'price']` as `[i, 0]` where level `i` was given as a `[price, size]` pair. */
function inPair(levels: unknown, rest: readonly (string | number)[]): (string | number)[] {
  const [index, field, ...more] = rest;
  const level = Array.isArray(levels) && typeof index === 'number' ? levels[index] : undefined;
  if (!Array.isArray(level) || (field !== 'price' && field !== 'size')) return [...rest];
  return [index as number, field === 'price' ? 0 : 1, ...more];
}

/** A book's two sides, and where a side of the library's book is found in the payload. */
interface Sides {
  readonly bids: unknown;
  readonly asks: unknown;
  /** The payload's path of `rest` (a level index and field) in a side of the library's book. */
  readonly at: (side: 'bids' | 'asks', rest: readonly (string | number)[]) => (string | number)[];
}

/**
 * The two sides of a book payload:
 * - the library's `{ bids, asks }` (levels `{ price, size }` or `[price, size]`; dYdX's indexer answers
 *   `GET /v4/orderbooks/perpetualMarket/{ticker}` in this form);
 * - Binance `GET /fapi/v1/depth` `{ lastUpdateId, bids, asks }` (levels `[price, qty]`);
 * - Bybit `GET /v5/market/orderbook` `{ result: { s, b, a } }` or its `result` alone (levels `[price, size]`);
 * - Hyperliquid `info` `l2Book` `{ coin, levels: [bids, asks] }` (levels `{ px, sz, n }`).
 */
function sides(input: unknown): Sides {
  if (!isRecord(input)) throw new CliError('INVALID_TYPE', 'expected an order book object', ['book']);
  if ('bids' in input || 'asks' in input) {
    return { bids: input.bids, asks: input.asks, at: (side, rest) => [side, ...inPair(input[side], rest)] };
  }
  const bybit = isRecord(input.result) ? input.result : input;
  if ('b' in bybit || 'a' in bybit) {
    const under = bybit === input ? [] : ['result'];
    return {
      bids: bybit.b,
      asks: bybit.a,
      at: (side, rest) => {
        const key = side === 'bids' ? 'b' : 'a';
        return [...under, key, ...inPair(bybit[key], rest)];
      },
    };
  }
  if (Array.isArray(input.levels) && input.levels.length === 2) {
    const [bids, asks] = input.levels as Levels;
    const field = (key: string | number) => (key === 'price' ? 'px' : key === 'size' ? 'sz' : key);
    return {
      bids: pxSz(bids),
      asks: pxSz(asks),
      at: (side, rest) => ['levels', side === 'bids' ? 0 : 1, ...rest.map(field)],
    };
  }
  throw new CliError(
    'INVALID_INPUT',
    'expected { bids, asks } (the library, Binance, dYdX), { result: { b, a } } (Bybit) or { levels: [bids, asks] } (Hyperliquid)',
    ['book'],
  );
}

/**
 * Reads the book of `--book <file>` and checks it with `createOrderBook` (sizes in contracts of the market); an
 * error names the field of the book file (`book.levels[1][0].px` for a Hyperliquid ask).
 */
export function orderBookFile(file: string): OrderBook {
  if (file === '-' || file === '') throw usage('--book needs a file (standard input holds the account)');
  // Never standard input (refused above), so the stream given to readJson is not read.
  const { bids, asks, at } = sides(readJson(file, { isTTY: true, fd: 0 }));
  try {
    return createOrderBook({ bids: bids as never, asks: asks as never });
  } catch (error) {
    if (!isMarginKitError(error)) throw error;
    const [side, ...rest] = error.path;
    const where = side === 'bids' || side === 'asks' ? at(side, rest) : [...error.path];
    throw new CliError(error.code, error.shortMessage, ['book', ...where], error);
  }
}
