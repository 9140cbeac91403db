import { createMarginAccount } from '../../account/createMarginAccount.js';
import type { MarginAccount } from '../../account/MarginAccount.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { failValidation as fail } from '../../errors/ValidationError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { isPlainObject as isObject } from '../../internal/isPlainObject.js';
import type { MarketInput } from '../../market/Market.js';
import type { PositionInput } from '../../position/Position.js';
import { createPrices } from '../../prices/createPrices.js';
import type { Prices } from '../../prices/Prices.js';
import { parseAll } from '../../schemas/collectIssues.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import {
  indexerMarketMapSchema,
  indexerMarketSchema,
  indexerOptionsSchema,
  indexerSubaccountSchema,
} from './indexerSchemas.js';

/** Subaccount numbers from 128 up are the child subaccounts v4-web trades isolated positions in. */
const NUM_PARENT_SUBACCOUNTS = 128;

/**
 * Options of {@link fromDydxIndexerSubaccount}.
 * @category Venue: dYdX
 */
export interface DydxIndexerOptions {
  /**
   * How a child subaccount (number ≥ 128) holding one position is mapped: `'isolated'` (default), that position in
   * isolated mode with the subaccount's equity less its uPnL as margin (v4-web's isolated margin mode); `'cross'`,
   * the subaccount as a cross account like any other. Subaccounts below 128, and children holding zero or several
   * positions, are always cross.
   */
  readonly childSubaccounts?: 'isolated' | 'cross';
  /**
   * `true` (default): the initial fraction scales with open interest between the market's caps, as on chain and in
   * v4-web. `false`: the base initial fraction, as the indexer's own `freeCollateral`.
   */
  readonly openInterestScaling?: boolean;
  /** User-selected leverage by market ticker (v4-web's selected leverage), set on the positions held. */
  readonly leverage?: Readonly<Record<string, DecimalInput>>;
  /** More market tickers to include in the account and prices, besides those held (e.g. to preview an order). */
  readonly markets?: readonly string[];
  /** Funding rate clamp factor of the markets' funding schedules (`funding_rate_clamp_factor_ppm` / 1e6); default 6. */
  readonly fundingRateClampFactor?: DecimalInput;
}

/**
 * Result of {@link fromDydxIndexerSubaccount}.
 * @category Venue: dYdX
 */
export interface DydxIndexerAccount {
  /** The subaccount as a margin account settled in USDC. */
  readonly account: MarginAccount;
  /** Oracle prices and open interest of the account's markets. */
  readonly prices: Prices;
  /** The price every dYdX v4 computation uses; pass it to `summarizeAccount` and the liquidation functions. */
  readonly priceSource: 'oracle';
  /** The subaccount number. */
  readonly subaccountNumber: number;
  /** True when the subaccount was mapped to one isolated position. */
  readonly isolated: boolean;
  /** Equity the indexer reported, when present (USDC). */
  readonly reportedEquity?: Decimal;
  /** Free collateral the indexer reported, when present (USDC; base IMF, no leverage). */
  readonly reportedFreeCollateral?: Decimal;
}

/** The payload inside its response envelope (`{ subaccount }`, `{ markets }`), with the path prefix to report. */
function unwrap(value: unknown, key: string, marker: string): { body: unknown; prefix: InputPath } {
  if (isObject(value) && Object.hasOwn(value, key) && !Object.hasOwn(value, marker)) {
    return { body: value[key], prefix: [key] };
  }
  return { body: value, prefix: [] };
}

