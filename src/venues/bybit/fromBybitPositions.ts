import { createMarginAccount } from '../../account/createMarginAccount.js';
import type { MarginAccount } from '../../account/MarginAccount.js';
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { failValidation as fail, type ValidationIssue } from '../../errors/ValidationError.js';
import { checkOptions } from '../../internal/argumentShape.js';
import { Decimal } from '../../internal/decimal.js';
import { deepFreeze } from '../../internal/freeze.js';
import { isPlainObject as isObject } from '../../internal/isPlainObject.js';
import { quoteInput } from '../../internal/quoteInput.js';
import type { MarketInput, MarketKind } from '../../market/Market.js';
import type { MarginMode, PositionInput } from '../../position/Position.js';
import { createPrices } from '../../prices/createPrices.js';
import type { MarketPriceInput, Prices } from '../../prices/Prices.js';
import { collectIssues, throwIssues } from '../../schemas/collectIssues.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { BybitMaintenanceTerms } from './BybitPositionTerms.js';
import {
  type BybitMarginScheduleOptions,
  type ReadTier,
  readRiskLimitTiers,
  tierForValue,
} from './marginSchedule.js';
import type {
  BybitListPayload,
  BybitPositionInfo,
  BybitRiskLimitTier,
  BybitTicker,
  BybitWalletAccount,
} from './payloads.js';
import {
  positionInfoSchema,
  tickerSchema,
  unwrapList,
  walletAccountSchema,
  walletCoinSchema,
} from './schemas.js';

/**
 * Options of {@link fromBybitPositions}.
 * @category Venue: Bybit
 */
export interface FromBybitOptions extends BybitMarginScheduleOptions {
  /** `'linear'` (USDT/USDC contracts) or `'inverse'`; default the position list's `category`, else `'linear'`. */
  readonly category?: 'linear' | 'inverse';
  /**
   * The account's settle coin: default `'USDT'` for linear; required for inverse (`'BTC'` for BTCUSD). Positions of
   * other settle coins are left out and listed in `skipped`.
   */
  readonly settleCoin?: string;
  /**
   * Where a position's margin mode comes from: `'tradeMode'` (default: 0 cross, 1 isolated, as classic accounts and
   * UTA inverse report it), or `'cross'` / `'isolated'` for every position (a unified account reports `tradeMode`
   * 0 for linear even when its margin mode is `ISOLATED_MARGIN`).
   */
  readonly marginMode?: 'tradeMode' | MarginMode;
  /**
   * Whether the coin's `walletBalance` includes the margin held by isolated positions (default `true`, as Bybit
   * reports it): the cross collateral is then `walletBalance − Σ isolated position margin`.
   */
  readonly isolatedMarginInWalletBalance?: boolean;
}

/**
 * A position's figures as Bybit reported them (absent when Bybit sent `''`).
 * @category Venue: Bybit
 */
export interface BybitReportedFigures {
  /** `positionIM`. */
  readonly positionIM: Decimal;
  /** `positionMM`. */
  readonly positionMM: Decimal;
  /** `positionBalance`. */
  readonly positionBalance?: Decimal;
  /** `positionValue`. */
  readonly positionValue?: Decimal;
  /** `liqPrice`. */
  readonly liqPrice?: Decimal;
  /** `bustPrice`. */
  readonly bustPrice?: Decimal;
  /** `markPrice`. */
  readonly markPrice?: Decimal;
  /** `unrealisedPnl`. */
  readonly unrealisedPnl?: Decimal;
}

/**
 * The formula terms of an adapted position, every number a Decimal.
 * @category Venue: Bybit
 */
export interface BybitAdaptedTerms extends BybitMaintenanceTerms {
  readonly kind: MarketKind;
  readonly size: Decimal;
  readonly entryPrice: Decimal;
  readonly leverage: Decimal;
  /** `positionBalance − positionIM` (0 when Bybit gave no position balance). */
  readonly extraMargin: Decimal;
  /** Rate of the risk-limit tier holding the entry value (tiers include their upper limit). */
  readonly maintenanceRate: Decimal;
  /** Deduction of that tier. */
  readonly maintenanceDeduction: Decimal;
}

