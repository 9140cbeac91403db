// The hostile-input contract over every factory, adapter and math entry point (see contract.ts), on structured
// mutations of valid calls. Fixed seed; the number of generated inputs and the contract are printed.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRIES } from './catalog.js';
import { CONTRACT, contractBreach, fingerprint } from './contract.js';
import { mutate, mutationArb } from './mutations.js';

const SEED = 20_251_204;
/** Inputs generated per `npm test` (spread over the entry points by weight). */
const TOTAL = Number(process.env.FUZZ_RUNS ?? 20_500);
/** A call slower than this is a hang (a generous bound on a loaded 2-core machine, not a speed test). */
const HANG_MS = 5_000;

const totalWeight = ENTRIES.reduce((sum, e) => sum + (e.weight ?? 1), 0);
let generated = 0;

function run(call: () => unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: call() };
  } catch (error) {
    return { ok: false, error };
  }
}

describe('fuzz: hostile input', () => {
  afterAll(() => {
    console.log(
      `fuzz: ${generated} generated inputs over ${ENTRIES.length} entry points (seed ${SEED}); contract: ${CONTRACT}`,
    );
  });

  it.each(ENTRIES.map((e) => [e.name, e] as const))('%s keeps the contract', (_name, entry) => {
    // The valid call itself succeeds and keeps the contract, so the mutations start from a real call.
    // The valid arguments are built once; every input mutates fresh copies of them (created primitives are frozen).
    const seed = entry.args();
    const valid = run(() => entry.call(mutate(seed, [])));
    expect(valid.ok ? undefined : String((valid as { error: unknown }).error)).toBeUndefined();
    expect(contractBreach(valid)).toBeUndefined();

    const numRuns = Math.max(20, Math.round((TOTAL * (entry.weight ?? 1)) / totalWeight));
    fc.assert(
      fc.property(mutationArb, (mutations) => {
        generated += 1;
        const args = mutate(seed, mutations);
        const before = args.map(fingerprint);
        const start = performance.now();
        const outcome = run(() => entry.call(args));
        const elapsed = performance.now() - start;
        const breach = contractBreach(outcome);
        if (breach) throw new Error(breach);
        if (elapsed > HANG_MS) throw new Error(`took ${Math.round(elapsed)} ms`);
        args.forEach((arg, i) => {
          const was = before[i];
          if (was !== undefined && fingerprint(arg) !== was) throw new Error(`argument ${i} was mutated`);
        });
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
  });
});
