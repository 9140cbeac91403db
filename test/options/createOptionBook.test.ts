// Option books against their account: defaults, and every cross-reference error with its code and path.
import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createOptionBook,
  type OptionBookInput,
  ValidationError,
} from '../../src/index.js';
import { bookOf, NOW, optionMarkets, usdcAccount } from './fixtures.js';

function issuesOf(input: OptionBookInput, account = usdcAccount()) {
  try {
    createOptionBook(input, account);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.code, i.path]);
  }
  throw new Error('expected a ValidationError');
}

describe('createOptionBook', () => {
  it('fills the defaults: settlement of the underlying, contract size 1, Deribit standard margin', () => {
    const book = bookOf(usdcAccount(), [
      { marketId: 'BTC-C-110K', size: '-1.5', entryPrice: 800, marginMode: 'cross' },
    ]);
    const call = book.markets['BTC-C-110K'];
    expect(call?.settlement).toBe('linear');
    expect(call?.contractSize.toString()).toBe('1');
    expect(
      [call?.margin.initialBase, call?.margin.initialFloor, call?.margin.maintenance].map(String),
    ).toEqual(['0.15', '0.1', '0.075']);
    expect(book.positions[0]?.id).toBe('BTC-C-110K');
    expect(Object.isFrozen(book) && Object.isFrozen(book.positions[0])).toBe(true);
  });

  it('defaults an option on an inverse underlying to coin settlement', () => {
    const account = createMarginAccount({
      settleAsset: 'BTC',
      markets: [
        {
          id: 'BTCUSD',
          kind: 'inverse',
          baseAsset: 'BTC',
          quoteAsset: 'USD',
          marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
        },
      ],
      collateral: [{ asset: 'BTC', amount: 1 }],
      positions: [],
    });
    const book = createOptionBook(
      {
        markets: [{ id: 'C', optionType: 'call', strike: 1, expiry: NOW, underlying: 'BTCUSD' }],
        positions: [],
      },
      account,
    );
    expect(book.markets.C?.settlement).toBe('inverse');
  });

  it('reports every cross-reference problem with its path', () => {
    expect(
      issuesOf({
        markets: [
          { ...optionMarkets[0], underlying: 'SOL-PERP' } as OptionBookInput['markets'][number],
          { ...optionMarkets[1], id: 'BTC-PERP' } as OptionBookInput['markets'][number],
          { ...optionMarkets[1], settlement: 'inverse' } as OptionBookInput['markets'][number],
        ],
        positions: [{ marketId: 'NOPE', size: 1, entryPrice: 1, marginMode: 'cross' }],
      }),
    ).toEqual([
      ['UNKNOWN_MARKET', ['markets', 0, 'underlying']],
      ['DUPLICATE_ID', ['markets', 1, 'id']],
      ['SETTLEMENT_MISMATCH', ['markets', 2, 'settlement']],
      ['UNKNOWN_MARKET', ['positions', 0, 'marketId']],
    ]);
  });

  it('rejects malformed fields through the schema', () => {
    expect(
      issuesOf({
        markets: [{ ...optionMarkets[0], strike: -1 } as OptionBookInput['markets'][number]],
        positions: [{ marketId: 'BTC-C-110K', size: 1, entryPrice: 1, marginMode: 'isolated' }],
      }),
    ).toEqual([
      ['NOT_POSITIVE', ['markets', 0, 'strike']],
      ['ISOLATED_WITHOUT_MARGIN', ['positions', 0, 'isolatedMargin']],
    ]);
  });

  it('rejects a position id already used by the account', () => {
    const account = usdcAccount([
      { id: 'hedge', marketId: 'BTC-PERP', size: 1, entryPrice: 1, marginMode: 'cross' },
    ]);
    expect(
      issuesOf(
        {
          markets: optionMarkets,
          positions: [{ id: 'hedge', marketId: 'BTC-C-110K', size: 1, entryPrice: 1, marginMode: 'cross' }],
        },
        account,
      ),
    ).toEqual([['DUPLICATE_ID', ['positions', 0, 'id']]]);
  });
});
