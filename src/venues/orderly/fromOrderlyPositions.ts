import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { checkObject, checkObjectList, checkText } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { decimalArg } from '../../internal/decimalArg.js';
import { deepFreeze } from '../../internal/freeze.js';
import { quoteInput } from '../../internal/quoteInput.js';
import type { OrderlyAccount, OrderlyMarket, OrderlyPosition } from './OrderlyMarket.js';
import { resolveMarket } from './terms.js';

/**
 * The `data` of Orderly's `GET /v1/positions` (the fields the model reads; numbers as Orderly sends them).
 * @category Venue: Orderly
 */
export interface OrderlyPositionsPayload {
  /** One row per symbol. */
  readonly rows: readonly {
    readonly symbol: string;
    readonly position_qty: DecimalInput;
    readonly mark_price: DecimalInput;
    readonly cost_position: DecimalInput;
    /** Orderly's own estimate, or null. */
    readonly est_liq_price?: DecimalInput | null;
    readonly mmr?: DecimalInput;
    readonly imr?: DecimalInput;
  }[];
  /** `total_collateral_value`, when present. */
  readonly total_collateral_value?: DecimalInput;
}

/**
 * A row of `GET /v1/public/info` (`data.rows`): the symbol's base margin ratios.
 * @category Venue: Orderly
 */
export interface OrderlySymbolInfo {
  readonly symbol: string;
  readonly base_imr: DecimalInput;
  readonly base_mmr: DecimalInput;
}

/**
 * The `data` of `GET /v1/client/info`: the account's IMR factors by symbol and its max leverage.
 * @category Venue: Orderly
 */
export interface OrderlyClientInfo {
  readonly imr_factor: Readonly<Record<string, DecimalInput>>;
  readonly max_leverage?: DecimalInput;
}

/**
 * What Orderly reported for the account, parsed exactly, to compare with the model.
 * @category Venue: Orderly
 */
export interface OrderlyReported {
  /** `total_collateral_value`, when sent. */
  readonly totalCollateralValue?: Decimal;
  /** Per symbol: `est_liq_price` (null when Orderly sends none), `mmr` and `imr` when sent. */
  readonly positions: Readonly<
    Record<string, { readonly estLiqPrice: Decimal | null; readonly mmr?: Decimal; readonly imr?: Decimal }>
  >;
}

/**
 * Result of {@link fromOrderlyPositions}.
 * @category Venue: Orderly
 */
export interface OrderlyAccountSnapshot {
  readonly account: OrderlyAccount;
  readonly markets: Readonly<Record<string, OrderlyMarket>>;
  /** `max_leverage` of the client info, when sent. */
  readonly maxAccountLeverage?: Decimal;
  readonly reported: OrderlyReported;
}

/**
 * Reads Orderly's REST answers into the model's inputs: `/v1/positions` rows become positions (zero rows are
 * skipped), `/v1/public/info` rows and the account's `imr_factor` become the markets of the held symbols.
 * Numbers are read through their decimal string form (JSON numbers as Orderly sends them, or strings).
 *
 * @param positions - `data` of `GET /v1/positions`.
 * @param usdcHolding - the USDC `holding` of `GET /v1/client/holding`.
 * @param symbols - `data.rows` of `GET /v1/public/info`.
 * @param clientInfo - `data` of `GET /v1/client/info`.
 * @throws {@link InvalidArgumentError} naming the field that is malformed or missing.
 * @example
 * ```ts
 * import { fromOrderlyPositions, orderlyAccountMargin } from 'marginkit';
 * const snap = fromOrderlyPositions(
 *   { rows: [{ symbol: 'PERP_ETH_USDC', position_qty: 2, mark_price: 1900, cost_position: 4000, est_liq_price: 1578.95 }] },
 *   1000,
 *   [{ symbol: 'PERP_ETH_USDC', base_imr: 0.1, base_mmr: 0.05 }],
 *   { imr_factor: { PERP_ETH_USDC: 0 }, max_leverage: 10 },
 * );
 * orderlyAccountMargin(snap.account, snap.markets).totalCollateral.toString(); // => '800'
 * ```
 * @category Venue: Orderly
 */