/**
 * One adapted position.
 * @category Venue: Bybit
 */
export interface BybitAdaptedPosition {
  /** The position's id in the account: the symbol, or `'<symbol>:long'` / `'<symbol>:short'` in hedge mode. */
  readonly id: string;
  /** Symbol (the market id). */
  readonly symbol: string;
  /** Bybit's position index. */
  readonly positionIdx: 0 | 1 | 2;
  /** Margin mode used. */
  readonly marginMode: MarginMode;
  /** Path of the item in the position-list input. */
  readonly path: InputPath;
  /** Terms for {@link bybitLiquidationPrice}, {@link bybitBankruptcyPrice}, {@link bybitInitialMargin}. */
  readonly terms: BybitAdaptedTerms;
  /** Bybit's own figures, to compare with. */
  readonly reported: BybitReportedFigures;
}

/**
 * A position of the list that was not adapted: `empty` (size 0, as returned when a symbol is queried) or
 * `other-settle-coin` (its symbol does not settle in the account's coin).
 * @category Venue: Bybit
 */
export interface BybitSkippedPosition {
  /** Path of the item in the position-list input. */
  readonly path: InputPath;
  /** Its symbol. */
  readonly symbol: string;
  /** Why it was left out. */
  readonly reason: 'empty' | 'other-settle-coin';
}

/**
 * Result of {@link fromBybitPositions}.
 * @category Venue: Bybit
 */
export interface BybitAccountSnapshot {
  /** The margin account: one market per symbol (tiered schedule from the risk limits), cross collateral, positions. */
  readonly account: MarginAccount;
  /** Mark (ticker `markPrice`) and oracle (ticker `indexPrice`) prices of the account's markets. */
  readonly prices: Prices;
  /** The adapted positions, in list order. */
  readonly positions: readonly BybitAdaptedPosition[];
  /** Current funding rate per symbol, from the tickers (when given). */
  readonly fundingRates: Readonly<Record<string, Decimal>>;
  /** The settle coin's `walletBalance` (0 when the wallet lists no such coin). */
  readonly walletBalance: Decimal;
  /** The settle coin's `equity` as reported, to compare with the library's total equity. */
  readonly walletEquity?: Decimal;
  /** Positions left out, with the reason. */
  readonly skipped: readonly BybitSkippedPosition[];
}

function checkCategory(found: string | undefined, expected: string, path: InputPath): void {
  if (found !== undefined && found !== expected) {
    fail(
      'INVALID_OPTION',
      [...path, 'category'],
      `category ${quoteInput(found)} where ${quoteInput(expected)} is expected`,
    );
  }
}

/** Risk-limit items with their paths, from one payload, several pages, or a bare list of tiers. */
function riskLimitItems(payload: unknown, category: string): { items: unknown[]; paths: InputPath[] } {
  const items: unknown[] = [];
  const paths: InputPath[] = [];
  const addPage = (page: unknown, path: InputPath) => {
    const { items: list, listPath, category: found } = unwrapList(page, path);
    checkCategory(found, category, listPath.slice(0, -1));
    list.forEach((item, i) => {
      items.push(item);
      paths.push([...listPath, i]);
    });
  };
  if (Array.isArray(payload)) {
    const pages = payload.every((p) => isObject(p) && ('list' in p || 'result' in p));
    payload.forEach((entry, k) => {
      if (pages) addPage(entry, ['riskLimits', k]);
      else {
        items.push(entry);
        paths.push(['riskLimits', k]);
      }
    });
  } else addPage(payload, ['riskLimits']);
  return { items, paths };
}

