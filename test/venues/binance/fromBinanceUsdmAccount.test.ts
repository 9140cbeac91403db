// The USDⓈ-M payload adapter on the recorded fixtures (test/fixtures/binance/, documented response shapes with
// constructed numbers), and on malformed payloads.
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  isMarginKitError,
  liquidationPrice,
  MissingPriceError,
  summarizeAccount,
  ValidationError,
  type ValidationErrorCode,
} from '../../../src/index.js';
import type { BinancePositionSide } from '../../../src/venues/binance/BinanceLiquidationPrice.js';
import {
  type BinanceUsdmAccountOptions,
  type BinanceUsdmSnapshot,
  fromBinanceUsdmAccount,
} from '../../../src/venues/binance/fromBinanceUsdmAccount.js';
import { binanceLiquidationPrice } from '../../../src/venues/binance/liquidationPrice.js';
import { type BinanceFixture, clone, loadFixture } from './helpers.js';

/**
 * Tolerance on liquidation prices against a fixture: `positionRisk` prints them to 8 decimals (rounded half-up
 * here), so the exact value lies within half a unit of the last place; 1e-8 allows one unit.
 */
const LP_TOLERANCE = new Decimal('1e-8');

/** Multi-Assets collateral valuation of the multi-assets fixture (see its README row). */
const MULTI_OPTIONS: BinanceUsdmAccountOptions = {
  assetPrices: { BTC: '60798.12', USDC: '0.9998' },
  collateralWeights: { BTC: '0.95', USDC: '0.9999' },
};

function snapshotOf(fixture: BinanceFixture, options: BinanceUsdmAccountOptions = {}): BinanceUsdmSnapshot {
  return fromBinanceUsdmAccount(
    fixture.positionRisk,
    fixture.account,
    fixture.leverageBracket,
    fixture.premiumIndex,
    options,
  );
}

/** The Binance formula's inputs for one position, read off the library's own summary of the snapshot. */
function venueLiquidationPrice(fixture: BinanceFixture, snapshot: BinanceUsdmSnapshot, positionId: string) {
  const { account, prices } = snapshot;
  const summary = summarizeAccount(account, prices);
  const position = account.positions.find((p) => p.id === positionId);
  if (!position) throw new Error(`no position ${positionId}`);
  const brackets = fixture.leverageBracket.find((b) => b.symbol === position.marketId)?.brackets ?? [];
  const report = snapshot.positions.find((p) => p.positionId === positionId);
  const sideOf = (id: string): BinancePositionSide =>
    snapshot.positions.find((p) => p.positionId === id)?.positionSide ?? 'BOTH';
  const mark = prices.markets[position.marketId]?.mark ?? new Decimal(0);
  if (position.marginMode === 'isolated') {
    return binanceLiquidationPrice({
      marginType: 'isolated',
      walletBalance: position.isolatedMargin ?? 0,
      legs: [
        {
          positionSide: report?.positionSide ?? 'BOTH',
          positionAmt: position.size,
          entryPrice: position.entryPrice,
        },
      ],
      brackets,
      markPrice: mark,
    });
  }
  const cross = summary.positions.filter((p) => p.marginMode === 'cross');
  const others = cross.filter((p) => p.marketId !== position.marketId);
  return binanceLiquidationPrice({
    walletBalance: summary.cross.collateralValue,
    otherMaintenance: others.reduce((a, p) => a.plus(p.requirement.maintenance), new Decimal(0)),
    otherUnrealizedPnl: others.reduce((a, p) => a.plus(p.unrealizedPnl), new Decimal(0)),
    legs: account.positions
      .filter((p) => p.marginMode === 'cross' && p.marketId === position.marketId)
      .map((p) => ({ positionSide: sideOf(p.id), positionAmt: p.size, entryPrice: p.entryPrice })),
    brackets,
    markPrice: mark,
  });
}

