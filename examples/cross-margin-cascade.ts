// When shared collateral turns one bad leg into a cascade: the same book under cross margin, fully isolated, and
// with only the risky leg isolated.
//
// "A short-dated option leg moved violently and because my collateral was shared, the whole book took hits and I
// nearly lost a position I otherwise would have kept." The book below holds a healthy BTC long and a long in an alt
// that can lose half its value on a token unlock, on 6 000 USDT of collateral. Each scenario moves prices along a
// straight path from today's; whenever a pool reaches maintenance it is force-closed at the price of that moment,
// 2 % worse (a forced market order into a falling book) and charged a 1 % liquidation fee. A cross pool closes its
// worst loser first and keeps going while it is still under maintenance; an isolated position fails on its own.
// What a pool's forced closes lose beyond its collateral is the venue's insurance fund's deficit: the trader can lose
// the pool's collateral, no more.
//
// The figures are illustrative: maintenance 1 % on BTC and 2.5 % on the alt (20× at most), as on a typical
// centralised venue's first tier.
//
// Run: npx tsx examples/cross-margin-cascade.ts

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareMarginLayouts,
  createMarginAccount,
  createPrices,
  Decimal,
  type LayoutOutcome,
  type LiquidationEvent,
  renderStressChart,
  renderStressTable,
  type Scenario,
  type StressOptions,
  stressAccount,
  summarizeAccount,
  uniformLadder,
} from 'marginkit';

const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [
    {
      id: 'BTC-PERP',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
    },
    {
      id: 'ALT-PERP',
      kind: 'linear',
      baseAsset: 'ALT',
      quoteAsset: 'USDT',
      marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' },
    },
  ],
  collateral: [{ asset: 'USDT', amount: 6_000 }],
  positions: [
    // the position worth keeping: 0.5 BTC, 30 000 notional
    { id: 'BTC long', marketId: 'BTC-PERP', size: '0.5', entryPrice: 60_000, marginMode: 'cross' },
    // the violent leg: 20 000 ALT at 1.00, days before an unlock
    { id: 'ALT long', marketId: 'ALT-PERP', size: 20_000, entryPrice: 1, marginMode: 'cross' },
  ],
});
const prices = createPrices({ markets: { 'BTC-PERP': { mark: 60_000 }, 'ALT-PERP': { mark: 1 } } });

const forcedClose: StressOptions = { liquidationSlippage: '0.02', liquidationFeeRate: '0.01' };
const scenarios: Scenario[] = [
  { name: 'ALT -50% (unlock dump)', shock: { kind: 'relative', moves: { 'ALT-PERP': '-0.5' } } },
  {
    name: 'ALT -60%, BTC -4%',
    shock: { kind: 'relative', moves: { 'ALT-PERP': '-0.6', 'BTC-PERP': '-0.04' } },
  },
  { name: 'ALT -40%', shock: { kind: 'relative', moves: { 'ALT-PERP': '-0.4' } } },
  {
    name: 'BTC -8%, ALT at beta 2.5',
    shock: { kind: 'factor', driver: 'BTC-PERP', move: '-0.08', betas: { 'ALT-PERP': '2.5' } },
  },
];
// The split: only the alt isolated, with its initial margin (1 000) and as much again as a buffer.
const split = { 'ALT long': 2_000 };

const money = (d: Decimal) => {
  const [whole = '', fraction] = d.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
};
const percent = (d: Decimal) => `${d.times(100).toFixed(1)}%`;

const today = summarizeAccount(account, prices);
console.log('Cross book: 6,000 USDT shared by a BTC long and an alt long');
for (const p of today.positions) {
  console.log(
    `  ${p.positionId.padEnd(9)} ${p.size.toString().padStart(6)} @ ${money(p.price).padStart(9)}  ` +
      `notional ${money(p.requirement.notional).padStart(9)}  MMR ${money(p.requirement.maintenance).padStart(6)}`,
  );
}
console.log(
  `  equity ${money(today.cross.equity)}, maintenance ${money(today.cross.maintenanceRequirement)}, ` +
    `leverage ${today.cross.leverage.kind === 'finite' ? today.cross.leverage.value.toFixed(2) : '∞'}×`,
);
console.log('Forced closes: 2 % slippage and a 1 % liquidation fee on the fill.');
console.log('');

