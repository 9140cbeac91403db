// Runs every `@example` of src/venues/binance/ and checks each `expression; // => value` line: the TSDoc examples
// are executable and their stated outputs are true.
import { readdirSync, readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as library from '../../../src/index.js';
import * as coinM from '../../../src/venues/binance/coinMLiquidationPrice.js';
import * as adapter from '../../../src/venues/binance/fromBinanceUsdmAccount.js';
import * as funding from '../../../src/venues/binance/fundingSchedule.js';
import * as liquidation from '../../../src/venues/binance/liquidationPrice.js';
import * as maintenance from '../../../src/venues/binance/maintenanceMargin.js';
import * as schedule from '../../../src/venues/binance/marginSchedule.js';
import * as wallet from '../../../src/venues/binance/walletBalanceFromLiquidationPrice.js';

/** What `import { … } from 'marginkit'` resolves to in the examples: the library plus the Binance functions. */
const scope: Record<string, unknown> = {
  ...library,
  ...coinM,
  ...adapter,
  ...funding,
  ...liquidation,
  ...maintenance,
  ...schedule,
  ...wallet,
};

const SOURCE = new URL('../../../src/venues/binance/', import.meta.url);

interface Example {
  readonly file: string;
  readonly code: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(SOURCE).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(new URL(file, SOURCE), 'utf8');
    for (const match of text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)) {
      const body = (match[1] ?? '')
        .split('\n')
        .map((line) => line.replace(/^\s*\* ?/, ''))
        .join('\n');
      out.push({ file, code: body });
    }
  }
  return out;
}

/**
 * Turns the example into a function body: imports become reads from the scope (each name must exist), and every
 * statement whose last line ends in `// => value` becomes a check of the statement's value against `value`.
 */
function compile(example: Example): { names: string[]; body: string; checks: number } {
  const names: string[] = [];
  const out: string[] = [];
  let statement: string[] = [];
  let checks = 0;
  for (const line of example.code.split('\n')) {
    const imported = /^import\s*\{([^}]*)\}\s*from\s*'marginkit';\s*$/.exec(line);
    if (imported) {
      names.push(
        ...(imported[1] ?? '')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      );
      continue;
    }
    const arrow = line.indexOf('// =>');
    if (arrow < 0) {
      statement.push(line);
      if (/;\s*(\/\/.*)?$/.test(line) || line.trim().startsWith('//') || line.trim() === '') {
        out.push(...statement);
        statement = [];
      }
      continue;
    }
    const expected = line
      .slice(arrow + '// =>'.length)
      .replace(/\s+\(.*\)\s*$/, '')
      .trim();
    const code = [...statement, line.slice(0, arrow)].join('\n').trim().replace(/;$/, '');
    statement = [];
    out.push(`__check(${code}, ${expected}, ${JSON.stringify(code)});`);
    checks++;
  }
  out.push(...statement);
  return { names, body: out.join('\n'), checks };
}

describe('TSDoc examples of src/venues/binance', () => {
  const all = examples();

  it('every exported function has one', () => {
    const files = new Set(all.map((e) => e.file));
    for (const file of [
      'coinMLiquidationPrice.ts',
      'fromBinanceUsdmAccount.ts',
      'fundingSchedule.ts',
      'liquidationPrice.ts',
      'maintenanceMargin.ts',
      'marginSchedule.ts',
      'walletBalanceFromLiquidationPrice.ts',
    ]) {
      expect(files.has(file), file).toBe(true);
    }
  });

  for (const example of all) {
    it(`${example.file}: its stated outputs hold`, () => {
      const { names, body, checks } = compile(example);
      expect(checks).toBeGreaterThan(0);
      for (const name of names) expect(scope[name], `'${name}' is not exported`).toBeDefined();
      const js = transformSync(body, { loader: 'ts' }).code;
      const results: [unknown, unknown, string][] = [];
      const run = new Function(...names, '__check', js) as (...args: unknown[]) => void;
      run(...names.map((n) => scope[n]), (actual: unknown, expected: unknown, code: string) => {
        results.push([actual, expected, code]);
      });
      expect(results.length).toBe(checks);
      for (const [actual, expected, code] of results) expect(actual, code).toEqual(expected);
    });
  }
});
