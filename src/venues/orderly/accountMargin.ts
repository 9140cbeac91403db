import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject, checkObjectList, checkOptions, checkText } from '../../internal/argumentShape.js';
import { Decimal } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { quoteInput } from '../../internal/quoteInput.js';
import type { OrderlyImrOptions } from './initialMarginRatio.js';
import type { OrderlyAccount, OrderlyMarket } from './OrderlyMarket.js';
import { imrOf, leverageArg, mmrOf, resolveMarket, type Terms } from './terms.js';

/**
 * One position's terms in {@link OrderlyAccountMargin} (USDC, fractions).
 * @category Venue: Orderly
 */
export interface OrderlyPositionMargin {
  /** The symbol. */
  readonly symbol: string;
  /** Signed quantity. */
  readonly qty: Decimal;
  /** Mark price. */
  readonly markPrice: Decimal;
  /** `|qty · mark|`. */
  readonly notional: Decimal;
  /** `qty · mark − costPosition`. */
  readonly unsettledPnl: Decimal;
  /** IMR at the notional ({@link orderlyInitialMarginRatio}). */
  readonly imr: Decimal;
  /** MMR at the notional ({@link orderlyMaintenanceMarginRatio}). */
  readonly mmr: Decimal;
  /** `notional · IMR`. */
  readonly initialMargin: Decimal;
  /** `notional · MMR`. */
  readonly maintenanceMargin: Decimal;
}

/**
 * Result of {@link orderlyAccountMargin}.
 * @category Venue: Orderly
 */
export interface OrderlyAccountMargin {
  /** `usdcBalance + Σ unsettled PnL` (open orders not counted). */
  readonly totalCollateral: Decimal;
  /** `Σ |notional|`. */
  readonly totalNotional: Decimal;
  /** `totalCollateral / totalNotional`; 10 (1 000 %) with no position, as Orderly reports it. */
  readonly marginRatio: Decimal;
  /** `Σ initial margin / totalNotional` (the notional-weighted IMR); 0 with no position. */
  readonly initialMarginRatio: Decimal;
  /** `Σ maintenance margin / totalNotional`; 0 with no position. */
  readonly maintenanceMarginRatio: Decimal;
  /** `Σ |N_i| · IMR_i`. */
  readonly initialMargin: Decimal;
  /** `Σ |N_i| · MMR_i`. */
  readonly maintenanceMargin: Decimal;
  /** `totalCollateral − initialMargin` (open orders not counted). */
  readonly freeCollateral: Decimal;
  /** Liquidation trigger: `marginRatio < maintenanceMarginRatio`, i.e. `totalCollateral < maintenanceMargin`. */
  readonly liquidatable: boolean;
  /** Per position, in the order given. */
  readonly positions: readonly OrderlyPositionMargin[];
}

/**
 * Orderly's account margin (cross): total collateral, the account margin ratio, the notional-weighted IMR and MMR,
 * and the liquidation trigger, as its docs define them:
 *
 * - `TC = USDC balance + Σ (qty · mark − cost_position)`; `N_i = |qty_i · mark_i|`;
 * - `margin ratio = TC / Σ N_i`; `IMR = Σ N_i · IMR_i / Σ N_i`; `MMR = Σ N_i · MMR_i / Σ N_i`;
 * - liquidated when the margin ratio falls below the MMR.
 *
 * Not modelled: pending orders (the `_with_orders` ratios) and non-USDC collateral.
 * Source: Orderly docs, "Formulas and Definitions" and "Liquidations"
 * (orderly.network/docs/introduction/trade-on-orderly/perpetual-futures/).
 *
 * @param account - USDC balance and positions.
 * @param markets - the terms of every symbol held, by symbol.
 * @param options - `maxAccountLeverage` (raises IMR).
 * @throws {@link InvalidArgumentError} for a malformed field (with its path), a symbol held twice or a symbol with
 *   no market.
 * @example
 * ```ts
 * import { orderlyAccountMargin } from 'marginkit';
 * const markets = { PERP_ETH_USDC: { baseImr: '0.1', baseMmr: '0.05', imrFactor: '0' } };
 * // $1 000 USDC, long 2 ETH bought at $2 000, mark $1 900: TC = 800, notional 3 800
 * const m = orderlyAccountMargin({ usdcBalance: 1000, positions: [{ symbol: 'PERP_ETH_USDC', qty: 2, markPrice: 1900, costPosition: 4000 }] }, markets);
 * [m.totalCollateral.toString(), m.maintenanceMargin.toString(), m.liquidatable]; // => ['800', '190', false]
 * ```
 * @category Venue: Orderly
 */
