import type { MarginAccount } from '../account/MarginAccount.js';
import { adjustSettleCollateral } from '../execution/adjustSettleCollateral.js';
import { checkChoice, checkWhole } from '../internal/argumentShape.js';
import { Decimal as D, type Decimal } from '../internal/decimal.js';
import { deepFreeze } from '../internal/freeze.js';
import { positiveZero } from '../internal/positiveZero.js';
import { type ProgressOptions, reportProgress, throwIfAborted } from '../internal/progress.js';
import type { Prices } from '../prices/Prices.js';
import { closeProceeds, liquidateAt } from '../stress/liquidateAt.js';
import type { OptionAccountSummary, OptionValuation } from './OptionAccountSummary.js';
import type { OptionBook } from './OptionBook.js';
import type { OptionScenario } from './OptionScenario.js';
import { type OptionShock, readOptionScenarios, shockWithOptions } from './shockWithOptions.js';
import { summarizeWithOptions } from './summarizeWithOptions.js';

/**
 * Options of {@link cascadeWithOptions}.
 * @category Options
 */
export interface OptionCascadeOptions extends ProgressOptions {
  /**
   * How a failing cross pool is liquidated: `'one-by-one'` (default) closes the member (perpetual, future or option
   * leg) with the worst unrealised PnL first and stops once the pool is back above maintenance; `'whole-pool'` closes
   * every cross member.
   */
  readonly crossLiquidation?: 'one-by-one' | 'whole-pool';
  /** Grid points over the rest of the path searched for the next failure, 1 … 1000, default 64. */
  readonly gridSteps?: number;
  /** Bisection halvings of the grid cell where a pool first fails, 0 … 100, default 40. */
  readonly bisectionSteps?: number;
}

/**
 * One forced close of a cascade with option legs.
 * @category Options
 */
export interface OptionLiquidationEvent {
  /** Fraction t of the way along the scenario's path at which the pool was found liquidatable. */
  readonly at: Decimal;
  /** `'cross'` or the isolated position's id. */
  readonly pool: string;
  /** The position closed: a perpetual's (or future's) id or an option position's id. */
  readonly positionId: string;
  readonly marketId: string;
  /** `'perpetual'` for a perpetual or dated future, `'option'` for an option leg. */
  readonly leg: 'perpetual' | 'option';
  /** The market price (perpetual) or the option's Black-76 mark per unit of the underlying at the close. */
  readonly price: Decimal;
  /** PnL realised by the close, settlement asset (an option: size · contractSize · (mark − entryPrice)). */
  readonly realizedPnl: Decimal;
  /** Loss beyond the pool's collateral, borne by the venue (0 when none). */
  readonly deficit: Decimal;
}

/**
 * One scenario's cascade.
 * @category Options
 */
export interface OptionCascadeResult {
  readonly name: string;
  /** Forced closes in the order they happen along the path. */
  readonly events: readonly OptionLiquidationEvent[];
  /** Pools in the order they first failed (each once). */
  readonly failedPools: readonly string[];
  /** Ids of perpetual and option positions still open at the end, and of those closed. */
  readonly survivors: readonly string[];
  readonly liquidated: readonly string[];
  /** The account at the end of the path, after the cascade. */
  readonly summary: OptionAccountSummary;
  /** Total equity at the end (cross + every isolated pool), and the loss against today's total equity. */
  readonly finalEquity: Decimal;
  readonly loss: Decimal;
}

interface State {
  readonly account: MarginAccount;
  readonly book: OptionBook;
}

/** Cross equity plus every isolated pool's equity. */
export function totalEquity(summary: OptionAccountSummary): Decimal {
  return summary.isolated.reduce((sum, p) => sum.plus(p.equity), summary.cross.equity);
}

function shockAt(shock: OptionShock, t: Decimal): OptionShock {
  return {
    move: shock.move.times(t),
    market: shock.market,
    volMove: shock.volMove.times(t),
    horizonMs: t.times(shock.horizonMs).round().toNumber(),
  };
}

function withoutLegs(book: OptionBook, ids: ReadonlySet<string>): OptionBook {
  return deepFreeze({ markets: book.markets, positions: book.positions.filter((p) => !ids.has(p.id)) });
}

