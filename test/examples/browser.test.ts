// Builds the browser page (examples/browser/) with Vite, opens it in headless Chromium, and checks that the numbers
// it shows are the library's. Needs Debian's chromium (`.ci/run` installs it); saves a screenshot to test-results/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usdtAccount, usdtPrices } from '../../examples/portfolio.js';
import {
  type Decimal,
  liquidationPrice,
  stressAccount,
  stressChartSeries,
  summarizeAccount,
  uniformLadder,
} from '../../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let server: Server | undefined;
let context: BrowserContext | undefined;
let outDir = '';
let profile = '';
let url = '';

/** A static file server for the built page. */
function serve(dir: string): Promise<string> {
  const files = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  server = files;
  return new Promise((resolve) => {
    files.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(files.address() as AddressInfo).port}/`));
  });
}

const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs it`);

/** As the page shows amounts: fixed decimals, thousands grouped. */
function shown(value: Decimal, dp: number): string {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp }).format(
    value.toFixed(dp) as unknown as number,
  );
}

describe.skipIf(!available)('the browser page', () => {
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'marginkit-page-'));
    profile = mkdtempSync(join(tmpdir(), 'marginkit-chromium-'));
    await build({
      configFile: join(root, 'examples/browser/vite.config.ts'),
      build: { outDir },
      logLevel: 'warn',
    });
    url = await serve(outDir);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 1400 },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('shows the example account’s summary, liquidation prices and stress chart as the library computes them', async () => {
    const page = await (context as BrowserContext).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('#results:not([hidden])');
    expect(errors).toEqual([]);

    const summary = summarizeAccount(usdtAccount, usdtPrices);
    const poolRows = await page.$$eval('#summary tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')),
    );
    expect(poolRows.map((r) => r[0])).toEqual(['cross', 'isolated SOL-PERP', 'account total']);
    expect(poolRows[2]?.slice(1, 5)).toEqual([
      shown(summary.total.equity, 2),
      shown(summary.total.initialRequirement, 2),
      shown(summary.total.maintenanceRequirement, 2),
      shown(summary.total.freeCollateral, 2),
    ]);
    expect(poolRows[1]?.[1]).toBe(shown(summary.isolated[0]?.equity as Decimal, 2));

    const lpRows = await page.$$eval('#liquidation tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')),
    );
    expect(lpRows.map((r) => r[0])).toEqual(usdtAccount.positions.map((p) => p.id));
    for (const [i, position] of usdtAccount.positions.entries()) {
      // the BTC collateral moves with BTC-PERP, as in `marginkit report`
      const lp = liquidationPrice(usdtAccount, usdtPrices, position.id, {
        collateralMovesWith: { BTC: 'BTC-PERP' },
      });
      const tick = usdtAccount.markets[position.marketId]?.tickSize?.decimalPlaces() ?? 2;
      expect(lp.kind).toBe('price');
      if (lp.kind === 'price') expect(lpRows[i]?.[4]).toBe(shown(lp.price, tick));
    }

    const chart = stressChartSeries(
      stressAccount(usdtAccount, usdtPrices, uniformLadder('-0.3', '0.3', '0.05')),
    );
    expect(await page.locator('#chart svg path').count()).toBe(3);
    expect(await page.locator('#chart svg circle').count()).toBe(chart.markers.length);
    expect(await page.locator('#chart svg').textContent()).toContain('Equity (USDT)');

    mkdirSync(join(root, 'test-results'), { recursive: true });
    const screenshot = await page.screenshot({
      path: join(root, 'test-results', 'browser-page.png'),
      fullPage: true,
    });
    expect(screenshot.length).toBeGreaterThan(10_000);
  });

  it('shows a typed error with the path of the bad field', async () => {
    const page = await (context as BrowserContext).newPage();
    await page.goto(url);
    await page.waitForSelector('#results:not([hidden])');
    const doc = JSON.parse(await page.inputValue('#input'));
    doc.account.positions[1].size = 'forty';
    await page.fill('#input', JSON.stringify(doc));
    await page.click('#compute');
    expect(await page.textContent('#error')).toMatch(/^[A-Z_]+ at account\.positions\[1\]\.size: /);
    expect(await page.locator('#results').isHidden()).toBe(true);
  });
});
