import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkChoice, checkObject, checkOptions, checkText } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { quoteInput } from '../../internal/quoteInput.js';
import { type Book, type Held, readAccount } from './accountMargin.js';
import type { OrderlyAccount, OrderlyMarket } from './OrderlyMarket.js';
import { mmrOf, resolveMarket } from './terms.js';

/**
 * A new order applied before the liquidation price is computed (a pre-trade preview).
 * @category Venue: Orderly
 */
export interface OrderlyOrderPreview {
  /** Signed quantity of the order (buy > 0). */
  readonly qty: DecimalInput;
  /** Expected fill price. */
  readonly price: DecimalInput;
  /** Fee of the order, USDC; default 0. */
  readonly fee?: DecimalInput;
}

/**
 * Options of {@link orderlyLiquidationPrice}.
 * @category Venue: Orderly
 */
export interface OrderlyLiquidationOptions {
  /**
   * `'exact'` (default): the mark price at which collateral equals maintenance margin, with this symbol's MMR
   * following its notional (the `(4/5)` size term) and the other positions held at their marks.
   * `'estimate'`: Orderly's own linear estimate (its docs and the perp SDK's `liqPrice` / `estLiqPrice` seed), the
   * MMR held at its value at the current notional (or, with an `order`, at the post-trade notional).
   */
  readonly convention?: 'exact' | 'estimate';
  /** A new order in the symbol, filled before the price is computed. */
  readonly order?: OrderlyOrderPreview;
}

/**
 * Result of {@link orderlyLiquidationPrice}: a mark price in USDC, `never` (no positive price liquidates, or no
 * position), or `now` (collateral already below maintenance margin).
 * @category Venue: Orderly
 */
export type OrderlyLiquidationPrice =
  | {
      readonly kind: 'price';
      readonly price: Decimal;
      /** `'down'` for a long, `'up'` for a short. */
      readonly direction: 'down' | 'up';
      /** This symbol's MMR at the price. */
      readonly mmr: Decimal;
    }
  | { readonly kind: 'never' }
  | { readonly kind: 'now'; readonly totalCollateral: Decimal; readonly maintenanceMargin: Decimal };

/**
 * The liquidation price of one Orderly position, the rest of the account held at its marks. With
 * `C = TC − q·m − MM_others` (the collateral at price p is `C + q·p`):
 *
 * - `'exact'`: the root of `C + q·p = |q|·p·MMR(|q|·p)` nearest the mark on the losing side, with
 *   `MMR(N) = max(baseMMR, baseMMR/baseIMR · factor · N^(4/5))`: linear where the base MMR applies, and solved by
 *   bisection on the (4/5)-power branch to 40 significant digits;
 * - `'estimate'`: Orderly's formula `max(m + (TC − |q|·m·MMR − MM_others) / (|q|·MMR − q), 0)` with the MMR at
 *   the current notional (docs, "Formulas and Definitions"; perp SDK `positions.ts`). With an `order`, as the SDK's
 *   pre-trade `estLiqPrice`: quantity `q + Δq`, fee subtracted, the MMR at the post-trade notional `|q·m + Δq·P|`,
 *   and the old MMR on the maintenance margin of the combined notional; the SDK raises the whole product
 *   `baseMMR/baseIMR · factor · N` to 4/5 there, while its docs raise only `N`: the model follows the docs.
 *
 * A long whose size term grows fast enough can also liquidate again at a far higher price; the exact convention
 * reports the price below the mark only. Source: Orderly docs (orderly.network/docs, "Formulas and Definitions",
 * "Margin, Leverage and PnL", "Liquidations"); OrderlyNetwork/js-sdk `packages/perp/src/positions.ts`, `order.ts`.
 *
 * @param account - USDC balance and positions.
 * @param markets - terms by symbol.
 * @param symbol - the position's symbol.
 * @param options - `convention`, `order`.
 * @throws {@link InvalidArgumentError} for malformed input, or a symbol with neither a position nor an order.
 * @example
 * ```ts
 * import { orderlyLiquidationPrice } from 'marginkit';
 * const markets = { PERP_ETH_USDC: { baseImr: '0.1', baseMmr: '0.05', imrFactor: '0' } };
 * // $1 000, long 2 ETH at $2 000 (mark $2 000): C = 1 000 − 4 000 = −3 000; p = −3 000 / (2 · 0.05 − 2) = $1 578.947368…
 * const lp = orderlyLiquidationPrice({ usdcBalance: 1000, positions: [{ symbol: 'PERP_ETH_USDC', qty: 2, markPrice: 2000, costPosition: 4000 }] }, markets, 'PERP_ETH_USDC');
 * lp.kind === 'price' && lp.price.toFixed(6); // => '1578.947368'
 * ```
 * @category Venue: Orderly
 */
