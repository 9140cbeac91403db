import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { adjustSettleCollateral } from '../execution/adjustSettleCollateral.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { deepFreeze } from '../internal/freeze.js';
import { notional } from '../margin/notional.js';
import { marketOf, type SummaryOptions, summarizeAccount } from '../margin/summarizeAccount.js';
import { unrealizedPnl } from '../margin/unrealizedPnl.js';
import type { Position } from '../position/Position.js';
import type { Prices } from '../prices/Prices.js';
import type { StressOptions } from './stressAccount.js';

/**
 * One forced close of a stress cascade.
 * @category Stress
 */
export interface LiquidationEvent {
  /** Fraction of the way along the scenario's price path at which the pool reached maintenance. */
  readonly at: Decimal;
  /** `'cross'` or the isolated position's id. */
  readonly pool: string;
  /** The position closed. */
  readonly positionId: string;
  readonly marketId: string;
  /** The market price when the pool failed, and the fill after slippage. */
  readonly price: Decimal;
  readonly fillPrice: Decimal;
  /** PnL realised at the fill, and the liquidation fee, settlement asset. */
  readonly realizedPnl: Decimal;
  readonly fee: Decimal;
  /** Loss beyond the pool's collateral, borne by the venue's insurance fund (0 when none). */
  readonly deficit: Decimal;
}

/**
 * What a close pays into the cross collateral: `amount` for a cross position; for an isolated one its margin +
 * `amount` when positive, and the negative rest as a deficit (the pool cannot lose more than its margin).
 */
export function closeProceeds(
  amount: Decimal,
  position: { readonly marginMode: string; readonly isolatedMargin?: Decimal },
): { proceeds: Decimal; deficit: Decimal } {
  if (position.marginMode !== 'isolated') return { proceeds: amount, deficit: new D(0) };
  const proceeds = amount.plus(position.isolatedMargin ?? 0);
  return proceeds.isNegative()
    ? { proceeds: new D(0), deficit: proceeds.negated() }
    : { proceeds, deficit: new D(0) };
}

/**
 * Closes one position at `price` worsened by `slippage` (a sell below, a buy above), paying `feeRate` on the fill
 * notional. Cross: PnL − fee − funding settle to the settlement-asset collateral. Isolated: margin + PnL − fee −
 * funding returns to the cross collateral if positive; a negative remainder is the deficit.
 */
export function liquidateAt(
  account: MarginAccount,
  position: Position,
  price: Decimal,
  slippage: Decimal,
  feeRate: Decimal,
): { account: MarginAccount; fillPrice: Decimal; realizedPnl: Decimal; fee: Decimal; deficit: Decimal } {
  const market = marketOf(account, position.marketId);
  const fillPrice = position.size.isPositive()
    ? price.times(new D(1).minus(slippage))
    : price.times(slippage.plus(1));
  const realizedPnl = unrealizedPnl(market, position, fillPrice);
  const fee = notional(market, position.size, fillPrice).times(feeRate);
  const { proceeds, deficit } = closeProceeds(
    realizedPnl.minus(fee).minus(position.unsettledFunding),
    position,
  );
  const collateral = adjustSettleCollateral(account, proceeds);
  const next: MarginAccount = deepFreeze({
    ...account,
    collateral,
    positions: account.positions.filter((p) => p.id !== position.id),
  });
  return { account: next, fillPrice, realizedPnl, fee, deficit };
}

/**
 * After a forced close: if the cross pool holds no position any more and its equity is negative, the venue's
 * insurance fund absorbs the rest — the settlement balance is brought back to 0 and the amount returned as a
 * deficit (the trader never loses more than the account holds).
 */
export function absorbCrossDeficit(
  account: MarginAccount,
  prices: Prices,
  options: SummaryOptions,
): { account: MarginAccount; deficit: Decimal } {
  if (account.positions.some((p) => p.marginMode === 'cross')) return { account, deficit: new D(0) };
  const left = summarizeAccount(account, prices, options).cross.equity;
  if (!left.isNegative()) return { account, deficit: new D(0) };
  return {
    account: deepFreeze({ ...account, collateral: adjustSettleCollateral(account, left.negated()) }),
    deficit: left.negated(),
  };
}