describe.each([
  ['one-way', {}],
  ['hedge', {}],
  ['multi-assets', MULTI_OPTIONS],
] as const)('fixture %s', (name, options) => {
  const fixture = loadFixture(name);
  const snapshot = snapshotOf(fixture, options);
  const { account, prices } = snapshot;
  const summary = summarizeAccount(account, prices);
  const open = fixture.positionRisk.filter((r) => !new Decimal(r.positionAmt).isZero());
  const totals = fixture.account as unknown as Readonly<Record<string, string>>;

  it('holds one position per open positionRisk row, flat rows left out', () => {
    expect(account.positions.length).toBe(open.length);
    expect(fixture.positionRisk.length).toBeGreaterThan(open.length);
    open.forEach((row, i) => {
      const p = account.positions[i];
      if (!p) throw new Error('missing position');
      expect(p.id).toBe(snapshot.hedgeMode ? `${row.symbol}:${row.positionSide}` : row.symbol);
      expect(p.marketId).toBe(row.symbol);
      expect(p.size.equals(new Decimal(row.positionAmt))).toBe(true);
      expect(p.entryPrice.equals(new Decimal(row.entryPrice))).toBe(true);
      expect(p.marginMode).toBe(row.marginType);
      expect(p.leverage?.equals(new Decimal(row.leverage))).toBe(true);
      if (row.marginType === 'isolated') {
        expect(p.isolatedMargin?.equals(new Decimal(row.isolatedWallet ?? -1))).toBe(true);
      } else expect(p.isolatedMargin).toBeUndefined();
    });
    expect(snapshot.hedgeMode).toBe(name === 'hedge');
    expect(snapshot.multiAssetsMargin).toBe(name === 'multi-assets');
  });

  it('values positions at the premiumIndex mark and reproduces Binance’s PnL and maintenance', () => {
    summary.positions.forEach((p, i) => {
      const report = snapshot.positions[i];
      if (!report) throw new Error('missing report');
      const premium = fixture.premiumIndex.find((x) => x.symbol === p.marketId);
      expect(p.price.equals(new Decimal(premium?.markPrice ?? -1))).toBe(true);
      expect(prices.markets[p.marketId]?.oracle?.equals(new Decimal(premium?.indexPrice ?? -1))).toBe(true);
      expect(p.unrealizedPnl.equals(report.unrealizedProfit)).toBe(true);
      expect(p.requirement.maintenance.equals(report.maintMargin ?? new Decimal(-1))).toBe(true);
    });
    expect(summary.total.maintenanceRequirement.equals(new Decimal(totals.totalMaintMargin ?? -1))).toBe(
      true,
    );
  });

  it('has the account’s equity: wallet (valued) + unrealized PnL = totalMarginBalance', () => {
    expect(summary.total.equity.equals(new Decimal(totals.totalMarginBalance ?? -1))).toBe(true);
    expect(summary.cross.collateralValue.equals(new Decimal(totals.totalCrossWalletBalance ?? -1))).toBe(
      true,
    );
  });

  it('liquidation prices agree with positionRisk within 1e-8, and the venue formula equals the engine exactly', () => {
    for (const report of snapshot.positions) {
      const generic = liquidationPrice(account, prices, report.positionId);
      const venue = venueLiquidationPrice(fixture, snapshot, report.positionId);
      expect(generic.kind).toBe('price');
      expect(venue.kind).toBe('price');
      expect(report.liquidationPrice.kind).toBe('price');
      if (generic.kind !== 'price' || venue.kind !== 'price' || report.liquidationPrice.kind !== 'price')
        return;
      expect(venue.price.equals(generic.price)).toBe(true);
      expect(generic.price.minus(report.liquidationPrice.price).abs().lessThanOrEqualTo(LP_TOLERANCE)).toBe(
        true,
      );
      expect(venue.legs.map((l) => l.bracket)).toEqual(venue.legs.map(() => (generic.tierIndex ?? -1) + 1));
    }
  });
});

// The fixture payloads typed loosely, to corrupt them.
type Loose = {
  positionRisk: Record<string, unknown>[];
  account: Record<string, unknown> & { assets: Record<string, unknown>[] };
  leverageBracket: (Record<string, unknown> & { brackets: Record<string, unknown>[] })[];
  premiumIndex: Record<string, unknown>[];
};