export function orderlyLiquidationPrice(
  account: OrderlyAccount,
  markets: Readonly<Record<string, OrderlyMarket>>,
  symbol: string,
  options: OrderlyLiquidationOptions = {},
): OrderlyLiquidationPrice {
  checkText(symbol, 'symbol');
  checkOptions(options);
  const convention = options.convention ?? 'exact';
  checkChoice(convention, 'convention', ['exact', 'estimate']);
  const book = readAccount(account, markets);
  const held = book.positions.find((p) => p.symbol === symbol);
  const order = options.order === undefined ? undefined : readOrder(options.order);
  if (held === undefined && order === undefined) {
    throw new InvalidArgumentError('UNKNOWN_POSITION', `no position in ${quoteInput(symbol)}`, ['symbol']);
  }
  if (held === undefined && !Object.hasOwn(markets, symbol)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `no market ${quoteInput(symbol)} in the markets given`,
      ['symbol'],
    );
  }
  const base = held ?? {
    symbol,
    qty: new Decimal(0),
    markPrice: order?.price ?? new Decimal(1),
    costPosition: new Decimal(0),
    terms: termsOf(markets, symbol),
  };
  return convention === 'estimate'
    ? estimate(book, base, held !== undefined, order)
    : exact(book, base, order);
}

function termsOf(markets: Readonly<Record<string, OrderlyMarket>>, symbol: string): Held['terms'] {
  return resolveMarket(markets[symbol] as OrderlyMarket, ['markets', symbol]);
}

interface Order {
  readonly qty: Decimal;
  readonly price: Decimal;
  readonly fee: Decimal;
}

function readOrder(order: OrderlyOrderPreview): Order {
  checkObject(order, 'options.order');
  const price = decimalArg(order.price, 'options.order.price', ['options', 'order', 'price']);
  if (!price.isPositive() || price.isZero()) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be > 0', ['options', 'order', 'price']);
  }
  return {
    qty: decimalArg(order.qty, 'options.order.qty', ['options', 'order', 'qty']),
    price,
    fee: decimalArg(order.fee ?? 0, 'options.order.fee', ['options', 'order', 'fee']),
  };
}

/** Collateral and maintenance margin of every other position, at their marks. */
function others(book: Book, symbol: string): { collateral: Decimal; maintenance: Decimal } {
  let collateral = book.usdcBalance;
  let maintenance = new Decimal(0);
  for (const p of book.positions) {
    if (p.symbol === symbol) continue;
    const notional = p.qty.times(p.markPrice).abs();
    collateral = collateral.plus(p.qty.times(p.markPrice)).minus(p.costPosition);
    maintenance = maintenance.plus(notional.times(mmrOf(p.terms, notional)));
  }
  return { collateral, maintenance };
}

