import type { LiquidationDistance, ThresholdPrice } from 'marginkit';
import { fixed, signedPercent } from './format.js';

/** A liquidation or bankruptcy price as shown: the price, 'none' when no positive price reaches it, or `nowText`. */
export function thresholdCell(result: ThresholdPrice, dp: number, nowText: string): string {
  if (result.kind === 'price') return fixed(result.price, dp);
  if (result.kind === 'never') return 'none';
  return nowText;
}

/** A distance as a signed percentage of the current price, or '-'. */
export function distanceCell(distance: LiquidationDistance): string {
  return distance.kind === 'distance' ? signedPercent(distance.fraction) : '-';
}