const outcomes = compareMarginLayouts(account, prices, scenarios, { ...forcedClose, split });
const layoutName: Record<LayoutOutcome['layout'], string> = {
  cross: 'cross',
  isolated: 'fully isolated',
  split: 'ALT isolated (2,000)',
};

console.log('Which positions survive, and the loss against today’s 6,000 of equity:');
const width = 26;
console.log(`${'scenario'.padEnd(width)}${outcomes.map((o) => layoutName[o.layout].padEnd(30)).join('')}`);
scenarios.forEach((scenario, i) => {
  const cells = outcomes.map((o) => {
    const result = o.byScenario[i];
    if (!result) return ''.padEnd(30);
    const kept = result.survivors.length === 0 ? 'nothing' : result.survivors.join(' + ');
    return `${kept}, loss ${money(result.loss)}`.padEnd(30);
  });
  console.log(`${scenario.name.padEnd(width)}${cells.join('')}`);
});
console.log('');

function describe(event: LiquidationEvent): string {
  const where = event.pool === 'cross' ? 'cross pool' : `isolated ${event.pool}`;
  return (
    `t = ${percent(event.at).padStart(6)} of the path  ${where.padEnd(20)} ${event.positionId.padEnd(9)} ` +
    `at ${money(event.price).padStart(9)}, filled ${money(event.fillPrice).padStart(9)}: ` +
    `PnL ${money(event.realizedPnl).padStart(10)}, fee ${money(event.fee).padStart(7)}` +
    (event.deficit.isZero()
      ? ''
      : `, deficit ${money(event.deficit)} (beyond the pool's ${event.pool === 'cross' ? 'collateral' : 'margin'}: the insurance fund's loss)`)
  );
}

const headline = scenarios[0]?.name ?? '';
console.log(`Forced closes in order, "${headline}":`);
for (const o of outcomes) {
  const result = o.run.results[0];
  if (!result) continue;
  console.log(`  ${layoutName[o.layout]}:`);
  for (const event of result.cascade) console.log(`    ${describe(event)}`);
  console.log(
    `    → kept: ${result.survivors.join(', ') || 'nothing'}; equity after ${money(result.finalEquity)}`,
  );
}
console.log('');

const cross = outcomes.find((o) => o.layout === 'cross');
const isolated = outcomes.find((o) => o.layout === 'isolated');
const crossCrash = cross?.byScenario[0];
const isolatedCrash = isolated?.byScenario[0];
const crossDeficit = (cross?.run.results[0]?.cascade ?? []).reduce(
  (sum, e) => sum.plus(e.deficit),
  new Decimal(0),
);
if (crossCrash && isolatedCrash) {
  console.log(
    `In cross the alt's forced close costs more than its own maintenance margin (2.5 %): the shared pool is left ` +
      `under the BTC long's maintenance and the BTC long is sold too: the whole collateral is gone and the ` +
      `insurance fund covers ${money(crossDeficit)} more. Isolated, the alt can only lose its own margin and the ` +
      `BTC long is kept: ${money(crossCrash.loss)} against ${money(isolatedCrash.loss)} lost.`,
  );
}
console.log('');

// A uniform ladder on the cross book: every price −30 % … +30 %, the whole book moving together.
const ladder = stressAccount(account, prices, uniformLadder('-0.3', '0.3', '0.05'), forcedClose);
console.log('Cross book, every price moved together:');
console.log(renderStressTable(ladder));
const file = join(tmpdir(), 'marginkit-cross-margin-cascade.svg');
writeFileSync(
  file,
  renderStressChart(ladder, { title: 'Cross book: equity and maintenance, uniform moves' }),
);
console.log('');
console.log(`Chart written to ${file}`);
