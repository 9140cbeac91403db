// The trader notes' option lesson: "a short-dated option leg moved violently and because my collateral was shared,
// the whole book took hits and I nearly lost a position I otherwise would have kept."
//
// One USDC account holds a hedged perpetual book (long BTC, short the same notional of ETH) and sells two BTC calls
// expiring in two days. Then BTC and ETH jump 12 % within a day and implied volatility rises by 80 % (55 % → 99 %).
// In one cross pool the short calls' loss and their standard margin (Deribit's: 7.5 % of the underlying plus the
// option's mark, per short call) pull the whole pool under maintenance, so the venue may close the hedged pair too.
// With the calls isolated on part of the same collateral, only the option pool fails; the pair survives.
// Along the path to the jump (cascadeWithOptions, compareOptionLayouts) the order of failures and closes is traced in
// each layout: a venue closing the cross pool one position at a time closes the calls first and keeps the pair; one
// closing it whole loses the pair with them; isolated calls fail far earlier, for a smaller loss.
//
// Option marks are Black-76 from the perpetual's price; the figures are illustrative.
//
// Run: npx tsx examples/option-cascade.ts

import {
  cascadeWithOptions,
  compareOptionLayouts,
  createMarginAccount,
  createOptionBook,
  createPrices,
  type Decimal,
  liquidationMoveWithOptions,
  type MarginAccount,
  type OptionAccountSummary,
  type OptionBook,
  type OptionCascadeResult,
  type OptionLiquidationMove,
  type OptionPositionInput,
  type PoolSummary,
  stressWithOptions,
  summarizeWithOptions,
} from 'marginkit';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 11, 4, 8);
const expiry = now + 48 * HOUR;
const collateral = 40_000;
const optionMargin = 20_000;

const flat = (initialFraction: string, maintenanceFraction: string) =>
  ({ type: 'flat', initialFraction, maintenanceFraction }) as const;

function account(crossCollateral: number): MarginAccount {
  return createMarginAccount({
    settleAsset: 'USDC',
    markets: [
      {
        id: 'BTC-PERP',
        kind: 'linear',
        baseAsset: 'BTC',
        quoteAsset: 'USDC',
        marginSchedule: flat('0.02', '0.01'),
      },
      {
        id: 'ETH-PERP',
        kind: 'linear',
        baseAsset: 'ETH',
        quoteAsset: 'USDC',
        marginSchedule: flat('0.04', '0.02'),
      },
    ],
    collateral: [{ asset: 'USDC', amount: crossCollateral }],
    positions: [
      { marketId: 'BTC-PERP', size: 1, entryPrice: 100_000, marginMode: 'cross' },
      { marketId: 'ETH-PERP', size: -25, entryPrice: 4000, marginMode: 'cross' },
    ],
  });
}

function book(
  owner: MarginAccount,
  leg: Pick<OptionPositionInput, 'marginMode' | 'isolatedMargin'>,
): OptionBook {
  return createOptionBook(
    {
      markets: [
        { id: 'BTC-6DEC-105000-C', optionType: 'call', strike: 105_000, expiry, underlying: 'BTC-PERP' },
      ],
      positions: [{ marketId: 'BTC-6DEC-105000-C', size: -2, entryPrice: 300, ...leg }],
    },
    owner,
  );
}

// The same collateral, two layouts: everything cross, or the calls isolated on 20 000 of the 40 000.
const crossAccount = account(collateral);
const crossBook = book(crossAccount, { marginMode: 'cross' });
const splitAccount = account(collateral - optionMargin);
const splitBook = book(splitAccount, { marginMode: 'isolated', isolatedMargin: optionMargin });

const prices = createPrices({ markets: { 'BTC-PERP': { mark: 100_000 }, 'ETH-PERP': { mark: 4000 } } });
const valuation = { nowMs: now, volatilities: { 'BTC-6DEC-105000-C': '0.55' } };
const shock = { move: '0.12', volMove: '0.8', horizonMs: 24 * HOUR };

const usd = (d: Decimal) => d.toFixed(0).padStart(8);
const poolLine = (name: string, p: PoolSummary) =>
  `  ${name.padEnd(20)} equity ${usd(p.equity)}  MMR ${usd(p.maintenanceRequirement)}  ${
    p.liquidatable ? 'LIQUIDATABLE' : 'healthy'
  }`;

