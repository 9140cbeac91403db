import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkPrices, checkShock } from '../internal/argumentShape.js';
import { ONE } from '../internal/constants.js';
import type { Decimal, DecimalInput } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { deepFreeze } from '../internal/freeze.js';
import type { MarketPrice, Prices } from '../prices/Prices.js';
import type { PriceShock } from './Scenario.js';

function moveOf(shock: PriceShock, key: string): Decimal | undefined {
  switch (shock.kind) {
    case 'uniform':
      return decimalArg(shock.move, 'move');
    case 'relative':
      return Object.hasOwn(shock.moves, key) ? decimalArg(shock.moves[key] as DecimalInput, key) : undefined;
    case 'absolute':
      return undefined;
    case 'factor': {
      const move = decimalArg(shock.move, 'move');
      if (key === shock.driver) return move;
      const beta = Object.hasOwn(shock.betas, key)
        ? decimalArg(shock.betas[key] as DecimalInput, key)
        : new D(0);
      const idio =
        shock.idiosyncratic && Object.hasOwn(shock.idiosyncratic, key) ? shock.idiosyncratic[key] : undefined;
      return beta.times(move).plus(idio === undefined ? 0 : decimalArg(idio, key));
    }
  }
}

function moved(price: Decimal, shock: PriceShock, key: string, t: Decimal): Decimal {
  let next = price;
  if (shock.kind === 'absolute') {
    if (Object.hasOwn(shock.prices, key)) next = decimalArg(shock.prices[key] as DecimalInput, key);
  } else {
    const move = moveOf(shock, key);
    if (move) next = price.times(move.plus(ONE()));
  }
  const result = t.equals(ONE()) ? next : price.plus(next.minus(price).times(t));
  if (!result.isPositive() || result.isZero()) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `the shock takes the price of '${key}' to ${result} (≤ 0)`,
      ['shock'],
    );
  }
  return result;
}

/**
 * Prices after a shock: every market's oracle and mark, and every collateral asset's price, moved as the shock
 * says. With `t` in [0, 1], the prices a fraction `t` of the way along a straight path from today's to the
 * shocked ones (`p + t · (p' − p)`), used to find which pool fails first on the way.
 *
 * @param prices - prices now.
 * @param shock - the move.
 * @param t - fraction of the way, default 1.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` when a price would reach 0 or below.
 * @example
 * ```ts
 * import { applyShock, createPrices } from 'marginkit';
 * const p = applyShock(createPrices({ markets: { BTC: { mark: 60_000 }, ETH: { mark: 3000 } } }),
 *   { kind: 'factor', driver: 'BTC', move: '-0.1', betas: { ETH: '1.5' } });
 * p.markets.ETH?.mark?.toString(); // => '2550'
 * ```
 * @category Stress
 */
export function applyShock(prices: Prices, shock: PriceShock, t: DecimalInput = 1): Prices {
  checkPrices(prices);
  checkShock(shock);
  const f = decimalArg(t, 't');
  if (f.isNegative() || f.greaterThan(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 't must lie in [0, 1]', ['t']);
  }
  // Object.fromEntries defines own properties, so any id (even '__proto__') stays an ordinary key.
  const markets: Record<string, MarketPrice> = Object.fromEntries(
    Object.entries(prices.markets).map(([id, p]) => [
      id,
      {
        ...p,
        ...(p.oracle ? { oracle: moved(p.oracle, shock, id, f) } : {}),
        ...(p.mark ? { mark: moved(p.mark, shock, id, f) } : {}),
      },
    ]),
  );
  const assets: Record<string, Decimal> = Object.fromEntries(
    Object.entries(prices.assets).map(([asset, price]) => [asset, moved(price, shock, asset, f)]),
  );
  return deepFreeze({ markets, assets });
}