function exact(book: Book, held: Held, order: Order | undefined): OrderlyLiquidationPrice {
  const rest = others(book, held.symbol);
  // After the order: quantity q, cost = cost + Δq·P + fee; the collateral at price p is C + q·p.
  const q = order ? held.qty.plus(order.qty) : held.qty;
  const cost = order
    ? held.costPosition.plus(order.qty.times(order.price)).plus(order.fee)
    : held.costPosition;
  const c = rest.collateral.minus(cost).minus(rest.maintenance);
  const t = held.terms;
  const m = held.markPrice;
  const gap = (p: Decimal) => {
    const notional = q.times(p).abs();
    return c.plus(q.times(p)).minus(notional.times(mmrOf(t, notional)));
  };
  const atMark = gap(m);
  if (atMark.isNegative() && !atMark.isZero()) {
    const notional = q.times(m).abs();
    return {
      kind: 'now',
      totalCollateral: c.plus(rest.maintenance).plus(q.times(m)),
      maintenanceMargin: rest.maintenance.plus(notional.times(mmrOf(t, notional))),
    };
  }
  if (q.isZero()) return { kind: 'never' };
  const absQ = q.abs();
  // Notional where the size term overtakes the base MMR: k·N^(4/5) = baseMMR, k = baseMMR/baseIMR·factor.
  const k = t.baseMmr.div(t.baseImr).times(t.imrFactor);
  const switchPrice = k.isZero() || t.baseMmr.isZero() ? undefined : t.baseMmr.div(k).pow('1.25').div(absQ);
  const linear = c.div(absQ.times(t.baseMmr).minus(q)); // root with MMR = baseMMR
  const long = q.isPositive();
  let price: Decimal | undefined;
  if (long) {
    if (switchPrice !== undefined && m.greaterThan(switchPrice) && gap(switchPrice).isNegative()) {
      price = bisect(gap, switchPrice, m, true);
    } else {
      price = linear.isPositive() && !linear.isZero() ? linear : undefined;
    }
  } else if (switchPrice === undefined || linear.lessThanOrEqualTo(switchPrice)) {
    price = linear;
  } else {
    let lo = Decimal.max(switchPrice, m);
    let hi = lo.times(2);
    while (!gap(hi).isNegative()) {
      lo = hi;
      hi = hi.times(2);
    }
    price = bisect(gap, lo, hi, false);
  }
  if (price === undefined) return { kind: 'never' };
  const notional = q.times(price).abs();
  return { kind: 'price', price, direction: long ? 'down' : 'up', mmr: mmrOf(t, notional) };
}

/** The root of `gap` in [lo, hi], where it rises (`rising`) or falls through zero, to 40 significant digits. */
function bisect(gap: (p: Decimal) => Decimal, lo: Decimal, hi: Decimal, rising: boolean): Decimal {
  let a = lo;
  let b = hi;
  // 140 halvings narrow any bracket of the library's magnitudes below one unit of the 40th digit.
  for (let i = 0; i < 140; i++) {
    const mid = a.plus(b).div(2);
    if (mid.equals(a) || mid.equals(b)) break;
    const below = gap(mid).isNegative();
    if (below === rising) a = mid;
    else b = mid;
  }
  // The safe side: the price at which the account is already at (or below) maintenance.
  return rising ? b : a;
}

function estimate(
  book: Book,
  held: Held,
  hasPosition: boolean,
  order: Order | undefined,
): OrderlyLiquidationPrice {
  const rest = others(book, held.symbol);
  const t = held.terms;
  const m = held.markPrice;
  const positionNotional = held.qty.times(m);
  const currentMmr = mmrOf(t, positionNotional.abs());
  let tc = rest.collateral.plus(positionNotional).minus(held.costPosition);
  let maintenance = rest.maintenance;
  let q = held.qty;
  let mmr = currentMmr;
  let basePrice = m;
  if (order === undefined) {
    maintenance = maintenance.plus(positionNotional.abs().times(currentMmr));
  } else {
    const combined = positionNotional.plus(order.qty.times(order.price));
    // The SDK counts the combined notional at the position's current MMR (the base MMR with no position) …
    maintenance = maintenance.plus(combined.abs().times(hasPosition ? currentMmr : t.baseMmr));
    // … and solves with the MMR of the combined notional.
    mmr = mmrOf(t, combined.abs());
    q = q.plus(order.qty);
    tc = tc.minus(order.fee);
    if (!hasPosition) basePrice = order.price;
  }
  if (tc.lessThan(maintenance)) return { kind: 'now', totalCollateral: tc, maintenanceMargin: maintenance };
  if (q.isZero()) return { kind: 'never' };
  const denominator = q.abs().times(mmr).minus(q);
  if (denominator.isZero()) return { kind: 'never' };
  const price = basePrice.plus(tc.minus(maintenance).div(denominator));
  if (!price.isPositive() || price.isZero()) return { kind: 'never' };
  return { kind: 'price', price, direction: q.isPositive() ? 'down' : 'up', mmr };
}
