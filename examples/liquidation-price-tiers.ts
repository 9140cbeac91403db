// How the tier at the liquidation notional changes the liquidation price.
//
// A tiered maintenance requirement depends on the notional, and the notional moves with the price. marginkit
// takes the tier at the notional *at* the liquidation price (Binance FAQ "How to Calculate Liquidation Price of
// USDⓈ-M Futures Contracts": recompute with the bracket the liquidation notional falls in). This example compares
// that answer with two shortcuts, and checks each candidate price against the real schedule.

import {
  createMarginAccount,
  createMarket,
  createPrices,
  Decimal,
  type DecimalInput,
  liquidationPrice,
  type MarginAccount,
  type MarginScheduleInput,
  type Market,
  marginRequirement,
  summarizeAccount,
} from 'marginkit';
import { btcTiers } from './portfolio.js';

const btc: Market = createMarket({
  id: 'BTC-PERP',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  tickSize: '0.1',
  marginSchedule: { type: 'tiered', tiers: btcTiers },
});
if (btc.marginSchedule.type !== 'tiered') throw new Error('expected a tiered schedule');
const tiers = btc.marginSchedule.tiers;

console.log('BTC-PERP maintenance tiers (deductions derived by the library so that MMR is continuous):');
console.log('  tier   notional from   max leverage   maintenance   deduction');
tiers.slice(0, 5).forEach((t, i) => {
  console.log(
    `  #${String(i + 1).padEnd(4)} ${t.notionalFloor.toFixed(0).padStart(14)}   ${`${t.initialFraction.pow(-1).toFixed(0)}×`.padStart(12)}` +
      `   ${`${t.maintenanceFraction.times(100).toFixed(2)}%`.padStart(11)}   ${t.maintenanceDeduction.toFixed(0).padStart(9)}`,
  );
});
console.log(`  … ${tiers.length} tiers in all\n`);

/** One isolated position in a copy of BTC-PERP that uses `schedule`. */
function isolated(
  schedule: MarginScheduleInput,
  size: DecimalInput,
  entry: DecimalInput,
  margin: DecimalInput,
) {
  return createMarginAccount({
    settleAsset: 'USDT',
    markets: [
      {
        id: btc.id,
        kind: btc.kind,
        baseAsset: btc.baseAsset,
        quoteAsset: btc.quoteAsset,
        marginSchedule: schedule,
      },
    ],
    positions: [
      { marketId: btc.id, size, entryPrice: entry, marginMode: 'isolated', isolatedMargin: margin },
    ],
  });
}

/** How the real schedule judges a candidate liquidation price: the pool's equity − MMR there, and the tier. */
function judge(real: MarginAccount, price: Decimal): { surplus: Decimal; tier: number } {
  const there = summarizeAccount(real, createPrices({ markets: { [btc.id]: { mark: price } } }));
  const pool = there.isolated[0];
  const position = there.positions[0];
  if (!pool || !position) throw new Error('expected one isolated position');
  return {
    surplus: pool.equity.minus(pool.maintenanceRequirement),
    tier: (position.requirement.tierIndex ?? 0) + 1,
  };
}

function compare(title: string, size: string, entry: string, margin: string): void {
  const prices = createPrices({ markets: { [btc.id]: { mark: entry } } });
  const real = isolated({ type: 'tiered', tiers: btcTiers }, size, entry, margin);
  const now = marginRequirement(btc, size, entry);

  // marginkit: the tier is the one at the notional at the liquidation price.
  const exact = liquidationPrice(real, prices, btc.id);
  if (exact.kind !== 'price') throw new Error(`expected a liquidation price, got '${exact.kind}'`);

  // Shortcut 1: keep the entry notional's tier (rate and deduction) whatever the price does. A schedule cannot
  // express "tier 3 from notional 0" (its deduction would exceed the maintenance there), so this one is the
  // one-leg closed form from the liquidationPrice docs: p = (s·e − d − M) / (s − |s|·m).
  const s = new Decimal(size);
  const entryTier = s
    .times(entry)
    .minus(now.maintenanceDeduction)
    .minus(margin)
    .div(s.minus(s.abs().times(now.maintenanceFraction)));

  // Shortcut 2: the entry tier's rate with no deduction at all (MMR = notional × rate), through the library.
  const flat = isolated(
    { type: 'flat', initialFraction: now.initialFraction, maintenanceFraction: now.maintenanceFraction },
    size,
    entry,
    margin,
  );
  const noDeduction = liquidationPrice(flat, prices, btc.id);
  if (noDeduction.kind !== 'price')
    throw new Error(`expected a liquidation price, got '${noDeduction.kind}'`);

  console.log(title);
  console.log(
    `  ${size} BTC at ${entry} with ${margin} USDT isolated margin: notional ${now.notional.toFixed(0)}, ` +
      `tier #${(now.tierIndex ?? 0) + 1} (${now.maintenanceFraction.times(100).toFixed(2)}% − ${now.maintenanceDeduction.toFixed(0)})`,
  );
  console.log(
    '  method                                    liq. price   tier there   equity − MMR there (real tiers)',
  );
  const rows: [string, Decimal][] = [
    ['marginkit: tier at the liquidation price', exact.price],
    ['shortcut: entry tier kept', entryTier],
    ['shortcut: entry rate, no deduction', noDeduction.price],
  ];
  for (const [label, price] of rows) {
    const { surplus, tier } = judge(real, price);
    const verdict = surplus.abs().lessThan('1e-20')
      ? 'at maintenance: liquidation starts here'
      : surplus.isNegative()
        ? 'already below maintenance: too late'
        : 'still above maintenance: too early';
    console.log(
      `  ${label.padEnd(40)} ${price.toFixed(2).padStart(10)}   ${`#${tier}`.padStart(10)}   ` +
        `${surplus.toDecimalPlaces(2).abs().isZero() ? '0.00' : surplus.toFixed(2)}`.padStart(8) +
        `  ${verdict}`,
    );
  }
  console.log(
    `  tier at the liquidation price reported by liquidationPrice: #${(exact.tierIndex ?? 0) + 1}\n`,
  );
}

compare('A. Long: the notional falls below its tier’s floor before liquidation.', '5', '60000', '60000');
compare(
  'B. Short: the notional rises past the next tier’s floor before liquidation.',
  '-5',
  '48000',
  '24000',
);
console.log(
  [
    'With derived deductions, maintenance is the largest of the tier lines (notional × rate − deduction), so any',
    'other tier’s line lies below it: keeping the entry tier always understates maintenance and puts the',
    'liquidation price too late, whichever way the price moves. Dropping the deduction overstates maintenance',
    '(too early) unless the notional climbs into a higher tier first.',
  ].join('\n'),
);
