import type { MarginAccount } from '../../account/MarginAccount.js';
import { positionOf } from '../../account/positionOf.js';
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkAccount, checkOptions, checkPrices, checkText } from '../../internal/argumentShape.js';
import { Decimal } from '../../internal/decimal.js';
import type { ThresholdContext } from '../../liquidation/ThresholdPrice.js';
import { marginTierAt } from '../../margin/marginTierAt.js';
import { marketOf, summarizeAccount } from '../../margin/summarizeAccount.js';
import type { MarginSchedule, TieredMarginSchedule } from '../../market/MarginSchedule.js';
import type { Prices } from '../../prices/Prices.js';

/**
 * Options of {@link hyperliquidLiquidationPrice}.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidLiquidationOptions {
  /**
   * The formula's `price`, at which the account value and the maintenance requirement are taken: `'mark'` (the
   * default; what Hyperliquid liquidates on) or `'entry'` (the position's entry price, which reproduces the API's
   * `liquidationPx` of fresh isolated positions in the HL-LIQ-ISO vectors). Both give the same liquidation price: see
   * the function's notes.
   */
  readonly referencePrice?: 'mark' | 'entry';
}

/**
 * The terms of Hyperliquid's liquidation-price formula as they were evaluated.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidLiquidationTerms {
  /** The formula's `price`: the mark or the entry price (see {@link HyperliquidLiquidationOptions}). */
  readonly referencePrice: Decimal;
  /** `+1` long, `−1` short. */
  readonly side: 1 | -1;
  /** `position_size`: |size| · contractSize, in coins. */
  readonly positionSize: Decimal;
  /** Account value of the pool at the reference price (cross: the cross account; isolated: the position's margin plus its PnL). */
  readonly accountValue: Decimal;
  /** Maintenance requirement of the pool at the reference price, with the position's tier terms taken from `tierIndex`. */
  readonly maintenanceMarginRequired: Decimal;
  /** `margin_available = accountValue − maintenanceMarginRequired`. */
  readonly marginAvailable: Decimal;
  /** `l = 1 / MAINTENANCE_LEVERAGE`: the maintenance fraction of the tier at the liquidation notional. */
  readonly maintenanceFraction: Decimal;
  /** That tier (0 for a flat schedule); on an exact tier bound, the upper tier (floors are inclusive). */
  readonly tierIndex: number;
}

/**
 * Result of {@link hyperliquidLiquidationPrice}: the library's liquidation-price result (`price`, `never`, `now`)
 * plus the terms of Hyperliquid's formula. Assignable to {@link ThresholdPrice}.
 * @category Venue: Hyperliquid
 */
export type HyperliquidLiquidationPrice =
  | (ThresholdContext & {
      readonly kind: 'price';
      readonly price: Decimal;
      readonly direction: 'down' | 'up';
      readonly tierIndex?: number;
      readonly terms: HyperliquidLiquidationTerms;
    })
  | (ThresholdContext & { readonly kind: 'never'; readonly terms?: HyperliquidLiquidationTerms })
  | (ThresholdContext & { readonly kind: 'now'; readonly equity: Decimal; readonly threshold: Decimal });

/** Maintenance fraction and deduction of each tier of a schedule (one entry for flat and open-interest schedules). */
function maintenancePieces(schedule: MarginSchedule): { m: Decimal; d: Decimal }[] {
  if (schedule.type !== 'tiered') return [{ m: schedule.maintenanceFraction, d: new Decimal(0) }];
  return schedule.tiers.map((t) => ({ m: t.maintenanceFraction, d: t.maintenanceDeduction }));
}

/**
 * Whether `notional` lies in tier `index` (from its floor, inclusive, to the next floor, exclusive), with a relative
 * slack of 1e-30 at both bounds: a result that the final rounding put a hair outside its own tier still belongs to it.
 */
function withinTier(schedule: TieredMarginSchedule, index: number, notional: Decimal): boolean {
  const slack = new Decimal('1e-30');
  const floor = schedule.tiers[index]?.notionalFloor ?? new Decimal(0);
  const next = schedule.tiers[index + 1]?.notionalFloor;
  if (notional.lessThan(floor.times(new Decimal(1).minus(slack)))) return false;
  return next === undefined || notional.lessThan(next.times(new Decimal(1).plus(slack)));
}

