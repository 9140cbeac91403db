// A small USDC book shared by the option-leg tests: BTC and ETH perpetuals, one BTC call and one BTC put.
import {
  createMarginAccount,
  createOptionBook,
  createPrices,
  type MarginAccount,
  type OptionBookInput,
} from '../../src/index.js';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 11, 4, 8);

export function usdcAccount(positions: Parameters<typeof createMarginAccount>[0]['positions'] = []) {
  return createMarginAccount({
    settleAsset: 'USDC',
    markets: [
      {
        id: 'BTC-PERP',
        kind: 'linear',
        baseAsset: 'BTC',
        quoteAsset: 'USDC',
        marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
      },
      {
        id: 'ETH-PERP',
        kind: 'linear',
        baseAsset: 'ETH',
        quoteAsset: 'USDC',
        marginSchedule: { type: 'flat', initialFraction: '0.04', maintenanceFraction: '0.02' },
      },
    ],
    collateral: [{ asset: 'USDC', amount: 30_000 }],
    positions,
  });
}

export const optionMarkets: OptionBookInput['markets'] = [
  { id: 'BTC-C-110K', optionType: 'call', strike: 110_000, expiry: NOW + 2 * DAY, underlying: 'BTC-PERP' },
  { id: 'BTC-P-90K', optionType: 'put', strike: 90_000, expiry: NOW + 7 * DAY, underlying: 'BTC-PERP' },
];

export function bookOf(account: MarginAccount, positions: OptionBookInput['positions']) {
  return createOptionBook({ markets: optionMarkets, positions }, account);
}

export const startPrices = () =>
  createPrices({ markets: { 'BTC-PERP': { mark: 100_000 }, 'ETH-PERP': { mark: 4000 } } });

/** The value, which the test knows is there. */
export function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing test value');
  return value;
}
