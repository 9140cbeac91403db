import { createMarginAccount, createPrices, Decimal, type InputPath, type PriceSource } from 'marginkit';
import type { Book } from './Book.js';
import { CliError } from './CliError.js';
import { inField } from './inField.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function volatility(value: unknown, path: InputPath): Record<string, Decimal> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new CliError('INVALID_TYPE', 'expected an object of σ by asset', path);
  const out: Record<string, Decimal> = {};
  for (const [asset, sigma] of Object.entries(value)) {
    const text = typeof sigma === 'number' && Number.isFinite(sigma) ? String(sigma) : sigma;
    if (typeof text !== 'string' || !/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || Number(text) <= 0) {
      throw new CliError('INVALID_FIELD', 'expected a positive annualised volatility', [...path, asset]);
    }
    out[asset] = new Decimal(text);
  }
  return out;
}

function priceSource(value: unknown, path: InputPath): PriceSource {
  if (value === undefined || value === 'mark' || value === 'oracle') return value ?? 'mark';
  throw new CliError('INVALID_ENUM', "expected 'mark' or 'oracle'", path);
}

function book(value: unknown, path: InputPath, index: number): Book {
  if (!isRecord(value))
    throw new CliError('INVALID_TYPE', 'expected an object with account and prices', path);
  for (const key of ['account', 'prices']) {
    if (!Object.hasOwn(value, key)) throw new CliError('MISSING_FIELD', 'is required', [...path, key]);
  }
  const title = value.title === undefined ? `Account ${index + 1}` : value.title;
  if (typeof title !== 'string') throw new CliError('INVALID_TYPE', 'expected a string', [...path, 'title']);
  return {
    title,
    account: inField([...path, 'account'], () => createMarginAccount(value.account as never)),
    prices: inField([...path, 'prices'], () => createPrices(value.prices as never)),
    priceSource: priceSource(value.priceSource, [...path, 'priceSource']),
    volatility: volatility(value.volatility, [...path, 'volatility']),
  };
}

/**
 * The library's own JSON input: one account (`{ title?, account, prices, priceSource?, volatility? }`, where
 * `account` is what `createMarginAccount` takes and `prices` what `createPrices` takes), or several under
 * `accounts` or as a JSON array.
 */
export function jsonBooks(input: unknown): Book[] {
  if (Array.isArray(input)) {
    if (input.length === 0) throw new CliError('INVALID_TYPE', 'expected a non-empty array of accounts');
    return input.map((entry, i) => book(entry, [i], i));
  }
  if (isRecord(input) && Object.hasOwn(input, 'accounts')) {
    const list = input.accounts;
    if (!Array.isArray(list) || list.length === 0) {
      throw new CliError('INVALID_TYPE', 'expected a non-empty array of accounts', ['accounts']);
    }
    return list.map((entry, i) => book(entry, ['accounts', i], i));
  }
  return [book(input, [], 0)];
}
