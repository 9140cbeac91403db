import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkScenarios } from '../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { PriceShock, Scenario } from '../stress/Scenario.js';
import { checkPackedBook } from './batchShape.js';
import type { PackedBook } from './PackedBook.js';

/**
 * Scenarios as price multipliers per shock key of a {@link PackedBook}: `multiplier[s · keys + k] = 1 + move` of key
 * k in scenario s, computed exactly then rounded once to double.
 * @category Batch
 */
export interface PackedScenarios {
  /** Number of scenarios. */
  readonly count: number;
  /** Scenario names, in order. */
  readonly names: readonly string[];
  /** Number of shock keys (the book's `keys.length`). */
  readonly keyCount: number;
  /** `count × keyCount` multipliers, scenario-major. */
  readonly multiplier: Float64Array;
  /** Per scenario the single multiplier when every scenario is a uniform shock, so the grid can factor. */
  readonly uniform?: Float64Array;
}

function moveOf(shock: PriceShock, key: string, path: readonly (string | number)[]): Decimal {
  const arg = (v: DecimalInput, name: string) => decimalArg(v, name, [...path, name]);
  switch (shock.kind) {
    case 'uniform':
      return arg(shock.move, 'move');
    case 'relative':
      return Object.hasOwn(shock.moves, key)
        ? arg(shock.moves[key] as DecimalInput, 'moves')
        : new Decimal(0);
    case 'factor': {
      const move = arg(shock.move, 'move');
      if (key === shock.driver) return move;
      const beta = Object.hasOwn(shock.betas, key)
        ? arg(shock.betas[key] as DecimalInput, 'betas')
        : new Decimal(0);
      const idio =
        shock.idiosyncratic && Object.hasOwn(shock.idiosyncratic, key) ? shock.idiosyncratic[key] : undefined;
      return beta.times(move).plus(idio === undefined ? 0 : arg(idio, 'idiosyncratic'));
    }
    default:
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        'batch grids take uniform, relative and factor shocks',
        [...path, 'kind'],
      );
  }
}

/**
 * Turns scenarios into per-key price multipliers for {@link gridPackedBook}, as {@link applyShock} moves prices:
 * `p' = p · (1 + move)` with `move` the uniform move, the key's relative move, or `β · move + idiosyncratic` of a
 * factor shock. Markets and collateral assets share the key space, as in `applyShock`.
 *
 * @param book - the packed book (its shock keys).
 * @param scenarios - the scenarios.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for an absolute shock, a funding horizon (neither is
 *   screened in batch; use {@link stressAccount}), or a move that takes a price to 0 or below; the path names the
 *   scenario.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, packAccounts, packScenarios, uniformLadder } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   positions: [{ marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }] });
 * const book = packAccounts([account], createPrices({ markets: { BTC: { mark: 50_000 } } }));
 * [...packScenarios(book, uniformLadder('-0.2', '0', '0.1')).multiplier]; // => [0.8, 0.9, 1]
 * ```
 * @category Batch
 */
export function packScenarios(book: PackedBook, scenarios: readonly Scenario[]): PackedScenarios {
  checkPackedBook(book);
  checkScenarios(scenarios);
  const K = book.keys.length;
  const multiplier = new Float64Array(scenarios.length * K);
  const allUniform = scenarios.every((s) => s.shock === undefined || s.shock.kind === 'uniform');
  const uniform = allUniform ? new Float64Array(scenarios.length) : undefined;
  scenarios.forEach((scenario, s) => {
    const path = ['scenarios', s];
    if (scenario.funding) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        'batch grids do not project funding; use stressAccount',
        [...path, 'funding'],
      );
    }
    const shock = scenario.shock;
    const factorOf = (key: string): number => {
      if (!shock) return 1;
      const factor = moveOf(shock, key, [...path, 'shock']).plus(1);
      if (!factor.isPositive() || factor.isZero()) {
        throw new InvalidArgumentError(
          'INVALID_ARGUMENT',
          `the shock takes the price of '${key}' to 0 or below`,
          [...path, 'shock'],
        );
      }
      return factor.toNumber();
    };
    book.keys.forEach((key, k) => {
      multiplier[s * K + k] = factorOf(key);
    });
    if (uniform) uniform[s] = factorOf('');
  });
  return {
    count: scenarios.length,
    names: scenarios.map((s) => s.name),
    keyCount: K,
    multiplier,
    ...(uniform ? { uniform } : {}),
  };
}