/** The base coin of a symbol in the account's settle coin, or undefined when it settles in another coin. */
function baseOf(symbol: string, kind: MarketKind, settle: string): string | undefined {
  if (kind === 'inverse') return symbol.startsWith(`${settle}USD`) ? settle : undefined;
  const at = symbol.indexOf(settle);
  return at > 0 ? symbol.slice(0, at) : undefined;
}

/**
 * Turns Bybit v5 payloads into the library's account and prices: `GET /v5/position/list`,
 * `GET /v5/account/wallet-balance`, `GET /v5/market/tickers` and `GET /v5/market/risk-limit` (each as the whole
 * response body or its `result` object; risk limits may also be a list of pages or a bare list of tiers).
 *
 * - Markets: one per symbol with positions; linear `BASE/settle` (e.g. BTCUSDT → BTC/USDT, one contract = 1 coin),
 *   inverse `coin/USD` (one contract = 1 USD, settled in the coin); margin schedule from the symbol's risk limits
 *   ({@link bybitMarginSchedule}).
 * - Positions: `size` signed by `side` (Buy > 0, Sell < 0), `entryPrice = avgPrice`, leverage; id = symbol in one-way
 *   mode, `<symbol>:long` / `<symbol>:short` for hedge-mode positionIdx 1 / 2. Isolated margin = `positionBalance`
 *   (`positionIM` plus margin added), or `positionIM` when no balance is given.
 * - Collateral: the settle coin's `walletBalance`, less the isolated margins it already holds (option). Then the
 *   library's total equity equals Bybit's coin `equity` (`walletBalance + unrealised PnL`).
 * - Prices: ticker `markPrice` (mark) and `indexPrice` (oracle); a symbol without a ticker falls back to the
 *   position's `markPrice`. Only tickers of the account's symbols are read.
 *
 * Each position also carries its formula terms (maintenance of the tier holding the entry value) and Bybit's
 * reported figures, so `bybitLiquidationPrice(position.terms, …)` can be set against `reported.liqPrice`.
 *
 * @param positionList - `GET /v5/position/list` response or result.
 * @param walletBalance - `GET /v5/account/wallet-balance` response or result.
 * @param tickers - `GET /v5/market/tickers` response or result.
 * @param riskLimits - `GET /v5/market/risk-limit` response or result, a list of them (pages), or a list of tiers.
 * @param options - category, settle coin, margin mode source, wallet treatment, risk-limit options.
 * @throws {@link ValidationError} naming the path of the bad field, e.g.
 *   `['positionList', 'result', 'list', 0, 'avgPrice']` (`NOT_A_NUMBER`).
 * @example
 * ```ts
 * import { fromBybitPositions } from 'marginkit';
 * const snapshot = fromBybitPositions(
 *   { list: [{ positionIdx: 0, symbol: 'BTCUSDT', side: 'Buy', size: '0.1', avgPrice: '60000', tradeMode: 1,
 *     leverage: '10', positionIM: '600', positionMM: '30', positionBalance: '650', markPrice: '61000' }] },
 *   { list: [{ accountType: 'UNIFIED', coin: [{ coin: 'USDT', walletBalance: '5000', equity: '5100' }] }] },
 *   { list: [{ symbol: 'BTCUSDT', markPrice: '61000', indexPrice: '60990', fundingRate: '0.0001' }] },
 *   { list: [{ symbol: 'BTCUSDT', riskLimitValue: '2000000', maintenanceMargin: '0.005', initialMargin: '0.01',
 *     maxLeverage: '100.00', mmDeduction: '' }] },
 * );
 * snapshot.account.collateral[0]?.amount.toString(); // => '4350'
 * snapshot.positions[0]?.terms.extraMargin.toString(); // => '50'
 * ```
 * @category Venue: Bybit
 */