/**
 * Turns the dYdX v4 indexer's own payloads into a {@link MarginAccount} and {@link Prices} for the generic engine.
 *
 * Inputs are the response bodies of `GET /v4/addresses/{address}/subaccountNumber/{n}` (`{ subaccount }`, or the
 * subaccount object itself) and `GET /v4/perpetualMarkets` (`{ markets }`, or the map itself), decimals as strings.
 * Mapping (dYdX keeps no entry-based balance, only USDC and signed positions valued at the oracle):
 *
 * - collateral `USDC + Σ size · entryPrice` (USDC signed by its `side`; the indexer has already added unsettled
 *   funding to it), each position at its `entryPrice`, so that equity = `USDC + Σ size · oracle` exactly as the
 *   indexer and the chain compute it, and uPnL = `size · (oracle − entry)`;
 * - each market an `open-interest` schedule: base IMF `initialMarginFraction`, MMF `maintenanceMarginFraction`,
 *   caps `openInterestLowerCap`/`UpperCap` (USDC); prices `oracle = oraclePrice`, `openInterest` in coins; a
 *   funding schedule paying hourly an 8-hour rate on the oracle price, clamped to `±factor · (IMF − MMF)`, offset by
 *   `8 · defaultFundingRate1H`;
 * - a child subaccount (number ≥ 128) with one position: that position isolated, margin `USDC + size · entry`
 *   (its equity less its uPnL).
 *
 * Use `priceSource: 'oracle'` (returned) with `summarizeAccount`, `liquidationPrice` and the rest. The generic
 * engine is exact and does not apply the chain's quantum rounding; see {@link dydxSubaccountRisk} for that.
 *
 * @param subaccount - the subaccount response.
 * @param perpetualMarkets - the perpetual markets response (at least every market held).
 * @param options - child-subaccount mapping, OI scaling, leverage, extra markets, funding clamp factor.
 * @throws {@link ValidationError} naming the field at fault, e.g. `['subaccount', 'openPerpetualPositions',
 *   'ETH-USD', 'size']`, for a malformed payload, a position in a market the markets payload lacks
 *   (`UNKNOWN_MARKET`), or an isolated child whose margin is not positive.
 * @example
 * ```ts
 * import { fromDydxIndexerSubaccount, summarizeAccount } from 'marginkit';
 * const { account, prices, priceSource } = fromDydxIndexerSubaccount(
 *   { subaccount: { address: 'dydx1…', subaccountNumber: 0, equity: '100', freeCollateral: '50',
 *     openPerpetualPositions: { 'ETH-USD': { market: 'ETH-USD', side: 'LONG', size: '1', entryPrice: '1000' } },
 *     assetPositions: { USDC: { symbol: 'USDC', side: 'SHORT', size: '900' } } } },
 *   { markets: { 'ETH-USD': { ticker: 'ETH-USD', oraclePrice: '1000', initialMarginFraction: '0.05',
 *     maintenanceMarginFraction: '0.03', openInterest: '1000', atomicResolution: -9, tickSize: '0.1', stepSize: '0.001' } } },
 * );
 * summarizeAccount(account, prices, { priceSource }).cross.freeCollateral.toString(); // => '50'
 * ```
 * @category Venue: dYdX
 */
