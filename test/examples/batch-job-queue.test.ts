// Runs the job-queue example against a local Redis server started here (the Debian `redis-server` binary, which
// .ci/run installs where missing). A missing binary fails the test: it is never skipped.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRedis, startLocalRedis } from '../../examples/localRedis.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

let redis: LocalRedis;
beforeAll(async () => {
  redis = await startLocalRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('examples/batch-job-queue.ts', () => {
  it('runs a grid through BullMQ shards and merges it to the single-process result', async () => {
    const { stdout } = await promisify(execFile)(tsx, ['examples/batch-job-queue.ts'], {
      cwd: root,
      env: { ...process.env, REDIS_PORT: String(redis.port) },
      timeout: 60_000,
    });
    expect(stdout).toContain('4 jobs of 30 accounts × 41 scenarios through BullMQ');
    expect(stdout).toContain('merged shards equal the single-process grid: yes');
    expect(stdout).toMatch(/accounts liquidatable in some scenario: \d+ of 120/);
  });
});
