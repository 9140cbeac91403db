// Holding a leveraged perpetual through a macro event: what worst-case funding does to the margin buffer.
//
// "Right before a Fed event or a major token unlock you need to model worst-case funding costs ... because those
// factors are often the killers when a leveraged position moves against you." This program takes a 10× ETH long
// on a venue that pays an 8-hour rate every hour at one eighth, on the oracle price (the Hyperliquid and dYdX v4
// convention), and holds it for the 18 hours until an announcement at 18:00 UTC. Prices are held constant so that
// only funding moves: hour by hour it prints the funding paid, the equity left, the maintenance requirement, the
// buffer between them and where the liquidation price has moved. Then it asks how long funding alone would take
// to liquidate the account, and where the trade breaks even once funding and fees are paid.
//
// The figures are illustrative. The rate cap of 2 % per 8 hours (0.25 % an hour) is chosen for the example;
// Hyperliquid's own cap is 4 % an hour, and the last lines show what that would mean.
//
// Run: npx tsx examples/funding-before-macro-event.ts

import {
  breakEvenPrice,
  createMarginAccount,
  createPrices,
  type Decimal,
  type FundingScenario,
  liquidationPrice,
  priceOf,
  projectFunding,
  summarizeAccount,
  type TimeToLiquidation,
  timeToLiquidation,
  withProjectedFunding,
} from 'marginkit';

const HOUR = 3_600_000;
const START = Date.UTC(2025, 5, 18, 0, 0); // 00:00 UTC; the announcement is at 18:00 UTC
const HOURS_TO_EVENT = 18;
const TAKER_FEE = '0.00045';

const account = createMarginAccount({
  settleAsset: 'USDC',
  markets: [
    {
      id: 'ETH-PERP',
      kind: 'linear',
      baseAsset: 'ETH',
      quoteAsset: 'USDC',
      // up to 25× (initial 4 %), maintenance half of that: 2 %
      marginSchedule: { type: 'flat', initialFraction: '0.04', maintenanceFraction: '0.02' },
      fundingSchedule: {
        intervalMs: HOUR,
        ratePeriodMs: 8 * HOUR,
        paymentPrice: 'oracle',
        // F = P + clamp(0.01 % − P, ±0.05 %), capped at ±2 % per 8 hours
        rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.02' },
      },
    },
  ],
  collateral: [{ asset: 'USDC', amount: 3_000 }],
  // 10 ETH at 3 000: 30 000 notional on 3 000 of collateral, 10×
  positions: [{ id: 'eth-long', marketId: 'ETH-PERP', size: 10, entryPrice: 3_000, marginMode: 'cross' }],
});
const prices = createPrices({ markets: { 'ETH-PERP': { oracle: 3_000, mark: 3_000 } } });

const worstCase: FundingScenario = { kind: 'worst-case' };
// the interest rate alone, 0.01 % per 8 hours: what a quiet market charges
const baseline: FundingScenario = { kind: 'constant', rate: '0.0001' };

const usd = (d: Decimal) => d.toFixed(2);
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const pad = (text: string, width: number) => text.padStart(width);

function liquidationText(atHour: ReturnType<typeof liquidationPrice>): string {
  if (atHour.kind === 'price') return usd(atHour.price);
  return atHour.kind === 'now' ? 'below MMR' : 'none';
}

const position = account.positions[0];
const market = account.markets['ETH-PERP'];
if (!position || !market) throw new Error('the example account is incomplete');

const start = summarizeAccount(account, prices);
const startingBuffer = start.cross.equity.minus(start.cross.maintenanceRequirement);
// The hourly payments at the worst case, on the oracle price the schedule pays on.
const oracle = priceOf(prices, 'ETH-PERP', 'oracle');
const projection = projectFunding(market, position.size, {
  price: oracle,
  fromMs: START,
  toMs: START + HOURS_TO_EVENT * HOUR,
  scenario: worstCase,
});

