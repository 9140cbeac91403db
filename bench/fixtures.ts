// A realistic 10-position cross account on tiered (bracket) schedules, as a venue's API would send it: strings.
import type { MarginAccountInput, MarketInput, PricesInput } from '../src/index.js';

/** Bracket ladder shared by every market: notional floors (USDT) with their IMF and MMF. */
export const BRACKETS = [
  { notionalFloor: '0', initialFraction: '0.01', maintenanceFraction: '0.005' },
  { notionalFloor: '50000', initialFraction: '0.02', maintenanceFraction: '0.01' },
  { notionalFloor: '250000', initialFraction: '0.05', maintenanceFraction: '0.025' },
  { notionalFloor: '1000000', initialFraction: '0.1', maintenanceFraction: '0.05' },
  { notionalFloor: '5000000', initialFraction: '0.2', maintenanceFraction: '0.1' },
] as const;

/** Symbol, mark price, entry price, signed size. */
export const BOOK = [
  ['BTC', '97312.5', '94850.1', '3.25'],
  ['ETH', '3612.37', '3711.2', '-41.8'],
  ['SOL', '191.045', '176.32', '820'],
  ['BNB', '648.9', '655.35', '-96.5'],
  ['XRP', '2.3187', '2.2514', '61250'],
  ['DOGE', '0.38214', '0.40117', '-412000'],
  ['ADA', '1.0532', '0.9871', '88400'],
  ['AVAX', '42.113', '44.87', '-2150'],
  ['LINK', '24.061', '22.914', '5180'],
  ['DOT', '8.5127', '8.9412', '-9730'],
] as const;

export const COLLATERAL = '185000';

/** Collateral of the thin variant used by stress runs: enough for today, not for a large move. */
export const THIN_COLLATERAL = '25000';

export function marketInputs(): MarketInput[] {
  return BOOK.map(([sym]) => ({
    id: `${sym}-PERP`,
    kind: 'linear' as const,
    baseAsset: sym,
    quoteAsset: 'USDT',
    marginSchedule: { type: 'tiered' as const, tiers: BRACKETS.map((t) => ({ ...t })) },
  }));
}

export function accountInput(
  markets: MarginAccountInput['markets'] = marketInputs(),
  collateral: string = COLLATERAL,
): MarginAccountInput {
  return {
    settleAsset: 'USDT',
    markets,
    collateral: [{ asset: 'USDT', amount: collateral }],
    positions: BOOK.map(([sym, , entry, size]) => ({
      marketId: `${sym}-PERP`,
      size,
      entryPrice: entry,
      marginMode: 'cross' as const,
    })),
  };
}

export function pricesInput(): PricesInput {
  return { markets: Object.fromEntries(BOOK.map(([sym, mark]) => [`${sym}-PERP`, { mark }])) };
}
