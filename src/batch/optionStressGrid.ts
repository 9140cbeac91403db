import type { MarginAccount } from '../account/MarginAccount.js';
import type { Decimal } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import { YEAR_MS } from '../internal/time.js';
import { black76FloatInto } from '../options/black76FloatValues.js';
import type { OptionValuation } from '../options/OptionAccountSummary.js';
import type { OptionBook, OptionMarket } from '../options/OptionBook.js';
import type { OptionScenario } from '../options/OptionScenario.js';
import { MAX_VOLATILITY } from '../options/readBlack76Input.js';
import { readOptionScenarios, shockWithOptions } from '../options/shockWithOptions.js';
import { summarizeWithOptions } from '../options/summarizeWithOptions.js';
import type { Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import type { Scenario } from '../stress/Scenario.js';
import { BOUND_PER_TERM } from './errorBound.js';
import { createGridScratch, type IsolatedCells, positionCells, shockTable } from './gridCells.js';
import { packAccounts } from './packAccounts.js';
import { packScenarios } from './packScenarios.js';

/**
 * One scenario of an {@link optionStressGrid}: float figures per pool (in the order of {@link OptionStressGrid.pools})
 * and the decided liquidatable pools.
 * @category Batch
 */
export interface OptionGridRow {
  /** The scenario's name. */
  readonly name: string;
  /** Per pool: equity in float64 (settlement asset), option legs re-priced by {@link black76Float}'s formulas. */
  readonly equity: readonly number[];
  /** Per pool: maintenance requirement in float64. */
  readonly maintenance: readonly number[];
  /** Per pool: the screen's bound on the error of `equity − maintenance` against the exact engine. */
  readonly bound: readonly number[];
  /** Ids of the liquidatable pools (`'cross'`, isolated position ids), equal to {@link stressWithOptions}' `liquidatable`. */
  readonly liquidatable: readonly string[];
  /** True when the float screen could not decide some pool and the row's flags come from {@link summarizeWithOptions}. */
  readonly exact: boolean;
}

/**
 * The result of {@link optionStressGrid}: plain arrays of numbers and strings (JSON-serialisable).
 * @category Batch
 */
export interface OptionStressGrid {
  /** Pool ids: `'cross'`, then the isolated pools in {@link summarizeWithOptions}' order (perpetuals', then option legs'). */
  readonly pools: readonly string[];
  /** One row per scenario, in order. */
  readonly rows: readonly OptionGridRow[];
  /** Rows recomputed with the exact engine. */
  readonly exactCount: number;
}

/** One option leg, read once: its market, signed units, its pool and its volatility. */
interface Leg {
  readonly market: OptionMarket;
  readonly call: boolean;
  readonly inverse: boolean;
  readonly strike: number;
  readonly units: number;
  readonly open: boolean;
  /** Pool index: 0 for cross, else 1 + isolated pool number. */
  readonly pool: number;
  readonly margin: number;
  /** The rule's maintenance fraction. */
  readonly maintenance: number;
  readonly volatility: Decimal;
  readonly underlyingPrice: number;
  /** Its underlying's multiplier per scenario. */
  readonly multiplier: Float64Array;
}

// The leg's value bound is 2⁻⁴⁰ · |units| · DF · (U + K) · (1 + s + |r|·t): the input roundings (U, σ, t, r; 4 ulps of
// U through delta ≤ DF, σ and t through vega and theta ≤ DF·F·s) and the float Black-76's own error (under
// 3e-16·(F + K) measured, 1e-13·(F + K) documented), with a wide margin; measured in test/batch/optionStressGrid.test.ts.
const LEG_BOUND = 9.094947017729282e-13;

/**
 * The float64 grid of {@link stressWithOptions}: per scenario, each pool's equity and maintenance requirement with every
 * option leg re-priced by Black-76 in float64, and which pools are liquidatable; then **screen then exact**: a row in
 * which some pool's float `equity − MMR` lies within its error bound of 0 (or a perpetual's notional sits at a tier
 * floor, or a figure the float path does not model applies) is recomputed with {@link summarizeWithOptions}, so every
 * row's `liquidatable` equals `stressWithOptions(...)[s].summary.liquidatable`.
 *
 * Per scenario s (as {@link stressWithOptions}): prices × (1 + move) (every market and asset, or one `market`), every
 * volatility × (1 + volMove), the clock + horizonMs. The perpetuals' pools come from the batch kernel on the packed
 * account ({@link packAccounts}, bound `(3k + 8)·2⁻⁵¹·S` per pool); each option leg adds `units · M` to its pool's
 * equity and its standard MMR ({@link optionMargin}) in float64, with M the float Black-76 value at U·(1 + move),
 * σ·(1 + volMove) and t = max(expiry − now − horizonMs, 0)/365 days. A leg widens its pool's bound by
 * `2⁻⁴⁰·|units|·DF·(U + K)·(1 + σ√t + |r|·t)` (coin-settled: ÷ U) twice (value and requirement) plus the summation's
 * roundings. A pool is liquidatable when it holds an open position or leg and equity < MMR.
 *
 * Rows computed exactly: any pool within its bound, a tier-floor notional, a σ above 100 or a non-finite float figure
 * (the exact engine then decides or throws as {@link stressWithOptions} would), and every scenario of an account with
 * dated futures whose basis converges over the horizon or has expired (convergence is not modelled in float). The float
 * figures of such a row are still the screen's; only its flags are the exact engine's. Float figures are never rounded,
 * displayed or settled: they rank and screen.
 *
 * Cost: O(positions + legs) float operations per scenario plus one exact summary per recomputed row, against one exact
 * summary (each leg a 60-digit Black-76) per scenario for {@link stressWithOptions}.
 *
 * @param account - the margin account.
 * @param book - its option legs; every option market needs a volatility in `valuation.volatilities`.
 * @param prices - the starting prices.
 * @param valuation - `nowMs`, `volatilities`, optional `rate` and `priceSource`.
 * @param scenarios - the scenarios, in order (as {@link stressWithOptions}).
 * @param options - `onProgress` after each scenario (done of scenarios) and a `signal` checked before each one.
 * @throws {@link InvalidArgumentError} and {@link MissingPriceError} as {@link stressWithOptions}; {@link AbortedError}
 * `ABORTED` when the signal is aborted.
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook, createPrices, optionStressGrid } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', positions: [], collateral: [{ asset: 'USDC', amount: 12_000 }],
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }] });
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-C', optionType: 'call', strike: 100_000, expiry: 86_400_000, underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 1000, marginMode: 'cross' }] }, account);
 * const grid = optionStressGrid(account, book, createPrices({ markets: { 'BTC-PERP': { mark: 100_000 } } }),
 *   { nowMs: 0, volatilities: { 'BTC-C': '0.6' } },
 *   [{ name: 'flat', move: 0 }, { name: 'up 10 %, vol up half', move: '0.1', volMove: '0.5' }]);
 * grid.rows.map((r) => r.liquidatable); // => [[], ['cross']]
 * // Up 10 %: 12 000 less the call's value (about 10 039), against MMR 0.075 · 110 000 + 10 039
 * Math.round(grid.rows[1]!.equity[0]!); // => 1961
 * Math.round(grid.rows[1]!.maintenance[0]!); // => 18289
 * ```
 * @category Batch
 */
export function optionStressGrid(
  account: MarginAccount,
  book: OptionBook,
  prices: Prices,
  valuation: OptionValuation,
  scenarios: readonly OptionScenario[],
  options: ProgressOptions = {},
): OptionStressGrid {
  const shocks = readOptionScenarios(account, book, valuation, scenarios, options);
  const S = scenarios.length;
  const exactRow = (s: number) => {
    const shocked = shockWithOptions(account, prices, valuation, shocks[s] as (typeof shocks)[number]);
    return summarizeWithOptions(account, book, shocked.prices, shocked.valuation);
  };
  // Today's summary checks prices and valuation as the exact engine would, and gives the pool ids.
  const today = summarizeWithOptions(account, book, prices, valuation);
  const pools = ['cross', ...today.isolated.map((p) => p.positionId)];
  const priceSource = valuation.priceSource ?? 'mark';
  const packed = packAccounts([account], prices, { priceSource });
  const asScenarios: Scenario[] = shocks.map((shock, s) => ({
    name: (scenarios[s] as OptionScenario).name,
    ...(shock.move.isZero()
      ? {}
      : {
          shock:
            shock.market === undefined
              ? { kind: 'uniform' as const, move: shock.move }
              : { kind: 'relative' as const, moves: { [shock.market]: shock.move } },
        }),
  }));
  const table = shockTable(packScenarios(packed, asScenarios));
  const slots = S + 1;
  const scratch = createGridScratch(slots, 1);
  const positions = account.positions.length;
  const isolatedCells: IsolatedCells = {
    equity: new Float64Array(positions * slots),
    mmr: new Float64Array(positions * slots),
    scale: new Float64Array(positions * slots),
  };
  positionCells(packed, 0, table, slots, slots, scratch, isolatedCells);
  const crossPerps = account.positions.filter((p) => p.marginMode !== 'isolated').length;
  const crossOpen = account.positions.some((p) => p.marginMode !== 'isolated' && !p.size.isZero());
  const isolatedPerps: { index: number; open: boolean }[] = [];
  account.positions.forEach((p, i) => {
    if (p.marginMode === 'isolated') isolatedPerps.push({ index: i, open: !p.size.isZero() });
  });
  // Convergence of dated futures' basis is not modelled in float: such scenarios go to the exact engine.
  const dated = Object.values(account.markets).filter((m) => m.expiry !== undefined);
  const converges = (horizonMs: number) =>
    dated.some((m) => horizonMs > 0 || (m.expiry as number) <= valuation.nowMs);
  const rate =
    valuation.rate === undefined
      ? 0
      : decimalArg(valuation.rate, 'valuation.rate', ['valuation', 'rate']).toNumber();
  let isolatedLegs = isolatedPerps.length;
  const legs: Leg[] = book.positions.map((position) => {
    const market = book.markets[position.marketId] as OptionMarket;
    const multiplier = new Float64Array(S);
    shocks.forEach((shock, s) => {
      multiplier[s] =
        shock.market === undefined || shock.market === market.underlying ? shock.move.plus(1).toNumber() : 1;
    });
    const isolated = position.marginMode === 'isolated';
    return {
      market,
      call: market.optionType === 'call',
      inverse: market.settlement === 'inverse',
      strike: market.strike.toNumber(),
      units: position.size.times(market.contractSize).toNumber(),
      open: !position.size.isZero(),
      pool: isolated ? 1 + isolatedLegs++ : 0,
      margin: isolated ? (position.isolatedMargin as Decimal).toNumber() : 0,
      maintenance: market.margin.maintenance.toNumber(),
      volatility: decimalArg(
        (valuation.volatilities as Record<string, Decimal>)[market.id] as Decimal,
        `valuation.volatilities.${market.id}`,
        ['valuation', 'volatilities', market.id],
      ),
      underlyingPrice: priceOf(prices, market.underlying, priceSource).toNumber(),
      multiplier,
    };
  });
  const P = pools.length;
  const greeks = new Float64Array(5);
  const rows: OptionGridRow[] = [];
  let exactCount = 0;
  for (let s = 0; s < S; s++) {
    throwIfAborted(options.signal, `optionStressGrid at scenario ${s} of ${S}`);
    const shock = shocks[s] as (typeof shocks)[number];
    const slot = s + 1;
    const equity = new Array<number>(P).fill(0);
    const maintenance = new Array<number>(P).fill(0);
    const scale = new Array<number>(P).fill(0);
    const extra = new Array<number>(P).fill(0);
    const terms = new Array<number>(P).fill(0);
    const open = new Array<boolean>(P).fill(false);
    equity[0] = scratch.crossEquity[slot] as number;
    maintenance[0] = scratch.crossMmr[slot] as number;
    scale[0] = scratch.crossScale[slot] as number;
    terms[0] = 3 * crossPerps + 8;
    open[0] = crossOpen;
    isolatedPerps.forEach((p, j) => {
      const at = p.index * slots + slot;
      equity[j + 1] = isolatedCells.equity[at] as number;
      maintenance[j + 1] = isolatedCells.mmr[at] as number;
      scale[j + 1] = isolatedCells.scale[at] as number;
      terms[j + 1] = 11;
      open[j + 1] = p.open;
    });
    let unsure = scratch.unsure[slot] === 1 || converges(shock.horizonMs);
    const nowMs = valuation.nowMs + shock.horizonMs;
    const factor = shock.volMove.plus(1);
    for (const leg of legs) {
      const sigmaExact = leg.volatility.times(factor);
      const t = Math.max(leg.market.expiry - nowMs, 0) / YEAR_MS;
      if (sigmaExact.greaterThan(MAX_VOLATILITY)) unsure = true; // the exact engine throws, as stressWithOptions
      const sigma = sigmaExact.toNumber();
      const U = leg.underlyingPrice * (leg.multiplier[s] as number);
      const K = leg.strike;
      black76FloatInto(leg.call, leg.inverse, U, K, sigma, t, rate, greeks);
      const mark = greeks[0] as number;
      const value = leg.units * mark;
      const mmr = legMaintenance(leg, U, mark);
      const discount = Math.exp(-rate * t);
      const coin = leg.inverse ? U : 1;
      const bound =
        (2 *
          LEG_BOUND *
          Math.abs(leg.units) *
          discount *
          (U + K) *
          (1 + sigma * Math.sqrt(t) + Math.abs(rate) * t)) /
        coin;
      if (!Number.isFinite(value) || !Number.isFinite(mmr) || !Number.isFinite(bound)) unsure = true;
      const q = leg.pool;
      if (q > 0) {
        equity[q] = leg.margin;
        scale[q] = Math.abs(leg.margin);
        terms[q] = 4;
      }
      equity[q] = (equity[q] as number) + value;
      maintenance[q] = (maintenance[q] as number) + mmr;
      scale[q] = (scale[q] as number) + Math.abs(value) + mmr;
      extra[q] = (extra[q] as number) + bound;
      terms[q] = (terms[q] as number) + 2;
      if (leg.open) open[q] = true;
    }
    const bound = new Array<number>(P);
    const liquidatable: string[] = [];
    for (let q = 0; q < P; q++) {
      const surplus = (equity[q] as number) - (maintenance[q] as number);
      bound[q] = (terms[q] as number) * BOUND_PER_TERM * (scale[q] as number) + (extra[q] as number);
      if (!open[q]) continue;
      if (Math.abs(surplus) <= (bound[q] as number)) unsure = true;
      if (surplus < 0) liquidatable.push(pools[q] as string);
    }
    const decided = unsure ? [...exactRow(s).liquidatable] : liquidatable;
    if (unsure) exactCount++;
    rows.push({
      name: (scenarios[s] as OptionScenario).name,
      equity,
      maintenance,
      bound,
      liquidatable: decided,
      exact: unsure,
    });
    reportProgress(options, s + 1, S);
  }
  return { pools, rows, exactCount };
}

/** A leg's maintenance requirement in float64, as {@link optionRequirement} (short legs only; long legs 0). */
function legMaintenance(leg: Leg, U: number, mark: number): number {
  if (!(leg.units < 0)) return 0;
  const mm = leg.maintenance;
  const m = leg.inverse ? mark * U : mark;
  const perUnit = leg.call ? mm * U + m : Math.max(mm * U, mm * m) + m;
  return (leg.inverse ? perUnit / U : perUnit) * -leg.units;
}