/** Closes one failing pool at the summary's prices and marks; returns the new state and the closes made. */
function liquidatePool(
  state: State,
  pool: string,
  summary: OptionAccountSummary,
  at: Decimal,
  evaluate: (s: State) => OptionAccountSummary,
  rule: 'one-by-one' | 'whole-pool',
): { state: State; events: OptionLiquidationEvent[] } {
  const perpPrice = new Map(summary.perpetuals.positions.map((p) => [p.positionId, p]));
  const legOf = new Map(summary.options.map((l) => [l.positionId, l]));
  type Member = { id: string; pnl: Decimal; option: boolean };
  const members: Member[] = [
    ...state.account.positions
      .filter((p) => (pool === 'cross' ? p.marginMode === 'cross' : p.id === pool) && !p.size.isZero())
      .map((p) => ({ id: p.id, pnl: perpPrice.get(p.id)?.unrealizedPnl ?? new D(0), option: false })),
    ...state.book.positions
      .filter((p) => (pool === 'cross' ? p.marginMode === 'cross' : p.id === pool) && !p.size.isZero())
      .map((p) => ({ id: p.id, pnl: legOf.get(p.id)?.unrealizedPnl ?? new D(0), option: true })),
  ];
  // Worst unrealised PnL first; ties keep perpetuals before option legs, each in the account's order.
  members.sort((a, b) => a.pnl.comparedTo(b.pnl));
  const events: OptionLiquidationEvent[] = [];
  let current = state;
  for (const member of members) {
    if (member.option) {
      const leg = legOf.get(member.id);
      const position = current.book.positions.find((p) => p.id === member.id);
      if (!leg || !position) continue;
      // Closing at the mark pays (short) or receives (long) the leg's value; an isolated leg's margin comes back.
      const { proceeds, deficit } = closeProceeds(leg.value, position);
      current = {
        account: deepFreeze({
          ...current.account,
          collateral: adjustSettleCollateral(current.account, proceeds),
        }),
        book: withoutLegs(current.book, new Set([member.id])),
      };
      events.push({
        at,
        pool,
        positionId: member.id,
        marketId: position.marketId,
        leg: 'option',
        price: leg.markPrice,
        realizedPnl: leg.unrealizedPnl,
        deficit,
      });
    } else {
      const position = current.account.positions.find((p) => p.id === member.id);
      const priced = perpPrice.get(member.id);
      if (!position || !priced) continue;
      const closed = liquidateAt(current.account, position, priced.price, new D(0), new D(0));
      current = { account: closed.account, book: current.book };
      events.push({
        at,
        pool,
        positionId: member.id,
        marketId: position.marketId,
        leg: 'perpetual',
        price: priced.price,
        realizedPnl: closed.realizedPnl,
        deficit: closed.deficit,
      });
    }
    if (pool !== 'cross' || rule === 'whole-pool') continue;
    if (!evaluate(current).cross.liquidatable) break;
  }
  if (pool === 'cross') {
    // A cross pool with nothing left open and a negative balance: the venue absorbs the rest.
    const open =
      current.account.positions.some((p) => p.marginMode === 'cross' && !p.size.isZero()) ||
      current.book.positions.some((p) => p.marginMode === 'cross' && !p.size.isZero());
    const left = open ? new D(0) : evaluate(current).cross.equity;
    if (left.isNegative()) {
      current = {
        account: deepFreeze({
          ...current.account,
          collateral: adjustSettleCollateral(current.account, left.negated()),
        }),
        book: current.book,
      };
      const last = events[events.length - 1];
      if (last) events[events.length - 1] = { ...last, deficit: last.deficit.plus(left.negated()) };
    }
  }
  return { state: current, events };
}

/**
 * The liquidation cascade of an account with option legs along each scenario's path: which pool fails first, and
 * what is closed, in order. Along a scenario, at a fraction t ∈ [0, 1] of the way, prices have moved by t·move, every
 * volatility by t·volMove and the clock by t·horizonMs (options decay, dated futures' basis converges); the account
 * is valued by {@link summarizeWithOptions}. Option values are not linear in price, so each next failure is found
 * numerically: a grid of `gridSteps` points over the rest of the path, then `bisectionSteps` halvings of the first
 * failing cell (the failure is found within (1 − t₀)/(gridSteps·2^bisectionSteps) after the true crossing, never
 * before it). At that point every liquidatable pool is liquidated, cross first, then isolated pools in the summary's
 * order:
 * - an isolated perpetual closes at its market price; an isolated option leg is closed at its Black-76 mark; the
 *   pool's margin + PnL (or + the leg's value) returns to the cross collateral when positive, the rest is a deficit;
 * - the cross pool closes its members — perpetuals, futures and option legs alike — worst unrealised PnL first,
 *   one by one until it is back above maintenance (or all of them with `'whole-pool'`); an option leg closes at its
 *   mark (the collateral pays a short's value, receives a long's); a cross pool left with nothing open and a negative
 *   balance is brought to 0 by the venue (a deficit on the last close).
 * Then the path goes on from there. Closes carry no slippage or fee. Pools already liquidatable today fail at t = 0.
 *
 * Cost: per failure at most gridSteps + bisectionSteps summaries (each option leg one Black-76 value).
 *
 * @param account - the margin account.
 * @param book - its option legs; every option market needs a volatility in `valuation.volatilities`.
 * @param prices - today's prices.
 * @param valuation - `nowMs`, `volatilities`, optional `rate` and `priceSource`.
 * @param scenarios - the scenarios ({@link OptionScenario}), each the end of a straight path from today.
 * @param options - cross liquidation rule, grid and bisection steps; `onProgress` after each scenario and a `signal`
 *   checked before each one.
 * @throws {@link InvalidArgumentError} for a bad scenario (path `['scenarios', i, field]`) or option (path
 *   `['options', field]`), a leg without a volatility; {@link MissingPriceError} for a missing price;
 *   {@link AbortedError} when the signal is aborted.
 * @example
 * ```ts
 * import { cascadeWithOptions, createMarginAccount, createOptionBook, createPrices } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDC', collateral: [{ asset: 'USDC', amount: 30_000 }],
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }],
 *   positions: [{ marketId: 'BTC-PERP', size: 1, entryPrice: 100_000, marginMode: 'cross' }] });
 * // An expired short call (valued at its payoff), isolated on 5000
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-C', optionType: 'call', strike: 100_000, expiry: 0, underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-C', size: -1, entryPrice: 1000, marginMode: 'isolated', isolatedMargin: 5000 }] },
 *   account);
 * const [up] = cascadeWithOptions(account, book, createPrices({ markets: { 'BTC-PERP': { mark: 100_000 } } }),
 *   { nowMs: 0, volatilities: { 'BTC-C': '0.6' } }, [{ name: 'up 20 %', move: '0.2' }]);
 * // The isolated call fails first (5000 − 100 000·m < 0.075·U + 100 000·m at m ≈ 1.2 %); the perpetual survives
 * up?.failedPools; // => ['BTC-C']
 * up?.survivors; // => ['BTC-PERP']
 * ```
 * @category Options
 */
