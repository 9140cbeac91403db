import { describe, expect, it } from 'vitest';
import {
  type InputPath,
  isMarginKitError,
  liquidationPrice,
  summarizeAccount,
  ValidationError,
} from '../../../src/index.js';
import { fromHyperliquidClearinghouseState } from '../../../src/venues/hyperliquid/fromHyperliquidClearinghouseState.js';
import type {
  HyperliquidAssetCtx,
  HyperliquidClearinghouseState,
  HyperliquidMeta,
} from '../../../src/venues/hyperliquid/HyperliquidPayloads.js';
import { hyperliquidLiquidationPrice } from '../../../src/venues/hyperliquid/hyperliquidLiquidationPrice.js';
import { expectDecimal } from '../../conformance/harness.js';
import { assetCtxs, meta, REMOVE, STATES, state, withField } from './fixtures.js';

/**
 * Tolerance between the library's liquidation price and a fixture's `liquidationPx`: the fixtures print it rounded
 * to 8 decimals, as Hyperliquid does, so the two may differ by half a unit of the 8th decimal.
 */
const FIXTURE_LP_TOLERANCE = { abs: 5e-9 };

/**
 * Tolerance against the docs' example answer (a live account): its `entryPx` is shown to 5 significant digits and
 * its money to 6 decimals, so the reported liquidation price can only be matched to about 1e-8 relative (the
 * difference found is 5.3e-9).
 */
const DOCS_LP_TOLERANCE = { rel: 1e-8 };

function snapshotOf(name: (typeof STATES)[number]) {
  return fromHyperliquidClearinghouseState(state(name), meta(), assetCtxs());
}

function expectValidation(run: () => unknown, code: string, path: InputPath): ValidationError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ValidationError);
  expect(isMarginKitError(thrown)).toBe(true);
  const error = thrown as ValidationError;
  expect({ code: error.code, path: error.path }).toEqual({ code, path });
  return error;
}

