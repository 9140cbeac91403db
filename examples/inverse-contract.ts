// Coin-margined (inverse) contracts: PnL and liquidation when the collateral is the coin itself.
//
// An inverse BTCUSD contract is worth a fixed 100 USD, is quoted in USD, and is margined and settled in BTC.
// Its notional in BTC is contracts × 100 / price, so it shrinks as the price rises, and its PnL,
// contracts × 100 × (1/entry − 1/price), is not symmetric in the price move.

import {
  bankruptcyPrice,
  createMarginAccount,
  createMarket,
  createPosition,
  createPrices,
  type DecimalInput,
  liquidationDistance,
  liquidationPrice,
  type Market,
  marginRequirement,
  notional,
  type ThresholdPrice,
  unrealizedPnl,
} from 'marginkit';
import { btcUsdTiers, oneDay } from './portfolio.js';

const btcusd: Market = createMarket({
  id: 'BTCUSD-PERP',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: '100',
  tickSize: '0.1',
  stepSize: '1',
  marginSchedule: { type: 'tiered', tiers: btcUsdTiers },
});
console.log(
  `${btcusd.id}: ${btcusd.kind}, ${btcusd.contractSize.toString()} ${btcusd.quoteAsset} per contract, settled in ${btcusd.settleAsset}\n`,
);

// The Binance COIN-M FAQ example: 100 contracts at a mark of 25,000 are 0.4 BTC of notional; at 0.4 % maintenance
// that is 0.0016 BTC.
const faq = marginRequirement(btcusd, 100, 25_000);
console.log('100 contracts at 25,000 (Binance COIN-M FAQ):');
console.log(`  notional ${faq.notional.toString()} BTC, maintenance ${faq.maintenance.toString()} BTC\n`);

// PnL of 1,000 contracts (100,000 USD) opened at 50,000, long and short, at prices ±20 % around the entry.
const long = createPosition({ marketId: btcusd.id, size: 1000, entryPrice: 50_000, marginMode: 'cross' });
const short = createPosition({ marketId: btcusd.id, size: -1000, entryPrice: 50_000, marginMode: 'cross' });
console.log('1,000 contracts opened at 50,000: PnL in BTC (and its USD value at that price)');
console.log('     price   notional BTC        long PnL BTC (USD)         short PnL BTC (USD)');
for (const price of ['40000', '45000', '50000', '55000', '60000']) {
  const n = notional(btcusd, long.size, price);
  const cells = [long, short].map((p) => {
    const pnl = unrealizedPnl(btcusd, p, price);
    return `${pnl.toFixed(6).padStart(10)} (${pnl.times(price).toFixed(2).padStart(10)})`;
  });
  console.log(`  ${price.padStart(8)}   ${n.toFixed(6).padStart(12)}   ${cells.join('    ')}`);
}
const fall = unrealizedPnl(btcusd, long, 40_000);
const rise = unrealizedPnl(btcusd, long, 60_000);
console.log(
  `  The long loses ${fall.abs().toFixed(6)} BTC when the price falls 20 % and gains only ${rise.toFixed(6)} BTC ` +
    'when it rises 20 %;\n  in USD the PnL is symmetric: the contract is a fixed USD amount.\n',
);

/** One cross position of `size` contracts at `entry` on `collateral` BTC, priced at `mark`. */
function liquidation(label: string, size: DecimalInput, entry: DecimalInput, collateral: DecimalInput) {
  const account = createMarginAccount({
    settleAsset: 'BTC',
    markets: [btcusd],
    collateral: [{ asset: 'BTC', amount: collateral }],
    positions: [{ marketId: btcusd.id, size, entryPrice: entry, marginMode: 'cross' }],
  });
  const prices = createPrices({ markets: { [btcusd.id]: { mark: entry } } });
  const lp = liquidationPrice(account, prices, btcusd.id);
  const bp = bankruptcyPrice(account, prices, btcusd.id);
  const distance = liquidationDistance(lp, { volatility: '0.55', horizon: oneDay });
  const show = (r: ThresholdPrice): string => {
    if (r.kind === 'price') return `${r.price.toFixed(1)} (${r.direction})`;
    return r.kind === 'never' ? 'none: no positive price reaches it' : 'NOW';
  };
  console.log(label);
  console.log(
    `  liquidation price  ${show(lp)}${lp.kind === 'price' ? `, tier #${(lp.tierIndex ?? 0) + 1}` : ''}`,
  );
  if (distance.kind === 'distance') {
    console.log(
      `  distance           ${distance.fraction.times(100).toFixed(2)}% (${distance.sigmas?.toFixed(2) ?? '-'}σ over a day at 55 % a year)`,
    );
  }
  console.log(`  bankruptcy price   ${show(bp)}`);
}

liquidation('Long 1,000 contracts at 50,000 on 0.5 BTC (4× the collateral):', 1000, 50_000, '0.5');
liquidation('Short 1,000 contracts at 50,000 on 0.5 BTC:', -1000, 50_000, '0.5');
liquidation(
  'Long 1,000 contracts at 50,000 on 2 BTC (1×: the coin collateral falls with the price):',
  1000,
  50_000,
  2,
);
liquidation(
  'Short 1,000 contracts at 50,000 on 2 BTC (1×: a hedge of the collateral, never liquidated):',
  -1000,
  50_000,
  2,
);
