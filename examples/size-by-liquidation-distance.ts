// Sizing by liquidation distance: "if your liquidation price is ten percent away, and a plausible stressed move
// could be twelve percent on a coincident event, you either reduce leverage, add hedges, or split collateral
// across isolated accounts."
//
// The book: 10 000 USDC of cross collateral behind a 28 ETH long at 3 000 and a 0.2 BTC long at 60 000. The ETH
// long's liquidation price is about 10 % below the mark. The program checks it against a 12 % fall, alone and
// together with a 5 % BTC fall (the coincident event), then prices each way out: a smaller position, lower
// leverage, more collateral, or isolated margins.
//
// The figures are illustrative: ETH maintenance 2 % (25× at most), BTC 1 %; forced closes 0.5 % worse than the
// market with a 0.5 % liquidation fee.
//
// Run: npx tsx examples/size-by-liquidation-distance.ts

import {
  collateralToSurvive,
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  isolatedMarginPlan,
  liquidationDistance,
  liquidationPrice,
  type MarginAccount,
  maxLeverageForLiquidationDistance,
  maxSizeForLiquidationDistance,
  type Scenario,
  type StressOptions,
  stressAccount,
  withMarginLayout,
} from 'marginkit';

const ETH_MAINTENANCE = '0.02';
const STRESSED_MOVE = '0.12';
const SAFETY_FACTOR = '1.25';

const base = createMarginAccount({
  settleAsset: 'USDC',
  markets: [
    {
      id: 'ETH-PERP',
      kind: 'linear',
      baseAsset: 'ETH',
      quoteAsset: 'USDC',
      stepSize: '0.001',
      marginSchedule: { type: 'flat', initialFraction: '0.04', maintenanceFraction: ETH_MAINTENANCE },
    },
    {
      id: 'BTC-PERP',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDC',
      stepSize: '0.0001',
      marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
    },
  ],
  collateral: [{ asset: 'USDC', amount: 10_000 }],
  positions: [{ id: 'BTC', marketId: 'BTC-PERP', size: '0.2', entryPrice: 60_000, marginMode: 'cross' }],
});
const withEth = (size: DecimalInput): MarginAccount =>
  createMarginAccount({
    ...base,
    positions: [
      { id: 'ETH', marketId: 'ETH-PERP', size, entryPrice: 3000, marginMode: 'cross' },
      ...base.positions,
    ],
  });
const account = withEth(28);
const prices = createPrices({ markets: { 'ETH-PERP': { mark: 3000 }, 'BTC-PERP': { mark: 60_000 } } });

const scenarios: Scenario[] = [
  { name: 'ETH -12%', shock: { kind: 'relative', moves: { 'ETH-PERP': '-0.12' } } },
  {
    name: 'ETH -12%, BTC -5% (coincident)',
    shock: { kind: 'relative', moves: { 'ETH-PERP': '-0.12', 'BTC-PERP': '-0.05' } },
  },
];
const forcedClose: StressOptions = { liquidationSlippage: '0.005', liquidationFeeRate: '0.005' };

const money = (d: Decimal) => {
  const [whole = '', fraction] = d.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
};
const pct = (d: Decimal) => `${d.times(100).toFixed(2)} %`;

function liquidationLine(a: MarginAccount, id: string): string {
  const d = liquidationDistance(liquidationPrice(a, prices, id));
  if (d.kind === 'never') return 'no liquidation price';
  if (d.kind === 'now') return 'already below maintenance';
  return `liquidation price ${money(d.price)}, ${pct(d.fraction.abs())} ${d.direction === 'down' ? 'below' : 'above'} the mark`;
}

function stressLines(a: MarginAccount): string[] {
  const run = stressAccount(a, prices, scenarios, forcedClose);
  return run.results.map((r) => {
    const pool = r.pools.find((p) => p.pool === 'cross');
    const head = `${r.name.padEnd(32)} equity ${money(r.summary.total.equity).padStart(9)}, MMR ${money(r.summary.total.maintenanceRequirement).padStart(8)}`;
    if (!r.liquidatable) {
      const room = pool ? pool.equity.minus(pool.maintenanceRequirement) : new Decimal(0);
      return `${head}: survives (${money(room)} above maintenance)`;
    }
    const closes = r.cascade.map((e) => `${e.positionId} at ${money(e.price)}`).join(', then ');
    return `${head}: LIQUIDATED, short ${money(r.shortfall)}; forced closes: ${closes}; loss ${money(r.loss)}`;
  });
}

// 1. Where the position stands.
console.log('Now: 28 ETH long at 3,000 (84,000 notional) and 0.2 BTC long at 60,000, on 10,000 USDC cross');
console.log(`  ETH ${liquidationLine(account, 'ETH')}`);
console.log(`Against a ${pct(new Decimal(STRESSED_MOVE))} stressed move:`);
for (const line of stressLines(account)) console.log(`  ${line}`);
console.log('');