export function fromBybitPositions(
  positionList: BybitListPayload<BybitPositionInfo>,
  walletBalance: BybitListPayload<BybitWalletAccount>,
  tickers: BybitListPayload<BybitTicker>,
  riskLimits:
    | BybitListPayload<BybitRiskLimitTier>
    | readonly BybitListPayload<BybitRiskLimitTier>[]
    | readonly BybitRiskLimitTier[],
  options: FromBybitOptions = {},
): BybitAccountSnapshot {
  checkOptions(options);
  if (options.category !== undefined && options.category !== 'linear' && options.category !== 'inverse') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', "category must be 'linear' or 'inverse'", [
      'options',
      'category',
    ]);
  }
  const positionsIn = unwrapList(positionList, ['positionList']);
  const listed = positionsIn.category;
  if (options.category === undefined && listed !== undefined && listed !== 'linear' && listed !== 'inverse') {
    fail(
      'INVALID_OPTION',
      [...positionsIn.listPath.slice(0, -1), 'category'],
      `category ${quoteInput(listed)} is not modelled`,
    );
  }
  const category: 'linear' | 'inverse' =
    options.category ?? (listed as 'linear' | 'inverse' | undefined) ?? 'linear';
  checkCategory(positionsIn.category, category, positionsIn.listPath.slice(0, -1));
  const kind: MarketKind = category;
  const settle = options.settleCoin ?? (kind === 'linear' ? 'USDT' : undefined);
  if (typeof settle !== 'string' || settle.trim() === '') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'an inverse account needs its settleCoin (e.g. BTC)', [
      'options',
      'settleCoin',
    ]);
  }
  const modeSource = options.marginMode ?? 'tradeMode';
  if (modeSource !== 'tradeMode' && modeSource !== 'cross' && modeSource !== 'isolated') {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      "marginMode must be 'tradeMode', 'cross' or 'isolated'",
      ['options', 'marginMode'],
    );
  }

  // Positions.
  interface Open {
    readonly path: InputPath;
    readonly id: string;
    readonly base: string;
    readonly mode: MarginMode;
    readonly v: ReturnType<ReturnType<typeof positionInfoSchema>['parse']>;
  }
  const open: Open[] = [];
  const skipped: BybitSkippedPosition[] = [];
  const ids = new Set<string>();
  // Every bad position is reported at once.
  const positionIssues: ValidationIssue[] = [];
  positionsIn.items.forEach((item, i) => {
    const path = [...positionsIn.listPath, i];
    const v = collectIssues(positionIssues, () => parseOrThrow(positionInfoSchema(), item, [...path]));
    if (!v) return;
    if (v.size.isZero()) {
      skipped.push({ path, symbol: v.symbol, reason: 'empty' });
      return;
    }
    const base = baseOf(v.symbol, kind, settle);
    if (base === undefined) {
      skipped.push({ path, symbol: v.symbol, reason: 'other-settle-coin' });
      return;
    }
    const id = v.positionIdx === 0 ? v.symbol : `${v.symbol}:${v.positionIdx === 1 ? 'long' : 'short'}`;
    if (ids.has(id)) {
      positionIssues.push({
        code: 'DUPLICATE_ID',
        path: [...path, 'positionIdx'],
        message: `position ${quoteInput(id)} is listed twice`,
        received: String(v.positionIdx),
      });
    }
    ids.add(id);
    const mode: MarginMode =
      modeSource === 'tradeMode' ? (v.tradeMode === 1 ? 'isolated' : 'cross') : modeSource;
    open.push({ path, id, base, mode, v });
  });
  throwIssues(positionIssues);
  const symbols = [...new Set(open.map((p) => p.v.symbol))];

  // Risk limits, grouped by symbol.
  const { items: tierItems, paths: tierPaths } = riskLimitItems(riskLimits, category);
  const bySymbol = new Map<string, { items: unknown[]; paths: InputPath[] }>();
  tierItems.forEach((item, k) => {
    const path = tierPaths[k] ?? ['riskLimits', k];
    const symbol = isObject(item) ? item.symbol : undefined;
    if (typeof symbol !== 'string' || symbol === '') {
      fail('MISSING_FIELD', [...path, 'symbol'], 'each risk-limit tier must name its symbol');
    }
    const group = bySymbol.get(symbol) ?? { items: [], paths: [] };
    group.items.push(item);
    group.paths.push(path);
    bySymbol.set(symbol, group);
  });
  const tiersOf = new Map<string, ReturnType<typeof readRiskLimitTiers>>();
  for (const symbol of symbols) {
    const group = bySymbol.get(symbol);
    if (!group) fail('MISSING_FIELD', ['riskLimits'], `no risk-limit tiers for ${quoteInput(symbol)}`);
    tiersOf.set(symbol, readRiskLimitTiers(group.items, group.paths, ['riskLimits'], options));
  }

  // Tickers of the account's symbols.
  const tickersIn = unwrapList(tickers, ['tickers']);
  checkCategory(tickersIn.category, category, tickersIn.listPath.slice(0, -1));
  const tickerOf = new Map<string, ReturnType<ReturnType<typeof tickerSchema>['parse']>>();
  tickersIn.items.forEach((item, i) => {
    const symbol = isObject(item) ? item.symbol : undefined;
    if (typeof symbol === 'string' && !symbols.includes(symbol)) return;
    const path = [...tickersIn.listPath, i];
    const v = parseOrThrow(tickerSchema(), item, [...path]);
    if (tickerOf.has(v.symbol))
      fail('DUPLICATE_ID', [...path, 'symbol'], `ticker ${quoteInput(v.symbol)} is listed twice`);
    tickerOf.set(v.symbol, v);
  });

  // Wallet: the settle coin.
  const walletIn = unwrapList(walletBalance, ['walletBalance']);
  let coinBalance: Decimal | undefined;
  let coinEquity: Decimal | undefined;
  let coinPath: InputPath = walletIn.listPath;
  walletIn.items.forEach((accountItem, a) => {
    const accountPath = [...walletIn.listPath, a];
    const account = parseOrThrow(walletAccountSchema(), accountItem, [...accountPath]);
    account.coin.forEach((coinItem, c) => {
      const path = [...accountPath, 'coin', c];
      const coin = parseOrThrow(walletCoinSchema(), coinItem, [...path]);
      if (coin.coin !== settle) return;
      if (coinBalance !== undefined)
        fail('DUPLICATE_ID', [...path, 'coin'], `coin ${quoteInput(settle)} is listed twice`);
      coinBalance = coin.walletBalance;
      coinEquity = coin.equity;
      coinPath = path;
    });
  });
  const wallet = coinBalance ?? new Decimal(0);

  // Markets, positions, collateral, prices.
  const markets: MarketInput[] = symbols.map((symbol) => {
    const first = open.find((p) => p.v.symbol === symbol);
    const schedule = tiersOf.get(symbol)?.schedule;
    if (!first || !schedule)
      throw new InvalidArgumentError('INVALID_ARGUMENT', `no data for ${quoteInput(symbol)}`);
    return {
      id: symbol,
      kind,
      baseAsset: first.base,
      quoteAsset: kind === 'linear' ? settle : 'USD',
      marginSchedule: schedule,
    };
  });
  let isolatedTotal = new Decimal(0);
  const adapted: BybitAdaptedPosition[] = [];
  const positions: PositionInput[] = open.map((p) => {
    const { v } = p;
    const positionIM = v.positionIM ?? new Decimal(0);
    const positionMM = v.positionMM ?? new Decimal(0);
    const leverage = v.leverage ?? new Decimal(1);
    const size = v.side === 'Sell' ? v.size.negated() : v.size;
    const input: PositionInput = {
      id: p.id,
      marketId: v.symbol,
      size,
      entryPrice: v.avgPrice,
      marginMode: p.mode,
      leverage,
    };
    let extraMargin = new Decimal(0);
    let withMargin = input;
    if (p.mode === 'isolated') {
      const margin = v.positionBalance ?? positionIM;
      if (!margin.isPositive() || margin.isZero()) {
        fail(
          'ISOLATED_WITHOUT_MARGIN',
          [...p.path, v.positionBalance === undefined ? 'positionIM' : 'positionBalance'],
          `isolated position ${quoteInput(p.id)} holds no margin (${margin.toString()})`,
        );
      }
      isolatedTotal = isolatedTotal.plus(margin);
      if (v.positionBalance !== undefined) extraMargin = v.positionBalance.minus(positionIM);
      withMargin = { ...input, isolatedMargin: margin };
    }
    const value = kind === 'linear' ? v.size.times(v.avgPrice) : v.size.div(v.avgPrice);
    const tier = tierForValue(tiersOf.get(v.symbol)?.tiers ?? ([] as ReadTier[]), value);
    const reported: BybitReportedFigures = {
      positionIM,
      positionMM,
      ...(v.positionBalance === undefined ? {} : { positionBalance: v.positionBalance }),
      ...(v.positionValue === undefined ? {} : { positionValue: v.positionValue }),
      ...(v.liqPrice === undefined ? {} : { liqPrice: v.liqPrice }),
      ...(v.bustPrice === undefined ? {} : { bustPrice: v.bustPrice }),
      ...(v.markPrice === undefined ? {} : { markPrice: v.markPrice }),
      ...(v.unrealisedPnl === undefined ? {} : { unrealisedPnl: v.unrealisedPnl }),
    };
    adapted.push({
      id: p.id,
      symbol: v.symbol,
      positionIdx: v.positionIdx,
      marginMode: p.mode,
      path: p.path,
      terms: {
        kind,
        size,
        entryPrice: v.avgPrice,
        leverage,
        extraMargin,
        maintenanceRate: tier?.maintenanceRate ?? new Decimal(0),
        maintenanceDeduction: tier?.deduction ?? new Decimal(0),
      },
      reported,
    });
    return withMargin;
  });

  const includesIsolated = options.isolatedMarginInWalletBalance ?? true;
  if (typeof includesIsolated !== 'boolean') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'isolatedMarginInWalletBalance must be a boolean', [
      'options',
      'isolatedMarginInWalletBalance',
    ]);
  }
  const crossCollateral = includesIsolated ? wallet.minus(isolatedTotal) : wallet;
  if (crossCollateral.isNegative() && !crossCollateral.isZero()) {
    fail(
      'INVALID_RANGE',
      [...coinPath, 'walletBalance'],
      `wallet balance ${wallet.toString()} ${settle} is below the isolated margins it holds (${isolatedTotal.toString()})`,
    );
  }

  const priceInputs: Record<string, MarketPriceInput> = {};
  const fundingRates: Record<string, Decimal> = {};
  for (const symbol of symbols) {
    const ticker = tickerOf.get(symbol);
    if (ticker) {
      priceInputs[symbol] =
        ticker.indexPrice === undefined
          ? { mark: ticker.markPrice }
          : { mark: ticker.markPrice, oracle: ticker.indexPrice };
      if (ticker.fundingRate !== undefined) fundingRates[symbol] = ticker.fundingRate;
      continue;
    }
    const mark = open.find((p) => p.v.symbol === symbol && p.v.markPrice !== undefined)?.v.markPrice;
    if (!mark)
      fail(
        'MISSING_FIELD',
        [...tickersIn.listPath],
        `no ticker for ${quoteInput(symbol)} and no markPrice on its position`,
      );
    priceInputs[symbol] = { mark };
  }

  const account = createMarginAccount({
    settleAsset: settle,
    markets,
    collateral: [{ asset: settle, amount: crossCollateral }],
    positions,
  });
  const prices = createPrices({ markets: priceInputs });
  return deepFreeze({
    account,
    prices,
    positions: adapted,
    fundingRates,
    walletBalance: wallet,
    ...(coinEquity === undefined ? {} : { walletEquity: coinEquity }),
    skipped,
  });
}
