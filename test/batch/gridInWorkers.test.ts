// Worker threads load plain JavaScript, so the task module is bundled from src/ first (the package ships it built).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGridPool, gridInWorkers, shareBook } from '../../src/batch/workers/index.js';
import {
  AbortedError,
  confirmGrid,
  gridPackedBook,
  type Progress,
  packAccounts,
  packScenarios,
  uniformLadder,
} from '../../src/index.js';
import { randomBook } from '../support/randomBook.js';

let dir = '';
let workerUrl = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginkit-grid-'));
  const outfile = join(dir, 'gridTask.mjs');
  await build({
    entryPoints: [new URL('../../src/batch/workers/gridTask.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
  });
  workerUrl = pathToFileURL(outfile).href;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gridInWorkers', () => {
  const book = randomBook(200, 51);
  const scenarios = [
    ...uniformLadder('-0.4', '0.4', '0.1'),
    { name: 'rel', shock: { kind: 'relative' as const, moves: { M1: '-0.3' } } },
  ];
  const packed = packAccounts(book.accounts, book.prices);
  const packedScenarios = packScenarios(packed, scenarios);

  it('gives the one-thread grid on two threads, and the exact decisions after confirming', async () => {
    const options = { lossEdges: [-100, 0, 100], matrix: true };
    const seen: Progress[] = [];
    const inWorkers = await gridInWorkers(packed, packedScenarios, {
      ...options,
      threads: 2,
      shards: 7,
      workerUrl,
      onProgress: (p) => seen.push(p),
    });
    const one = gridPackedBook(packed, packedScenarios, options);
    for (const key of [
      'worstEquity',
      'minSurplus',
      'liquidatingCount',
      'firstLiquidating',
      'pending',
    ] as const) {
      expect([...inWorkers[key]]).toEqual([...one[key]]);
    }
    expect([...inWorkers.lossHistogram]).toEqual([...one.lossHistogram]);
    expect(seen.at(-1)).toEqual({ done: 200, total: 200 });
    const exact = confirmGrid(inWorkers, book.accounts, book.prices, scenarios);
    const exactOne = confirmGrid(one, book.accounts, book.prices, scenarios);
    expect([...exact.scenarioLiquidating]).toEqual([...exactOne.scenarioLiquidating]);
  });

  it('shares the columns instead of copying them, once', () => {
    const shared = shareBook(packed);
    expect(shared.exposure.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...shared.exposure]).toEqual([...packed.exposure]);
    expect(shareBook(shared).exposure).toBe(shared.exposure);
    expect(packed.exposure.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('throws ABORTED before starting when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      gridInWorkers(packed, packedScenarios, { workerUrl, signal: controller.signal }),
    ).rejects.toThrow(AbortedError);
  });

  it('keeps its threads across grids, each equal to the one-thread grid, and stops between ranges when aborted', async () => {
    const pool = await createGridPool({ threads: 2, workerUrl });
    try {
      expect(pool.threads).toBe(2);
      const one = gridPackedBook(packed, packedScenarios);
      for (const shards of [undefined, 5]) {
        const grid = await pool.grid(packed, packedScenarios, shards === undefined ? {} : { shards });
        expect([...grid.liquidatingCount]).toEqual([...one.liquidatingCount]);
        expect([...grid.minSurplus]).toEqual([...one.minSurplus]);
        expect([...grid.pending]).toEqual([...one.pending]);
        expect([grid.from, grid.to]).toEqual([0, 200]);
      }
      // Aborted once the first range reports: the runners start no further range.
      const controller = new AbortController();
      const seen: Progress[] = [];
      await expect(
        pool.grid(packed, packedScenarios, {
          shards: 20,
          signal: controller.signal,
          onProgress: (p) => {
            seen.push(p);
            controller.abort();
          },
        }),
      ).rejects.toThrow(AbortedError);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.length).toBeLessThan(20);
    } finally {
      await pool.destroy();
    }
  });
});
