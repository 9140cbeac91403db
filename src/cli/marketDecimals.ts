import type { Market } from 'marginkit';

/** Decimals of a market's prices, from its tick size. */
export function priceDecimals(market: Market): number {
  return market.tickSize ? market.tickSize.decimalPlaces() : 2;
}

/** Decimals of a market's sizes, from its step size. */
export function sizeDecimals(market: Market): number {
  return market.stepSize ? market.stepSize.decimalPlaces() : 4;
}
