import type { MarginAccount } from '../account/MarginAccount.js';
import type { ValidationIssue } from '../errors/ValidationError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { checkAccount } from '../internal/argumentShape.js';
import { Decimal } from '../internal/decimal.js';
import { deepFreeze, withoutUndefined } from '../internal/freeze.js';
import { optionBookSchema } from '../schemas/optionBook.js';
import { parseOrThrow } from '../schemas/toValidationError.js';
import type { OptionBook, OptionBookInput, OptionMarket, OptionPosition } from './OptionBook.js';

/**
 * Validates option markets and positions against the account they sit in, and returns a frozen {@link OptionBook}.
 *
 * Each option's `underlying` must be a market of the account, and the option must settle in the account's settle
 * asset (a linear option in the underlying's quote asset, an inverse one in its base coin); market ids must be new
 * to the account and the book; positions must name a market of the book. Defaults: `settlement` follows the
 * underlying's kind, `contractSize` 1, margin rule Deribit's standard option margin (0.15, 0.1, 0.075).
 *
 * @param input - option markets and positions; numbers may be strings, numbers, bigints or Decimals.
 * @param account - the margin account holding the underlying perpetuals or futures and the collateral.
 * @throws {@link ValidationError} with every issue and its path, e.g. `UNKNOWN_MARKET` at
 * `['markets', 0, 'underlying']`, `SETTLEMENT_MISMATCH`, `DUPLICATE_ID`, `ISOLATED_WITHOUT_MARGIN`.
 * @example
 * ```ts
 * import { createMarginAccount, createOptionBook } from 'marginkit';
 * const account = createMarginAccount({
 *   settleAsset: 'USDC',
 *   markets: [{ id: 'BTC-PERP', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDC',
 *     marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' } }],
 *   collateral: [{ asset: 'USDC', amount: 50_000 }],
 *   positions: [],
 * });
 * const book = createOptionBook({
 *   markets: [{ id: 'BTC-110000-C', optionType: 'call', strike: 110_000, expiry: Date.UTC(2026, 11, 6, 8),
 *     underlying: 'BTC-PERP' }],
 *   positions: [{ marketId: 'BTC-110000-C', size: -2, entryPrice: 900, marginMode: 'cross' }],
 * }, account);
 * book.markets['BTC-110000-C']?.margin.initialBase.toString(); // => '0.15'
 * book.positions[0]?.size.toString(); // => '-2'
 * ```
 * @category Options
 */
export function createOptionBook(input: OptionBookInput, account: MarginAccount): OptionBook {
  checkAccount(account);
  const v = parseOrThrow(optionBookSchema(), input, []);
  const issues: ValidationIssue[] = [];
  const markets: Record<string, OptionMarket> = {};
  v.markets.forEach((m, i) => {
    const at = (...keys: (string | number)[]) => ['markets', i, ...keys];
    if (Object.hasOwn(account.markets, m.id) || Object.hasOwn(markets, m.id)) {
      issues.push({ code: 'DUPLICATE_ID', path: at('id'), message: `market id '${m.id}' is already used` });
      return;
    }
    const underlying = Object.hasOwn(account.markets, m.underlying)
      ? account.markets[m.underlying]
      : undefined;
    if (!underlying) {
      issues.push({
        code: 'UNKNOWN_MARKET',
        path: at('underlying'),
        message: `the account has no market '${m.underlying}'`,
      });
      return;
    }
    const settlement = m.settlement ?? (underlying.kind === 'linear' ? 'linear' : 'inverse');
    const settleAsset = settlement === 'linear' ? underlying.quoteAsset : underlying.baseAsset;
    if (settleAsset !== account.settleAsset) {
      issues.push({
        code: 'SETTLEMENT_MISMATCH',
        path: at('settlement'),
        message: `a ${settlement} option on ${m.underlying} settles in ${settleAsset}, the account in ${account.settleAsset}`,
      });
      return;
    }
    markets[m.id] = {
      id: m.id,
      kind: 'option',
      optionType: m.optionType,
      strike: m.strike,
      expiry: m.expiry,
      underlying: m.underlying,
      settlement,
      contractSize: m.contractSize ?? new Decimal(1),
      margin: {
        initialBase: m.margin?.initialBase ?? new Decimal('0.15'),
        initialFloor: m.margin?.initialFloor ?? new Decimal('0.1'),
        maintenance: m.margin?.maintenance ?? new Decimal('0.075'),
      },
    };
  });
  const ids = new Set<string>(account.positions.map((p) => p.id));
  const positions: OptionPosition[] = [];
  v.positions.forEach((p, i) => {
    const id = p.id ?? p.marketId;
    if (!Object.hasOwn(markets, p.marketId)) {
      issues.push({
        code: 'UNKNOWN_MARKET',
        path: ['positions', i, 'marketId'],
        message: `the book has no option market '${p.marketId}'`,
      });
    } else if (ids.has(id)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: ['positions', i, 'id'],
        message: `position id '${id}' is already used`,
      });
    }
    ids.add(id);
    positions.push(withoutUndefined({ ...p, id }) as OptionPosition);
  });
  const [first, ...rest] = issues;
  if (first) throw new ValidationError([first, ...rest]);
  return deepFreeze({ markets, positions });
}
