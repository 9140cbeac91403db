import { createMarginAccount } from '../../account/createMarginAccount.js';
import type { CollateralInput, MarginAccount } from '../../account/MarginAccount.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { MissingPriceError } from '../../errors/MissingPriceError.js';
import {
  failValidation,
  ValidationError,
  type ValidationErrorCode,
  type ValidationIssue,
} from '../../errors/ValidationError.js';
import type { FundingSchedule, FundingScheduleInput } from '../../funding/FundingSchedule.js';
import { checkObject, checkOptions, checkText } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import type { MarketInput } from '../../market/Market.js';
import type { PositionInput } from '../../position/Position.js';
import { createPrices } from '../../prices/createPrices.js';
import type { MarketPriceInput, Prices } from '../../prices/Prices.js';
import { collectIssues, parseAll, throwIssues } from '../../schemas/collectIssues.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { BinancePositionSide } from './BinanceLiquidationPrice.js';
import type { BinanceBracketOptions } from './LeverageBracket.js';
import { marginScheduleAt } from './marginSchedule.js';
import type {
  BinanceAccountPayload,
  BinancePositionRiskPayload,
  BinancePremiumIndexPayload,
  BinanceSymbolBracketsPayload,
} from './payloads.js';
import {
  accountSchema,
  positionRiskListSchema,
  premiumIndexSchema,
  symbolBracketsSchema,
} from './schemas.js';

/**
 * Options of {@link fromBinanceUsdmAccount}.
 * @category Venue: Binance
 */
export interface BinanceUsdmAccountOptions extends BinanceBracketOptions {
  /** Margin asset of the account and of every position; default `'USDT'`. */
  readonly settleAsset?: string;
  /** Multi-Assets mode: price of each non-settlement collateral asset in the settlement asset (e.g. its index). */
  readonly assetPrices?: Readonly<Record<string, DecimalInput>>;
  /**
   * Multi-Assets mode: collateral value ratio per asset (Binance's "Multi-Assets Info" page, e.g. 0.95 for BTC);
   * default 1 for every asset, the settlement asset included.
   */
  readonly collateralWeights?: Readonly<Record<string, DecimalInput>>;
  /** Funding schedule per symbol (e.g. from {@link binanceFundingSchedule}), attached to its market. */
  readonly fundingSchedules?: Readonly<Record<string, FundingScheduleInput | FundingSchedule>>;
}

/**
 * What Binance itself reported about one position, next to the library's model of it.
 * @category Venue: Binance
 */
export interface BinancePositionReport {
  /** Id of the position in the account: the symbol (one-way), or `SYMBOL:LONG` / `SYMBOL:SHORT` (hedge mode). */
  readonly positionId: string;
  /** Symbol, also the market id. */
  readonly symbol: string;
  /** Binance's position side. */
  readonly positionSide: BinancePositionSide;
  /** Binance's margin type. */
  readonly marginType: 'cross' | 'isolated';
  /** `liquidationPrice` of `positionRisk`; `"0"` becomes `never`. */
  readonly liquidationPrice: { readonly kind: 'price'; readonly price: Decimal } | { readonly kind: 'never' };
  /** `unRealizedProfit` of `positionRisk`. */
  readonly unrealizedProfit: Decimal;
  /** `markPrice` of `positionRisk`. */
  readonly markPrice: Decimal;
  /** `maintMargin` of the account payload's matching position, when present. */
  readonly maintMargin?: Decimal;
}

/**
 * Result of {@link fromBinanceUsdmAccount}.
 * @category Venue: Binance
 */
export interface BinanceUsdmSnapshot {
  /** The account: one linear market per symbol held, cross collateral, and every open position. */
  readonly account: MarginAccount;
  /** Mark (`markPrice`) and oracle (`indexPrice`) per symbol held; collateral asset prices when given. */
  readonly prices: Prices;
  /** Binance's own figures per open position, in the account's order. */
  readonly positions: readonly BinancePositionReport[];
  /** True when the payload has `LONG`/`SHORT` rows. */
  readonly hedgeMode: boolean;
  /** `multiAssetsMargin` of the account payload. */
  readonly multiAssetsMargin: boolean;
}

/** A payload that may be one object (symbol given) or an array (all symbols), each with its path. */
function entries(value: unknown, name: string): { readonly value: unknown; readonly path: InputPath }[] {
  // Array.from visits holes (as undefined), so a sparse list is reported, not skipped.
  if (Array.isArray(value)) return Array.from(value, (v, i) => ({ value: v, path: [name, i] }));
  if (typeof value === 'object' && value !== null) return [{ value, path: [name] }];
  return fail(
    value === undefined ? 'MISSING_FIELD' : 'INVALID_TYPE',
    'expected an object or an array of objects',
    [name],
  );
}

