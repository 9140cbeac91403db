import {
  fromBinanceUsdmAccount,
  fromBybitPositions,
  fromDydxIndexerSubaccount,
  fromHyperliquidClearinghouseState,
  type MarginAccount,
  type PriceSource,
  type Prices,
} from 'marginkit';
import type { Book } from './Book.js';
import { CliError, usage } from './CliError.js';
import { inField } from './inField.js';
import { MODEL_VENUE_PAYLOADS } from './modelBook.js';

/** The venues of `--from`, and the keys of the JSON object that bundles a venue's answers. */
export const VENUE_PAYLOADS = {
  dydx: ['subaccount', 'perpetualMarkets'],
  binance: ['positionRisk', 'account', 'leverageBrackets', 'premiumIndex'],
  bybit: ['positionList', 'walletBalance', 'tickers', 'riskLimits'],
  hyperliquid: ['state', 'meta', 'assetCtxs'],
} as const;

export type Venue = keyof typeof VENUE_PAYLOADS;

export function isVenue(name: string): name is Venue {
  return Object.hasOwn(VENUE_PAYLOADS, name);
}

function adapt(
  venue: Venue,
  p: Record<string, unknown>,
): { account: MarginAccount; prices: Prices } & {
  priceSource?: PriceSource;
} {
  // The adapters validate every payload and report paths that start with these keys.
  // biome-ignore lint/suspicious/noExplicitAny: the adapters validate their untyped payloads themselves
  const any = p as Record<string, any>;
  switch (venue) {
    case 'dydx':
      return fromDydxIndexerSubaccount(any.subaccount, any.perpetualMarkets);
    case 'binance':
      return fromBinanceUsdmAccount(any.positionRisk, any.account, any.leverageBrackets, any.premiumIndex);
    case 'bybit':
      return fromBybitPositions(any.positionList, any.walletBalance, any.tickers, any.riskLimits);
    case 'hyperliquid':
      return fromHyperliquidClearinghouseState(any.state, any.meta, any.assetCtxs);
  }
}

/**
 * A venue's answers, bundled in one JSON object under the names of {@link VENUE_PAYLOADS}, turned into a book by
 * the venue's adapter.
 */
export function venueBook(venue: string, input: unknown): Book {
  if (!isVenue(venue)) {
    const all = [...Object.keys(VENUE_PAYLOADS), ...Object.keys(MODEL_VENUE_PAYLOADS)];
    throw usage(`--from must be one of ${all.join(', ')}, not '${venue}'`);
  }
  const keys = VENUE_PAYLOADS[venue];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CliError('INVALID_INPUT', `expected an object with ${keys.join(', ')}`);
  }
  const payloads = input as Record<string, unknown>;
  for (const key of keys) {
    if (!Object.hasOwn(payloads, key)) {
      throw new CliError('MISSING_FIELD', `the ${venue} input needs ${keys.join(', ')}`, [key]);
    }
  }
  const snapshot = inField([], () => adapt(venue, payloads));
  return {
    title: `${venue} account`,
    account: snapshot.account,
    prices: snapshot.prices,
    priceSource: snapshot.priceSource ?? 'mark',
    volatility: {},
  };
}