console.log('10× ETH long held 18 hours into an announcement, worst-case funding (the cap, 2 % per 8 h)');
console.log(
  `notional ${usd(start.cross.notional)} USDC, equity ${usd(start.cross.equity)}, ` +
    `maintenance ${usd(start.cross.maintenanceRequirement)}, buffer ${usd(startingBuffer)}`,
);
console.log('');
console.log(
  [
    pad('hour', 4),
    pad('UTC', 5),
    pad('funding', 9),
    pad('cumulative', 11),
    pad('equity', 9),
    pad('MMR', 8),
    pad('buffer', 9),
    pad('buffer %', 9),
    pad('liq. price', 11),
  ].join('  '),
);
const distances: string[] = [];
for (let hour = 0; hour <= HOURS_TO_EVENT; hour++) {
  const toMs = START + hour * HOUR;
  const later = withProjectedFunding(account, prices, { fromMs: START, toMs, scenario: worstCase });
  const pool = summarizeAccount(later, prices).cross;
  const buffer = pool.equity.minus(pool.maintenanceRequirement);
  const paid = projection.intervals[hour - 1];
  const liquidation = liquidationPrice(later, prices, 'eth-long');
  if ((hour === 0 || hour === HOURS_TO_EVENT) && liquidation.kind === 'price') {
    // how far the price may fall before liquidation, as a share of the price now
    distances.push(`${oracle.minus(liquidation.price).div(oracle).times(100).toFixed(2)} %`);
  }
  console.log(
    [
      pad(String(hour), 4),
      pad(clock(toMs), 5),
      pad(paid ? usd(paid.payment) : '-', 9),
      pad(paid ? usd(paid.cumulative) : '0.00', 11),
      pad(usd(pool.equity), 9),
      pad(usd(pool.maintenanceRequirement), 8),
      pad(usd(buffer), 9),
      pad(`${buffer.div(startingBuffer).times(100).toFixed(1)}%`, 9),
      pad(liquidationText(liquidation), 11),
    ].join('  '),
  );
}

function describeTime(label: string, t: TimeToLiquidation): string {
  if (t.kind === 'never') return `${label}: funding alone never liquidates the account`;
  if (t.kind === 'now') return `${label}: already below maintenance`;
  const hours = t.elapsedMs / HOUR;
  return (
    `${label}: below maintenance at ${new Date(t.time).toISOString().replace('.000', '')} ` +
    `(${hours} h, ${(hours / 24).toFixed(1)} days; equity ${usd(t.equity)} < MMR ${usd(t.maintenanceRequirement)})`
  );
}

console.log('');
console.log(
  `Funding alone moves the liquidation price from ${distances[0]} below the price to ${distances[1]} below it ` +
    'before the announcement.',
);
console.log('');
console.log('Time to liquidation from funding alone, prices unchanged:');
console.log(
  describeTime(
    '  worst case (cap 2 % per 8 h)',
    timeToLiquidation(account, prices, { fromMs: START, scenario: worstCase }),
  ),
);
console.log(
  describeTime(
    '  baseline (0.01 % per 8 h)   ',
    timeToLiquidation(account, prices, { fromMs: START, scenario: baseline }),
  ),
);
// Hyperliquid's own cap, 4 % an hour (32 % per 8 hours), as a constant rate: above this market's cap.
console.log(
  describeTime(
    '  at Hyperliquid’s cap (4 %/h)',
    timeToLiquidation(account, prices, { fromMs: START, scenario: { kind: 'constant', rate: '0.32' } }),
  ),
);

const entryFee = position.size.times(position.entryPrice).times(TAKER_FEE);
const baselineFunding = projectFunding(market, position.size, {
  price: oracle,
  fromMs: START,
  toMs: START + HOURS_TO_EVENT * HOUR,
  scenario: baseline,
}).total;
const breakEven = (funding: Decimal) => {
  const be = breakEvenPrice(market, position, { funding, entryFee, exitFeeRate: TAKER_FEE });
  return be.kind === 'price' ? usd(be.price) : 'never';
};
console.log('');
console.log(
  `Break-even exit price after 18 h, with taker fees of 0.045 % in and out (entry fee ${usd(entryFee)}):`,
);
console.log(`  worst-case funding ${usd(projection.total)}: ${breakEven(projection.total)}`);
console.log(`  baseline funding ${usd(baselineFunding)}: ${breakEven(baselineFunding)}`);