describe('fromHyperliquidClearinghouseState: recorded answers', () => {
  for (const name of STATES) {
    describe(`clearinghouse-state-${name}.json`, () => {
      const payload = state(name);
      const snapshot = snapshotOf(name);
      const { account, prices, reported } = snapshot;
      const summary = summarizeAccount(account, prices);

      it('reproduces the account values, margins and maintenance Hyperliquid reports, exactly', () => {
        expect(summary.total.equity.eq(reported.accountValue)).toBe(true);
        expect(summary.cross.equity.eq(reported.crossAccountValue)).toBe(true);
        expect(summary.cross.maintenanceRequirement.eq(reported.crossMaintenanceMarginUsed)).toBe(true);
        expect(summary.cross.initialRequirement.eq(reported.crossMarginUsed)).toBe(true);
        expect(summary.total.notional.eq(payload.marginSummary.totalNtlPos)).toBe(true);
        expect(summary.cross.notional.eq(payload.crossMarginSummary.totalNtlPos)).toBe(true);
        expect(account.settleAsset).toBe('USDC');
        expect(account.collateral.map((c) => c.asset)).toEqual(['USDC']);
      });

      it('reproduces every position: size, PnL, value, isolated margin and margin used', () => {
        expect(account.positions.map((p) => p.id)).toEqual(
          payload.assetPositions.map((a) => a.position.coin),
        );
        account.positions.forEach((position, i) => {
          const raw = payload.assetPositions[i]?.position;
          const s = summary.positions[i];
          const r = reported.positions[position.id];
          if (!raw || !s || !r) throw new Error('missing position');
          expect(position.size.eq(raw.szi)).toBe(true);
          expect(position.marginMode).toBe(raw.leverage.type);
          expect(position.leverage?.toNumber()).toBe(raw.leverage.value);
          expect(s.unrealizedPnl.eq(r.unrealizedPnl)).toBe(true);
          expect(s.requirement.notional.eq(r.positionValue)).toBe(true);
          if (position.marginMode === 'isolated') {
            // marginUsed − unrealizedPnl, which equals rawUsd + szi · entryPx
            const margin = position.isolatedMargin;
            expect(margin?.eq(r.marginUsed.minus(r.unrealizedPnl))).toBe(true);
            expect(margin?.eq(r.rawUsd?.plus(position.size.times(position.entryPrice)) ?? NaN)).toBe(true);
            const pool = summary.isolated.find((p) => p.positionId === position.id);
            expect(pool?.equity.eq(r.marginUsed)).toBe(true);
          } else {
            expect(s.requirement.initial.eq(r.marginUsed)).toBe(true);
          }
        });
      });

      it(`agrees with every reported liquidationPx within ${FIXTURE_LP_TOLERANCE.abs} (8 decimals)`, () => {
        for (const position of account.positions) {
          const expected = reported.positions[position.id]?.liquidationPx;
          if (!expected) throw new Error(`${position.id} has no liquidationPx`);
          const lp = hyperliquidLiquidationPrice(account, prices, position.id);
          if (lp.kind !== 'price') throw new Error(`${position.id}: ${lp.kind}`);
          expectDecimal(lp.price, expected, FIXTURE_LP_TOLERANCE, position.id);
          // The venue formula equals the library's engine on the same account, to the last digit.
          const engine = liquidationPrice(account, prices, position.id);
          if (engine.kind !== 'price') throw new Error(`${position.id}: engine ${engine.kind}`);
          expect(lp.price.eq(engine.price)).toBe(true);
          expect(lp.tierIndex).toBe(engine.tierIndex);
        }
      });
    });
  }

  it('reads markets from meta: size step, table by id (listed, below 50, absent) and the funding schedule', () => {
    const { account } = fromHyperliquidClearinghouseState(state('mixed'), meta(), assetCtxs(), {
      markets: 'all',
    });
    const m = account.markets;
    expect(Object.keys(m)).toEqual(['BTC', 'ETH', 'SOL', 'DOGE', 'HYPE', 'WIF', 'ARB', 'ATOM']);
    expect(m.BTC?.stepSize?.toString()).toBe('0.00001');
    expect(m.DOGE?.stepSize?.toString()).toBe('1');
    const tiers = (coin: string) => {
      const s = m[coin]?.marginSchedule;
      if (s?.type !== 'tiered') throw new Error('not tiered');
      return s.tiers.map((t) => [t.notionalFloor.toString(), t.initialFraction.toString()]);
    };
    // table 54 ("tiered 40x"), table 51 (the docs' "tiered 10x" example), id 5 (single tier), no id: maxLeverage
    expect(tiers('BTC')).toEqual([
      ['0', '0.025'],
      ['150000000', '0.05'],
    ]);
    expect(tiers('ARB')).toEqual([
      ['0', '0.1'],
      ['3000000', '0.2'],
    ]);
    expect(tiers('WIF')).toEqual([['0', '0.2']]);
    expect(tiers('ATOM')).toEqual([['0', '0.2']]);
    expect(m.BTC?.fundingSchedule?.paymentPrice).toBe('oracle');
    expect(m.BTC?.settleAsset).toBe('USDC');
  });

  it('carries only the held markets by default, with their prices and hourly funding', () => {
    const { account, prices, hourlyFundingRates } = snapshotOf('isolated');
    expect(Object.keys(account.markets)).toEqual(['ETH', 'BTC', 'WIF', 'ATOM']);
    expect(Object.keys(prices.markets)).toEqual(['ETH', 'BTC', 'WIF', 'ATOM']);
    const ctx = assetCtxs()[0];
    expect(prices.markets.BTC?.mark?.eq(ctx?.markPx ?? NaN)).toBe(true);
    expect(prices.markets.BTC?.oracle?.eq(ctx?.oraclePx ?? NaN)).toBe(true);
    expect(prices.markets.BTC?.openInterest?.eq(ctx?.openInterest ?? NaN)).toBe(true);
    expect(hourlyFundingRates.BTC?.toString()).toBe('0.0000125');
    expect(hourlyFundingRates.ETH?.toString()).toBe('0.0000089123');
  });

  it('returns frozen data', () => {
    const snapshot = snapshotOf('mixed');
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.reported.positions)).toBe(true);
    expect(Object.isFrozen(snapshot.account.positions)).toBe(true);
  });

  it('does not change its inputs', () => {
    const s = state('tiered');
    const before = JSON.stringify(s);
    fromHyperliquidClearinghouseState(s, meta(), assetCtxs());
    expect(JSON.stringify(s)).toBe(before);
  });

  it('leaves out positions of size 0 and reads a flat account', () => {
    const flat = withField(state('isolated'), ['assetPositions'], []);
    const { account, prices } = fromHyperliquidClearinghouseState(flat, meta(), assetCtxs());
    expect(account.positions).toEqual([]);
    expect(summarizeAccount(account, prices).total.equity.toString()).toBe('1500.25');
    const zero = withField(state('isolated'), ['assetPositions', 0, 'position', 'szi'], '0.0');
    expect(fromHyperliquidClearinghouseState(zero, meta(), assetCtxs()).account.positions.length).toBe(3);
  });
});

