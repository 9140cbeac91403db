// Named regressions of the hostile-input contract: one test per failure class the fuzzing found, each reproduced from
// a valid input.
import { readFileSync } from 'node:fs';
import { Decimal as ForeignDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { shareBook } from '../../src/batch/workers/index.js';
import * as mk from '../../src/index.js';
import { ENTRIES } from './catalog.js';
import { holes } from './mutations.js';

function fixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));
}

/** Runs `call` and returns the library error it throws (failing on a raw error or on no error). */
function libraryError(call: () => unknown): mk.MarginKitError {
  try {
    call();
  } catch (error) {
    expect(mk.isMarginKitError(error), `raw error: ${String(error)}`).toBe(true);
    return error as mk.MarginKitError;
  }
  throw new Error('expected an error');
}

const market = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
} as const;
const position = { marketId: 'ETH', size: '1', entryPrice: '3000', marginMode: 'cross' } as const;
const account = () =>
  mk.createMarginAccount({
    settleAsset: 'USDT',
    markets: [market],
    collateral: [{ asset: 'USDT', amount: 1000 }],
    positions: [position],
  });
const prices = () => mk.createPrices({ markets: { ETH: { mark: 3000 } } });
const binance = () => [
  fixture('binance/one-way/positionRisk.json'),
  fixture('binance/one-way/account.json'),
  fixture('binance/one-way/leverageBracket.json'),
  fixture('binance/one-way/premiumIndex.json'),
];
const bybit = () => [
  fixture('bybit/linear-position-list.json'),
  fixture('bybit/linear-wallet-balance.json'),
  fixture('bybit/linear-tickers.json'),
  fixture('bybit/linear-risk-limit.json'),
];