function set(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function run(payloads: Loose, options: BinanceUsdmAccountOptions = {}) {
  return fromBinanceUsdmAccount(
    payloads.positionRisk as never,
    payloads.account as never,
    payloads.leverageBracket as never,
    payloads.premiumIndex as never,
    options,
  );
}

function failure(payloads: Loose, options: BinanceUsdmAccountOptions = {}): unknown {
  try {
    run(payloads, options);
  } catch (error) {
    return error;
  }
  throw new Error('expected the adapter to throw');
}

function expectInvalid(error: unknown, code: ValidationErrorCode, path: readonly (string | number)[]): void {
  expect(error).toBeInstanceOf(ValidationError);
  expect(isMarginKitError(error)).toBe(true);
  expect((error as ValidationError).code).toBe(code);
  expect((error as ValidationError).path).toEqual(path);
}

describe('fromBinanceUsdmAccount: malformed payloads', () => {
  const oneWay = () => clone(loadFixture('one-way')) as unknown as Loose;
  const hedge = () => clone(loadFixture('hedge')) as unknown as Loose;
  const multi = () => clone(loadFixture('multi-assets')) as unknown as Loose;

  const fieldCases: readonly [
    string,
    (p: Loose) => void,
    ValidationErrorCode,
    readonly (string | number)[],
  ][] = [
    [
      'a non-numeric positionAmt',
      (p) => set(p.positionRisk[0] ?? {}, 'positionAmt', 'abc'),
      'NOT_A_NUMBER',
      ['positionRisk', 0, 'positionAmt'],
    ],
    [
      'a missing markPrice',
      (p) => set(p.positionRisk[1] ?? {}, 'markPrice', undefined),
      'MISSING_FIELD',
      ['positionRisk', 1, 'markPrice'],
    ],
    [
      'an object where a decimal belongs',
      (p) => set(p.positionRisk[2] ?? {}, 'entryPrice', {}),
      'INVALID_TYPE',
      ['positionRisk', 2, 'entryPrice'],
    ],
    [
      'an unknown marginType',
      (p) => set(p.positionRisk[0] ?? {}, 'marginType', 'crossed'),
      'INVALID_OPTION',
      ['positionRisk', 0, 'marginType'],
    ],
    [
      'an unknown positionSide',
      (p) => set(p.positionRisk[0] ?? {}, 'positionSide', 'NET'),
      'INVALID_OPTION',
      ['positionRisk', 0, 'positionSide'],
    ],
    [
      'a negative entry price',
      (p) => set(p.positionRisk[0] ?? {}, 'entryPrice', '-1'),
      'NEGATIVE',
      ['positionRisk', 0, 'entryPrice'],
    ],
    [
      'an open position with entry price 0',
      (p) => set(p.positionRisk[0] ?? {}, 'entryPrice', '0.0'),
      'NOT_POSITIVE',
      ['positionRisk', 0, 'entryPrice'],
    ],
    [
      'a row listed twice',
      (p) => p.positionRisk.push(clone(p.positionRisk[0] ?? {})),
      'DUPLICATE_ID',
      ['positionRisk', 4, 'positionSide'],
    ],
    [
      'an isolated position without wallet',
      (p) => set(p.positionRisk[2] ?? {}, 'isolatedWallet', '0'),
      'ISOLATED_WITHOUT_MARGIN',
      ['positionRisk', 2, 'isolatedWallet'],
    ],
    [
      'a position margined in another asset',
      (p) => set(p.positionRisk[0] ?? {}, 'marginAsset', 'BUSD'),
      'SETTLEMENT_MISMATCH',
      ['positionRisk', 0, 'marginAsset'],
    ],
    [
      'a symbol quoted in another asset',
      (p) => {
        for (const table of [p.positionRisk, p.leverageBracket, p.premiumIndex]) {
          const row = table.find((r) => r.symbol === 'BTCUSDT');
          if (row) row.symbol = 'BTCUSDC';
        }
      },
      'SETTLEMENT_MISMATCH',
      ['positionRisk', 0, 'symbol'],
    ],
    [
      'a malformed crossWalletBalance',
      (p) => set(p.account.assets[0] ?? {}, 'crossWalletBalance', 'NaN'),
      'NOT_A_NUMBER',
      ['account', 'assets', 0, 'crossWalletBalance'],
    ],
    [
      'an account without the settlement asset',
      (p) => {
        p.account.assets = p.account.assets.filter((a) => a.asset !== 'USDT');
      },
      'MISSING_FIELD',
      ['account', 'assets'],
    ],
    [
      'an account without assets',
      (p) => set(p.account, 'assets', undefined),
      'MISSING_FIELD',
      ['account', 'assets'],
    ],
    [
      'a non-boolean multiAssetsMargin',
      (p) => set(p.account, 'multiAssetsMargin', 'false'),
      'INVALID_TYPE',
      ['account', 'multiAssetsMargin'],
    ],
    [
      'a bracket cum off the recursion',
      (p) => set(p.leverageBracket[0]?.brackets[3] ?? {}, 'cum', 16_299),
      'INVALID_FIELD',
      ['leverageBrackets', 0, 'brackets', 3, 'cum'],
    ],
    [
      'a bracket with a string MMR that is not a number',
      (p) => set(p.leverageBracket[1]?.brackets[0] ?? {}, 'maintMarginRatio', '0,0065'),
      'NOT_A_NUMBER',
      ['leverageBrackets', 1, 'brackets', 0, 'maintMarginRatio'],
    ],
    [
      'a symbol without brackets',
      (p) => {
        p.leverageBracket = p.leverageBracket.filter((b) => b.symbol !== 'ETHUSDT');
      },
      'MISSING_FIELD',
      ['leverageBrackets'],
    ],
    [
      'a symbol whose brackets are listed twice',
      (p) => p.leverageBracket.push(clone(p.leverageBracket[0] as never)),
      'DUPLICATE_ID',
      ['leverageBrackets', 4, 'symbol'],
    ],
    [
      'an empty bracket list',
      (p) => set(p.leverageBracket[0] ?? {}, 'brackets', []),
      'EMPTY',
      ['leverageBrackets', 0, 'brackets'],
    ],
    [
      'a zero mark price',
      (p) => set(p.premiumIndex[0] ?? {}, 'markPrice', '0.00000000'),
      'NOT_POSITIVE',
      ['premiumIndex', 0, 'markPrice'],
    ],
    [
      'a malformed index price',
      (p) => set(p.premiumIndex[2] ?? {}, 'indexPrice', ''),
      'NOT_A_NUMBER',
      ['premiumIndex', 2, 'indexPrice'],
    ],
    [
      'a premiumIndex that is a string',
      (p) => {
        p.premiumIndex = 'BTCUSDT' as never;
      },
      'INVALID_TYPE',
      ['premiumIndex'],
    ],
    [
      'positionRisk that is not an array',
      (p) => {
        p.positionRisk = {} as never;
      },
      'INVALID_TYPE',
      ['positionRisk'],
    ],
  ];
  for (const [label, corrupt, code, path] of fieldCases) {
    it(`rejects ${label} (${code} at ${path.join('.')})`, () => {
      const payloads = oneWay();
      corrupt(payloads);
      expectInvalid(failure(payloads), code, path);
    });
  }

  it('rejects hedge-mode inconsistencies', () => {
    const longNegative = hedge();
    set(longNegative.positionRisk[0] ?? {}, 'positionAmt', '-0.500');
    expectInvalid(failure(longNegative), 'INVALID_FIELD', ['positionRisk', 0, 'positionAmt']);
    const shortPositive = hedge();
    set(shortPositive.positionRisk[1] ?? {}, 'positionAmt', '0.200');
    expectInvalid(failure(shortPositive), 'INVALID_FIELD', ['positionRisk', 1, 'positionAmt']);
    const openBoth = hedge();
    openBoth.positionRisk.push({ ...clone(openBoth.positionRisk[0] ?? {}), positionSide: 'BOTH' });
    expectInvalid(failure(openBoth), 'INVALID_FIELD', ['positionRisk', 4, 'positionSide']);
    const mixedTypes = hedge();
    set(mixedTypes.positionRisk[1] ?? {}, 'marginType', 'isolated');
    set(mixedTypes.positionRisk[1] ?? {}, 'isolatedWallet', '100');
    expectInvalid(failure(mixedTypes), 'INVALID_FIELD', ['positionRisk', 1, 'marginType']);
  });

  it('rejects an isolated position in Multi-Assets mode', () => {
    const payloads = multi();
    set(payloads.positionRisk[0] ?? {}, 'marginType', 'isolated');
    set(payloads.positionRisk[0] ?? {}, 'isolatedWallet', '500');
    expectInvalid(failure(payloads, MULTI_OPTIONS), 'INVALID_FIELD', ['positionRisk', 0, 'marginType']);
  });

  it('reports a missing price as a MissingPriceError with its path', () => {
    const noPremium = oneWay();
    noPremium.premiumIndex = noPremium.premiumIndex.filter((r) => r.symbol !== 'SOLUSDT');
    const error = failure(noPremium);
    expect(error).toBeInstanceOf(MissingPriceError);
    expect((error as MissingPriceError).path).toEqual(['premiumIndex']);
    const noAssetPrice = failure(multi(), { collateralWeights: MULTI_OPTIONS.collateralWeights ?? {} });
    expect(noAssetPrice).toBeInstanceOf(MissingPriceError);
    expect((noAssetPrice as MissingPriceError).code).toBe('MISSING_ASSET_PRICE');
    expect((noAssetPrice as MissingPriceError).path).toEqual(['assetPrices', 'BTC']);
  });
});

describe('fromBinanceUsdmAccount: accepted variants', () => {
  it('takes single-object leverageBracket and premiumIndex responses (symbol sent)', () => {
    const fixture = loadFixture('one-way');
    const btcOnly = fixture.positionRisk.filter((r) => r.symbol === 'BTCUSDT');
    const bracket = fixture.leverageBracket.find((b) => b.symbol === 'BTCUSDT');
    const premium = fixture.premiumIndex.find((p) => p.symbol === 'BTCUSDT');
    if (!bracket || !premium) throw new Error('fixture');
    const snapshot = fromBinanceUsdmAccount(btcOnly, fixture.account, bracket, premium);
    expect(snapshot.account.positions.map((p) => p.id)).toEqual(['BTCUSDT']);
  });

  it('ignores fields it does not read', () => {
    const payloads = clone(loadFixture('one-way')) as unknown as Loose;
    for (const row of payloads.positionRisk) row.someNewField = 'x';
    payloads.account.anotherField = { nested: true };
    expect(run(payloads).account.positions.length).toBe(3);
  });

  it('keeps a bracket list with an off-recursion cum when asked to (cum: as-given or recompute)', () => {
    const payloads = clone(loadFixture('one-way')) as unknown as Loose;
    const bracket = payloads.leverageBracket[0]?.brackets[3];
    if (!bracket) throw new Error('fixture');
    bracket.cum = 16_299;
    const kept = run(payloads, { cum: 'as-given' }).account.markets.BTCUSDT;
    const recomputed = run(payloads, { cum: 'recompute' }).account.markets.BTCUSDT;
    if (kept?.marginSchedule.type !== 'tiered' || recomputed?.marginSchedule.type !== 'tiered') {
      throw new Error('tiered schedules expected');
    }
    expect(kept.marginSchedule.tiers[3]?.maintenanceDeduction.toString()).toBe('16299');
    expect(recomputed.marginSchedule.tiers[3]?.maintenanceDeduction.toString()).toBe('16300');
  });

  it('uses only the settlement asset’s cross wallet in single-asset mode', () => {
    const { account } = snapshotOf(loadFixture('one-way'));
    expect(account.collateral.map((c) => [c.asset, c.amount.toString()])).toEqual([['USDT', '23800']]);
  });

  it('values Multi-Assets collateral with the given prices and weights, leaving out marginAvailable: false', () => {
    const { account, prices } = snapshotOf(loadFixture('multi-assets'), MULTI_OPTIONS);
    expect(account.collateral.map((c) => [c.asset, c.amount.toString(), c.weight.toString()])).toEqual([
      ['USDT', '4000', '1'],
      ['BTC', '0.1', '0.95'],
      ['USDC', '1500', '0.9999'],
    ]);
    // 4,000 + 0.1 · 60,798.12 · 0.95 + 1,500 · 0.9998 · 0.9999
    expect(summarizeAccount(account, prices).cross.collateralValue.toString()).toBe('11275.37143');
  });

  it('attaches funding schedules per symbol', () => {
    const schedule = {
      intervalMs: 28_800_000,
      paymentPrice: 'mark' as const,
      rate: { type: 'premium-interest' as const, interestRate: '0.0001', cap: '0.02' },
    };
    const { account } = snapshotOf(loadFixture('one-way'), { fundingSchedules: { ETHUSDT: schedule } });
    expect(account.markets.ETHUSDT?.fundingSchedule?.intervalMs).toBe(28_800_000);
    expect(account.markets.BTCUSDT?.fundingSchedule).toBeUndefined();
  });

  it('reports Binance’s "0" liquidation price as never', () => {
    const payloads = clone(loadFixture('one-way')) as unknown as Loose;
    set(payloads.positionRisk[0] ?? {}, 'liquidationPrice', '0');
    expect(run(payloads).positions[0]?.liquidationPrice).toEqual({ kind: 'never' });
  });
});