describe('fromHyperliquidClearinghouseState: its own example', () => {
  it('reproduces its documented example', () => {
    const meta = { universe: [{ name: 'ETH', szDecimals: 4, maxLeverage: 50 }] };
    const ctxs = [{ markPx: '2985.9', oraclePx: '2986.1', funding: '0.0000125', openInterest: '1882.55' }];
    const summary = {
      accountValue: '13104.514502',
      totalNtlPos: '0.0',
      totalRawUsd: '13104.514502',
      totalMarginUsed: '0.0',
    };
    const state = {
      assetPositions: [
        {
          type: 'oneWay',
          position: {
            coin: 'ETH',
            szi: '0.0335',
            entryPx: '2986.3',
            leverage: { type: 'isolated', value: 20, rawUsd: '-95.059824' } as const,
            liquidationPx: '2866.26936529',
            marginUsed: '4.967826',
            maxLeverage: 50,
            positionValue: '100.02765',
            unrealizedPnl: '-0.0134',
          },
        },
      ],
      crossMaintenanceMarginUsed: '0.0',
      crossMarginSummary: summary,
      withdrawable: '13104.514502',
      marginSummary: {
        accountValue: '13109.482328',
        totalNtlPos: '100.02765',
        totalRawUsd: '13009.454678',
        totalMarginUsed: '4.967826',
      },
    };
    const { account, prices } = fromHyperliquidClearinghouseState(state, meta, ctxs);
    expect(account.positions[0]?.isolatedMargin?.toString()).toBe('4.981226');
    expect(summarizeAccount(account, prices).total.equity.toString()).toBe('13109.482328');
  });
});

describe('fromHyperliquidClearinghouseState: the docs example answer', () => {
  // Hyperliquid docs, "Info endpoint › Perpetuals", "Retrieve user's perpetuals account summary" (example answer),
  // and "Retrieve perpetuals metadata" (ETH: szDecimals 4, maxLeverage 50, no margin table id in that example).
  const docsMeta = { universe: [{ name: 'ETH', szDecimals: 4, maxLeverage: 50 }] };
  const docsCtxs = [{ markPx: '2985.9', oraclePx: '2986.1', funding: '0.0000125', openInterest: '1882.55' }];
  const docsState = {
    assetPositions: [
      {
        position: {
          coin: 'ETH',
          cumFunding: { allTime: '514.085417', sinceChange: '0.0', sinceOpen: '0.0' },
          entryPx: '2986.3',
          leverage: { rawUsd: '-95.059824', type: 'isolated' as const, value: 20 },
          liquidationPx: '2866.26936529',
          marginUsed: '4.967826',
          maxLeverage: 50,
          positionValue: '100.02765',
          returnOnEquity: '-0.0026789',
          szi: '0.0335',
          unrealizedPnl: '-0.0134',
        },
        type: 'oneWay',
      },
    ],
    crossMaintenanceMarginUsed: '0.0',
    crossMarginSummary: {
      accountValue: '13104.514502',
      totalMarginUsed: '0.0',
      totalNtlPos: '0.0',
      totalRawUsd: '13104.514502',
    },
    marginSummary: {
      accountValue: '13109.482328',
      totalMarginUsed: '4.967826',
      totalNtlPos: '100.02765',
      totalRawUsd: '13009.454678',
    },
    time: 1708622398623,
    withdrawable: '13104.514502',
  };

  it('reproduces its documented example (equity and isolated margin)', () => {
    const { account, prices } = fromHyperliquidClearinghouseState(docsState, docsMeta, docsCtxs);
    expect(account.positions[0]?.isolatedMargin?.toString()).toBe('4.981226');
    expect(summarizeAccount(account, prices).total.equity.toString()).toBe('13109.482328');
  });

  it(`matches the reported liquidationPx within ${DOCS_LP_TOLERANCE.rel} relative`, () => {
    const { account, prices, reported } = fromHyperliquidClearinghouseState(docsState, docsMeta, docsCtxs);
    const lp = hyperliquidLiquidationPrice(account, prices, 'ETH');
    if (lp.kind !== 'price') throw new Error(lp.kind);
    expectDecimal(lp.price, reported.positions.ETH?.liquidationPx ?? NaN, DOCS_LP_TOLERANCE, 'docs example');
    // l = 1/(2·50); the isolated pool's equity is the reported marginUsed
    expect(lp.terms.maintenanceFraction.toString()).toBe('0.01');
    expect(summarizeAccount(account, prices).isolated[0]?.equity.toString()).toBe('4.967826');
  });
});