export function fromDydxIndexerSubaccount(
  subaccount: unknown,
  perpetualMarkets: unknown,
  options: DydxIndexerOptions = {},
): DydxIndexerAccount {
  const sub = unwrap(subaccount, 'subaccount', 'subaccountNumber');
  const mkt = unwrap(perpetualMarkets, 'markets', 'ticker');
  const { opts, s, marketMap } = parseAll({
    opts: () => parseOrThrow(indexerOptionsSchema(), options, ['options']),
    s: () => parseOrThrow(indexerSubaccountSchema(), sub.body, [...sub.prefix]),
    marketMap: () => parseOrThrow(indexerMarketMapSchema(), mkt.body, [...mkt.prefix]),
  });

  const positions = Object.values(s.openPerpetualPositions);
  const tickers = [...new Set([...positions.map((p) => p.market), ...(opts.markets ?? [])])];
  const markets = new Map(
    tickers.map((ticker) => {
      const held = positions.some((p) => p.market === ticker);
      const path: InputPath = held
        ? [...sub.prefix, 'openPerpetualPositions', ticker, 'market']
        : ['options', 'markets', (opts.markets ?? []).indexOf(ticker)];
      if (!Object.hasOwn(marketMap, ticker)) {
        fail('UNKNOWN_MARKET', path, `market '${ticker}' is not in the perpetual markets payload`);
      }
      const m = parseOrThrow(indexerMarketSchema(), marketMap[ticker], [...mkt.prefix, ticker]);
      if (m.ticker !== ticker) {
        fail('INVALID_FIELD', [...mkt.prefix, ticker, 'ticker'], `market keyed '${ticker}' is '${m.ticker}'`);
      }
      return [ticker, m] as const;
    }),
  );

  const usdcEntry = s.assetPositions.USDC;
  const usdc = usdcEntry
    ? usdcEntry.side === 'LONG'
      ? usdcEntry.size
      : usdcEntry.size.negated()
    : new Decimal(0);
  const costs = positions.reduce((acc, p) => acc.plus(p.size.times(p.entryPrice)), new Decimal(0));
  const isolated =
    (opts.childSubaccounts ?? 'isolated') === 'isolated' &&
    s.subaccountNumber >= NUM_PARENT_SUBACCOUNTS &&
    positions.length === 1;
  const margin = usdc.plus(costs);
  if (isolated && (margin.isNegative() || margin.isZero())) {
    fail(
      'INVALID_FIELD',
      [...sub.prefix, 'assetPositions', 'USDC'],
      `the isolated position's margin (USDC + size · entry = ${margin.toString()}) is not positive; map the child subaccount with childSubaccounts: 'cross'`,
    );
  }

  const factor = opts.fundingRateClampFactor ?? new Decimal(6);
  const scaling = opts.openInterestScaling ?? true;
  const marketInputs: MarketInput[] = [...markets.values()].map((m) => {
    const onStep = positions.every((p) => p.market !== m.ticker || p.size.mod(m.stepSize).isZero());
    return {
      id: m.ticker,
      kind: 'linear',
      baseAsset: m.ticker.split('-')[0] || m.ticker,
      quoteAsset: 'USDC',
      tickSize: m.tickSize,
      ...(onStep ? { stepSize: m.stepSize } : {}),
      marginSchedule: {
        type: 'open-interest',
        initialFraction: m.initialMarginFraction,
        maintenanceFraction: m.maintenanceMarginFraction,
        openInterestLowerCap: scaling ? (m.openInterestLowerCap ?? 0) : 0,
        openInterestUpperCap: scaling ? (m.openInterestUpperCap ?? 0) : 0,
      },
      fundingSchedule: {
        intervalMs: 3_600_000,
        ratePeriodMs: 28_800_000,
        paymentPrice: 'oracle',
        rate: {
          type: 'clamped-premium',
          offset: (m.defaultFundingRate1H ?? new Decimal(0)).times(8),
          cap: factor.times(m.initialMarginFraction.minus(m.maintenanceMarginFraction)),
        },
      },
    };
  });

  const positionInputs: PositionInput[] = positions.map((p) => {
    const leverage =
      opts.leverage && Object.hasOwn(opts.leverage, p.market) ? opts.leverage[p.market] : undefined;
    return {
      id: p.market,
      marketId: p.market,
      size: p.size,
      entryPrice: p.entryPrice,
      ...(isolated
        ? { marginMode: 'isolated' as const, isolatedMargin: margin }
        : { marginMode: 'cross' as const }),
      ...(leverage === undefined ? {} : { leverage }),
    };
  });

  const account = createMarginAccount({
    settleAsset: 'USDC',
    markets: marketInputs,
    collateral: isolated ? [] : [{ asset: 'USDC', amount: margin }],
    positions: positionInputs,
  });
  const prices = createPrices({
    markets: Object.fromEntries(
      [...markets.values()].map((m) => [m.ticker, { oracle: m.oraclePrice, openInterest: m.openInterest }]),
    ),
  });
  return {
    account,
    prices,
    priceSource: 'oracle',
    subaccountNumber: s.subaccountNumber,
    isolated,
    ...(s.equity === undefined ? {} : { reportedEquity: s.equity }),
    ...(s.freeCollateral === undefined ? {} : { reportedFreeCollateral: s.freeCollateral }),
  };
}
