import { createMarginAccount } from '../../account/createMarginAccount.js';
import type { MarginAccount } from '../../account/MarginAccount.js';
import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { failValidation as fail } from '../../errors/ValidationError.js';
import { checkChoice, checkOptions, checkText } from '../../internal/argumentShape.js';
import { Decimal } from '../../internal/decimal.js';
import { deepFreeze } from '../../internal/freeze.js';
import type { Market } from '../../market/Market.js';
import type { PositionInput } from '../../position/Position.js';
import { createPrices } from '../../prices/createPrices.js';
import type { MarketPriceInput, Prices } from '../../prices/Prices.js';
import { parseAll } from '../../schemas/collectIssues.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { HyperliquidMarginTable } from './HyperliquidMarginTable.js';
import type {
  HyperliquidAssetCtx,
  HyperliquidClearinghouseState,
  HyperliquidMeta,
} from './HyperliquidPayloads.js';
import { FIRST_LISTED_TABLE_ID } from './hyperliquidMarginSchedule.js';
import { hyperliquidMarketAt } from './hyperliquidMarket.js';
import { assetCtxsSchema, clearinghouseStateSchema, metaSchema } from './schemas.js';

/**
 * Options of {@link fromHyperliquidClearinghouseState}.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidAdapterOptions {
  /** Which markets the account carries: `'held'` (default: those with a position) or `'all'` of the universe. */
  readonly markets?: 'held' | 'all';
  /** The collateral asset of the perp dex; default `'USDC'`. */
  readonly collateralAsset?: string;
}

/**
 * One position as Hyperliquid reported it, parsed to exact decimals, for comparison with the library's numbers.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidReportedPosition {
  /** `liquidationPx`, or null when Hyperliquid reports none. */
  readonly liquidationPx: Decimal | null;
  /** `marginUsed`. */
  readonly marginUsed: Decimal;
  /** `positionValue` (|size| · mark). */
  readonly positionValue: Decimal;
  /** `unrealizedPnl`. */
  readonly unrealizedPnl: Decimal;
  /** `leverage.value`. */
  readonly leverage: number;
  /** `leverage.rawUsd` of an isolated position. */
  readonly rawUsd?: Decimal;
}

/**
 * The account-level numbers of a `clearinghouseState` answer, parsed to exact decimals.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidReportedState {
  /** `marginSummary.accountValue`: cross account value plus every isolated position's margin and PnL. */
  readonly accountValue: Decimal;
  /** `crossMarginSummary.accountValue`. */
  readonly crossAccountValue: Decimal;
  /** `crossMaintenanceMarginUsed`. */
  readonly crossMaintenanceMarginUsed: Decimal;
  /** `crossMarginSummary.totalMarginUsed`: the cross positions' initial margin at their leverage. */
  readonly crossMarginUsed: Decimal;
  /** `marginSummary.totalMarginUsed`. */
  readonly totalMarginUsed: Decimal;
  /** `withdrawable`. */
  readonly withdrawable: Decimal;
  /** Per coin. */
  readonly positions: Readonly<Record<string, HyperliquidReportedPosition>>;
}

/**
 * Result of {@link fromHyperliquidClearinghouseState}.
 * @category Venue: Hyperliquid
 */
export interface HyperliquidAccountSnapshot {
  /** The account: USDC-settled, one market per coin, cross collateral and positions (ids = coin names). */
  readonly account: MarginAccount;
  /** Mark, oracle and open interest of every market of the account. */
  readonly prices: Prices;
  /** The asset contexts' `funding` per coin: the current hourly rate (an 8-hour rate divided by 8). */
  readonly hourlyFundingRates: Readonly<Record<string, Decimal>>;
  /** What Hyperliquid itself reported, for comparison. */
  readonly reported: HyperliquidReportedState;
}