describe('raw TypeErrors become typed errors', () => {
  it('fromBinanceUsdmAccount(null, …) and undefined sub-objects', () => {
    const [risk, acct, brackets, premium] = binance();
    expect(
      libraryError(() =>
        mk.fromBinanceUsdmAccount(null as never, acct as never, brackets as never, premium as never),
      ).path,
    ).toEqual(['positionRisk']);
    expect(
      libraryError(() =>
        mk.fromBinanceUsdmAccount(risk as never, null as never, brackets as never, premium as never),
      ).path,
    ).toEqual(['account']);
    expect(
      libraryError(() =>
        mk.fromBinanceUsdmAccount(
          risk as never,
          { assets: undefined } as never,
          brackets as never,
          premium as never,
        ),
      ).code,
    ).toBe('MISSING_FIELD');
  });

  it('fromBybitPositions(null)', () => {
    const [, wallet, tickers, risk] = bybit();
    expect(
      libraryError(() =>
        mk.fromBybitPositions(null as never, wallet as never, tickers as never, risk as never),
      ).path[0],
    ).toBe('positionList');
  });

  it.each([
    ['a plain object whose toString prints Decimal(…)', { toString: (): string => 'Decimal(5)' }],
    [
      'an object tagged as a Decimal that is not one',
      { toStringTag: '[object Decimal]', d: [5], e: 0, s: 1 },
    ],
  ])('%s in every factory is INVALID_TYPE, never "d.isFinite is not a function"', (_label, fake) => {
    expect(libraryError(() => mk.createMarket({ ...market, contractSize: fake } as never)).code).toBe(
      'INVALID_TYPE',
    );
    expect(libraryError(() => mk.createPosition({ ...position, size: fake } as never)).code).toBe(
      'INVALID_TYPE',
    );
    expect(
      libraryError(() =>
        mk.createFundingSchedule({
          intervalMs: 3_600_000,
          paymentPrice: 'mark',
          rate: { type: 'premium-interest', interestRate: fake, cap: '0.01' },
        } as never),
      ).code,
    ).toBe('INVALID_TYPE');
    expect(libraryError(() => mk.createOrderBook({ bids: [[fake, 1]], asks: [] } as never)).code).toBe(
      'INVALID_TYPE',
    );
    expect(
      libraryError(() =>
        mk.createFeeSchedule({ tiers: [{ volumeFloor: 0, makerRate: fake, takerRate: '0.0005' }] } as never),
      ).code,
    ).toBe('INVALID_TYPE');
    expect(libraryError(() => mk.notional(mk.createMarket(market as never), fake as never, 1)).code).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('reads a Decimal of another decimal.js copy through its string form', () => {
    const p = mk.createPosition({ ...position, size: new ForeignDecimal('2.5') } as never);
    expect(p.size).toBeInstanceOf(mk.Decimal);
    expect(p.size.toString()).toBe('2.5');
  });
});

describe('non-finite and out-of-range numbers', () => {
  const huge = '1e9000000000000001';
  it.each([
    ['createMarket', () => mk.createMarket({ ...market, contractSize: huge } as never)],
    ['createPosition', () => mk.createPosition({ ...position, size: huge } as never)],
    [
      'createFundingSchedule',
      () =>
        mk.createFundingSchedule({
          intervalMs: 3_600_000,
          paymentPrice: 'mark',
          rate: { type: 'premium-interest', interestRate: '0.0001', cap: huge },
        } as never),
    ],
    ['createPrices', () => mk.createPrices({ markets: { ETH: { mark: huge } } })],
  ])('%s rejects 1e9000000000000001 as OUT_OF_RANGE instead of returning Infinity', (_name, call) => {
    expect(libraryError(call).code).toBe('OUT_OF_RANGE');
  });

  it('the Binance, dYdX and Hyperliquid adapters reject it as OUT_OF_RANGE at the field', () => {
    const [risk, acct, brackets, premium] = binance() as [{ markPrice: string }[], unknown, unknown, unknown];
    (risk[0] as { markPrice: string }).markPrice = huge;
    const b = libraryError(() =>
      mk.fromBinanceUsdmAccount(risk as never, acct as never, brackets as never, premium as never),
    );
    expect([b.code, b.path]).toEqual(['OUT_OF_RANGE', ['positionRisk', 0, 'markPrice']]);

    const sub = fixture('dydx/subaccount-0.json') as { subaccount: { equity: string } };
    sub.subaccount.equity = huge;
    expect(
      libraryError(() =>
        mk.fromDydxIndexerSubaccount(sub as never, fixture('dydx/perpetual-markets.json') as never),
      ).code,
    ).toBe('OUT_OF_RANGE');

    const ctxs = fixture('hyperliquid/asset-ctxs.json') as { markPx: string }[];
    (ctxs[0] as { markPx: string }).markPx = huge;
    const h = libraryError(() =>
      mk.fromHyperliquidClearinghouseState(
        fixture('hyperliquid/clearinghouse-state-mixed.json') as never,
        fixture('hyperliquid/meta.json') as never,
        ctxs as never,
      ),
    );
    expect([h.code, h.path]).toEqual(['OUT_OF_RANGE', ['assetCtxs', 0, 'markPx']]);
  });

  it('a math argument beyond the limits is OUT_OF_RANGE, an own Decimal included', () => {
    const m = mk.createMarket(market as never);
    expect(libraryError(() => mk.notional(m, huge, 1)).code).toBe('OUT_OF_RANGE');
    expect(libraryError(() => mk.notional(m, new mk.Decimal('1e50'), 1)).code).toBe('OUT_OF_RANGE');
  });
});

describe('regex backtracking', () => {
  const long = `${'1'.repeat(100_000)}x`;
  it('a 100 000-character numeric string is rejected by its length at once, quoting a short prefix', () => {
    const start = performance.now();
    const e = libraryError(() => mk.createPosition({ ...position, size: long } as never));
    expect(performance.now() - start).toBeLessThan(2000);
    expect([e.code, e.path]).toEqual(['OUT_OF_RANGE', ['size']]);
    expect(e.message.length).toBeLessThan(120);
  });

  it('the same in a math argument and in an enumeration echoed by a message', () => {
    expect(
      libraryError(() => mk.walkOrderBook(mk.createOrderBook({ bids: [], asks: [[1, 1]] }), 'buy', long))
        .message.length,
    ).toBeLessThan(120);
    const e = libraryError(() =>
      mk.binanceLiquidationPrice({
        walletBalance: 10,
        legs: [{ positionSide: long, positionAmt: 1, entryPrice: 100 }],
        brackets: { maintMarginRatio: '0.004' },
      } as never),
    );
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('silent underflow', () => {
  it("'1e-9000000000000001' is OUT_OF_RANGE, not 0", () => {
    expect(
      libraryError(() => mk.createPosition({ ...position, size: '1e-9000000000000001' } as never)).code,
    ).toBe('OUT_OF_RANGE');
  });

  it('a zero with a huge exponent is still exactly 0', () => {
    expect(
      mk
        .createPrices({ markets: { ETH: { mark: 1, openInterest: '0e9000000000000001' } } })
        .markets.ETH?.openInterest?.toString(),
    ).toBe('0');
  });
});

describe('math arguments are checked', () => {
  it.each([
    [
      'summarizeAccount(account, prices, null)',
      () => mk.summarizeAccount(account(), prices(), null as never),
      ['options'],
    ],
    ['summarizeAccount(account, {})', () => mk.summarizeAccount(account(), {} as never), ['prices']],
    [
      'previewOrder(account, prices, null)',
      () => mk.previewOrder(account(), prices(), null as never),
      ['order'],
    ],
    [
      'walkOrderBook(book, "buy", "3", null)',
      () => mk.walkOrderBook(mk.createOrderBook({ bids: [], asks: [[1, 1]] }), 'buy', '3', null as never),
      ['options'],
    ],
    [
      'walkOrderBook with an unknown side',
      () => mk.walkOrderBook(mk.createOrderBook({ bids: [], asks: [[1, 1]] }), 'up' as never, '3'),
      ['side'],
    ],
    [
      'liquidationPrice with a symbol id',
      () => mk.liquidationPrice(account(), prices(), Symbol('x') as never),
      ['positionId'],
    ],
    [
      'stressAccount with a sparse scenario list',
      () => mk.stressAccount(account(), prices(), holes(1, { name: 'a' }) as never),
      ['scenarios', 0],
    ],
    [
      'stressAccount with a nameless scenario',
      () => mk.stressAccount(account(), prices(), [{ name: Number.POSITIVE_INFINITY }] as never),
      ['scenarios', 0, 'name'],
    ],
    [
      'applyShock with a relative shock without moves',
      () => mk.applyShock(prices(), { kind: 'relative' } as never),
      ['shock', 'moves'],
    ],
    [
      'renderStressTable with places "x"',
      () => mk.renderStressTable(mk.stressAccount(account(), prices(), []), { places: 'x' } as never),
      ['options', 'places'],
    ],
    ['fundingPayment without a market', () => mk.fundingPayment(undefined as never, 1, 1, 1), ['market']],
    [
      'maintenanceDeductions with a hole',
      () => mk.maintenanceDeductions(holes(1, { notionalFloor: 0, maintenanceFraction: '0.1' }) as never),
      ['tiers', 0],
    ],
    [
      'dydxBaseToQuoteQuantums with a huge exponent',
      () => mk.dydxBaseToQuoteQuantums(1, -8, 1, 1e15),
      ['exponent'],
    ],
    [
      'projectFunding with an unknown scenario',
      () =>
        mk.projectFunding(
          mk.createMarket({
            ...market,
            fundingSchedule: {
              intervalMs: 3_600_000,
              paymentPrice: 'mark',
              rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.01' },
            },
          } as never),
          1,
          { price: 1, fromMs: 0, toMs: 1, scenario: { kind: 'nope' } } as never,
        ),
      ['scenario', 'kind'],
    ],
  ])('%s is INVALID_ARGUMENT at its path', (_label, call, path) => {
    const e = libraryError(call);
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.path).toEqual(path);
  });

  it.each([['x'], [5], [[]]])('adapters reject options %j instead of ignoring them', (options) => {
    const [risk, acct, brackets, premium] = binance();
    expect(
      libraryError(() =>
        mk.fromBinanceUsdmAccount(
          risk as never,
          acct as never,
          brackets as never,
          premium as never,
          options as never,
        ),
      ).path,
    ).toEqual(['options']);
    const [positions, wallet, tickers, limits] = bybit();
    expect(
      libraryError(() =>
        mk.fromBybitPositions(
          positions as never,
          wallet as never,
          tickers as never,
          limits as never,
          options as never,
        ),
      ).path,
    ).toEqual(['options']);
    const hl = [
      fixture('hyperliquid/clearinghouse-state-mixed.json'),
      fixture('hyperliquid/meta.json'),
      fixture('hyperliquid/asset-ctxs.json'),
    ];
    expect(
      libraryError(() =>
        mk.fromHyperliquidClearinghouseState(
          hl[0] as never,
          hl[1] as never,
          hl[2] as never,
          options as never,
        ),
      ).path,
    ).toEqual(['options']);
    expect(
      libraryError(() =>
        mk.fromDydxIndexerSubaccount(
          fixture('dydx/subaccount-0.json') as never,
          fixture('dydx/perpetual-markets.json') as never,
          options as never,
        ),
      ).path[0],
    ).toBe('options');
  });

  it('a sparse leverageBrackets list is a typed error at the hole', () => {
    const [risk, acct, , premium] = binance();
    const e = libraryError(() =>
      mk.fromBinanceUsdmAccount(risk as never, acct as never, holes(1) as never, premium as never),
    );
    expect(e.path.slice(0, 2)).toEqual(['leverageBrackets', 0]);
  });
});

describe('outputs hold no −0', () => {
  it('a short at its entry price has an unrealized PnL of 0, not −0', () => {
    const m = mk.createMarket(market as never);
    const pnl = mk.unrealizedPnl(m, mk.createPosition({ ...position, size: '-1' } as never), 3000);
    expect(pnl.isNegative()).toBe(false);
  });

  it('a Binance funding schedule with a zero cap has a floor of 0, not −0', () => {
    const s = mk.binanceFundingSchedule({ cap: 0 });
    const floor = s.rate.type === 'premium-interest' ? s.rate.floor : undefined;
    expect(floor?.isZero() && floor.isNegative()).toBe(false);
  });

  it('dYdX funding settlement of an unchanged index is 0, not −0', () => {
    const r = mk.dydxSettleFunding([{ quantums: 5, positionFundingIndex: 3, perpetualFundingIndex: 3 }]);
    expect(r.settlementPpm[0]?.isNegative()).toBe(false);
  });
});

describe('unbounded cost', () => {
  it('a funding range of more than 50 000 funding times is refused at once', () => {
    const schedule = mk.createFundingSchedule({
      intervalMs: 3_600_000,
      paymentPrice: 'mark',
      rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.01' },
    });
    expect(libraryError(() => mk.fundingTimes(schedule, 0, Number.MAX_SAFE_INTEGER)).path).toEqual(['toMs']);
  });
});

describe('batch screen arguments of the wrong shape', () => {
  const book = () => mk.packAccounts([account()], prices());
  const ladder = () => mk.uniformLadder('-0.2', '0', '0.1');

  it('packAccounts on a missing account list, a hole, a non-string id or an unknown price source', () => {
    expect(libraryError(() => mk.packAccounts(undefined as never, prices())).path).toEqual(['accounts']);
    expect(libraryError(() => mk.packAccounts([null] as never, prices())).path).toEqual(['accounts', 0]);
    expect(libraryError(() => mk.packAccounts([account()], prices(), { ids: [1] as never })).path).toEqual([
      'options',
      'ids',
      0,
    ]);
    expect(
      libraryError(() => mk.packAccounts([account()], prices(), { priceSource: 'last' as never })).path,
    ).toEqual(['options', 'priceSource']);
  });

  it('scanPackedBook and packScenarios on something that is not a packed book', () => {
    expect(libraryError(() => mk.scanPackedBook(null as never)).path).toEqual(['book']);
    expect(
      libraryError(() => mk.packScenarios({ ...book(), keys: undefined } as never, ladder())).path,
    ).toEqual(['book', 'keys']);
    expect(libraryError(() => mk.packScenarios(book(), [null] as never)).path).toEqual(['scenarios', 0]);
  });

  it('confirmScan on a scan without its flags', () => {
    const { liquidatable: _, ...scan } = mk.scanPackedBook(book());
    expect(libraryError(() => mk.confirmScan(scan as never, [account()], prices())).path).toEqual([
      'scan',
      'liquidatable',
    ]);
  });

  it('gridPackedBook on packed scenarios without a count gives no Infinity but an error', () => {
    const packed = mk.packScenarios(book(), ladder());
    expect(libraryError(() => mk.gridPackedBook(book(), { ...packed, count: 'l' } as never)).path).toEqual([
      'scenarios',
      'count',
    ]);
  });

  it('gridPackedBook bounds of a symbol or −0: an error, or a shard from 0', () => {
    const packed = mk.packScenarios(book(), ladder());
    expect(
      libraryError(() => mk.gridPackedBook(book(), packed, { from: Symbol('x') as never })).path,
    ).toEqual(['options', 'from']);
    const shard = mk.gridPackedBook(book(), packed, { from: -0, to: -0 });
    expect([Object.is(shard.from, 0), Object.is(shard.to, 0)]).toEqual([true, true]);
  });

  it('mergeGridShards and confirmGrid on a shard without its arrays', () => {
    const shard = mk.stressGrid([account()], prices(), ladder());
    expect(
      libraryError(() => mk.mergeGridShards([shard, { ...shard, baseEquity: [] } as never])).path,
    ).toEqual(['shards', 1, 'baseEquity']);
    expect(libraryError(() => mk.mergeGridShards(7 as never)).path).toEqual(['shards']);
    expect(
      libraryError(() => mk.confirmGrid({ ...shard, lossEdges: 1 } as never, [account()], prices(), ladder()))
        .path,
    ).toEqual(['shard', 'lossEdges']);
  });

  it('stressGridAsync with a chunk size that is not a number rejects with a library error', async () => {
    const error = await mk
      .stressGridAsync([account()], prices(), ladder(), { chunkSize: 10n as never })
      .catch((e: unknown) => e);
    expect(mk.isMarginKitError(error) && (error as mk.MarginKitError).path).toEqual(['options', 'chunkSize']);
  });
});

describe('helpers on hostile input', () => {
  it('formatPath on a non-array or a symbol key throws a library error', () => {
    expect(libraryError(() => mk.formatPath(undefined as never)).code).toBe('INVALID_ARGUMENT');
    expect(libraryError(() => mk.formatPath(['a', Symbol('b')] as never)).code).toBe('INVALID_ARGUMENT');
  });

  it('stressChartSeries on a run without its base or results', () => {
    const run = mk.stressAccount(account(), prices(), mk.uniformLadder('-0.1', '0', '0.1'));
    expect(libraryError(() => mk.stressChartSeries({ ...run, base: undefined } as never)).path).toEqual([
      'run',
      'base',
    ]);
    expect(libraryError(() => mk.stressChartSeries(null as never)).path).toEqual(['run', 'results']);
  });
});

describe('worker entry on hostile input', () => {
  it('shareBook on something that is not a packed book gives an error, not its fields back', () => {
    expect(libraryError(() => shareBook({ s: Number.NaN } as never)).path).toEqual(['book', 'positionStart']);
  });
});

describe('found by fuzzing with other seeds', () => {
  /** The catalog's valid arguments of an entry, to edit one field of. */
  const argsOf = (name: string): unknown[] => {
    const entry = ENTRIES.find((e) => e.name === name);
    if (!entry) throw new Error(name);
    return entry.args().map((a) => (typeof a === 'object' && a !== null && 'value' in a ? a.value : a));
  };
  const bareObject = () => Object.assign(Object.create(null), { toString: undefined });

  it('an option valuation whose nowMs is not a time is named, not added to', () => {
    const [acct, book, p, valuation, scenarios] = argsOf('stressWithOptions') as [
      never,
      never,
      never,
      never,
      never,
    ];
    const bad = { ...(valuation as unknown as object), nowMs: bareObject() };
    expect(libraryError(() => mk.stressWithOptions(acct, book, p, bad as never, scenarios)).path).toEqual([
      'valuation',
      'nowMs',
    ]);
    const noVols = { ...(valuation as unknown as object), volatilities: null };
    expect(
      libraryError(() => mk.stressWithOptions(acct, book, p, noVols as never, scenarios)).path?.[1],
    ).toBe('volatilities');
  });

  it('a Drift market index that is not an integer is named, not printed', () => {
    const [user, markets] = argsOf('driftLiquidationPrice') as [Record<string, unknown[]>, unknown];
    const perp = { ...(user.perpPositions?.[0] as object), marketIndex: bareObject() };
    const bad = { ...user, perpPositions: [perp] };
    expect(
      libraryError(() => mk.driftMarginCalculation(bad as never, markets as never, 'maintenance')).path,
    ).toEqual(['user', 'perpPositions', 0, 'marketIndex']);
    expect(
      libraryError(() => mk.driftLiquidationPrice(user as never, markets as never, bareObject())).path,
    ).toEqual(['marketIndex']);
  });

  it('roundFundingPayment with more decimal places than decimal.js takes', () => {
    expect(libraryError(() => mk.roundFundingPayment('1.5', 5_487_177_407_633_329)).path).toEqual([
      'decimalPlaces',
    ]);
    expect(mk.roundFundingPayment('-0.004', 1000).toString()).toBe('-0.004');
  });

  it('an id of 100,000 characters is refused, not echoed in the message and path', () => {
    const long = '1'.repeat(100_000);
    const error = libraryError(() => mk.priceOf(prices(), long, 'mark'));
    expect(error.path).toEqual(['marketId']);
    expect(error.message.length).toBeLessThan(200);
  });

  it('a proxy of a Map handed as a position is refused by its shape check', () => {
    const created = account().positions[0] as mk.Position;
    const proxy = new Proxy(new Map(), {});
    expect(
      libraryError(() => mk.positionRoi(account().markets.ETH as mk.Market, proxy as never, 3000)).code,
    ).toBe('INVALID_ARGUMENT');
    expect(
      mk.positionRoi(account().markets.ETH as mk.Market, created, 3300, { initialMargin: 300 }).toString(),
    ).toBe('1');
  });

  it('a Decimal look-alike without a printer, or with a throwing tag, is reported as an object', () => {
    const lookAlike = { toStringTag: '[object Decimal]', s: 1, e: 0, d: [1], toString: undefined };
    const error = libraryError(() => mk.createPosition({ ...position, size: lookAlike } as never));
    expect(error.code).toBeDefined();
    const throwingTag = Object.defineProperty({ ...position }, 'toStringTag', {
      get() {
        throw new Error('thrown by the input');
      },
      enumerable: true,
    });
    expect(libraryError(() => mk.createPosition(throwingTag as never)).code).toBe('UNKNOWN_FIELD');
  });

  it('an account-shaped object with a hole in its collateral is refused by its shape check', () => {
    const created = account();
    const collateral: unknown[] = new Array(3);
    collateral[0] = created.collateral[0];
    collateral[2] = created.collateral[0];
    const holed = { ...created, collateral };
    expect(libraryError(() => mk.scanAccounts([created, holed as never], prices())).path).toEqual([
      'accounts',
      1,
    ]);
    expect(libraryError(() => mk.summarizeAccount(holed as never, prices())).code).toBe('INVALID_ARGUMENT');
  });

  it('an expiry of -0 is read as 0', () => {
    const future = mk.createMarket({ ...market, id: 'ETH-DEC', expiry: -0 });
    expect(Object.is(future.expiry, 0)).toBe(true);
  });
});
