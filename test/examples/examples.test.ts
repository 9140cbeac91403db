// Runs every program in examples/ the way a reader would (`tsx examples/<file>.ts`) and checks what it prints.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { portfolioDocument } from '../../examples/portfolio.js';

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

/** Lines each program must print (a program without an entry must still exit cleanly and print something). */
const expected: Readonly<Record<string, () => readonly string[]>> = {
  'quick-start.ts': () => ['equity 4000 MMR 145', 'liquidation price 50251.26'],
  'liquidation-price-tiers.ts': () => [
    'marginkit: tier at the liquidation price   48231.16',
    'marginkit: tier at the liquidation price   52534.65',
    'at maintenance: liquidation starts here',
    'already below maintenance: too late',
    'tier at the liquidation price reported by liquidationPrice: #2',
    'tier at the liquidation price reported by liquidationPrice: #3',
  ],
  'option-cascade.ts': () => [
    'today: short 2 calls marked 234.79 each (Black-76, σ 55 %, 2 days)',
    'after +12 %, vol ×1.8, one day later: calls marked 7286.91 each',
    '  cross                equity    25426  MMR    34734  LIQUIDATABLE',
    'cross pool under maintenance: the hedged BTC/ETH pair can be closed with the calls',
    'cross pool fails at a market-wide move of +9.40 %',
    '  cross                equity    20000  MMR     3360  healthy',
    'cross pool survives: the hedged pair is kept (failed pools: BTC-6DEC-105000-C)',
    'cross    closes BTC-6DEC-105000-C (cross pool, 78.4 % of the way); keeps BTC-PERP, ETH-PERP; loss 9684',
    'isolated closes ETH-PERP (ETH-PERP pool, 33.0 % of the way), then BTC-6DEC-105000-C (BTC-6DEC-105000-C pool, 63.4 % of the way); keeps BTC-PERP; loss -1108',
    'split    closes BTC-6DEC-105000-C (BTC-6DEC-105000-C pool, 26.4 % of the way); keeps BTC-PERP, ETH-PERP; loss 1793',
    'cross, whole-pool liquidation: closes BTC-6DEC-105000-C (cross pool, 78.4 % of the way), then ETH-PERP (cross pool, 78.4 % of the way), then BTC-PERP (cross pool, 78.4 % of the way); keeps nothing; loss 9684',
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
    expect(block).toBe(example);
  });

  it('examples/portfolio.json, read by `npm run demo`, is the portfolio of examples/portfolio.ts', () => {
    // To refresh: npx tsx -e "import { portfolioDocument } from './examples/portfolio.ts';
    //   console.log(JSON.stringify(portfolioDocument, null, 2))" > examples/portfolio.json
    const file = JSON.parse(readFileSync(new URL('../../examples/portfolio.json', import.meta.url), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(portfolioDocument)));
  });
});