/**
 * Turns Hyperliquid's own info-endpoint answers into the library's {@link MarginAccount} and {@link Prices}.
 *
 * - Markets: one per coin from `meta.universe` ({@link hyperliquidMarket}): size step `10^−szDecimals`, margin
 *   table by `marginTableId` (below 50: a single tier at that leverage; otherwise `meta.marginTables`; absent: a
 *   single tier at `maxLeverage`).
 * - Prices: `markPx`, `oraclePx`, `openInterest` of the asset context at the coin's universe index.
 * - Cross collateral (USDC): `crossMarginSummary.accountValue − Σ unrealizedPnl` of the cross positions, so that the
 *   library's cross equity at the same marks is Hyperliquid's cross account value.
 * - Positions: size `szi`, entry `entryPx`, mode and user leverage from `leverage`; an isolated position's margin
 *   is `marginUsed − unrealizedPnl` (Hyperliquid reports the isolated margin with its PnL included; this equals
 *   `rawUsd + szi · entryPx`). Funding is settled hourly into the balance, so no unsettled funding is carried.
 *   Positions of size 0 are left out.
 *
 * The state and the asset contexts should be read at the same moment: the library values positions at the
 * contexts' marks, Hyperliquid at the marks of its state.
 * Source: Hyperliquid docs "Info endpoint › Perpetuals" (`meta`, `metaAndAssetCtxs`, `clearinghouseState`),
 * "Margin tiers", "Funding".
 *
 * @param state - the `clearinghouseState` answer.
 * @param meta - the `meta` answer (or the first element of `metaAndAssetCtxs`).
 * @param assetCtxs - the asset contexts (the second element of `metaAndAssetCtxs`), in universe order.
 * @param options - which markets to include; the collateral asset.
 * @throws {@link ValidationError} naming the bad field of the payload, e.g. `NOT_A_NUMBER` at
 *   `['state', 'assetPositions', 0, 'position', 'szi']`, `UNKNOWN_MARKET` for a coin missing from the universe,
 *   `OFF_STEP` for a size off the asset's size decimals.
 * @example
 * ```ts
 * import { fromHyperliquidClearinghouseState, summarizeAccount } from 'marginkit';
 * const meta = { universe: [{ name: 'ETH', szDecimals: 4, maxLeverage: 50 }] };
 * const ctxs = [{ markPx: '2985.9', oraclePx: '2986.1', funding: '0.0000125', openInterest: '1882.55' }];
 * const summary = { accountValue: '13104.514502', totalNtlPos: '0.0', totalRawUsd: '13104.514502', totalMarginUsed: '0.0' };
 * const state = {
 *   assetPositions: [{ type: 'oneWay', position: { coin: 'ETH', szi: '0.0335', entryPx: '2986.3',
 *     leverage: { type: 'isolated', value: 20, rawUsd: '-95.059824' } as const, liquidationPx: '2866.26936529',
 *     marginUsed: '4.967826', maxLeverage: 50, positionValue: '100.02765', unrealizedPnl: '-0.0134' } }],
 *   crossMaintenanceMarginUsed: '0.0', crossMarginSummary: summary, withdrawable: '13104.514502',
 *   marginSummary: { accountValue: '13109.482328', totalNtlPos: '100.02765', totalRawUsd: '13009.454678', totalMarginUsed: '4.967826' },
 * };
 * const { account, prices } = fromHyperliquidClearinghouseState(state, meta, ctxs);
 * account.positions[0]?.isolatedMargin?.toString(); // => '4.981226'
 * summarizeAccount(account, prices).total.equity.toString(); // => '13109.482328'
 * ```
 * @category Venue: Hyperliquid
 */