export function orderlyAccountMargin(
  account: OrderlyAccount,
  markets: Readonly<Record<string, OrderlyMarket>>,
  options: OrderlyImrOptions = {},
): OrderlyAccountMargin {
  checkOptions(options);
  const book = readAccount(account, markets);
  return marginOf(book, leverageArg(options.maxAccountLeverage));
}

/** One checked position with its market terms. */
export interface Held {
  readonly symbol: string;
  readonly qty: Decimal;
  readonly markPrice: Decimal;
  readonly costPosition: Decimal;
  readonly terms: Terms;
}

/** A checked account. */
export interface Book {
  readonly usdcBalance: Decimal;
  readonly positions: readonly Held[];
}

/** Checks the account and looks up every position's market. */
export function readAccount(account: OrderlyAccount, markets: Readonly<Record<string, OrderlyMarket>>): Book {
  checkObject(account, 'account');
  checkObject(markets, 'markets');
  checkObjectList(account.positions, 'account.positions');
  const seen = new Set<string>();
  const positions = account.positions.map((p, i): Held => {
    const path = ['account', 'positions', i];
    checkText(p.symbol, `account.positions[${i}].symbol`);
    if (seen.has(p.symbol)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `symbol ${quoteInput(p.symbol)} is held twice`, [
        ...path,
        'symbol',
      ]);
    }
    seen.add(p.symbol);
    if (!Object.hasOwn(markets, p.symbol)) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `no market ${quoteInput(p.symbol)} in the markets given`,
        [...path, 'symbol'],
      );
    }
    const markPrice = decimalArg(p.markPrice, `account.positions[${i}].markPrice`, [...path, 'markPrice']);
    if (!markPrice.isPositive() || markPrice.isZero()) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be > 0', [...path, 'markPrice']);
    }
    return {
      symbol: p.symbol,
      qty: decimalArg(p.qty, `account.positions[${i}].qty`, [...path, 'qty']),
      markPrice,
      costPosition: decimalArg(p.costPosition, `account.positions[${i}].costPosition`, [
        ...path,
        'costPosition',
      ]),
      terms: resolveMarket(markets[p.symbol] as OrderlyMarket, ['markets', p.symbol]),
    };
  });
  return {
    usdcBalance: decimalArg(account.usdcBalance, 'account.usdcBalance', ['account', 'usdcBalance']),
    positions,
  };
}

/** The margin of a checked account. */
export function marginOf(book: Book, leverage: Decimal | undefined): OrderlyAccountMargin {
  let totalCollateral = book.usdcBalance;
  let totalNotional = new Decimal(0);
  let initialMargin = new Decimal(0);
  let maintenanceMargin = new Decimal(0);
  const positions = book.positions.map((p): OrderlyPositionMargin => {
    const notional = p.qty.times(p.markPrice).abs();
    const unsettledPnl = p.qty.times(p.markPrice).minus(p.costPosition);
    const imr = imrOf(p.terms, notional, leverage);
    const mmr = mmrOf(p.terms, notional);
    totalCollateral = totalCollateral.plus(unsettledPnl);
    totalNotional = totalNotional.plus(notional);
    initialMargin = initialMargin.plus(notional.times(imr));
    maintenanceMargin = maintenanceMargin.plus(notional.times(mmr));
    return {
      symbol: p.symbol,
      qty: p.qty,
      markPrice: p.markPrice,
      notional,
      unsettledPnl,
      imr,
      mmr,
      initialMargin: notional.times(imr),
      maintenanceMargin: notional.times(mmr),
    };
  });
  const none = totalNotional.isZero();
  return {
    totalCollateral,
    totalNotional,
    marginRatio: none ? new Decimal(10) : totalCollateral.div(totalNotional),
    initialMarginRatio: none ? new Decimal(0) : initialMargin.div(totalNotional),
    maintenanceMarginRatio: none ? new Decimal(0) : maintenanceMargin.div(totalNotional),
    initialMargin,
    maintenanceMargin,
    freeCollateral: totalCollateral.minus(initialMargin),
    liquidatable: totalCollateral.lessThan(maintenanceMargin),
    positions,
  };
}