/** How forced closes are made. */
export interface CloseRules {
  /** Slippage and liquidation fee of a forced close in a market. */
  readonly costs: (marketId: string) => { readonly slippage: Decimal; readonly feeRate: Decimal };
  readonly crossLiquidation: 'one-by-one' | 'whole-pool';
  readonly summaryOptions: SummaryOptions;
}

/**
 * The close rules of stress options: one slippage and fee for every market, overridden per market by
 * `liquidationCosts` (an illiquid alt closes at a worse price than BTC).
 */
export function closeRules(options: StressOptions, summaryOptions: SummaryOptions): CloseRules {
  const read = (value: DecimalInput | undefined, fallback: Decimal, path: (string | number)[]): Decimal => {
    if (value === undefined) return fallback;
    const d = decimalArg(value, String(path[path.length - 1]), path);
    if (d.isNegative() && !d.isZero()) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'liquidation costs must be ≥ 0', path);
    }
    return d;
  };
  const slippage = read(options.liquidationSlippage, new D(0), ['liquidationSlippage']);
  const feeRate = read(options.liquidationFeeRate, new D(0), ['liquidationFeeRate']);
  const perMarket = new Map(
    Object.entries(options.liquidationCosts ?? {}).map(([id, c]) => [
      id,
      {
        slippage: read(c.slippage, slippage, ['liquidationCosts', id, 'slippage']),
        feeRate: read(c.feeRate, feeRate, ['liquidationCosts', id, 'feeRate']),
      },
    ]),
  );
  return {
    costs: (marketId) => perMarket.get(marketId) ?? { slippage, feeRate },
    crossLiquidation: options.crossLiquidation ?? 'one-by-one',
    summaryOptions,
  };
}

/**
 * Liquidates one failing pool: its positions close at `fillPrices` (worst unrealised PnL first), a closed-out
 * cross pool's negative balance goes to the insurance fund, and one-by-one cross liquidation stops as soon as the
 * check at `checkPrices` no longer finds the cross pool liquidatable.
 */
export function liquidatePool(
  account: MarginAccount,
  pool: string,
  fillPrices: Prices,
  checkPrices: Prices,
  at: Decimal,
  rules: CloseRules,
): { account: MarginAccount; events: LiquidationEvent[] } {
  const truth = summarizeAccount(account, fillPrices, rules.summaryOptions);
  const pnl = new Map(truth.positions.map((p) => [p.positionId, p.unrealizedPnl]));
  const price = new Map(truth.positions.map((p) => [p.positionId, p.price]));
  const members = account.positions
    .filter((p) => (pool === 'cross' ? p.marginMode === 'cross' : p.id === pool))
    .sort((a, b) => (pnl.get(a.id) ?? new D(0)).comparedTo(pnl.get(b.id) ?? new D(0)));
  const events: LiquidationEvent[] = [];
  let current = account;
  for (const position of members) {
    const fill = price.get(position.id);
    if (!fill) continue;
    const { slippage, feeRate } = rules.costs(position.marketId);
    const closed = liquidateAt(current, position, fill, slippage, feeRate);
    const absorbed =
      pool === 'cross'
        ? absorbCrossDeficit(closed.account, fillPrices, rules.summaryOptions)
        : { account: closed.account, deficit: new D(0) };
    events.push({
      at,
      pool,
      positionId: position.id,
      marketId: position.marketId,
      price: fill,
      fillPrice: closed.fillPrice,
      realizedPnl: closed.realizedPnl,
      fee: closed.fee,
      deficit: closed.deficit.plus(absorbed.deficit),
    });
    current = absorbed.account;
    if (pool !== 'cross' || rules.crossLiquidation === 'whole-pool') continue;
    if (!summarizeAccount(current, checkPrices, rules.summaryOptions).cross.liquidatable) break;
  }
  return { account: current, events };
}