export function fromHyperliquidClearinghouseState(
  state: HyperliquidClearinghouseState,
  meta: HyperliquidMeta,
  assetCtxs: readonly HyperliquidAssetCtx[],
  options: HyperliquidAdapterOptions = {},
): HyperliquidAccountSnapshot {
  checkOptions(options);
  if (options.collateralAsset !== undefined) checkText(options.collateralAsset, 'options.collateralAsset');
  if (options.markets !== undefined) checkChoice(options.markets, 'options.markets', ['held', 'all']);
  const { s, m, ctxs } = parseAll({
    s: () => parseOrThrow(clearinghouseStateSchema(), state, ['state']),
    m: () => parseOrThrow(metaSchema(), meta, ['meta']),
    ctxs: () => parseOrThrow(assetCtxsSchema(), assetCtxs, ['assetCtxs']),
  });
  const collateralAsset = options.collateralAsset ?? 'USDC';
  if (ctxs.length !== m.universe.length) {
    fail(
      'INVALID_FIELD',
      ['assetCtxs'],
      `has ${ctxs.length} entries; meta.universe has ${m.universe.length} (they pair up by index)`,
    );
  }

  const indexOf = new Map<string, number>();
  m.universe.forEach((entry, i) => {
    if (indexOf.has(entry.name)) {
      fail('DUPLICATE_ID', ['meta', 'universe', i, 'name'], `asset '${entry.name}' is listed twice`);
    }
    indexOf.set(entry.name, i);
  });
  const tables = new Map<number, { table: unknown; index: number }>();
  (m.marginTables ?? []).forEach(([id, table], j) => {
    if (tables.has(id))
      fail('DUPLICATE_ID', ['meta', 'marginTables', j, 0], `margin table ${id} is listed twice`);
    tables.set(id, { table, index: j });
  });

  const markets = new Map<string, Market>();
  const marketFor = (i: number): Market => {
    const entry = m.universe[i];
    if (!entry) throw new InvalidArgumentError('INVALID_ARGUMENT', `no universe entry ${i}`);
    const existing = markets.get(entry.name);
    if (existing) return existing;
    // No table id (older answers): a single tier at the asset's maximum leverage.
    let marginTable: HyperliquidMarginTable | number = {
      marginTiers: [{ lowerBound: 0, maxLeverage: entry.maxLeverage }],
    };
    let path: InputPath = ['meta', 'universe', i];
    const id = entry.marginTableId;
    if (id !== undefined) {
      const listed = tables.get(id);
      if (listed) {
        marginTable = listed.table as HyperliquidMarginTable;
        path = ['meta', 'marginTables', listed.index, 1];
      } else if (id > 0 && id < FIRST_LISTED_TABLE_ID) {
        marginTable = id;
        path = ['meta', 'universe', i, 'marginTableId'];
      } else {
        fail(
          'INVALID_FIELD',
          ['meta', 'universe', i, 'marginTableId'],
          `margin table ${id} is not in meta.marginTables (only ids 1 to 49 stand for themselves)`,
        );
      }
    }
    const market = hyperliquidMarketAt(
      { coin: entry.name, szDecimals: entry.szDecimals, marginTable, collateralAsset },
      path,
    );
    markets.set(entry.name, market);
    return market;
  };

  const positions: PositionInput[] = [];
  const reportedPositions: Record<string, HyperliquidReportedPosition> = {};
  let crossPnl = new Decimal(0);
  s.assetPositions.forEach(({ position: p }, i) => {
    const at = (field: string): InputPath => ['state', 'assetPositions', i, 'position', field];
    const index = indexOf.get(p.coin);
    if (index === undefined) fail('UNKNOWN_MARKET', at('coin'), `asset '${p.coin}' is not in meta.universe`);
    if (Object.hasOwn(reportedPositions, p.coin)) {
      fail(
        'DUPLICATE_ID',
        at('coin'),
        `asset '${p.coin}' has two positions; Hyperliquid holds one per asset`,
      );
    }
    const market = marketFor(index);
    if (market.stepSize && !p.szi.mod(market.stepSize).isZero()) {
      fail(
        'OFF_STEP',
        at('szi'),
        `size ${p.szi.toString()} is not a multiple of ${market.stepSize.toString()} (szDecimals of ${p.coin})`,
      );
    }
    reportedPositions[p.coin] = {
      liquidationPx: p.liquidationPx,
      marginUsed: p.marginUsed,
      positionValue: p.positionValue,
      unrealizedPnl: p.unrealizedPnl,
      leverage: p.leverage.value,
      ...(p.leverage.type === 'isolated' ? { rawUsd: p.leverage.rawUsd } : {}),
    };
    if (p.szi.isZero()) return;
    const common = {
      id: p.coin,
      marketId: p.coin,
      size: p.szi,
      entryPrice: p.entryPx,
      leverage: p.leverage.value,
    };
    if (p.leverage.type === 'cross') {
      crossPnl = crossPnl.plus(p.unrealizedPnl);
      positions.push({ ...common, marginMode: 'cross' });
      return;
    }
    const isolatedMargin = p.marginUsed.minus(p.unrealizedPnl);
    if (!isolatedMargin.isPositive() || isolatedMargin.isZero()) {
      fail(
        'INVALID_FIELD',
        at('marginUsed'),
        `an isolated position needs margin > 0; marginUsed − unrealizedPnl = ${isolatedMargin.toString()}`,
      );
    }
    positions.push({ ...common, marginMode: 'isolated', isolatedMargin });
  });

  if (options.markets === 'all') {
    for (let i = 0; i < m.universe.length; i++) marketFor(i);
  }

  const marketPrices: Record<string, MarketPriceInput> = {};
  const hourlyFundingRates: Record<string, Decimal> = {};
  for (const coin of markets.keys()) {
    const ctx = ctxs[indexOf.get(coin) ?? -1];
    if (!ctx) throw new InvalidArgumentError('INVALID_ARGUMENT', `no asset context for ${coin}`);
    marketPrices[coin] = { mark: ctx.markPx, oracle: ctx.oraclePx, openInterest: ctx.openInterest };
    hourlyFundingRates[coin] = ctx.funding;
  }

  const account = createMarginAccount({
    settleAsset: collateralAsset,
    markets: [...markets.values()],
    collateral: [{ asset: collateralAsset, amount: s.crossMarginSummary.accountValue.minus(crossPnl) }],
    positions,
  });
  const prices = createPrices({ markets: marketPrices });
  const reported: HyperliquidReportedState = {
    accountValue: s.marginSummary.accountValue,
    crossAccountValue: s.crossMarginSummary.accountValue,
    crossMaintenanceMarginUsed: s.crossMaintenanceMarginUsed,
    crossMarginUsed: s.crossMarginSummary.totalMarginUsed,
    totalMarginUsed: s.marginSummary.totalMarginUsed,
    withdrawable: s.withdrawable,
    positions: reportedPositions,
  };
  return deepFreeze({ account, prices, hourlyFundingRates, reported });
}
