import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject, checkOptions } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { describeValue } from '../../internal/quoteInput.js';
import type { BybitMaintenanceTerms } from './BybitPositionTerms.js';
import { positionMargin, solveIsolated } from './isolatedSolver.js';
import { bankruptcyValue, closeFeeRate, readMaintenance, readTerms } from './terms.js';

/**
 * The choices Bybit's isolated-margin texts differ on, made explicit.
 * @category Venue: Bybit
 */
export interface BybitLiquidationOptions {
  /**
   * Which position value the maintenance margin is computed on.
   * - `'entry'` (default): `MM = value(EP)·MMR − deduction`, fixed for the life of the position (Bybit
   *   "Liquidation Price Calculation under Isolated Mode (Unified Trading Account)", 2024 text, and the older
   *   "Liquidation Price (USDT Contract)" page). Reproduces every worked example Bybit published.
   * - `'mark'`: `MM = value(p)·MMR − deduction` at the mark price p that triggers liquidation (2026 text of the same
   *   page, "Position Value = Contract Quantity ÷ Mark Price"). Without the close fee this is the library's generic
   *   isolated model, and {@link liquidationPrice} gives the same price to the last digit.
   */
  readonly maintenanceBasis?: 'entry' | 'mark';
  /**
   * Whether initial and maintenance margin carry the "Estimated Fee to Close Position" (2026 text); default
   * `false`. The initial margin then holds `t·value(BP₀)` (the fee at the bankruptcy price, Bybit "Initial Margin
   * Calculation (USDC Perpetual & Futures)") and the maintenance margin `t·value(BP)` at the price where the
   * maintenance margin would be lost. Needs `takerFeeRate`.
   */
  readonly includeCloseFee?: boolean;
  /** Taker fee rate t (a fraction: 0.00055 is 0.055 %), required with `includeCloseFee`. */
  readonly takerFeeRate?: DecimalInput;
}

/**
 * Result of {@link bybitLiquidationPrice}. Every amount is in the settle coin.
 *
 * - `price`: the liquidation (mark) price, `down` for a long and `up` for a short; `maintenanceMargin` is the
 *   requirement at that price, which equals the position's margin balance there
 *   (`positionMargin + PnL(price) = maintenanceMargin`).
 * - `never`: no positive price liquidates the position.
 * @category Venue: Bybit
 */
export type BybitLiquidationPrice =
  | {
      readonly kind: 'price';
      readonly price: Decimal;
      readonly direction: 'down' | 'up';
      /** `value(EP) / L`. */
      readonly initialMargin: Decimal;
      /** Margin held: initial margin, plus the estimated fee to close when included, plus extra margin. */
      readonly positionMargin: Decimal;
      /** Maintenance margin at the liquidation price (fee term included when asked). */
      readonly maintenanceMargin: Decimal;
    }
  | {
      readonly kind: 'never';
      readonly initialMargin: Decimal;
      readonly positionMargin: Decimal;
    };

/**
 * Liquidation price of an isolated Bybit position, linear (USDT/USDC) or inverse, under the basis and fee options.
 *
 * Formulas (Q = |size|, N = |size| in USD contracts, IM = value(EP)/L, MM₀ = value(EP)·MMR − deduction, X = extra
 * margin, t = taker rate):
 * - entry basis, no fee (Bybit 2024 UTA text): linear `LP = EP ∓ (IM − MM₀)/Q ∓ X/Q` (long −, short +);
 *   inverse `LP = N / [N/EP ± (IM − MM₀ + X)]` (long +, short −). The older USDT page writes the linear one as
 *   `EP·(1 ∓ 1/L ± MMR) ∓ X/Q`.
 * - mark basis, no fee: linear long `LP = (Q·EP − IM − X − d)/(Q·(1 − MMR))`, short
 *   `(Q·EP + IM + X + d)/(Q·(1 + MMR))`; inverse long `N·(1 + MMR)/(N/EP + IM + X + d)`, short
 *   `N·(1 − MMR)/(N/EP − IM − X − d)`.
 * - with the close fee: the fee reserved in IM and the fee added to MM are equal at the liquidation price, so the
 *   fee changes the price only through the extra margin, which counts as `X/(1 − t)` for a linear long and an
 *   inverse short and as `X/(1 + t)` for a linear short and an inverse long; for an inverse long with mark basis
 *   this is Bybit's 2026 text `LP = N·(MMR + 1)/[N/EP + N/EP/L + X/(1 + t) + d]`, and for an inverse short
 *   `N·(1 − MMR)/[N/EP − N/EP/L − X/(1 − t) − d]`. The linear fee-aware forms are derived from the same
 *   definitions (that part of the 2026 page was not readable).
 *
 * Entry against mark basis, same inputs: linear `LP_entry − LP_mark = MMR·|LP_mark − EP|` (the entry basis is closer
 * for a long, further for a short); inverse `1/LP_entry − 1/LP_mark = MMR·|1/LP_mark − 1/EP|`.
 *
 * Units: prices in the quote currency (USDT, USDC, USD); margins in the settle coin.
 *
 * @param terms - the position and the maintenance terms of its risk-limit tier.
 * @param options - `maintenanceBasis` (default `'entry'`), `includeCloseFee` (default `false`), `takerFeeRate`.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` naming the bad field.
 * @example
 * ```ts
 * import { bybitLiquidationPrice } from 'marginkit';
 * // Bybit UTA isolated example: long 1 BTC at 20,000, 50×, MMR 0.5 %
 * const terms = { kind: 'linear', size: 1, entryPrice: 20_000, leverage: 50, maintenanceRate: '0.005' } as const;
 * const lp = bybitLiquidationPrice(terms);
 * if (lp.kind === 'price') lp.price.toString(); // => '19700'
 * const atMark = bybitLiquidationPrice(terms, { maintenanceBasis: 'mark' });
 * if (atMark.kind === 'price') atMark.price.toFixed(2); // => '19698.49'
 * ```
 * @category Venue: Bybit
 */
export function bybitLiquidationPrice(
  terms: BybitMaintenanceTerms,
  options: BybitLiquidationOptions = {},
): BybitLiquidationPrice {
  checkObject(terms, 'terms');
  checkOptions(options);
  const t = readTerms(terms);
  const { rate, deduction } = readMaintenance(terms);
  const basis = options.maintenanceBasis ?? 'entry';
  if (basis !== 'entry' && basis !== 'mark') {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `maintenanceBasis must be 'entry' or 'mark', got ${describeValue(basis)}`,
      ['options', 'maintenanceBasis'],
    );
  }
  const fee = closeFeeRate(options);
  const margin = positionMargin(t, fee, bankruptcyValue(t));
  const solution = solveIsolated(t, margin, rate, deduction, basis, fee);
  if (solution.level.kind === 'never' || !solution.requirement) {
    return { kind: 'never', initialMargin: t.initialMargin, positionMargin: margin };
  }
  return {
    kind: 'price',
    price: solution.level.price,
    direction: solution.level.direction,
    initialMargin: t.initialMargin,
    positionMargin: margin,
    maintenanceMargin: solution.requirement,
  };
}