function baseAssetOf(symbol: string, settle: string, path: InputPath): string {
  const pair = symbol.split('_')[0] ?? symbol;
  if (!pair.endsWith(settle) || pair.length === settle.length) {
    fail('SETTLEMENT_MISMATCH', `symbol ${symbol} is not margined in ${settle}`, path);
  }
  return pair.slice(0, pair.length - settle.length);
}

/**
 * Turns Binance USDⓈ-M payloads into the library's {@link MarginAccount} and {@link Prices}, so that the
 * library's summaries, liquidation prices, stress runs and order previews run on a Binance account.
 *
 * Mapping:
 * - markets: one linear market per symbol held (`SYMBOLUSDT` → base `SYMBOL`, quote and settlement USDT), its
 *   tiers from `leverageBracket` by {@link binanceMarginSchedule} (cum verified by default), funding from
 *   `options.fundingSchedules`;
 * - positions: every row of `positionRisk` with `positionAmt ≠ 0`; id = symbol in one-way mode, `SYMBOL:LONG` /
 *   `SYMBOL:SHORT` in hedge mode; `marginType` → margin mode; an isolated position's margin is its
 *   `isolatedWallet` (the wallet of the isolated formula, PnL excluded); `leverage` → the position's leverage;
 * - collateral: the cross wallet (`crossWalletBalance`) of the settlement asset; in Multi-Assets mode
 *   (`multiAssetsMargin: true`) every asset with `marginAvailable`, valued at `options.assetPrices` times
 *   `options.collateralWeights`;
 * - prices: `markPrice` → mark, `indexPrice` → oracle, from `premiumIndex` (Binance liquidates on the mark).
 *
 * Payloads are validated (Binance sends decimals as strings); unknown fields are ignored. `leverageBracket` and
 * `premiumIndex` may each be Binance's array (no symbol sent) or single object (symbol sent).
 *
 * @param positionRisk - `GET /fapi/v2/positionRisk`.
 * @param account - `GET /fapi/v2/account`.
 * @param leverageBrackets - `GET /fapi/v1/leverageBracket`.
 * @param premiumIndex - `GET /fapi/v1/premiumIndex`.
 * @param options - settlement asset, Multi-Assets prices and weights, funding schedules, `cum` policy.
 * @throws {@link ValidationError} naming the payload field at fault, e.g. `['positionRisk', 3, 'positionAmt']`
 *   with `NOT_A_NUMBER`; {@link MissingPriceError} for a symbol held without a `premiumIndex` row
 *   (`['premiumIndex']`) or a Multi-Assets collateral asset without a price (`['assetPrices', asset]`).
 * @example
 * ```ts
 * import { fromBinanceUsdmAccount, summarizeAccount } from 'marginkit';
 * const { account, prices, positions } = fromBinanceUsdmAccount(
 *   [{ symbol: 'BTCUSDT', positionSide: 'BOTH', positionAmt: '0.010', entryPrice: '60000.0', markPrice: '61000.00000000',
 *      unRealizedProfit: '10.00000000', liquidationPrice: '0', leverage: '10', marginType: 'cross', isolatedWallet: '0' }],
 *   { assets: [{ asset: 'USDT', walletBalance: '1000.00000000', crossWalletBalance: '1000.00000000' }] },
 *   [{ symbol: 'BTCUSDT', brackets: [{ bracket: 1, initialLeverage: 125, notionalCap: 50000, notionalFloor: 0,
 *      maintMarginRatio: 0.004, cum: 0 }] }],
 *   [{ symbol: 'BTCUSDT', markPrice: '61000.00000000', indexPrice: '60990.00000000' }],
 * );
 * positions[0]?.positionId; // => 'BTCUSDT'
 * summarizeAccount(account, prices).cross.equity.toString(); // => '1010'
 * ```
 * @category Venue: Binance
 */
