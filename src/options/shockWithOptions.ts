import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { convergeAt } from '../futures/convergeBasis.js';
import {
  checkAccount,
  checkObject,
  checkObjectList,
  checkOptions,
  checkText,
  checkTime,
} from '../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { checkProgress, type ProgressOptions } from '../internal/progress.js';
import type { Prices } from '../prices/Prices.js';
import { applyShock } from '../stress/applyShock.js';
import { checkOptionBook } from './checkOptionMarket.js';
import type { OptionValuation } from './OptionAccountSummary.js';
import type { OptionBook } from './OptionBook.js';
import type { OptionScenario } from './OptionScenario.js';

/** The checked shape of a scenario's shocks (move and volMove as Decimals). */
export interface OptionShock {
  readonly move: Decimal;
  readonly market: string | undefined;
  readonly volMove: Decimal;
  readonly horizonMs: number;
}

/** Reads and checks the shock fields of a scenario or search at `path` (e.g. `['scenarios', 2]`). */
export function readOptionShock(
  input: { move?: DecimalInput; market?: string; volMove?: DecimalInput; horizonMs?: number },
  path: readonly (string | number)[],
  account: MarginAccount,
): OptionShock {
  const name = path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .slice(1);
  checkObject(input, name);
  const move = decimalArg(input.move ?? 0, `${name}.move`, [...path, 'move']);
  const volMove = decimalArg(input.volMove ?? 0, `${name}.volMove`, [...path, 'volMove']);
  if (input.market !== undefined) {
    checkText(input.market, `${name}.market`);
    if (!Object.hasOwn(account.markets, input.market)) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `the account has no market '${input.market}' to move`,
        [...path, 'market'],
      );
    }
  }
  if (input.horizonMs !== undefined) checkTime(input.horizonMs, `${name}.horizonMs`);
  if (move.lessThanOrEqualTo(-1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'move must be > −1', [...path, 'move']);
  }
  if (volMove.lessThanOrEqualTo(-1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'volMove must be > −1', [...path, 'volMove']);
  }
  const horizonMs = input.horizonMs ?? 0;
  if (horizonMs < 0)
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'horizonMs must be ≥ 0', [...path, 'horizonMs']);
  return { move, market: input.market, volMove, horizonMs };
}

/**
 * Checks the arguments of a stress over option scenarios (with `options`, its progress fields too) and reads every
 * scenario's shock.
 */
export function readOptionScenarios(
  account: MarginAccount,
  book: OptionBook,
  valuation: OptionValuation,
  scenarios: readonly OptionScenario[],
  options?: ProgressOptions,
): OptionShock[] {
  checkAccount(account);
  checkOptionBook(book);
  checkRepriceable(book, valuation);
  checkObjectList(scenarios, 'scenarios');
  scenarios.forEach((s, i) => {
    checkText(s.name, `scenarios[${i}].name`);
  });
  const shocks = scenarios.map((s, i) => readOptionShock(s, ['scenarios', i], account));
  if (options !== undefined) {
    checkOptions(options);
    checkProgress(options);
  }
  return shocks;
}

/** Every option leg must have a volatility to be re-priced along a path. */
export function checkRepriceable(book: OptionBook, valuation: OptionValuation): void {
  checkObject(valuation, 'valuation');
  checkTime(valuation.nowMs, 'valuation.nowMs');
  for (const position of book.positions) {
    const vols = valuation.volatilities;
    if (typeof vols !== 'object' || vols === null || !Object.hasOwn(vols, position.marketId)) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `option ${position.marketId} needs a volatility to be re-priced under stress`,
        ['valuation', 'volatilities', position.marketId],
      );
    }
  }
}

/**
 * Prices and valuation after a shock: prices × (1 + move) (all markets and assets, or one market), then every dated
 * future's basis converged over horizonMs ({@link convergeBasis}), every volatility × (1 + volMove), the clock
 * advanced by horizonMs.
 */
export function shockWithOptions(
  account: MarginAccount,
  prices: Prices,
  valuation: OptionValuation,
  shock: OptionShock,
): { prices: Prices; valuation: OptionValuation } {
  const moved = shock.move.isZero()
    ? prices
    : applyShock(
        prices,
        shock.market === undefined
          ? { kind: 'uniform', move: shock.move }
          : { kind: 'relative', moves: { [shock.market]: shock.move } },
      );
  const converged = convergeAt(account, moved, valuation.nowMs, shock.horizonMs);
  const factor = shock.volMove.plus(1);
  const volatilities: Record<string, Decimal> = {};
  for (const [id, vol] of Object.entries(valuation.volatilities ?? {})) {
    volatilities[id] = decimalArg(vol, `valuation.volatilities.${id}`, [
      'valuation',
      'volatilities',
      id,
    ]).times(factor);
  }
  return {
    prices: converged,
    valuation: { ...valuation, nowMs: valuation.nowMs + shock.horizonMs, volatilities },
  };
}