/**
 * Hyperliquid's liquidation price of one position, by the formula of its "Liquidations" page:
 *
 * `liq_price = price − side · margin_available / position_size / (1 − l · side)`
 *
 * - `side` = +1 long, −1 short; `position_size` = |size| in coins; `price` = the reference price (option).
 * - `l = 1 / MAINTENANCE_LEVERAGE` = the maintenance fraction `1/(2·maxLeverage)` of the tier that holds the
 *   position value *at the liquidation price* (found by trying each tier and keeping the self-consistent one).
 * - cross: `margin_available = account_value − maintenance_margin_required` of the cross account (other cross
 *   positions held at their mark); isolated: `isolated_margin + PnL − maintenance_margin_required` of the position.
 *
 * Computed as one fraction, `(price · Q·(1 − l·side) − side · margin_available) / (Q·(1 − l·side))`, whose numerator
 * simplifies to `price · Q − side · (margin_available + Q · price · l)` (the `l` terms cancel): it is exact, and the
 * only rounding is the final division.
 *
 * Deliberate reading (documented in docs/venues/hyperliquid.md): the position's own share of
 * `maintenance_margin_required` is taken on the liquidation tier's line, `Q·price·l − deduction`. Inside one tier
 * this is the position's maintenance requirement, so the formula is the docs' verbatim; when a tier boundary lies
 * between the reference and the liquidation notional, it keeps equity = maintenance at the result (reading it as
 * the current tier's requirement would miss that point by `(N_ref − bound)·(MMR_ref − l)/(Q·(1 − l·side))`). With
 * that reading the result does not depend on the reference price, and it equals the library's
 * {@link liquidationPrice} on the same account and mark prices — exactly whenever the tier fractions are
 * terminating decimals (`1/(2·L)` for L = 5, 10, 20, 25, 40, 50 …), otherwise within 1e-30 relative.
 *
 * Units: prices in USDC per coin. `now` when the pool is already below maintenance at the mark; `never` when no
 * positive price reaches it (e.g. a long carrying more margin than its value).
 * Source: Hyperliquid docs "Liquidations" (formula, mark price) and "Margin tiers"; vectors HL-LIQ-ISO-01…28.
 *
 * @param account - the account (Hyperliquid: one position per market; linear markets).
 * @param prices - prices with each held market's mark.
 * @param positionId - the position (its id; by default its market id, the coin).
 * @param options - `referencePrice`: `'mark'` (default) or `'entry'`.
 * @throws {@link InvalidArgumentError} `UNKNOWN_POSITION`; `INVALID_ARGUMENT` for an inverse market or two cross
 *   positions in one market; {@link MissingPriceError} when a mark price is missing.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, hyperliquidLiquidationPrice, hyperliquidMarket } from 'marginkit';
 * // HL-LIQ-ISO-05: isolated long 0.0199 ETH at 2,459.5 with 24.454895 USDC, max leverage 50
 * const account = createMarginAccount({ settleAsset: 'USDC',
 *   markets: [hyperliquidMarket({ coin: 'ETH', szDecimals: 4,
 *     marginTable: { marginTiers: [{ lowerBound: '0.0', maxLeverage: 50 }] } })],
 *   positions: [{ marketId: 'ETH', size: '0.0199', entryPrice: '2459.5', marginMode: 'isolated',
 *     isolatedMargin: '24.454895' }] });
 * const prices = createPrices({ markets: { ETH: { mark: '2459.5', oracle: '2459.1' } } });
 * const lp = hyperliquidLiquidationPrice(account, prices, 'ETH', { referencePrice: 'entry' });
 * if (lp.kind === 'price') lp.price.toFixed(6); // => '1243.041216'  (API 1243.0411908: within 2.1e-8)
 * ```
 * @category Venue: Hyperliquid
 */
