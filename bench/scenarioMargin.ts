// SPAN scanning risk of a book of futures legs (16 scenarios): the exact path (risk arrays per leg, combined by
// quantity, worst scenario) against the same formula as a float64 loop. Results are cross-checked before timing.
import { bench, do_not_optimize, run, summary } from 'mitata';
import { combineRiskArrays, type Decimal, riskArray, scanningRisk, spanRiskScenarios } from '../src/index.js';

const LEGS = 200;
const legs = Array.from({ length: LEGS }, (_, i) => ({
  price: 1000 + 37 * i,
  range: 20 + (i % 13),
  contractSize: [1, 5, 50, 500][i % 4] as number,
  quantity: ((i * 7) % 23) - 11,
}));
const scenarios = spanRiskScenarios();

function exact(): Decimal {
  const arrays = legs.map((l) => ({
    quantity: l.quantity,
    array: riskArray(scenarios, { price: l.price, priceScanRange: l.range, contractSize: l.contractSize }),
  }));
  return scanningRisk(combineRiskArrays(arrays), scenarios).risk;
}

const moves = Float64Array.from(scenarios.map((s) => s.priceMove.toNumber()));
const weights = Float64Array.from(scenarios.map((s) => s.weight.toNumber()));
function float(): number {
  const sums = new Float64Array(16);
  for (const l of legs) {
    const unit = l.range * l.contractSize * l.quantity;
    for (let i = 0; i < 16; i++)
      sums[i] = (sums[i] as number) - (moves[i] as number) * unit * (weights[i] as number);
  }
  let worst = 0;
  for (let i = 0; i < 16; i++) worst = Math.max(worst, sums[i] as number);
  return worst;
}

const e = exact();
const f = float();
if (e.minus(f).abs().greaterThan(e.abs().times('1e-9').plus('1e-6'))) {
  throw new Error(`exact ${e.toString()} and float ${f} disagree`);
}
console.log(
  `SPAN scanning risk, ${LEGS} futures legs × 16 scenarios: exact ${e.toFixed(2)}, float ${f.toFixed(2)}`,
);

summary(() => {
  bench('exact: riskArray per leg + combineRiskArrays + scanningRisk', () =>
    do_not_optimize(exact()),
  ).baseline(true);
  bench('float64 loop (same formula)', () => do_not_optimize(float()));
});
await run();
