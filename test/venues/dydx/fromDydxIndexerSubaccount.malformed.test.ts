import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMarginKitError, ValidationError } from '../../../src/index.js';
import { fromDydxIndexerSubaccount } from '../../../src/venues/dydx/fromDydxIndexerSubaccount.js';

const FIXTURES = new URL('../../fixtures/dydx/', import.meta.url);
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<string, unknown>;

type Json = Record<string, unknown>;

/** Sets (or deletes, for `undefined`) the value at a path of a deep copy. */
function edit(value: Json, path: readonly (string | number)[], to: unknown): Json {
  const copy = structuredClone(value);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  const last = path[path.length - 1] ?? '';
  if (to === undefined) delete node[last];
  else node[last] = to;
  return copy;
}

function thrown(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect(isMarginKitError(error)).toBe(true);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

const subaccount = fixture('subaccount-0.json');
const child = fixture('subaccount-128.json');
const markets = fixture('perpetual-markets.json');
const POSITION = ['subaccount', 'openPerpetualPositions', 'ETH-USD'] as const;
const USDC = ['subaccount', 'assetPositions', 'USDC'] as const;
const BTC = ['markets', 'BTC-USD'] as const;

describe('fromDydxIndexerSubaccount rejects a malformed subaccount payload, naming the field', () => {
  it.each([
    ['a size sent as a JSON number', [...POSITION, 'size'], -3.2, 'INVALID_TYPE'],
    ['a size that is not a number', [...POSITION, 'size'], 'minus three', 'NOT_A_NUMBER'],
    ['a size of the wrong sign for its side', [...POSITION, 'size'], '3.2', 'INVALID_FIELD'],
    ['a zero size', [...POSITION, 'size'], '0', 'INVALID_FIELD'],
    ['a missing size', [...POSITION, 'size'], undefined, 'MISSING_FIELD'],
    ['an unknown side', [...POSITION, 'side'], 'BUY', 'INVALID_OPTION'],
    ['a missing entry price', [...POSITION, 'entryPrice'], undefined, 'MISSING_FIELD'],
    ['a zero entry price', [...POSITION, 'entryPrice'], '0', 'NOT_POSITIVE'],
    ['an infinite entry price', [...POSITION, 'entryPrice'], 'Infinity', 'NOT_A_NUMBER'],
    ['a position keyed by another market', [...POSITION, 'market'], 'BTC-USD', 'INVALID_FIELD'],
    ['a negative USDC size', [...USDC, 'size'], '-10', 'NEGATIVE'],
    ['a USDC side that is neither LONG nor SHORT', [...USDC, 'side'], 'FLAT', 'INVALID_OPTION'],
    ['a fractional subaccount number', ['subaccount', 'subaccountNumber'], 1.5, 'INVALID_TYPE'],
    ['a negative subaccount number', ['subaccount', 'subaccountNumber'], -1, 'INVALID_FIELD'],
    ['a subaccount number given as a string', ['subaccount', 'subaccountNumber'], '0', 'INVALID_TYPE'],
    ['a missing subaccount number', ['subaccount', 'subaccountNumber'], undefined, 'MISSING_FIELD'],
    ['positions that are not a map', ['subaccount', 'openPerpetualPositions'], [], 'INVALID_TYPE'],
    ['missing asset positions', ['subaccount', 'assetPositions'], undefined, 'MISSING_FIELD'],
    ['an equity that is not a number', ['subaccount', 'equity'], 'n/a', 'NOT_A_NUMBER'],
  ] as const)('%s', (_what, path, value, code) => {
    const error = thrown(() => fromDydxIndexerSubaccount(edit(subaccount, path, value), markets));
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('rejects a collateral asset other than USDC', () => {
    const payload = edit(subaccount, ['subaccount', 'assetPositions', 'ETH'], {
      symbol: 'ETH',
      side: 'LONG',
      size: '1',
      assetId: '1',
    });
    const error = thrown(() => fromDydxIndexerSubaccount(payload, markets));
    expect(error.code).toBe('INVALID_FIELD');
    expect(error.path).toEqual(['subaccount', 'assetPositions', 'ETH']);
  });

  it('rejects an asset position keyed by another symbol', () => {
    const error = thrown(() =>
      fromDydxIndexerSubaccount(edit(subaccount, [...USDC, 'symbol'], 'USDT'), markets),
    );
    expect(error.path).toEqual([...USDC, 'symbol']);
  });

  it('names the path inside an unwrapped subaccount object', () => {
    const inner = (edit(subaccount, [...POSITION, 'size'], 1) as { subaccount: Json }).subaccount;
    const error = thrown(() => fromDydxIndexerSubaccount(inner, markets));
    expect(error.path).toEqual(['openPerpetualPositions', 'ETH-USD', 'size']);
  });

  it.each([
    ['null', null],
    ['a string', 'subaccount'],
    ['an array', []],
  ])('rejects %s as the subaccount payload', (_what, value) => {
    const error = thrown(() => fromDydxIndexerSubaccount(value, markets));
    expect(error.code).toBe('INVALID_TYPE');
  });

  it('rejects an isolated child whose margin is not positive, suggesting the cross mapping', () => {
    // USDC −5 300 against 2 500 WIF bought at 2.0931 (5 232.75): margin −67.25
    const bankrupt = edit(child, [...USDC, 'size'], '5300');
    const error = thrown(() => fromDydxIndexerSubaccount(bankrupt, markets));
    expect(error.code).toBe('INVALID_FIELD');
    expect(error.path).toEqual([...USDC]);
    expect(error.message).toMatch(/childSubaccounts: 'cross'/);
    expect(fromDydxIndexerSubaccount(bankrupt, markets, { childSubaccounts: 'cross' }).isolated).toBe(false);
  });
});

describe('fromDydxIndexerSubaccount rejects a malformed markets payload, naming the field', () => {
  it.each([
    ['a missing oracle price', [...BTC, 'oraclePrice'], undefined, 'MISSING_FIELD'],
    ['an oracle price sent as a number', [...BTC, 'oraclePrice'], 64321.75, 'INVALID_TYPE'],
    ['a negative oracle price', [...BTC, 'oraclePrice'], '-1', 'NOT_POSITIVE'],
    ['an initial fraction above 1', [...BTC, 'initialMarginFraction'], '1.5', 'ABOVE_ONE'],
    [
      'a maintenance fraction above the initial',
      [...BTC, 'maintenanceMarginFraction'],
      '0.03',
      'MAINTENANCE_ABOVE_INITIAL',
    ],
    ['a negative open interest', [...BTC, 'openInterest'], '-1', 'NEGATIVE'],
    ['an atomic resolution given as a string', [...BTC, 'atomicResolution'], '-10', 'INVALID_TYPE'],
    ['a zero step size', [...BTC, 'stepSize'], '0', 'NOT_POSITIVE'],
    ['a lower cap above the upper cap', [...BTC, 'openInterestLowerCap'], '10', 'INVALID_RANGE'],
    ['a market keyed by another ticker', [...BTC, 'ticker'], 'ETH-USD', 'INVALID_FIELD'],
    ['an unknown market type', [...BTC, 'marketType'], 'SPOT', 'INVALID_OPTION'],
  ] as const)('%s', (_what, path, value, code) => {
    const payload =
      path[2] === 'openInterestLowerCap'
        ? edit(edit(markets, [...BTC, 'openInterestUpperCap'], '5'), path, value)
        : edit(markets, path, value);
    const error = thrown(() => fromDydxIndexerSubaccount(subaccount, payload));
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });

  it('names a held market missing from the markets payload (UNKNOWN_MARKET)', () => {
    const error = thrown(() => fromDydxIndexerSubaccount(subaccount, edit(markets, [...BTC], undefined)));
    expect(error.code).toBe('UNKNOWN_MARKET');
    expect(error.path).toEqual(['subaccount', 'openPerpetualPositions', 'BTC-USD', 'market']);
  });

  it('does not read markets the account does not need', () => {
    const broken = edit(markets, ['markets', 'WIF-USD', 'oraclePrice'], 'broken');
    expect(() => fromDydxIndexerSubaccount(subaccount, broken)).not.toThrow();
    const error = thrown(() => fromDydxIndexerSubaccount(subaccount, broken, { markets: ['WIF-USD'] }));
    expect(error.path).toEqual(['markets', 'WIF-USD', 'oraclePrice']);
  });

  it('rejects markets that are not a map', () => {
    const error = thrown(() => fromDydxIndexerSubaccount(subaccount, { markets: [] }));
    expect(error.code).toBe('INVALID_TYPE');
    expect(error.path).toEqual(['markets']);
  });
});

describe('fromDydxIndexerSubaccount rejects bad options', () => {
  it.each([
    ['an unknown option', { mode: 'cross' }, ['options', 'mode'], 'UNKNOWN_FIELD'],
    [
      'an unknown child mapping',
      { childSubaccounts: 'separate' },
      ['options', 'childSubaccounts'],
      'INVALID_OPTION',
    ],
    ['a zero leverage', { leverage: { 'BTC-USD': 0 } }, ['options', 'leverage', 'BTC-USD'], 'NOT_POSITIVE'],
    [
      'a non-boolean scaling flag',
      { openInterestScaling: 'yes' },
      ['options', 'openInterestScaling'],
      'INVALID_TYPE',
    ],
    [
      'a negative clamp factor',
      { fundingRateClampFactor: -6 },
      ['options', 'fundingRateClampFactor'],
      'NEGATIVE',
    ],
    [
      'an extra market the payload lacks',
      { markets: ['DOGE-USD'] },
      ['options', 'markets', 0],
      'UNKNOWN_MARKET',
    ],
  ] as const)('%s', (_what, options, path, code) => {
    const error = thrown(() => fromDydxIndexerSubaccount(subaccount, markets, options as never));
    expect(error.code).toBe(code);
    expect(error.path).toEqual(path);
  });
});