export function hyperliquidLiquidationPrice(
  account: MarginAccount,
  prices: Prices,
  positionId: string,
  options: HyperliquidLiquidationOptions = {},
): HyperliquidLiquidationPrice {
  checkAccount(account);
  checkPrices(prices);
  checkText(positionId, 'positionId');
  checkOptions(options);
  const position = positionOf(account, positionId);
  const index = account.positions.indexOf(position);
  const market = marketOf(account, position.marketId);
  if (market.kind !== 'linear') {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `market '${market.id}' is inverse; Hyperliquid perpetuals are linear`,
      ['positionId'],
    );
  }
  const isolated = position.marginMode === 'isolated';
  if (
    !isolated &&
    account.positions.some(
      (p, i) => i !== index && p.marginMode === 'cross' && p.marketId === position.marketId,
    )
  ) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `two cross positions in '${market.id}'; Hyperliquid holds one position per market`,
      ['positionId'],
    );
  }

  // Hyperliquid checks maintenance at the mark price.
  const summary = summarizeAccount(account, prices, { priceSource: 'mark' });
  const self = summary.positions[index];
  const pool = isolated ? summary.isolated.find((p) => p.positionId === positionId) : summary.cross;
  if (!self || !pool) throw new InvalidArgumentError('INVALID_ARGUMENT', 'summary and account disagree');
  const context: ThresholdContext = {
    positionId,
    marketId: position.marketId,
    marginMode: position.marginMode,
    priceSource: 'mark',
    currentPrice: self.price,
  };
  // `now` is what the summary says (an open position and equity < maintenance at the mark); a pool without an
  // open position is never liquidated.
  if (pool.liquidatable) {
    return { ...context, kind: 'now', equity: pool.equity, threshold: pool.maintenanceRequirement };
  }
  if (position.size.isZero() || pool.equity.lessThan(pool.maintenanceRequirement)) {
    return { ...context, kind: 'never' };
  }

  const side: 1 | -1 = position.size.isNegative() ? -1 : 1;
  const q = position.size.abs().times(market.contractSize);
  const price = options.referencePrice === 'entry' ? position.entryPrice : self.price;
  // The pool valued with this position at the reference price, everything else at the mark.
  const accountValue = pool.equity
    .minus(self.unrealizedPnl)
    .plus(position.size.times(market.contractSize).times(price.minus(position.entryPrice)));
  const othersMaintenance = pool.maintenanceRequirement.minus(self.requirement.maintenance);
  const notionalAtReference = q.times(price);

  let fallback: HyperliquidLiquidationTerms | undefined;
  // A root that rounding put a hair outside its own tier (kept only if no tier holds its own root exactly).
  let nearMiss: HyperliquidLiquidationPrice | undefined;
  const pieces = maintenancePieces(market.marginSchedule);
  for (const [tierIndex, { m, d }] of pieces.entries()) {
    const maintenanceMarginRequired = othersMaintenance.plus(notionalAtReference.times(m)).minus(d);
    const marginAvailable = accountValue.minus(maintenanceMarginRequired);
    const terms: HyperliquidLiquidationTerms = {
      referencePrice: price,
      side,
      positionSize: q,
      accountValue,
      maintenanceMarginRequired,
      marginAvailable,
      maintenanceFraction: m,
      tierIndex,
    };
    fallback ??= terms;
    const denominator = q.times(new Decimal(1).minus(m.times(side)));
    // A maintenance fraction of 1 leaves a long's surplus flat in price: no crossing on that tier.
    if (denominator.isZero()) continue;
    // price·Q·(1 − l·side) − side·margin_available, with the l terms cancelled: the numerator stays exact, so the
    // sign of the result (and so `never`) is decided without rounding.
    const numerator = price.times(q).minus(accountValue.minus(othersMaintenance).plus(d).times(side));
    const liq = numerator.div(denominator);
    if (!liq.isPositive() || liq.isZero()) continue;
    const schedule = market.marginSchedule;
    if (schedule.type !== 'tiered') {
      return { ...context, kind: 'price', price: liq, direction: side === 1 ? 'down' : 'up', terms };
    }
    if (!withinTier(schedule, tierIndex, q.times(liq))) continue;
    const result: HyperliquidLiquidationPrice = {
      ...context,
      kind: 'price',
      price: liq,
      direction: side === 1 ? 'down' : 'up',
      // The tier whose terms gave the price: the terms and the index always agree.
      tierIndex,
      terms,
    };
    // On an exact bound the upper tier holds the result (floors are inclusive, the engine's convention); the
    // maintenance line is continuous there, so that tier's terms give the same price and are the ones reported.
    if (marginTierAt(schedule, q.times(liq)).index === tierIndex) return result;
    nearMiss ??= result;
  }
  if (nearMiss) return nearMiss;
  return fallback ? { ...context, kind: 'never', terms: fallback } : { ...context, kind: 'never' };
}
