import type { MarginAccount } from '../account/MarginAccount.js';
import { checkObject, checkTime } from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { positiveZero } from '../internal/positiveZero.js';
import type { IsolatedPoolSummary } from '../margin/AccountSummary.js';
import { summarizeAccount } from '../margin/summarizeAccount.js';
import { poolFromTotals } from '../margin/summarizePool.js';
import type { Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import { checkOptionBook } from './checkOptionMarket.js';
import type { OptionAccountSummary, OptionLegSummary, OptionValuation } from './OptionAccountSummary.js';
import type { OptionBook, OptionMarket } from './OptionBook.js';
import { optionRequirement } from './optionMargin.js';
import { optionMarkPrice } from './optionMarkPrice.js';

function optionMarketOf(book: OptionBook, id: string): OptionMarket {
  return book.markets[id] as OptionMarket; // createOptionBook checked every position's market
}

/**
 * The margin state of an account together with its option legs, at a price snapshot and a valuation.
 *
 * Each option leg is marked by Black-76 from its underlying's price when `valuation.volatilities` has its market
 * (t = time to expiry from `nowMs`), otherwise at the option's own `mark` in `prices`. A leg adds its value
 * `size · contractSize · mark` to its pool's equity (long: asset; short: liability; the collateral is the cash after
 * premiums) and its standard margin ({@link optionMargin}) to the pool's IMR and MMR:
 * - cross: equity = cross equity of the perpetuals + Σ cross leg values; MMR = perpetuals' + Σ cross legs';
 * - isolated option leg: equity = isolatedMargin + value; MMR = its own.
 * A pool is liquidatable when it holds an open position (or leg) and equity < MMR.
 * The perpetuals-only numbers come from {@link summarizeAccount} unchanged.
 *
 * @param account - the margin account (collateral, perpetuals and futures).
 * @param book - its option legs, made by {@link createOptionBook} against this account.
 * @param prices - prices of the account's markets (and of options valued at their mark).
 * @param valuation - `nowMs`, optional `volatilities`, `rate`, `priceSource`.
 * @throws {@link MissingPriceError} when a needed price is absent; {@link InvalidArgumentError} for bad valuation inputs.
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook, createPrices, summarizeWithOptions } from 'marginkit';
 * const account = createMarginAccount({
 *   settleAsset: 'USDC',
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }],
 *   collateral: [{ asset: 'USDC', amount: 20_000 }],
 *   positions: [{ marketId: 'BTC-PERP', size: 1, entryPrice: 100_000, marginMode: 'cross' }],
 * });
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-C', optionType: 'call', strike: 110_000, expiry: 0, underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 500, marginMode: 'cross' }],
 * }, account);
 * const prices = createPrices({ markets: { 'BTC-PERP': { mark: 100_000 }, 'BTC-C': { mark: 400 } } });
 * const s = summarizeWithOptions(account, book, prices, { nowMs: 0 });
 * s.cross.equity.toString(); // => '19600'
 * // MMR: perp 1 % of 100 000 + short call 0.075 · 100 000 + 400
 * s.cross.maintenanceRequirement.toString(); // => '8900'
 * ```
 * @category Options
 */
export function summarizeWithOptions(
  account: MarginAccount,
  book: OptionBook,
  prices: Prices,
  valuation: OptionValuation,
): OptionAccountSummary {
  checkOptionBook(book);
  checkObject(valuation, 'valuation');
  checkTime(valuation.nowMs, 'valuation.nowMs');
  if (valuation.volatilities !== undefined) checkObject(valuation.volatilities, 'valuation.volatilities');
  const priceSource = valuation.priceSource ?? 'mark';
  const perpetuals = summarizeAccount(account, prices, { priceSource });
  const legs: OptionLegSummary[] = [];
  let equity = perpetuals.cross.equity;
  let notional = perpetuals.cross.notional;
  let initial = perpetuals.cross.initialRequirement;
  let maintenance = perpetuals.cross.maintenanceRequirement;
  let exposed = account.positions.some((p) => p.marginMode === 'cross' && !p.size.isZero());
  const isolated: IsolatedPoolSummary[] = [...perpetuals.isolated];
  const rate = valuation.rate === undefined ? {} : { rate: valuation.rate };
  for (const position of book.positions) {
    const market = optionMarketOf(book, position.marketId);
    const underlyingPrice = priceOf(prices, market.underlying, priceSource);
    const volatilities = valuation.volatilities;
    const markPrice =
      volatilities !== undefined && Object.hasOwn(volatilities, market.id)
        ? optionMarkPrice(
            market,
            underlyingPrice,
            valuation.nowMs,
            decimalArg(volatilities[market.id] as Decimal, `valuation.volatilities.${market.id}`, [
              'valuation',
              'volatilities',
              market.id,
            ]),
            rate,
          )
        : priceOf(prices, market.id, 'mark');
    const units = position.size.times(market.contractSize);
    const leg: OptionLegSummary = {
      positionId: position.id,
      marketId: market.id,
      marginMode: position.marginMode,
      size: position.size,
      underlyingPrice,
      markPrice,
      value: positiveZero(units.times(markPrice)),
      unrealizedPnl: positiveZero(units.times(markPrice.minus(position.entryPrice))),
      notional: market.settlement === 'linear' ? units.abs().times(underlyingPrice) : units.abs(),
      requirement: optionRequirement(market, position.size, underlyingPrice, markPrice),
    };
    legs.push(leg);
    const open = !position.size.isZero();
    if (position.marginMode === 'isolated') {
      const margin = position.isolatedMargin as Decimal;
      const pool = poolFromTotals(
        margin,
        margin.plus(leg.value),
        leg.notional,
        leg.requirement.initial,
        leg.requirement.maintenance,
        open,
      );
      isolated.push({ positionId: position.id, ...pool });
      continue;
    }
    equity = equity.plus(leg.value);
    notional = notional.plus(leg.notional);
    initial = initial.plus(leg.requirement.initial);
    maintenance = maintenance.plus(leg.requirement.maintenance);
    if (open) exposed = true;
  }
  const cross = poolFromTotals(
    perpetuals.cross.collateralValue,
    equity,
    notional,
    initial,
    maintenance,
    exposed,
  );
  const liquidatable = [
    ...(cross.liquidatable ? ['cross'] : []),
    ...isolated.filter((p) => p.liquidatable).map((p) => p.positionId),
  ];
  return { perpetuals, options: legs, cross, isolated, liquidatable };
}
