// A stress grid split into shards of accounts and run through a real job queue (BullMQ on Redis): each job gets its
// accounts as plain JSON inputs, runs the grid with the exact confirmation, and returns its shard as JSON; the
// shards merge into the result one process gives. Set REDIS_PORT to use a running server; without it the program
// starts a throwaway local `redis-server`.
import { Queue, QueueEvents, Worker } from 'bullmq';
import {
  createMarginAccount,
  createPrices,
  type GridShard,
  type MarginAccountInput,
  mergeGridShards,
  type PricesInput,
  type Scenario,
  stressGrid,
  uniformLadder,
} from 'marginkit';
import { startLocalRedis } from './localRedis.js';

const markets = [
  {
    id: 'BTC-PERP',
    kind: 'linear' as const,
    baseAsset: 'BTC',
    quoteAsset: 'USDT',
    marginSchedule: {
      type: 'tiered' as const,
      tiers: [
        { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
        { notionalFloor: 250_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
      ],
    },
  },
  {
    id: 'ETH-PERP',
    kind: 'linear' as const,
    baseAsset: 'ETH',
    quoteAsset: 'USDT',
    marginSchedule: { type: 'flat' as const, initialFraction: '0.05', maintenanceFraction: '0.03' },
  },
];
const pricesInput: PricesInput = { markets: { 'BTC-PERP': { mark: '60000' }, 'ETH-PERP': { mark: '3000' } } };
// 120 accounts: long BTC, short or long ETH, collateral from thin to ample.
const inputs: MarginAccountInput[] = Array.from({ length: 120 }, (_, i) => ({
  settleAsset: 'USDT',
  markets,
  collateral: [{ asset: 'USDT', amount: String(2_000 + ((i * 7919) % 40_000)) }],
  positions: [
    {
      marketId: 'BTC-PERP',
      size: ((i % 13) * 0.35 + 0.1).toFixed(2),
      entryPrice: '58000',
      marginMode: 'cross',
    },
    { marketId: 'ETH-PERP', size: (((i % 5) - 2) * 3.5).toFixed(1), entryPrice: '3100', marginMode: 'cross' },
  ],
}));
const scenarios: Scenario[] = uniformLadder('-0.4', '0.4', '0.02');

/** A shard as JSON (typed arrays as number lists), its account range moved to `offset`. */
type ShardJson = {
  readonly [K in keyof GridShard]: GridShard[K] extends ArrayLike<number> ? number[] : GridShard[K];
};
function toJson(shard: GridShard, offset: number): ShardJson {
  return {
    ...shard,
    from: shard.from + offset,
    to: shard.to + offset,
    baseEquity: [...shard.baseEquity],
    worstEquity: [...shard.worstEquity],
    worstScenario: [...shard.worstScenario],
    minSurplus: [...shard.minSurplus],
    liquidatingCount: [...shard.liquidatingCount],
    firstLiquidating: [...shard.firstLiquidating],
    scenarioLiquidating: [...shard.scenarioLiquidating],
    scenarioLoss: [...shard.scenarioLoss],
    lossEdges: [...shard.lossEdges],
    lossHistogram: [...shard.lossHistogram],
    pending: [...shard.pending],
  } as ShardJson;
}
function fromJson(json: ShardJson): GridShard {
  return {
    ...json,
    baseEquity: Float64Array.from(json.baseEquity),
    worstEquity: Float64Array.from(json.worstEquity),
    worstScenario: Int32Array.from(json.worstScenario),
    minSurplus: Float64Array.from(json.minSurplus),
    liquidatingCount: Int32Array.from(json.liquidatingCount),
    firstLiquidating: Int32Array.from(json.firstLiquidating),
    scenarioLiquidating: Int32Array.from(json.scenarioLiquidating),
    scenarioLoss: Float64Array.from(json.scenarioLoss),
    lossHistogram: Float64Array.from(json.lossHistogram),
    pending: Int32Array.from(json.pending),
  };
}

interface ShardJob {
  readonly from: number;
  readonly accounts: MarginAccountInput[];
  readonly prices: PricesInput;
  readonly scenarios: Scenario[];
}

const lossEdges = [0, 1_000, 5_000, 20_000];
const redis = process.env.REDIS_PORT ? undefined : await startLocalRedis();
const connection = { host: '127.0.0.1', port: Number(process.env.REDIS_PORT ?? redis?.port) };
const name = `marginkit-grid-${process.pid}`;
const queue = new Queue<ShardJob, ShardJson>(name, { connection });
const events = new QueueEvents(name, { connection });
const worker = new Worker<ShardJob, ShardJson>(
  name,
  async (job) => {
    const accounts = job.data.accounts.map((input) => createMarginAccount(input));
    const grid = stressGrid(accounts, createPrices(job.data.prices), job.data.scenarios, { lossEdges });
    return toJson(grid, job.data.from);
  },
  { connection, concurrency: 2 },
);
try {
  await events.waitUntilReady();
  const shardSize = 30;
  const jobs = await queue.addBulk(
    Array.from({ length: inputs.length / shardSize }, (_, k) => ({
      name: `accounts ${k * shardSize}–${(k + 1) * shardSize - 1}`,
      data: {
        from: k * shardSize,
        accounts: inputs.slice(k * shardSize, (k + 1) * shardSize),
        prices: pricesInput,
        scenarios,
      },
    })),
  );
  const shards = await Promise.all(jobs.map((job) => job.waitUntilFinished(events, 60_000)));
  const merged = mergeGridShards(shards.map((s) => fromJson(s as ShardJson)));

  const single = stressGrid(
    inputs.map((input) => createMarginAccount(input)),
    createPrices(pricesInput),
    scenarios,
    {
      lossEdges,
    },
  );
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    a.length === b.length && Array.from(a).every((x, i) => x === b[i]);
  const equal =
    same(merged.liquidatingCount, single.liquidatingCount) &&
    same(merged.firstLiquidating, single.firstLiquidating) &&
    same(merged.scenarioLiquidating, single.scenarioLiquidating) &&
    same(merged.worstEquity, single.worstEquity) &&
    same(merged.lossHistogram, single.lossHistogram);
  const liquidating = Array.from(merged.liquidatingCount).filter((n) => n > 0).length;
  console.log(`${jobs.length} jobs of ${shardSize} accounts × ${scenarios.length} scenarios through BullMQ`);
  console.log(`accounts liquidatable in some scenario: ${liquidating} of ${inputs.length}`);
  console.log(`accounts liquidatable at −40 %: ${merged.scenarioLiquidating[0]}`);
  console.log(`merged shards equal the single-process grid: ${equal ? 'yes' : 'NO'}`);
  if (!equal) process.exitCode = 1;
} finally {
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await events.close();
  await redis?.stop();
}