export function fromBinanceUsdmAccount(
  positionRisk: readonly BinancePositionRiskPayload[],
  account: BinanceAccountPayload,
  leverageBrackets: readonly BinanceSymbolBracketsPayload[] | BinanceSymbolBracketsPayload,
  premiumIndex: readonly BinancePremiumIndexPayload[] | BinancePremiumIndexPayload,
  options: BinanceUsdmAccountOptions = {},
): BinanceUsdmSnapshot {
  checkOptions(options);
  if (options.settleAsset !== undefined) checkText(options.settleAsset, 'options.settleAsset');
  for (const key of ['fundingSchedules', 'assetPrices', 'collateralWeights'] as const) {
    if (options[key] !== undefined) checkObject(options[key], `options.${key}`);
  }
  const settle = options.settleAsset ?? 'USDT';
  const { rows, acct, brackets, marks } = parseAll({
    rows: () => parseOrThrow(positionRiskListSchema(), positionRisk, ['positionRisk']),
    acct: () => parseOrThrow(accountSchema(), account, ['account']),
    brackets: () =>
      bySymbol(leverageBrackets, 'leverageBrackets', (entry) => {
        const parsed = parseOrThrow(symbolBracketsSchema(), entry.value, [...entry.path]);
        return {
          symbol: parsed.symbol,
          value: { raw: (entry.value as { brackets: unknown }).brackets, path: [...entry.path, 'brackets'] },
        };
      }),
    marks: () =>
      bySymbol(premiumIndex, 'premiumIndex', (entry) => {
        const parsed = parseOrThrow(premiumIndexSchema(), entry.value, [...entry.path]);
        return {
          symbol: parsed.symbol,
          value: { mark: parsed.markPrice, index: parsed.indexPrice, path: entry.path },
        };
      }),
  });

  const multiAssets = acct.multiAssetsMargin ?? false;
  const hedgeMode = rows.some((r) => r.positionSide !== 'BOTH');
  const seen = new Set<string>();
  const marginTypes = new Map<string, 'cross' | 'isolated'>();
  const markets = new Map<string, MarketInput>();
  const positions: PositionInput[] = [];
  const reports: BinancePositionReport[] = [];
  const priceInputs: Record<string, MarketPriceInput> = {};

  rows.forEach((row, i) => {
    const at = (field: string): InputPath => ['positionRisk', i, field];
    const key = `${row.symbol}:${row.positionSide}`;
    if (seen.has(key))
      fail('DUPLICATE_ID', `${row.symbol} ${row.positionSide} is listed twice`, at('positionSide'));
    seen.add(key);
    const amt = row.positionAmt;
    if (amt.isZero()) return;
    if (hedgeMode && row.positionSide === 'BOTH') {
      fail(
        'INVALID_FIELD',
        'an open BOTH (one-way) row among LONG/SHORT (hedge mode) rows',
        at('positionSide'),
      );
    }
    if (row.positionSide === 'LONG' && amt.isNegative())
      fail('INVALID_FIELD', 'a LONG row has positionAmt < 0', at('positionAmt'));
    if (row.positionSide === 'SHORT' && amt.isPositive())
      fail('INVALID_FIELD', 'a SHORT row has positionAmt > 0', at('positionAmt'));
    if (!row.entryPrice.greaterThan(0))
      fail('NOT_POSITIVE', 'an open position needs entryPrice > 0', at('entryPrice'));
    if (row.marginAsset !== undefined && row.marginAsset !== settle) {
      fail(
        'SETTLEMENT_MISMATCH',
        `position margined in ${row.marginAsset}, the account in ${settle}`,
        at('marginAsset'),
      );
    }
    const known = marginTypes.get(row.symbol);
    if (known !== undefined && known !== row.marginType) {
      fail(
        'INVALID_FIELD',
        `${row.symbol} is both cross and isolated; Binance sets the margin type per symbol`,
        at('marginType'),
      );
    }
    marginTypes.set(row.symbol, row.marginType);
    const isolated = row.marginType === 'isolated';
    if (isolated && multiAssets) {
      fail('INVALID_FIELD', 'Multi-Assets mode supports cross margin only', at('marginType'));
    }
    if (isolated && !row.isolatedWallet?.greaterThan(0)) {
      fail(
        'ISOLATED_WITHOUT_MARGIN',
        'an open isolated position needs isolatedWallet > 0',
        at('isolatedWallet'),
      );
    }

    if (!markets.has(row.symbol)) {
      const source = brackets.get(row.symbol);
      if (!source) fail('MISSING_FIELD', `no brackets for ${row.symbol}`, ['leverageBrackets']);
      const priced = marks.get(row.symbol);
      if (!priced) {
        throw new MissingPriceError('MISSING_PRICE', `no premiumIndex row for ${row.symbol}`, [
          'premiumIndex',
        ]);
      }
      if (!priced.mark.greaterThan(0))
        fail('NOT_POSITIVE', 'markPrice must be > 0', [...priced.path, 'markPrice']);
      const fundingSchedule =
        options.fundingSchedules && Object.hasOwn(options.fundingSchedules, row.symbol)
          ? options.fundingSchedules[row.symbol]
          : undefined;
      markets.set(row.symbol, {
        id: row.symbol,
        kind: 'linear',
        baseAsset: baseAssetOf(row.symbol, settle, at('symbol')),
        quoteAsset: settle,
        marginSchedule: marginScheduleAt(source.raw, options, source.path),
        ...(fundingSchedule === undefined ? {} : { fundingSchedule }),
      });
      priceInputs[row.symbol] = {
        mark: priced.mark,
        ...(priced.index.greaterThan(0) ? { oracle: priced.index } : {}),
      };
    }

    const positionId = hedgeMode ? key : row.symbol;
    positions.push({
      id: positionId,
      marketId: row.symbol,
      size: amt,
      entryPrice: row.entryPrice,
      marginMode: row.marginType,
      leverage: row.leverage,
      ...(isolated && row.isolatedWallet ? { isolatedMargin: row.isolatedWallet } : {}),
    });
    const maint = acct.positions?.find(
      (p) => p.symbol === row.symbol && p.positionSide === row.positionSide,
    )?.maintMargin;
    reports.push({
      positionId,
      symbol: row.symbol,
      positionSide: row.positionSide,
      marginType: row.marginType,
      liquidationPrice: row.liquidationPrice.greaterThan(0)
        ? { kind: 'price', price: row.liquidationPrice }
        : { kind: 'never' },
      unrealizedProfit: row.unRealizedProfit,
      markPrice: row.markPrice,
      ...(maint === undefined ? {} : { maintMargin: maint }),
    });
  });

  const collateral: CollateralInput[] = [];
  const assetPrices: Record<string, DecimalInput> = {};
  const weightOf = (asset: string) =>
    options.collateralWeights && Object.hasOwn(options.collateralWeights, asset)
      ? { weight: options.collateralWeights[asset] as DecimalInput }
      : {};
  if (multiAssets) {
    acct.assets.forEach((a) => {
      if (a.marginAvailable === false || a.crossWalletBalance.isZero()) return;
      if (a.asset !== settle) {
        const price =
          options.assetPrices && Object.hasOwn(options.assetPrices, a.asset)
            ? options.assetPrices[a.asset]
            : undefined;
        if (price === undefined) {
          throw new MissingPriceError(
            'MISSING_ASSET_PRICE',
            `Multi-Assets collateral ${a.asset} needs a price in ${settle}; pass options.assetPrices`,
            ['assetPrices', a.asset],
          );
        }
        assetPrices[a.asset] = price;
      }
      collateral.push({ asset: a.asset, amount: a.crossWalletBalance, ...weightOf(a.asset) });
    });
  } else {
    const own = acct.assets.find((a) => a.asset === settle);
    if (!own) fail('MISSING_FIELD', `the account payload has no ${settle} asset`, ['account', 'assets']);
    collateral.push({ asset: settle, amount: own.crossWalletBalance, ...weightOf(settle) });
  }

  return {
    account: createMarginAccount({
      settleAsset: settle,
      markets: [...markets.values()],
      collateral,
      positions,
    }),
    prices: createPrices({ markets: priceInputs, assets: assetPrices }),
    positions: reports,
    hedgeMode,
    multiAssetsMargin: multiAssets,
  };
}

/** One-issue {@link ValidationError} with this file's argument order. */
/** The entries of a per-symbol payload read one by one, every bad entry and repeated symbol reported together. */
function bySymbol<T>(
  payload: unknown,
  name: string,
  read: (entry: { value: unknown; path: InputPath }) => { symbol: string; value: T },
): Map<string, T> {
  const issues: ValidationIssue[] = [];
  const out = new Map<string, T>();
  for (const entry of entries(payload, name)) {
    const found = collectIssues(issues, () => read(entry));
    if (!found) continue;
    if (out.has(found.symbol)) {
      issues.push({
        code: 'DUPLICATE_ID',
        path: [...entry.path, 'symbol'],
        message: `symbol ${found.symbol} is listed twice`,
        received: `'${found.symbol}'`,
      });
    }
    out.set(found.symbol, found.value);
  }
  throwIssues(issues);
  return out;
}

function fail(code: ValidationErrorCode, message: string, path: InputPath): never {
  return failValidation(code, path, message);
}
