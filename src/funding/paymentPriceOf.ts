import type { Decimal } from '../internal/decimal.js';
import type { Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import type { FundingSchedule } from './FundingSchedule.js';

/** The price a schedule pays on, from a snapshot (an `index` price is the snapshot's oracle price). */
export function paymentPriceOf(prices: Prices, marketId: string, schedule: FundingSchedule): Decimal {
  return priceOf(prices, marketId, schedule.paymentPrice === 'mark' ? 'mark' : 'oracle');
}
