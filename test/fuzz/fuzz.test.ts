// The hostile-input contract over every factory, adapter and math entry point (see contract.ts), on structured
// mutations of valid calls. Fixed seed, so a run is repeatable; FUZZ_SEED and FUZZ_RUNS widen the hunt (e.g. FUZZ_SEED=606
// FUZZ_RUNS=60000 npx vitest run test/fuzz/fuzz.test.ts). The number of generated inputs and the contract are printed.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRIES, type Entry } from './catalog.js';
import { CONTRACT, contractBreach, fingerprint } from './contract.js';
import { mutate, mutationArb } from './mutations.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_204);
/** Inputs generated per `npm test` (spread over the entry points by weight). */
const TOTAL = Number(process.env.FUZZ_RUNS ?? 20_500);
/** A call slower than this is a hang (a generous bound on a loaded 2-core machine, not a speed test). */
const HANG_MS = 5_000;

const totalWeight = ENTRIES.reduce((sum, e) => sum + (e.weight ?? 1), 0);
let generated = 0;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function run(call: () => unknown): Outcome {
  try {
    return { ok: true, value: call() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The outcome of a call, awaited when the entry point returns a promise (a synchronous throw counts too). */
async function settle(entry: Entry, args: unknown[]): Promise<Outcome> {
  const outcome = run(() => entry.call(args));
  if (!entry.async || !outcome.ok) return outcome;
  try {
    return { ok: true, value: await outcome.value };
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

  it.each(ENTRIES.map((e) => [e.name, e] as const))('%s keeps the contract', async (_name, entry) => {
    // The valid call itself succeeds and keeps the contract, so the mutations start from a real call.
    // The valid arguments are built once; every input mutates fresh copies of them (created primitives are frozen).
    const seed = entry.args();
    const valid = await settle(entry, mutate(seed, []));
    expect(valid.ok ? undefined : String((valid as { error: unknown }).error)).toBeUndefined();
    expect(contractBreach(valid)).toBeUndefined();

    const numRuns = Math.max(20, Math.round((TOTAL * (entry.weight ?? 1)) / totalWeight));
    const check = (
      args: unknown[],
      before: (string | undefined)[],
      outcome: Outcome,
      elapsed: number,
    ): void => {
      const breach = contractBreach(outcome);
      if (breach) throw new Error(breach);
      if (elapsed > HANG_MS) throw new Error(`took ${Math.round(elapsed)} ms`);
      args.forEach((arg, i) => {
        const was = before[i];
        if (was !== undefined && fingerprint(arg) !== was) throw new Error(`argument ${i} was mutated`);
      });
    };
    const options = { seed: SEED, numRuns, endOnFailure: true };
    if (entry.async) {
      await fc.assert(
        fc.asyncProperty(mutationArb, async (mutations) => {
          generated += 1;
          const args = mutate(seed, mutations);
          const before = args.map(fingerprint);
          const start = performance.now();
          const outcome = await settle(entry, args);
          check(args, before, outcome, performance.now() - start);
        }),
        options,
      );
      return;
    }
    fc.assert(
      fc.property(mutationArb, (mutations) => {
        generated += 1;
        const args = mutate(seed, mutations);
        const before = args.map(fingerprint);
        const start = performance.now();
        const outcome = run(() => entry.call(args));
        check(args, before, outcome, performance.now() - start);
      }),
      options,
    );
  });
});
