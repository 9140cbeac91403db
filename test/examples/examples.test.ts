// Runs every program in examples/ the way a reader would (`tsx examples/<file>.ts`) and checks what it prints.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coinAccount, coinPrices, usdtAccount, usdtPrices } from '../../examples/portfolio.js';
import { liquidationPrice, type MarginAccount, type Prices } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Files that hold data for the programs rather than being programs themselves. */
const DATA_FILES = new Set(['portfolio.ts', 'localRedis.ts']);

const programs = readdirSync(examplesDir)
  .filter((file) => file.endsWith('.ts') && !DATA_FILES.has(file))
  .sort();

function run(file: string): string {
  return execFileSync(tsx, [`examples/${file}`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The demo's way of writing a liquidation price: the market's tick decimals, thousands grouped. */
function shown(account: MarginAccount, prices: Prices, positionId: string): string {
  const position = account.positions.find((p) => p.id === positionId);
  const market = position ? account.markets[position.marketId] : undefined;
  // As the demo does: collateral in a linear market's base asset moves with that market.
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

/** Lines each program must print (a program without an entry must still exit cleanly and print something). */
const expected: Readonly<Record<string, () => readonly string[]>> = {
  'portfolio-report.ts': () => [
    'Liquidation price',
    'Bankruptcy price',
    'distance in 1-day σ',
    'margin ratio (MMR/equity)',
    'leverage (notional/equity)',
    'liquidatable',
    'free collateral',
    'isolated SOL-PERP',
    'account total',
    'Closest to liquidation',
    ...usdtAccount.positions.map((p) => p.id),
    ...coinAccount.positions.map((p) => p.id),
    // The printed liquidation prices are the library's.
    ...usdtAccount.positions.map((p) => shown(usdtAccount, usdtPrices, p.id)),
    ...coinAccount.positions.map((p) => shown(coinAccount, coinPrices, p.id)),
  ],
  'quick-start.ts': () => ['equity 4000 MMR 145', 'liquidation price 50251.26'],
  'liquidation-price-tiers.ts': () => [
    'marginkit: tier at the liquidation price   48231.16',
    'marginkit: tier at the liquidation price   52534.65',
    'at maintenance: liquidation starts here',
    'already below maintenance: too late',
    'tier at the liquidation price reported by liquidationPrice: #2',
    'tier at the liquidation price reported by liquidationPrice: #3',
  ],
  'inverse-contract.ts': () => [
    'notional 0.4 BTC, maintenance 0.0016 BTC',
    'liquidation price  40160.0 (down)',
    'liquidation price  25100.0 (down)',
    'none: no positive price reaches it',
  ],
};

describe('examples', () => {
  it('finds the programs', () => {
    expect(programs).toEqual(expect.arrayContaining(Object.keys(expected)));
  });

  it.each(programs)('%s runs and prints its key lines', (file) => {
    const output = run(file);
    expect(output.trim().length).toBeGreaterThan(0);
    expect(output).not.toMatch(/\bNaN\b|\bundefined\b|\bInfinity\b|\[object Object\]/);
    for (const line of expected[file]?.() ?? []) expect(output).toContain(line);
  });

  it("the README's quick start is examples/quick-start.ts", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const example = readFileSync(new URL('../../examples/quick-start.ts', import.meta.url), 'utf8');
    expect(block).toBe(example.replace("from '../src/index.js'", "from 'marginkit'"));
  });
});
