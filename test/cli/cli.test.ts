// Runs the built `marginkit` command (dist/cli.js, built by `npm run build` before the unit tests) as a user
// would, and checks what it prints against the library.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coinAccount, coinPrices, usdtAccount, usdtPrices } from '../../examples/portfolio.js';
import {
  fromBinanceUsdmAccount,
  fromBybitPositions,
  fromDydxIndexerSubaccount,
  fromHyperliquidClearinghouseState,
  liquidationPrice,
  type MarginAccount,
  type PriceSource,
  type Prices,
  renderStressTable,
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
    const ambiguous = marginkit(['stress', portfolio]);
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