export function fromOrderlyPositions(
  positions: OrderlyPositionsPayload,
  usdcHolding: DecimalInput,
  symbols: readonly OrderlySymbolInfo[],
  clientInfo: OrderlyClientInfo,
): OrderlyAccountSnapshot {
  checkObject(positions, 'positions');
  checkObjectList(positions.rows, 'positions.rows');
  checkObjectList(symbols, 'symbols');
  checkObject(clientInfo, 'clientInfo');
  checkObject(clientInfo.imr_factor, 'clientInfo.imr_factor');
  const num = (value: DecimalInput, path: InputPath) => decimalArg(value, path.map(String).join('.'), path);
  const info = new Map<string, number>();
  symbols.forEach((row, i) => {
    checkText(row.symbol, `symbols[${i}].symbol`);
    info.set(row.symbol, i);
  });
  const held: OrderlyPosition[] = [];
  const markets: Record<string, OrderlyMarket> = Object.create(null);
  const reported: Record<string, { estLiqPrice: Decimal | null; mmr?: Decimal; imr?: Decimal }> = {};
  positions.rows.forEach((row, i) => {
    const path = ['positions', 'rows', i];
    checkText(row.symbol, `positions.rows[${i}].symbol`);
    const qty = num(row.position_qty, [...path, 'position_qty']);
    const position = {
      symbol: row.symbol,
      qty,
      markPrice: num(row.mark_price, [...path, 'mark_price']),
      costPosition: num(row.cost_position, [...path, 'cost_position']),
    };
    if (qty.isZero()) return;
    if (Object.hasOwn(markets, row.symbol)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `symbol ${quoteInput(row.symbol)} is listed twice`, [
        ...path,
        'symbol',
      ]);
    }
    const at = info.get(row.symbol);
    if (at === undefined) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `no symbol info for ${quoteInput(row.symbol)}`, [
        ...path,
        'symbol',
      ]);
    }
    if (!Object.hasOwn(clientInfo.imr_factor, row.symbol)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `no imr_factor for ${quoteInput(row.symbol)}`, [
        'clientInfo',
        'imr_factor',
        row.symbol,
      ]);
    }
    const symbolRow = symbols[at] as OrderlySymbolInfo;
    const terms = resolveMarket(
      {
        baseImr: num(symbolRow.base_imr, ['symbols', at, 'base_imr']),
        baseMmr: num(symbolRow.base_mmr, ['symbols', at, 'base_mmr']),
        imrFactor: num(clientInfo.imr_factor[row.symbol] as DecimalInput, [
          'clientInfo',
          'imr_factor',
          row.symbol,
        ]),
      },
      ['symbols', at],
    );
    held.push(position);
    markets[row.symbol] = terms;
    reported[row.symbol] = {
      estLiqPrice:
        row.est_liq_price === null || row.est_liq_price === undefined
          ? null
          : num(row.est_liq_price, [...path, 'est_liq_price']),
      ...(row.mmr === undefined ? {} : { mmr: num(row.mmr, [...path, 'mmr']) }),
      ...(row.imr === undefined ? {} : { imr: num(row.imr, [...path, 'imr']) }),
    };
  });
  const total = positions.total_collateral_value;
  return deepFreeze({
    account: { usdcBalance: num(usdcHolding, ['usdcHolding']), positions: held },
    markets,
    ...(clientInfo.max_leverage === undefined
      ? {}
      : { maxAccountLeverage: num(clientInfo.max_leverage, ['clientInfo', 'max_leverage']) }),
    reported: {
      ...(total === undefined
        ? {}
        : { totalCollateralValue: num(total, ['positions', 'total_collateral_value']) }),
      positions: reported,
    },
  });
}