export function cascadeWithOptions(
  account: MarginAccount,
  book: OptionBook,
  prices: Prices,
  valuation: OptionValuation,
  scenarios: readonly OptionScenario[],
  options: OptionCascadeOptions = {},
): OptionCascadeResult[] {
  const shocks = readOptionScenarios(account, book, valuation, scenarios, options);
  const rule = options.crossLiquidation ?? 'one-by-one';
  checkChoice(rule, 'options.crossLiquidation', ['one-by-one', 'whole-pool']);
  const gridSteps = options.gridSteps ?? 64;
  const bisectionSteps = options.bisectionSteps ?? 40;
  checkWhole(gridSteps, 'options.gridSteps', 1, 1000);
  checkWhole(bisectionSteps, 'options.bisectionSteps', 0, 100);
  const today = totalEquity(summarizeWithOptions(account, book, prices, valuation));
  return scenarios.map((scenario, index) => {
    throwIfAborted(options.signal, `cascadeWithOptions at scenario ${index} of ${scenarios.length}`);
    const shock = shocks[index] as OptionShock;
    const at = (state: State, t: Decimal): OptionAccountSummary => {
      const moved = shockWithOptions(state.account, prices, valuation, shockAt(shock, t));
      return summarizeWithOptions(state.account, state.book, moved.prices, moved.valuation);
    };
    let state: State = { account, book };
    let t0 = new D(0);
    const events: OptionLiquidationEvent[] = [];
    const failedPools: string[] = [];
    // Each pass finds the next failure at or after t0 and liquidates it; every pass closes at least one position.
    for (;;) {
      let failing: { t: Decimal; summary: OptionAccountSummary } | undefined;
      const start = at(state, t0);
      if (start.liquidatable.length > 0) failing = { t: t0, summary: start };
      else {
        let previous = t0;
        for (let i = 1; i <= gridSteps && !failing; i++) {
          const t = i === gridSteps ? new D(1) : t0.plus(new D(1).minus(t0).times(i).div(gridSteps));
          const s = at(state, t);
          if (s.liquidatable.length > 0) failing = { t, summary: s };
          else previous = t;
        }
        if (failing) {
          let lo = previous;
          for (let k = 0; k < bisectionSteps; k++) {
            const mid = lo.plus(failing.t).div(2);
            const s = at(state, mid);
            if (s.liquidatable.length > 0) failing = { t: mid, summary: s };
            else lo = mid;
          }
        }
      }
      if (!failing) break;
      const found = failing;
      const evaluate = (s: State) => at(s, found.t);
      const before = events.length;
      for (const pool of found.summary.liquidatable) {
        if (!failedPools.includes(pool)) failedPools.push(pool);
        const done = liquidatePool(state, pool, found.summary, found.t, evaluate, rule);
        state = done.state;
        events.push(...done.events);
      }
      if (events.length === before) break; // nothing left to close (cannot happen: a failing pool holds a position)
      t0 = found.t;
    }
    const summary = at(state, new D(1));
    const finalEquity = totalEquity(summary);
    reportProgress(options, index + 1, scenarios.length);
    const open = [...state.account.positions, ...state.book.positions].map((p) => p.id);
    return {
      name: scenario.name,
      events,
      failedPools,
      survivors: open,
      liquidated: events.map((e) => e.positionId),
      summary,
      finalEquity,
      loss: positiveZero(today.minus(finalEquity)),
    };
  });
}