function pools(s: OptionAccountSummary): string[] {
  return [poolLine('cross', s.cross), ...s.isolated.map((p) => poolLine(`isolated ${p.positionId}`, p))];
}

function threshold(m: OptionLiquidationMove): string {
  if (m.kind === 'now') return 'already liquidatable';
  if (m.kind === 'never') return `not within +${m.maxMove.times(100).toFixed(0)} %`;
  return `+${m.move.times(100).toFixed(2)} %${m.price ? ` (BTC ${m.price.toFixed(0)})` : ''}`;
}

const layouts = [
  { name: 'all cross', owner: crossAccount, legs: crossBook },
  { name: 'calls isolated', owner: splitAccount, legs: splitBook },
] as const;

for (const { name, owner, legs } of layouts) {
  const start = summarizeWithOptions(owner, legs, prices, valuation);
  const leg = start.options[0];
  console.log(`== ${name} ==`);
  console.log(`today: short 2 calls marked ${leg?.markPrice.toFixed(2)} each (Black-76, σ 55 %, 2 days)`);
  for (const line of pools(start)) console.log(line);
  const [after] = stressWithOptions(owner, legs, prices, valuation, [{ name: 'jump', ...shock }]);
  if (!after) throw new Error('no scenario result');
  const call = after.summary.options[0];
  console.log(`after +12 %, vol ×1.8, one day later: calls marked ${call?.markPrice.toFixed(2)} each`);
  for (const line of pools(after.summary)) console.log(line);
  const failed = after.summary.liquidatable;
  console.log(
    failed.includes('cross')
      ? 'cross pool under maintenance: the hedged BTC/ETH pair can be closed with the calls'
      : `cross pool survives: the hedged pair is kept (failed pools: ${failed.join(', ')})`,
  );
  // The move (with the same vol shock and day) at which the cross pool fails, and BTC's liquidation price alone.
  const cross = liquidationMoveWithOptions(owner, legs, prices, valuation, {
    direction: 'up',
    volMove: shock.volMove,
    horizonMs: shock.horizonMs,
  });
  const btcOnly = liquidationMoveWithOptions(owner, legs, prices, valuation, {
    direction: 'up',
    market: 'BTC-PERP',
    volMove: shock.volMove,
    horizonMs: shock.horizonMs,
  });
  console.log(`cross pool fails at a market-wide move of ${threshold(cross)}`);
  console.log(`cross pool fails when BTC alone rises ${threshold(btcOnly)}`);
  for (const pool of after.summary.isolated) {
    const own = liquidationMoveWithOptions(owner, legs, prices, valuation, {
      direction: 'up',
      pool: pool.positionId,
      volMove: shock.volMove,
      horizonMs: shock.horizonMs,
    });
    console.log(
      `isolated ${pool.positionId} fails at a market-wide move of ${threshold(own)}; it can lose its ${usd(pool.collateralValue).trim()} margin, no more`,
    );
  }
  console.log('');
}

// The cascade along the path to the jump (price, volatility and clock moving together): which pool fails first and
// what is closed, in order — perpetuals and option legs alike — under each layout of the same positions and cash.
console.log('== the cascade along the path to the jump ==');
const outcomes = compareOptionLayouts(
  crossAccount,
  crossBook,
  prices,
  valuation,
  [{ name: 'jump', ...shock }],
  {
    split: { 'BTC-6DEC-105000-C': optionMargin },
  },
);
const describe = (result: OptionCascadeResult) => {
  const closes = result.events.map(
    (e) => `${e.positionId} (${e.pool} pool, ${e.at.times(100).toFixed(1)} % of the way)`,
  );
  return `closes ${closes.length === 0 ? 'nothing' : closes.join(', then ')}; keeps ${
    result.survivors.length === 0 ? 'nothing' : result.survivors.join(', ')
  }; loss ${result.loss.toFixed(0)}`;
};
for (const outcome of outcomes) {
  const result = outcome.results[0];
  if (!result) throw new Error('no cascade result');
  console.log(`${outcome.layout.padEnd(8)} ${describe(result)}`);
}
// A venue that closes a failing cross pool whole takes the hedged pair down with the calls.
const [whole] = cascadeWithOptions(crossAccount, crossBook, prices, valuation, [{ name: 'jump', ...shock }], {
  crossLiquidation: 'whole-pool',
});
if (!whole) throw new Error('no cascade result');
console.log(`cross, whole-pool liquidation: ${describe(whole)}`);