// 2a. Reduce the size.
console.log('Option 1: reduce the position');
const exact = maxSizeForLiquidationDistance(base, prices, {
  marketId: 'ETH-PERP',
  side: 'long',
  stressedMove: STRESSED_MOVE,
});
const safe = maxSizeForLiquidationDistance(base, prices, {
  marketId: 'ETH-PERP',
  side: 'long',
  stressedMove: STRESSED_MOVE,
  safetyFactor: SAFETY_FACTOR,
});
console.log(
  `  liquidation exactly 12 % away: at most ${exact.stepSize} ETH (liquidation ${money(exact.liquidationPrice)})`,
);
for (const line of stressLines(withEth(exact.stepSize))) console.log(`    ${line}`);
console.log(
  `  The sizing holds BTC where it is; the coincident BTC loss eats the last of the buffer. ` +
    `With a ${SAFETY_FACTOR}× safety factor (${pct(safe.distance)} away): ${safe.stepSize} ETH ` +
    `(liquidation ${money(safe.liquidationPrice)})`,
);
for (const line of stressLines(withEth(safe.stepSize))) console.log(`    ${line}`);
console.log('');

// 2b. Lower the leverage (an isolated position: margin = notional / leverage).
console.log('Option 2: lower the leverage (ETH isolated)');
const maxLeverage = maxLeverageForLiquidationDistance('linear', 'long', safe.distance, ETH_MAINTENANCE);
const notional = new Decimal(28).times(3000);
console.log(
  `  to liquidate at least ${pct(safe.distance)} away with ${pct(new Decimal(ETH_MAINTENANCE))} maintenance: ` +
    `at most ${maxLeverage.toFixed(2)}×`,
);
console.log(
  `  28 ETH at ${maxLeverage.toFixed(2)}× needs ${money(notional.div(maxLeverage))} USDC of isolated margin; ` +
    `10,000 USDC at that leverage carries ${new Decimal(10_000).times(maxLeverage).div(3000).toFixed(3)} ETH`,
);
console.log('');

// 2c. Add collateral.
console.log('Option 3: add collateral');
const need = collateralToSurvive(account, prices, scenarios);
console.log(
  `  ${money(need.cross)} USDC more keeps the cross pool at or above maintenance in every scenario ` +
    `(binding: ${need.bindingScenario ?? 'none'})`,
);
const topped = createMarginAccount({
  ...account,
  collateral: [{ asset: 'USDC', amount: new Decimal(10_000).plus(need.cross) }],
});
for (const line of stressLines(topped)) console.log(`    ${line}`);
console.log('');

// 2d. Split the collateral into isolated margins.
console.log('Option 4: split the collateral into isolated margins');
const plan = isolatedMarginPlan(account, prices, scenarios);
if (plan.kind === 'not-possible') {
  const required = Object.entries(plan.required).map(([id, m]) => `${id} ${money(m)}`);
  console.log(
    `  with 28 ETH: not possible: needs ${required.join(' + ')} against ${money(plan.available)} available ` +
      `(short ${money(plan.deficit)})`,
  );
}
const smaller = withEth(safe.stepSize);
const smallerPlan = isolatedMarginPlan(smaller, prices, scenarios);
if (smallerPlan.kind === 'plan') {
  const margins = Object.entries(smallerPlan.margins).map(([id, m]) => `${id} ${money(m)}`);
  console.log(
    `  with ${safe.stepSize} ETH: isolate ${margins.join(', ')}; ${money(smallerPlan.leftover)} stays in cross, ` +
      'out of reach of either liquidation',
  );
  // Round each margin up to the cent so the split sits at or above the plan.
  const split = withMarginLayout(smaller, prices, {
    kind: 'split',
    margins: Object.fromEntries(
      Object.entries(smallerPlan.margins).map(([id, m]) => [id, m.toDecimalPlaces(2, Decimal.ROUND_UP)]),
    ),
  });
  const checks: Scenario[] = [
    ...scenarios,
    { name: 'BTC -30% alone', shock: { kind: 'relative', moves: { 'BTC-PERP': '-0.3' } } },
  ];
  const run = stressAccount(split, prices, checks, forcedClose);
  for (const r of run.results) {
    console.log(
      `    ${r.name.padEnd(32)} kept ${r.survivors.join(' + ') || 'nothing'}` +
        (r.liquidated.length === 0 ? '' : `; lost ${r.liquidated.join(', ')}, loss ${money(r.loss)}`),
    );
  }
  console.log('  A BTC crash beyond the plan costs the BTC margin only; the ETH position is not touched.');
}