describe('fromHyperliquidClearinghouseState: malformed answers', () => {
  const run =
    (s: unknown, m: unknown = meta(), c: unknown = assetCtxs()) =>
    () =>
      fromHyperliquidClearinghouseState(
        s as HyperliquidClearinghouseState,
        m as HyperliquidMeta,
        c as HyperliquidAssetCtx[],
      );
  const position = (i: number, field: string, ...rest: (string | number)[]) => [
    'state',
    'assetPositions',
    i,
    'position',
    field,
    ...rest,
  ];

  it('names a size that is not a decimal string', () => {
    const error = expectValidation(
      run(withField(state('mixed'), ['assetPositions', 1, 'position', 'szi'], 'abc')),
      'NOT_A_NUMBER',
      position(1, 'szi'),
    );
    expect(error.message).toMatch(/^state\.assetPositions\[1\]\.position\.szi: /);
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 0, 'position', 'szi'], 2.5)),
      'INVALID_TYPE',
      position(0, 'szi'),
    );
  });

  it('names missing, negative and non-positive fields', () => {
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 2, 'position', 'entryPx'], REMOVE)),
      'MISSING_FIELD',
      position(2, 'entryPx'),
    );
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 2, 'position', 'entryPx'], '0.0')),
      'NOT_POSITIVE',
      position(2, 'entryPx'),
    );
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 0, 'position', 'marginUsed'], '-1.0')),
      'NEGATIVE',
      position(0, 'marginUsed'),
    );
    expectValidation(
      run(withField(state('mixed'), ['crossMarginSummary', 'accountValue'], REMOVE)),
      'MISSING_FIELD',
      ['state', 'crossMarginSummary', 'accountValue'],
    );
    expectValidation(run(withField(state('mixed'), ['withdrawable'], null)), 'INVALID_TYPE', [
      'state',
      'withdrawable',
    ]);
  });

  it('names a bad leverage object', () => {
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 3, 'position', 'leverage', 'rawUsd'], REMOVE)),
      'MISSING_FIELD',
      position(3, 'leverage', 'rawUsd'),
    );
    const bad = expectValidation(
      run(withField(state('mixed'), ['assetPositions', 3, 'position', 'leverage', 'type'], 'portfolio')),
      'INVALID_OPTION',
      position(3, 'leverage', 'type'),
    );
    expect(bad.issues.length).toBeGreaterThanOrEqual(1);
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 0, 'position', 'leverage', 'value'], 2.5)),
      'INVALID_FIELD',
      position(0, 'leverage', 'value'),
    );
  });

  it('rejects a payload that is not an object', () => {
    expectValidation(run(null), 'INVALID_TYPE', ['state']);
    expectValidation(run(state('mixed'), [], assetCtxs()), 'INVALID_TYPE', ['meta']);
    expectValidation(run(state('mixed'), meta(), {}), 'INVALID_TYPE', ['assetCtxs']);
  });

  it('names a coin missing from the universe, a duplicated coin and a size off the size decimals', () => {
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 1, 'position', 'coin'], 'NOPE')),
      'UNKNOWN_MARKET',
      position(1, 'coin'),
    );
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 1, 'position', 'coin'], 'BTC')),
      'DUPLICATE_ID',
      position(1, 'coin'),
    );
    // BTC has szDecimals 5
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 0, 'position', 'szi'], '2.500001')),
      'OFF_STEP',
      position(0, 'szi'),
    );
  });

  it('names an isolated position whose margin is not positive', () => {
    // HYPE short: unrealizedPnl +458.4, so a marginUsed of 458.4 leaves no margin of its own
    expectValidation(
      run(withField(state('mixed'), ['assetPositions', 4, 'position', 'marginUsed'], '458.4')),
      'INVALID_FIELD',
      position(4, 'marginUsed'),
    );
  });

  it('names bad meta fields, margin tables and table ids', () => {
    expectValidation(
      run(state('mixed'), withField(meta(), ['universe', 0, 'maxLeverage'], '40')),
      'INVALID_TYPE',
      ['meta', 'universe', 0, 'maxLeverage'],
    );
    expectValidation(run(state('mixed'), withField(meta(), ['universe', 2, 'szDecimals'], -1)), 'NEGATIVE', [
      'meta',
      'universe',
      2,
      'szDecimals',
    ]);
    expectValidation(
      run(state('mixed'), withField(meta(), ['universe', 0, 'marginTableId'], 99)),
      'INVALID_FIELD',
      ['meta', 'universe', 0, 'marginTableId'],
    );
    // table 54 (BTC) with its second bound below the first
    expectValidation(
      run(state('mixed'), withField(meta(), ['marginTables', 4, 1, 'marginTiers', 1, 'lowerBound'], '0.0')),
      'TIERS_NOT_ASCENDING',
      ['meta', 'marginTables', 4, 1, 'marginTiers', 1, 'lowerBound'],
    );
    expectValidation(
      run(state('mixed'), withField(meta(), ['marginTables', 4, 1, 'marginTiers', 1, 'maxLeverage'], 50)),
      'FRACTIONS_DECREASING',
      ['meta', 'marginTables', 4, 1, 'marginTiers', 1, 'maxLeverage'],
    );
    expectValidation(
      run(state('mixed'), withField(meta(), ['marginTables', 4, 1, 'marginTiers', 0, 'lowerBound'], 'x')),
      'NOT_A_NUMBER',
      ['meta', 'marginTables', 4, 1, 'marginTiers', 0, 'lowerBound'],
    );
    expectValidation(run(state('mixed'), withField(meta(), ['universe', 1, 'name'], 'BTC')), 'DUPLICATE_ID', [
      'meta',
      'universe',
      1,
      'name',
    ]);
    expectValidation(run(state('mixed'), withField(meta(), ['universe'], [])), 'EMPTY', ['meta', 'universe']);
  });

  it('names bad asset contexts', () => {
    const ctxs = assetCtxs();
    expectValidation(run(state('mixed'), meta(), ctxs.slice(1)), 'INVALID_FIELD', ['assetCtxs']);
    expectValidation(run(state('mixed'), meta(), withField(ctxs, [0, 'markPx'], '0.0')), 'NOT_POSITIVE', [
      'assetCtxs',
      0,
      'markPx',
    ]);
    expectValidation(run(state('mixed'), meta(), withField(ctxs, [2, 'oraclePx'], REMOVE)), 'MISSING_FIELD', [
      'assetCtxs',
      2,
      'oraclePx',
    ]);
    expectValidation(run(state('mixed'), meta(), withField(ctxs, [1, 'funding'], '1e')), 'NOT_A_NUMBER', [
      'assetCtxs',
      1,
      'funding',
    ]);
  });

  it('accepts fields it does not read (new fields of a later answer)', () => {
    const s = withField(state('mixed'), ['assetPositions', 0, 'position', 'somethingNew'], { a: 1 });
    const m = withField(meta(), ['universe', 0, 'growthMode'], 'enabled');
    expect(() => fromHyperliquidClearinghouseState(s, m, assetCtxs())).not.toThrow();
  });
});
