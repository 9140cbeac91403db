import { createMarginAccount, createPrices, liquidationPrice, summarizeAccount } from 'marginkit';

// 0.5 BTC long from 60,000 on 5,000 USDT of collateral, cross-margined; the mark is now 58,000.
const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [
    {
      id: 'BTC-PERP',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.005' },
    },
  ],
  collateral: [{ asset: 'USDT', amount: '5000' }],
  positions: [{ marketId: 'BTC-PERP', size: '0.5', entryPrice: '60000', marginMode: 'cross' }],
});
const prices = createPrices({ markets: { 'BTC-PERP': { mark: '58000' } } });

const { cross } = summarizeAccount(account, prices);
console.log('equity', cross.equity.toString(), 'MMR', cross.maintenanceRequirement.toString()); // 4000 145
const lp = liquidationPrice(account, prices, 'BTC-PERP');
console.log('liquidation price', lp.kind === 'price' ? lp.price.toFixed(2) : lp.kind); // 50251.26
