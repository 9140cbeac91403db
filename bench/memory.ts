// Retained heap per created account: 100k 10-position accounts over the same 10 created markets, measured after
// a full GC. Run with `node --expose-gc --import tsx bench/memory.ts` (part of `npm run bench`).
import { createMarginAccount, createMarket, type MarginAccount } from '../src/index.js';
import { accountInput, marketInputs } from './fixtures.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

export function retainedPerAccount(count: number): number {
  const markets = marketInputs().map((m) => createMarket(m));
  const input = accountInput(markets);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const accounts: MarginAccount[] = new Array(count);
  for (let i = 0; i < count; i++) accounts[i] = createMarginAccount(input);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (accounts.length !== count) throw new Error('unreachable');
  return (after - before) / count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 100_000);
  console.log(
    `retained heap per account (${count} accounts): ${(retainedPerAccount(count) / 1024).toFixed(2)} KB`,
  );
}
