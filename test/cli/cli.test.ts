// Runs the built `marginkit` command (dist/cli.js, built by `npm run build` before the unit tests) as a user
// would, and checks what it prints against the library.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coinAccount, coinPrices, usdtAccount, usdtPrices } from '../../examples/portfolio.js';
import {
  createOrderBook,
  Decimal,
  driftMarginCalculation,
  fromBinanceUsdmAccount,
  fromBybitPositions,
  fromDriftUserAccount,
  fromDydxIndexerSubaccount,
  fromGmxPositionInfo,
  fromHyperliquidClearinghouseState,
  fromOrderlyPositions,
  gmxLiquidationCheck,
  liquidationPrice,
  type MarginAccount,
  orderlyAccountMargin,
  orderlyLiquidationPrice,
  type PriceSource,
  type Prices,
  previewOrder,
  renderStressTable,
  type ScenarioResult,
  stressAccount,
  summarizeAccount,
  timeToLiquidation,
  uniformLadder,
} from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const portfolio = join(root, 'examples', 'portfolio.json');
let dir = '';

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'marginkit-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function marginkit(args: readonly string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** As the report writes prices: the market's tick decimals, thousands grouped. */
function shown(account: MarginAccount, prices: Prices, positionId: string): string {
  const position = account.positions.find((p) => p.id === positionId);
  const market = position ? account.markets[position.marketId] : undefined;
  const links: Record<string, string> = {};
  for (const c of account.collateral) {
    const linked = Object.values(account.markets).find((m) => m.kind === 'linear' && m.baseAsset === c.asset);
    if (c.asset !== account.settleAsset && linked) links[c.asset] = linked.id;
  }
  const lp = liquidationPrice(account, prices, positionId, { collateralMovesWith: links });
  if (!market || lp.kind !== 'price') throw new Error(`expected a liquidation price for ${positionId}`);
  const [whole = '', fraction] = lp.price.toFixed(market.tickSize?.decimalPlaces() ?? 2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

describe('marginkit report', () => {
  it('prints the full risk report of the example portfolio (npm run demo)', () => {
    const { code, stdout, stderr } = marginkit(['report', portfolio]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const line of [
      'Liquidation price',
      'Bankruptcy price',
      'distance in 1-day σ',
      'margin ratio (MMR/equity)',
      'leverage (notional/equity)',
      'free collateral',
      'isolated SOL-PERP',
      'account total',
      'Closest to liquidation',
      ...usdtAccount.positions.map((p) => shown(usdtAccount, usdtPrices, p.id)),
      ...coinAccount.positions.map((p) => shown(coinAccount, coinPrices, p.id)),
    ]) {
      expect(stdout).toContain(line);
    }
    expect(stdout).not.toMatch(/\bNaN\b|\bundefined\b|\bInfinity\b|\[object Object\]/);
    // The BTC long owes one funding payment of 16.0576 USDT; the report says so.
    expect(stdout).toMatch(/unsettled funding\s+16\.06 owed\s+0\.00\s+0\.00/);
  });

  it('reads standard input and prints exact decimals as JSON', () => {
    const { code, stdout } = marginkit(['report', '--format', 'json'], readFileSync(portfolio, 'utf8'));
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    const summary = summarizeAccount(usdtAccount, usdtPrices);
    expect(data.accounts[0].summary.total.equity).toBe(summary.total.equity.toString());
    expect(data.accounts[1].summary.total.equity).toBe(
      summarizeAccount(coinAccount, coinPrices).total.equity.toString(),
    );
    expect(data.accounts[0].positions.map((p: { positionId: string }) => p.positionId)).toEqual([
      'BTC-PERP',
      'ETH-PERP',
      'SOL-PERP',
    ]);
  });

  it('prints markdown tables', () => {
    const { code, stdout } = marginkit(['report', portfolio, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('## Account 1: USDT-margined (cross book + isolated SOL)');
    expect(stdout).toContain('| Positions | BTC-PERP | ETH-PERP | SOL-PERP |');
    expect(stdout).toContain('| --- | ---: | ---: | ---: |');
  });
});

const fixture = (path: string) => JSON.parse(readFileSync(join(root, 'test', 'fixtures', path), 'utf8'));

/** A payload part, handed to an adapter that validates it. */
const at = (p: Record<string, unknown>, key: string) => p[key] as never;

const venues: readonly {
  venue: string;
  payload: Record<string, unknown>;
  adapt: (p: Record<string, unknown>) => {
    account: MarginAccount;
    prices: Prices;
    priceSource?: PriceSource;
  };
}[] = [
  {
    venue: 'dydx',
    payload: {
      subaccount: fixture('dydx/subaccount-0.json'),
      perpetualMarkets: fixture('dydx/perpetual-markets.json'),
    },
    adapt: (p) => fromDydxIndexerSubaccount(at(p, 'subaccount'), at(p, 'perpetualMarkets')),
  },
  {
    venue: 'binance',
    payload: {
      positionRisk: fixture('binance/one-way/positionRisk.json'),
      account: fixture('binance/one-way/account.json'),
      leverageBrackets: fixture('binance/one-way/leverageBracket.json'),
      premiumIndex: fixture('binance/one-way/premiumIndex.json'),
    },
    adapt: (p) =>
      fromBinanceUsdmAccount(
        at(p, 'positionRisk'),
        at(p, 'account'),
        at(p, 'leverageBrackets'),
        at(p, 'premiumIndex'),
      ),
  },
  {
    venue: 'bybit',
    payload: {
      positionList: fixture('bybit/linear-position-list.json'),
      walletBalance: fixture('bybit/linear-wallet-balance.json'),
      tickers: fixture('bybit/linear-tickers.json'),
      riskLimits: fixture('bybit/linear-risk-limit.json'),
    },
    adapt: (p) =>
      fromBybitPositions(
        at(p, 'positionList'),
        at(p, 'walletBalance'),
        at(p, 'tickers'),
        at(p, 'riskLimits'),
      ),
  },
  {
    venue: 'hyperliquid',
    payload: {
      state: fixture('hyperliquid/clearinghouse-state-mixed.json'),
      meta: fixture('hyperliquid/meta.json'),
      assetCtxs: fixture('hyperliquid/asset-ctxs.json'),
    },
    adapt: (p) => fromHyperliquidClearinghouseState(at(p, 'state'), at(p, 'meta'), at(p, 'assetCtxs')),
  },
];

describe('marginkit --from <venue>', () => {
  it.each(venues)('reads a $venue payload through its adapter', ({ venue, payload, adapt }) => {
    const { code, stdout, stderr } = marginkit(
      ['report', '--from', venue, '--format', 'json'],
      JSON.stringify(payload),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const data = JSON.parse(stdout).accounts[0];
    const { account, prices, priceSource = 'mark' } = adapt(payload);
    const summary = summarizeAccount(account, prices, { priceSource });
    expect(data.summary.priceSource).toBe(priceSource);
    expect(data.summary.total.equity).toBe(summary.total.equity.toString());
    expect(data.positions).toHaveLength(account.positions.length);
    for (const [i, p] of account.positions.entries()) {
      const lp = liquidationPrice(account, prices, p.id, { priceSource });
      expect(data.positions[i].liquidationPrice.kind).toBe(lp.kind);
      if (lp.kind === 'price') expect(data.positions[i].liquidationPrice.price).toBe(lp.price.toString());
    }
  });

  it('reports a bad venue field with its path and exit code 1', () => {
    const bad = structuredClone(venues[1]?.payload) as { positionRisk: { entryPrice: string }[] };
    const first = bad.positionRisk[0];
    if (first) first.entryPrice = 'abc';
    const { code, stderr } = marginkit(['report', '--from', 'binance'], JSON.stringify(bad));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^marginkit report: error [A-Z_]+ at positionRisk\[0\]\.entryPrice: /);
  });

  it('names the payloads a venue needs', () => {
    const { code, stderr } = marginkit(['report', '--from', 'hyperliquid'], '{"state": {}}');
    expect(code).toBe(1);
    expect(stderr).toContain('MISSING_FIELD at meta: the hyperliquid input needs state, meta, assetCtxs');
  });
});

/** The answers of the venues whose adapters return their venue model's inputs, bundled as `--from` reads them. */
const driftBundle = {
  account: fixture('drift/user-account.json'),
  spotMarkets: fixture('drift/spot-markets.json'),
  perpMarkets: fixture('drift/perp-markets.json'),
};
const orderlyBundle = {
  positions: fixture('orderly/positions.json'),
  usdcHolding: 1000,
  symbols: fixture('orderly/symbols.json'),
  clientInfo: fixture('orderly/client-info.json'),
};
const gmxBundle = {
  positionInfo: fixture('gmx/position-info.json'),
  options: {
    indexTokenDecimals: 8,
    collateralTokenDecimals: 6,
    collateralTokenPrice: '1',
    marketId: 'BTC/USD',
  },
  market: { minCollateralFactor: '0.005', minCollateralUsd: '1', positionFeeFactor: '0.0006' },
  indexPrice: '78000',
  rates: { borrowingFactorPerSecond: '1e-8', fundingFactorPerSecond: '-2e-9' },
};

function reportJson(venue: string, bundle: unknown) {
  const { code, stdout, stderr } = marginkit(
    ['report', '--from', venue, '--format', 'json'],
    JSON.stringify(bundle),
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout).accounts[0];
}

describe('marginkit report --from drift|orderly|gmx (venue models)', () => {
  it('reports Drift through its adapter: weighted PnL, size-scaled requirements, the SDK liquidation price', () => {
    const data = reportJson('drift', driftBundle);
    const { user, markets } = fromDriftUserAccount(
      driftBundle.account,
      driftBundle.spotMarkets,
      driftBundle.perpMarkets,
    );
    expect(data.maintenance).toEqual(
      JSON.parse(JSON.stringify(driftMarginCalculation(user, markets, 'maintenance'))),
    );
    expect(data.initial).toEqual(
      JSON.parse(JSON.stringify(driftMarginCalculation(user, markets, 'initial'))),
    );
    // $1 000 USDC; borrow of 1.100000001 SOL at $100 ×1.1; long 50 SOL from $90 at $100: PnL +$500 at weight 0.5
    // maintenance: TC = 1 000 + 250, MR = 5 % of 5 000 + ⌊110.0000001 · 1.1⌋ = 371 → FC 879
    expect([data.maintenance.totalCollateral, data.maintenance.marginRequirement]).toEqual([
      '1250000000',
      '371000000',
    ]);
    // initial: PnL capped at $100; requirement 10 % of 5 000 + 110.0000001 · 1.2 → 632
    expect([data.initial.totalCollateral, data.initial.marginRequirement]).toEqual([
      '1100000000',
      '632000000',
    ]);
    // δ = 0.95 · 50 = $47.5 per $1; 100 − 879 / 47.5 = 81.494737 (truncated to 1e-6)
    expect(data.liquidationPrices[0]).toMatchObject({ kind: 'price', price: '81494737', direction: 'down' });
    // lastFundingRate $0.01 per coin per hour over a $100 TWAP
    expect(data.funding).toEqual([{ marketIndex: '0', hourly: '0.0001' }]);
    const table = marginkit(['report', '--from', 'drift'], JSON.stringify(driftBundle)).stdout;
    for (const cell of ['81.4947', '+0.0100%', '1,250.00', '371.00', '+879.00'])
      expect(table).toContain(cell);
  });

  it('reports Orderly through its adapter: exact and estimated liquidation prices beside est_liq_price', () => {
    const data = reportJson('orderly', orderlyBundle);
    const snap = fromOrderlyPositions(
      orderlyBundle.positions,
      orderlyBundle.usdcHolding,
      orderlyBundle.symbols,
      orderlyBundle.clientInfo,
    );
    const margin = orderlyAccountMargin(snap.account, snap.markets, { maxAccountLeverage: 10 });
    expect(data.margin).toEqual(JSON.parse(JSON.stringify(margin)));
    // TC = 1 000 + 2 · 1 900 − 4 000 = 800; the zero BTC row is skipped
    expect(data.margin.totalCollateral).toBe('800');
    expect(data.margin.positions).toHaveLength(1);
    // base MMR, no size term: both conventions give −3 000 / (2 · 0.05 − 2) = 1 578.947368…
    const exact = orderlyLiquidationPrice(snap.account, snap.markets, 'PERP_ETH_USDC');
    expect(exact.kind === 'price' && exact.price.toFixed(6)).toBe('1578.947368');
    expect(data.liquidationPrices[0].exact.price).toBe(exact.kind === 'price' && exact.price.toString());
    expect(data.liquidationPrices[0].estimate.kind).toBe('price');
    expect(data.reported.positions.PERP_ETH_USDC.estLiqPrice).toBe('1578.95');
    const table = marginkit(
      ['report', '--from', 'orderly', '--format', 'markdown'],
      JSON.stringify(orderlyBundle),
    );
    expect(table.stdout).toContain('| Liquidation price (exact) | 1,578.9474 |');
    expect(table.stdout).toContain('|   est_liq_price reported | 1,578.9500 |');
  });

  it('reports a GMX position: the liquidation rule, its price and the liquidation hours', () => {
    const data = reportJson('gmx', gmxBundle);
    const snap = fromGmxPositionInfo(gmxBundle.positionInfo, gmxBundle.options);
    // the close's impact defaults to the one the reader reported (−20)
    const params = { ...gmxBundle.market, priceImpactUsd: '-20' };
    expect(data.check).toEqual(
      JSON.parse(JSON.stringify(gmxLiquidationCheck(snap.position, params, gmxBundle.indexPrice))),
    );
    // 4 000 + (40 000 − 0.5 · 78 000) − 20 − 24 − 1.25 − 0.75 = 4 954
    expect(data.check.remainingCollateralUsd).toBe('4954');
    // 43 954 − 0.5 · P = 200 → P = 87 508
    expect(data.liquidationPrice).toMatchObject({ kind: 'price', price: '87508', direction: 'up' });
    // buffer 4 754 at 40 000 · 1e-8 · 3 600 = 1.44 USD an hour (funding received not counted)
    expect(data.liquidationHours.kind).toBe('hours');
    expect(new Decimal(data.liquidationHours.hours).toFixed(4)).toBe('3301.3889');
    const { rates: _, ...withoutRates } = gmxBundle;
    expect(reportJson('gmx', withoutRates).liquidationHours).toBeNull();
    expect(marginkit(['report', '--from', 'gmx'], JSON.stringify(gmxBundle)).stdout).toContain('87,508.0000');
  });

  it('names the bad field from the root of the bundle, and the payloads a venue needs', () => {
    const bad = structuredClone(gmxBundle);
    bad.market.minCollateralFactor = 'x';
    const market = marginkit(['report', '--from', 'gmx'], JSON.stringify(bad));
    expect(market.code).toBe(1);
    expect(market.stderr).toMatch(/^marginkit report: error NOT_A_NUMBER at market\.minCollateralFactor: /);
    const drift = structuredClone(driftBundle);
    drift.perpMarkets[0].amm.lastFundingOracleTwap = '0';
    expect(marginkit(['report', '--from', 'drift'], JSON.stringify(drift)).stderr).toContain(
      'at perpMarkets[0].amm.lastFundingOracleTwap',
    );
    const orderly = structuredClone(orderlyBundle);
    orderly.positions.rows[0].mark_price = 'abc';
    expect(marginkit(['report', '--from', 'orderly'], JSON.stringify(orderly)).stderr).toContain(
      'at positions.rows[0].mark_price',
    );
    const missing = marginkit(['report', '--from', 'orderly'], '{"positions": {}}');
    expect(missing.stderr).toContain(
      'MISSING_FIELD at usdcHolding: the orderly input needs positions, usdcHolding',
    );
  });

  it('runs report only, and lists the new venues in the help', () => {
    const stress = marginkit(['stress', '--from', 'drift'], JSON.stringify(driftBundle));
    expect(stress.code).toBe(2);
    expect(stress.stderr).toContain('--from drift works with report only');
    const help = marginkit(['report', '--help']).stdout;
    expect(help).toContain('dydx, binance, bybit, hyperliquid, drift, orderly, gmx');
    expect(help).toContain(
      'gmx          { positionInfo, options, market, indexPrice, rates? }  (report only)',
    );
  });

  it('reads a directory of bundles, each titled with its file', () => {
    const venueDir = join(dir, 'drift-accounts');
    mkdirSync(venueDir, { recursive: true });
    writeFileSync(join(venueDir, 'a.json'), JSON.stringify(driftBundle));
    writeFileSync(join(venueDir, 'b.json'), JSON.stringify(driftBundle));
    const { code, stdout } = marginkit(['report', '--from', 'drift', '--format', 'json', venueDir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).accounts.map((a: { title: string }) => a.title)).toEqual([
      'a.json: drift account',
      'b.json: drift account',
    ]);
  });
});

describe('marginkit stress', () => {
  it('prints the library’s stress table and writes the chart', () => {
    const svg = join(dir, 'chart.svg');
    const args = ['stress', portfolio, '--account', '2', '--min=-0.4', '--max', '0', '--step', '0.1'];
    const { code, stdout } = marginkit([...args, '--chart', svg]);
    expect(code).toBe(0);
    const run = stressAccount(coinAccount, coinPrices, uniformLadder('-0.4', '0', '0.1'), {
      priceSource: 'mark',
    });
    // BTC amounts with 6 decimals, as the report shows them
    expect(stdout).toContain(renderStressTable(run, { places: 6 }));
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[\s\S]*>Equity \(BTC\)<\/text>[\s\S]*<\/svg>$/);
  });

  it('runs presets, writes an HTML page, and gives the chart series as JSON', () => {
    const html = join(dir, 'chart.html');
    const { code, stdout } = marginkit([
      'stress',
      portfolio,
      '--account',
      '1',
      '--preset',
      'span',
      '--format',
      'json',
      '--chart',
      html,
    ]);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.results).toHaveLength(16);
    expect(data.chart.scenarios).toHaveLength(16);
    expect(data.chart.lines[0].values).toHaveLength(16);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*<pre>Scenario/);
  });
});

describe('marginkit funding, preview, size', () => {
  it('projects funding with its direction and the time to liquidation', () => {
    const { code, stdout } = marginkit([
      'funding',
      portfolio,
      '--account',
      '1',
      '--hours',
      '24',
      '--rate',
      '0.0001',
      '--at',
      '2026-01-01T00:00:00Z',
    ]);
    expect(code).toBe(0);
    // 0.01 % per 8 h on 2.5 BTC at the 64 230.5 mark, three payments in 24 h: 3 · 16.057625 = 48.172875
    expect(stdout).toMatch(/BTC-PERP\s+long\s+64,230\.5 \(mark\)\s+3\s+pays 48\.17\s+\+10\.95%/);
    // the short receives: 3 · 40 · 3355.80 · 0.0001 = 40.2696
    expect(stdout).toMatch(/ETH-PERP\s+short\s+3,355\.80 \(mark\)\s+3\s+receives 40\.27\s+-10\.95%/);
    // funding alone takes the isolated SOL long below maintenance when the library says
    const ttl = timeToLiquidation(usdtAccount, usdtPrices, {
      fromMs: Date.parse('2026-01-01T00:00:00Z'),
      scenario: { kind: 'constant', rate: '0.0001' },
    });
    const sol = ttl.pools.find((p) => p.pool === 'SOL-PERP');
    expect(sol?.kind === 'at' && new Date(sol.time).toISOString()).toBe('2026-02-21T16:00:00.000Z');
    expect(stdout).toMatch(/SOL-PERP\s+2026-02-21 16:00 UTC \(in 51 d 16 h\)/);
  });

  it('previews an order', () => {
    const { code, stdout } = marginkit([
      'preview',
      portfolio,
      '--account',
      '1',
      '--market',
      'ETH-PERP',
      '--side',
      'buy',
      '--size',
      '10',
      '--price',
      '3355.80',
    ]);
    expect(code).toBe(0);
    // closing 10 of the 40 short from 3412.60 at 3355.80 realises 10 · 56.80 = 568
    expect(stdout).toMatch(/transition\s+reduce/);
    expect(stdout).toMatch(/realized PnL\s+\+568\.00/);
    expect(stdout).toContain('Initial-margin check, cross: passes');
  });

  it('sizes by liquidation distance', () => {
    const { code, stdout } = marginkit([
      'size',
      portfolio,
      '--account',
      '2',
      '--market',
      'BTCUSD-PERP',
      '--side',
      'short',
      '--move',
      '0.1',
      '--format',
      'json',
    ]);
    // the cross pool already holds BTCUSD-PERP: the library refuses, with its code
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const ok = marginkit([
      'size',
      portfolio,
      '--account',
      '1',
      '--market',
      'SOL-PERP',
      '--side',
      'long',
      '--move',
      '0.12',
      '--format',
      'json',
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).sizing.distance).toBe('0.12');
  });
});

describe('marginkit preview --book', () => {
  // Binance /fapi/v1/depth: levels as [price, qty] strings, with the update ids beside them.
  const depth = {
    lastUpdateId: 1027024,
    E: 1589436922972,
    T: 1589436922959,
    bids: [
      ['3355.70', '5'],
      ['3355.00', '20'],
    ],
    asks: [
      ['3355.90', '4'],
      ['3356.50', '3'],
      ['3358.00', '50'],
    ],
  };
  const order = ['--account', '1', '--market', 'ETH-PERP', '--side', 'buy', '--size', '10'];

  function bookFile(name: string, contents: unknown): string {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(contents));
    return file;
  }

  it('walks a venue book: average fill, levels taken and slippage, as the library previews it', () => {
    const { code, stdout, stderr } = marginkit([
      'preview',
      portfolio,
      ...order,
      '--book',
      bookFile('depth.json', depth),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // 4 @ 3355.90 + 3 @ 3356.50 + 3 @ 3358.00 = 33,567.10 for 10: average 3356.71
    expect(stdout).toMatch(/average fill price\s+3,356\.71/);
    expect(stdout).toMatch(/levels taken\s+3/);
    expect(stdout).toMatch(/best \/ worst price\s+3,355\.90 \/ 3,358\.00/);
    // (3356.71 − 3355.90)/3355.90 = 0.0241 %; against the mark 3355.80: (3356.71 − 3355.80)/3355.80 = 0.0271 %
    expect(stdout).toMatch(/slippage vs best\s+\+0\.024%/);
    expect(stdout).toMatch(/slippage vs mark\s+\+0\.027%/);
    const preview = previewOrder(usdtAccount, usdtPrices, {
      marketId: 'ETH-PERP',
      side: 'buy',
      size: '10',
      book: createOrderBook({
        bids: depth.bids as [string, string][],
        asks: depth.asks as [string, string][],
      }),
    });
    if (preview.kind !== 'filled') throw new Error('expected a fill');
    // closing 10 of the 40 short from 3412.60 at 3356.71 realises 10 · 55.89 = 558.90
    expect(preview.realizedPnl.toString()).toBe('558.9');
    expect(stdout).toMatch(/realized PnL\s+\+558\.90/);
    const json = JSON.parse(
      marginkit(['preview', portfolio, ...order, '--book', bookFile('depth.json', depth), '--format', 'json'])
        .stdout,
    );
    expect(json.preview.fillPrice).toBe(preview.fillPrice.toString());
    expect(json.preview.walk.fills).toHaveLength(3);
  });

  it('reads the books of Bybit, Hyperliquid and the library alike', () => {
    const bybit = { retCode: 0, result: { s: 'ETHUSDT', b: depth.bids, a: depth.asks, ts: 1, u: 2 } };
    const level = ([px, sz]: string[]) => ({ px, sz, n: 1 });
    const hyperliquid = { coin: 'ETH', time: 1, levels: [depth.bids.map(level), depth.asks.map(level)] };
    const own = {
      bids: depth.bids.map(([price, size]) => ({ price, size })),
      asks: depth.asks.map(([price, size]) => ({ price, size })),
    };
    for (const [name, book] of Object.entries({ bybit, hyperliquid, own })) {
      const { code, stdout } = marginkit([
        'preview',
        portfolio,
        ...order,
        '--book',
        bookFile(`${name}.json`, book),
      ]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/average fill price\s+3,356\.71/);
    }
  });

  it('names a bad level by its place in the book file, and refuses --price with --book', () => {
    const crossed = { ...depth, bids: [['3356.00', '5']] };
    const bad = marginkit(['preview', portfolio, ...order, '--book', bookFile('crossed.json', crossed)]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^marginkit preview: error CROSSED_BOOK at book\.bids\[0\]\[0\]: /);
    const level = { px: 'abc', sz: '1', n: 1 };
    const hyperliquid = { coin: 'ETH', levels: [[level], []] };
    const hl = marginkit(['preview', portfolio, ...order, '--book', bookFile('bad-hl.json', hyperliquid)]);
    expect(hl.stderr).toMatch(/NOT_A_NUMBER at book\.levels\[0\]\[0\]\.px: 'abc' is not a decimal number/);
    const both = marginkit([
      'preview',
      portfolio,
      ...order,
      '--price',
      '3355',
      '--book',
      bookFile('depth.json', depth),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
  });
});

describe('marginkit stress, several accounts', () => {
  /** The library's own run of the default ladder, and the row the combined table should show for it. */
  function expectedRow(account: MarginAccount, prices: Prices) {
    const ladder = uniformLadder('-0.3', '0.3', '0.05');
    const run = stressAccount(account, prices, ladder, { priceSource: 'mark' });
    const failing = run.results.filter((r) => r.liquidatable || r.cascade.length > 0);
    // the failing scenario nearest to now: the smallest move in size
    const nearest = failing.reduce<ScenarioResult | undefined>((best, r) => {
      const move = (x: ScenarioResult) => Math.abs(Number.parseFloat(x.name));
      return best === undefined || move(r) < move(best) ? r : best;
    }, undefined);
    return { run, failing, nearest };
  }

  it('stresses every account of the input in one table: worst scenario and first failure along the path', () => {
    const { code, stdout, stderr } = marginkit(['stress', portfolio]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const usdt = expectedRow(usdtAccount, usdtPrices);
    expect(usdt.run.worst).toBe('-30%');
    expect(usdt.nearest?.name).toBe('-5%');
    // account 1: worst −30 % with P&L −17,394.54; pools fail in 6 of 13; the SOL pool fails first, at −5 %
    expect(stdout).toMatch(
      /1\. Account 1: .*\s+64,264\.19 USDT\s+-30%: -17,394\.54\s+6 of 13\s+-5% \(SOL-PERP\)/,
    );
    expect(usdt.failing).toHaveLength(6);
    const coin = expectedRow(coinAccount, coinPrices);
    expect(stdout).toContain(`${coin.failing.length} of 13`);
    expect(stdout).toMatch(new RegExp(`2\\. Account 2: .*${coin.nearest?.name}`));
  });

  it('reads several files, a directory of them, or a JSON array, and titles accounts by file', () => {
    const doc = JSON.parse(readFileSync(portfolio, 'utf8'));
    const folder = join(dir, 'accounts');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.json'), JSON.stringify(doc.accounts[0]));
    writeFileSync(join(folder, 'b.json'), JSON.stringify(doc.accounts[1]));
    writeFileSync(join(folder, 'notes.txt'), 'not an account');
    const args = ['--preset', 'crash', '--format', 'json'];
    const files = JSON.parse(
      marginkit(['stress', join(folder, 'a.json'), join(folder, 'b.json'), ...args]).stdout,
    );
    const folderRun = JSON.parse(marginkit(['stress', folder, ...args]).stdout);
    const array = JSON.parse(marginkit(['stress', ...args], JSON.stringify(doc.accounts)).stdout);
    expect(files.accounts.map((a: { title: string }) => a.title)).toEqual([
      `a.json: ${doc.accounts[0].title}`,
      `b.json: ${doc.accounts[1].title}`,
    ]);
    expect(folderRun).toEqual(files);
    expect(array.accounts.map((a: { worst: string }) => a.worst)).toEqual(
      files.accounts.map((a: { worst: string }) => a.worst),
    );
    // crash runs 0 … −50 %: the path order is the order given, so both firsts agree
    expect(files.accounts[0].firstAlongPath).toBe(files.accounts[0].firstLiquidatable);
  });

  it('names the file of a bad account, and draws a chart of one account only', () => {
    const doc = JSON.parse(readFileSync(portfolio, 'utf8'));
    const bad = structuredClone(doc.accounts[1]);
    bad.account.positions[0].size = 'x';
    const good = join(dir, 'good.json');
    const broken = join(dir, 'broken.json');
    writeFileSync(good, JSON.stringify(doc.accounts[0]));
    writeFileSync(broken, JSON.stringify(bad));
    const failed = marginkit(['stress', good, broken]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/at account\.positions\[0\]\.size: .*\(in .*broken\.json\)/);
    const chart = marginkit(['stress', portfolio, '--chart', join(dir, 'x.svg')]);
    expect(chart.code).toBe(2);
    expect(chart.stderr).toContain('--chart draws one account');
    expect(marginkit(['report', good, broken]).code).toBe(2);
  });
});

describe('errors and help', () => {
  it('prints an invalid field with its path from the root of the input, exit code 1', () => {
    const doc = JSON.parse(readFileSync(portfolio, 'utf8'));
    doc.accounts[0].account.positions[1].size = 'forty';
    const { code, stdout, stderr } = marginkit(['report'], JSON.stringify(doc));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^marginkit report: error [A-Z_]+ at accounts\[0\]\.account\.positions\[1\]\.size: /,
    );
  });

  it('rejects bad JSON and unknown options, the latter as usage errors (exit code 2)', () => {
    expect(marginkit(['report'], '{').stderr).toMatch(/INVALID_JSON: standard input is not JSON/);
    const unknown = marginkit(['report', portfolio, '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    const ambiguous = marginkit(['funding', portfolio]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('choose one with --account 1…2');
    expect(marginkit(['lend']).code).toBe(2);
  });

  it.each(['report', 'stress', 'funding', 'preview', 'size'])('%s --help describes the command', (name) => {
    const { code, stdout } = marginkit([name, '--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith(`marginkit ${name} [file]`)).toBe(true);
    expect(stdout).toContain('Example:');
    expect(stdout).toContain('--format <f>');
  });

  it('lists the commands', () => {
    const { code, stdout } = marginkit(['--help']);
    expect(code).toBe(0);
    for (const name of ['report', 'stress', 'funding', 'preview', 'size'])
      expect(stdout).toContain(`  ${name} `);
  });
});

describe('the package', () => {
  it('declares the command', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ marginkit: './dist/cli.js' });
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    writeFileSync(join(dir, 'touch'), '');
  });
});
