import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { BybitPositionTerms, BybitPriceLevel } from './BybitPositionTerms.js';
import { bankruptcyValue, rate, readTerms } from './terms.js';

/**
 * Result of {@link bybitOrderCost}; amounts in the settle coin.
 * @category Venue: Bybit
 */
export interface BybitOrderCost {
  /** `value(order price) / L`. */
  readonly initialMargin: Decimal;
  /** Taker fee to open: `value(order price) · t`. */
  readonly openFee: Decimal;
  /** Bankruptcy price of the new position, `EP·(1 ∓ 1/L)` (linear) or `N/(N/EP ± IM)` (inverse). */
  readonly bankruptcyPrice: BybitPriceLevel;
  /** Taker fee to close at the bankruptcy price: `value(BP) · t`. */
  readonly closeFee: Decimal;
  /** `initialMargin + openFee + closeFee`. */
  readonly total: Decimal;
}

/**
 * Order cost of opening a Bybit position: initial margin plus the taker fee to open plus the taker fee to close at
 * the bankruptcy price (Bybit "Order Cost" text, copied at mobie.io "How much is the commission fee of USDT
 * perpetual contract on Bybit": 1 BTC long at 10,000, 50×, 0.075 % → 200 + 7.5 + 7.35 = 214.85 USDT).
 *
 * The terms' `entryPrice` is the order price; `extraMargin` is not used.
 *
 * @param terms - the order as a position (size, order price, leverage).
 * @param takerFeeRate - taker fee rate, a fraction in [0, 1).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad field.
 * @example
 * ```ts
 * import { bybitOrderCost } from 'marginkit';
 * bybitOrderCost({ kind: 'linear', size: 1, entryPrice: 10_000, leverage: 50 }, '0.00075').total.toString(); // => '214.85'
 * ```
 * @category Venue: Bybit
 */
export function bybitOrderCost(terms: BybitPositionTerms, takerFeeRate: DecimalInput): BybitOrderCost {
  checkObject(terms, 'terms');
  const t = readTerms(terms);
  const fee = rate(takerFeeRate, ['takerFeeRate']);
  const atBankruptcy = bankruptcyValue(t);
  const openFee = t.entryValue.times(fee);
  const closeFee = atBankruptcy.times(fee);
  let bankruptcyPrice: BybitPriceLevel = { kind: 'never' };
  if (!atBankruptcy.isZero()) {
    bankruptcyPrice = {
      kind: 'price',
      price: t.kind === 'linear' ? atBankruptcy.div(t.abs) : t.abs.div(atBankruptcy),
      direction: t.sign.isPositive() ? 'down' : 'up',
    };
  }
  return {
    initialMargin: t.initialMargin,
    openFee,
    bankruptcyPrice,
    closeFee,
    total: t.initialMargin.plus(openFee).plus(closeFee),
  };
}
