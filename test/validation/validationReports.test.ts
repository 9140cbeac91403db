import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createFeeSchedule,
  createFundingSchedule,
  createMarginAccount,
  createMarket,
  createOrderBook,
  createPosition,
  createPrices,
  fromBinanceUsdmAccount,
  fromBybitPositions,
  fromDydxIndexerSubaccount,
  fromHyperliquidClearinghouseState,
  ValidationError,
  type ValidationIssue,
} from '../../src/index.js';
import { clone, loadFixture } from '../venues/binance/helpers.js';
import { assetCtxs, meta, state, withField } from '../venues/hyperliquid/fixtures.js';

function report(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

/** code and path of every issue, as `CODE a.b[0]`. */
const summary = (error: ValidationError) =>
  error.issues.map((i: ValidationIssue) => `${i.code} ${i.path.join('.')}`);

const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' };
const market = (over: Record<string, unknown> = {}) =>
  ({
    id: 'BTC-PERP',
    kind: 'linear',
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    marginSchedule: flat,
    ...over,
  }) as never;
const position = (over: Record<string, unknown> = {}) =>
  ({
    marketId: 'BTC-PERP',
    size: '1',
    entryPrice: '60000',
    marginMode: 'cross',
    ...over,
  }) as never;

describe('one ValidationError reports every issue of an input', () => {
  it('createPosition: three bad fields give three issues, each with the value found', () => {
    const error = report(() =>
      createPosition(position({ size: 'abc', entryPrice: -1, marginMode: 'portfolio' }) as never),
    );
    expect(summary(error)).toEqual([
      'NOT_A_NUMBER size',
      'NOT_POSITIVE entryPrice',
      'INVALID_OPTION marginMode',
    ]);
    expect(error.issues.map((i) => i.received)).toEqual(["'abc'", '-1', "'portfolio'"]);
    // The error itself names the first issue, as before.
    expect(error.code).toBe('NOT_A_NUMBER');
    expect(error.path).toEqual(['size']);
    expect(error.message).toBe("size: 'abc' is not a decimal number (and 2 more)");
  });

  it('a typo’d key is reported as an unknown field with the name it misspells, not as a missing option', () => {
    const { marginMode: _, ...rest } = position() as Record<string, unknown>;
    const error = report(() => createPosition({ ...rest, marginMod: 'cross' } as never));
    expect(summary(error)).toEqual(['UNKNOWN_FIELD marginMod']);
    expect(error.issues[0]).toEqual({
      code: 'UNKNOWN_FIELD',
      path: ['marginMod'],
      message: "unknown field 'marginMod'; did you mean 'marginMode'?",
      received: "'cross'",
      suggestion: 'marginMode',
    });
  });

  it('an option outside an enumeration repeats the value and suggests the close one', () => {
    const error = report(() => createPosition(position({ marginMode: 'crss' }) as never));
    expect(error.issues[0]).toMatchObject({
      code: 'INVALID_OPTION',
      path: ['marginMode'],
      received: "'crss'",
      suggestion: 'cross',
    });
    expect(error.issues[0]?.message).toBe(`must be one of "cross", "isolated"; did you mean 'cross'?`);
    // No suggestion when nothing is close.
    const far = report(() => createPosition(position({ marginMode: 'portfolio' }) as never));
    expect(far.issues[0]?.suggestion).toBeUndefined();
  });

  it('a missing option is MISSING_FIELD and lists the options', () => {
    const { marginMode: _, ...rest } = position() as Record<string, unknown>;
    const error = report(() => createPosition(rest as never));
    expect(error.issues[0]).toEqual({
      code: 'MISSING_FIELD',
      path: ['marginMode'],
      message: 'is required (one of "cross", "isolated")',
    });
  });

  it('createMarket: a bad kind, an empty asset, a typo’d schedule type and an unknown key, all at once', () => {
    const error = report(() =>
      createMarket(
        market({ kind: 'lin', baseAsset: '', stepsize: '1', marginSchedule: { type: 'flt' } }) as never,
      ),
    );
    expect(summary(error)).toEqual([
      'INVALID_OPTION kind',
      'MISSING_FIELD baseAsset',
      'INVALID_OPTION marginSchedule.type',
      'UNKNOWN_FIELD stepsize',
    ]);
    expect(error.issues.map((i) => i.suggestion)).toEqual(['linear', undefined, 'flat', 'stepSize']);
  });

  it('a typo’d discriminator is the unknown field, with the name it misspells', () => {
    const error = report(() =>
      createMarket(market({ marginSchedule: { ...flat, type: undefined, typ: 'flat' } })),
    );
    expect(error.issues).toEqual([
      {
        code: 'UNKNOWN_FIELD',
        path: ['marginSchedule', 'typ'],
        message: "unknown field 'typ'; did you mean 'type'?",
        received: "'flat'",
        suggestion: 'type',
      },
    ]);
  });

  it('several unknown keys give one issue each', () => {
    const error = report(() => createMarket(market({ tickSiz: '0.1', colour: 'red' }) as never));
    expect(summary(error)).toEqual(['UNKNOWN_FIELD tickSiz', 'UNKNOWN_FIELD colour']);
    expect(error.issues.map((i) => i.suggestion)).toEqual(['tickSize', undefined]);
  });

  it('long strings are cut short in the value reported', () => {
    const error = report(() => createMarket(market({ tickSize: 'x'.repeat(500) })));
    expect(error.issues[0]?.received).toBe(`'${'x'.repeat(39)}…'`);
  });

  it('values found by cross-field rules are reported too', () => {
    const error = report(() =>
      createMarket(
        market({ marginSchedule: { ...flat, initialFraction: '0.01', maintenanceFraction: '0.02' } }),
      ),
    );
    expect(error.issues[0]).toMatchObject({ code: 'MAINTENANCE_ABOVE_INITIAL', received: '0.02' });
  });

  it('createMarginAccount collects across markets, collateral and positions', () => {
    const error = report(() =>
      createMarginAccount({
        settleAsset: 'USDT',
        markets: [market({ kind: 'perp' }), market({ id: 'ETH-PERP', baseAsset: 'ETH', contractSize: -1 })],
        collateral: [{ asset: 'USDT', amount: 'lots' }],
        positions: [
          position({ marketId: 'BTC-PERP' }),
          position({ marketId: 'SOL-PERP' }),
          position({ marketId: 'ETH-PERP', entryPrice: 0 }),
        ],
        extra: true,
      } as never),
    );
    expect(summary(error)).toEqual([
      'UNKNOWN_FIELD extra',
      'INVALID_OPTION markets.0.kind',
      'NOT_POSITIVE markets.1.contractSize',
      'NOT_A_NUMBER collateral.0.amount',
      // The position in the invalid market BTC-PERP is not reported again; SOL-PERP is unknown.
      'UNKNOWN_MARKET positions.1.marketId',
      'NOT_POSITIVE positions.2.entryPrice',
    ]);
  });

  it('createMarginAccount suggests the market a position’s id misspells, and reports duplicates with the rest', () => {
    const error = report(() =>
      createMarginAccount({
        settleAsset: 'USDT',
        markets: [market(), market()],
        positions: [position({ marketId: 'BTC-PREP' })],
      } as never),
    );
    expect(summary(error)).toEqual(['DUPLICATE_ID markets.1.id', 'UNKNOWN_MARKET positions.0.marketId']);
    expect(error.issues[1]?.suggestion).toBe('BTC-PERP');
  });

  it('a typo’d top-level key of an account stands for the missing field', () => {
    const error = report(() => createMarginAccount({ settleAsset: 'USDT', markts: [market()] } as never));
    expect(summary(error)).toEqual(['UNKNOWN_FIELD markts']);
    expect(error.issues[0]?.suggestion).toBe('markets');
  });

  it('createPrices collects across market and asset entries', () => {
    const error = report(() =>
      createPrices({
        markets: { 'BTC-PERP': { mark: -1 }, 'ETH-PERP': {}, 'SOL-PERP': { mark: '10', orcale: '10' } },
        assets: { BTC: 'x' },
      } as never),
    );
    expect(summary(error)).toEqual([
      'NOT_POSITIVE markets.BTC-PERP.mark',
      'MISSING_FIELD markets.ETH-PERP.oracle',
      'UNKNOWN_FIELD markets.SOL-PERP.orcale',
      'NOT_A_NUMBER assets.BTC',
    ]);
    expect(error.issues[2]?.suggestion).toBe('oracle');
  });

  it('createFundingSchedule, createOrderBook and createFeeSchedule report every issue', () => {
    const funding = report(() =>
      createFundingSchedule({
        intervalMs: 0,
        paymentPrice: 'orcale',
        rate: { type: 'path', points: [] },
      } as never),
    );
    expect(summary(funding)).toEqual([
      'NOT_POSITIVE intervalMs',
      'INVALID_OPTION paymentPrice',
      'EMPTY rate.points',
    ]);
    expect(funding.issues[1]?.suggestion).toBe('oracle');

    const book = report(() =>
      createOrderBook({
        bids: [
          [0, 1],
          [99, -1],
        ],
        asks: [['x', 1]],
      }),
    );
    expect(summary(book)).toEqual([
      'NOT_POSITIVE bids.0.price',
      'NOT_POSITIVE bids.1.size',
      'NOT_A_NUMBER asks.0.price',
    ]);

    const fees = report(() =>
      createFeeSchedule({ tiers: [{ volumeFloor: -1, makerRate: 'a', takerRat: '0.1' }] } as never),
    );
    expect(summary(fees)).toEqual([
      'NEGATIVE tiers.0.volumeFloor',
      'NOT_A_NUMBER tiers.0.makerRate',
      'UNKNOWN_FIELD tiers.0.takerRat',
    ]);
  });
});

describe('venue adapters report the issues of all their payloads at once', () => {
  it('Hyperliquid: a bad state field and a bad asset context', () => {
    const badState = withField(state('mixed'), ['withdrawable'], 'lots');
    const badCtxs = withField(assetCtxs(), [0, 'markPx'], '-1');
    const error = report(() => fromHyperliquidClearinghouseState(badState, meta(), badCtxs));
    expect(summary(error)).toEqual(['NOT_A_NUMBER state.withdrawable', 'NOT_POSITIVE assetCtxs.0.markPx']);
  });

  it('Binance: bad rows of positionRisk and premiumIndex together', () => {
    const payloads = clone(loadFixture('one-way'));
    Object.assign(payloads.positionRisk[0] ?? {}, { marginType: 'crosss' });
    Object.assign(payloads.premiumIndex[0] ?? {}, { markPrice: 'x' });
    const error = report(() =>
      fromBinanceUsdmAccount(
        payloads.positionRisk,
        payloads.account,
        payloads.leverageBracket,
        payloads.premiumIndex,
      ),
    );
    expect(summary(error)).toEqual([
      'INVALID_OPTION positionRisk.0.marginType',
      'NOT_A_NUMBER premiumIndex.0.markPrice',
    ]);
    expect(error.issues[0]?.suggestion).toBe('cross');
  });

  it('Bybit: every bad position of the list', () => {
    const read = (name: string): Record<string, unknown> =>
      JSON.parse(readFileSync(new URL(`../fixtures/bybit/${name}.json`, import.meta.url), 'utf8'));
    const positions = read('linear-position-list') as { result: { list: Record<string, unknown>[] } };
    Object.assign(positions.result.list[0] ?? {}, { side: 'Long' });
    Object.assign(positions.result.list[1] ?? {}, { size: '-1' });
    const error = report(() =>
      fromBybitPositions(
        positions as never,
        read('linear-wallet-balance') as never,
        read('linear-tickers') as never,
        read('linear-risk-limit') as never,
      ),
    );
    expect(summary(error)).toEqual([
      'INVALID_OPTION positionList.result.list.0.side',
      'NEGATIVE positionList.result.list.1.size',
    ]);
  });

  it('dYdX: bad options and a bad subaccount together', () => {
    const read = (name: string): Record<string, unknown> =>
      JSON.parse(readFileSync(new URL(`../fixtures/dydx/${name}.json`, import.meta.url), 'utf8'));
    const error = report(() =>
      fromDydxIndexerSubaccount({ subaccount: { subaccountNumber: -1 } }, read('perpetual-markets'), {
        childSubaccount: 'isolated',
      } as never),
    );
    expect(summary(error)[0]).toBe('UNKNOWN_FIELD options.childSubaccount');
    expect(error.issues[0]?.suggestion).toBe('childSubaccounts');
    expect(summary(error)).toContain('INVALID_FIELD subaccount.subaccountNumber');
  });
});
