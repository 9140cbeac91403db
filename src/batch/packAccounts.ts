import type { MarginAccount } from '../account/MarginAccount.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { MissingPriceError } from '../errors/MissingPriceError.js';
import {
  checkAccounts,
  checkChoice,
  checkList,
  checkOptions,
  checkPrices,
  checkText,
} from '../internal/argumentShape.js';
import type { Decimal } from '../internal/decimal.js';
import { collateralValue } from '../margin/collateralValue.js';
import { notional } from '../margin/notional.js';
import { openInterestInitialFraction } from '../margin/openInterestInitialFraction.js';
import type { Market } from '../market/Market.js';
import type { PriceSource, Prices } from '../prices/Prices.js';
import { priceOf } from '../prices/priceOf.js';
import type { PackedBook } from './PackedBook.js';

/**
 * Options of {@link packAccounts}.
 * @category Batch
 */
export interface PackOptions {
  /** Which market price to pack (default `'mark'`), as in {@link summarizeAccount}. */
  readonly priceSource?: PriceSource;
  /** Account ids, one per account (default `'0'`, `'1'`, …). */
  readonly ids?: readonly string[];
}

/** A Decimal as the nearest double; bounded inputs keep it finite, and a non-finite one is refused with its path. */
function float(value: Decimal, path: readonly (string | number)[]): number {
  const x = value.toNumber();
  if (!Number.isFinite(x)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `${value.toString()} is outside the float64 range`,
      path,
    );
  }
  return x;
}

/** A growable Float64Array column. */
class Column {
  data = new Float64Array(64);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Lays accounts out as Float64Array columns once, for {@link scanPackedBook} and {@link gridPackedBook}: per
 * position `size · contractSize`, entry price, the market price, unsettled funding, isolated margin and leverage;
 * per account the cross collateral valued exactly (`amount · price · weight`, as {@link collateralValue}) and then
 * converted; per market its tiers (flat schedules are one tier; an open-interest-scaled initial fraction is
 * evaluated exactly at today's open interest and price). Markets shared by reference across accounts are packed
 * once. Every Decimal becomes the nearest double (relative error ≤ 2⁻⁵³), the only rounding of the inputs.
 *
 * @param accounts - created accounts.
 * @param prices - the price snapshot.
 * @param options - price source and account ids.
 * @throws {@link MissingPriceError} for a missing market, asset or open-interest entry (as the exact engine).
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for ids of the wrong length or a value beyond float64.
 * @example
 * ```ts
 * import { createMarginAccount, createPrices, packAccounts } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT',
 *   markets: [{ id: 'BTC', kind: 'linear', baseAsset: 'BTC', quoteAsset: 'USDT',
 *     marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } }],
 *   collateral: [{ asset: 'USDT', amount: 1000 }],
 *   positions: [{ marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }] });
 * const book = packAccounts([account], createPrices({ markets: { BTC: { mark: 49_000 } } }));
 * [book.accountCount, book.positionCount, book.price[0]]; // => [1, 1, 49000]
 * ```
 * @category Batch
 */
export function packAccounts(
  accounts: readonly MarginAccount[],
  prices: Prices,
  options: PackOptions = {},
): PackedBook {
  checkAccounts(accounts);
  checkPrices(prices);
  checkOptions(options);
  if (options.priceSource !== undefined)
    checkChoice(options.priceSource, 'options.priceSource', ['mark', 'oracle']);
  if (options.ids !== undefined) {
    checkList(options.ids, 'options.ids');
    options.ids.forEach((id, i) => {
      checkText(id, `options.ids[${i}]`);
    });
  }
  const priceSource = options.priceSource ?? 'mark';
  if (options.ids && options.ids.length !== accounts.length) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'give one id per account', ['ids']);
  }
  const A = accounts.length;
  const positionCount = accounts.reduce((n, a) => n + a.positions.length, 0);
  const positionStart = new Int32Array(A + 1);
  const collateralStart = new Int32Array(A + 1);
  const fixedCollateral = new Float64Array(A);
  const collateralValues = new Column();
  const collateralKeys: number[] = [];
  const exposure = new Float64Array(positionCount);
  const entryPrice = new Float64Array(positionCount);
  const price = new Float64Array(positionCount);
  const funding = new Float64Array(positionCount);
  const isolated = new Uint8Array(positionCount);
  const isolatedMargin = new Float64Array(positionCount);
  const open = new Uint8Array(positionCount);
  const leverageFraction = new Float64Array(positionCount);
  const market = new Int32Array(positionCount);
  const key = new Int32Array(positionCount);
  const positionIds: string[] = [];

  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const keyOf = (id: string): number => {
    let k = keyIndex.get(id);
    if (k === undefined) {
      k = keys.length;
      keys.push(id);
      keyIndex.set(id, k);
    }
    return k;
  };
  const marketIds: string[] = [];
  const marketIndex = new Map<Market, number>();
  const inverse: number[] = [];
  const tierStart: number[] = [0];
  const floors = new Column();
  const initials = new Column();
  const maintenances = new Column();
  const deductions = new Column();
  const marketOf = (m: Market, path: readonly (string | number)[]): number => {
    let index = marketIndex.get(m);
    if (index !== undefined) return index;
    index = marketIds.length;
    marketIndex.set(m, index);
    marketIds.push(m.id);
    inverse.push(m.kind === 'inverse' ? 1 : 0);
    const s = m.marginSchedule;
    if (s.type === 'tiered') {
      s.tiers.forEach((t, i) => {
        floors.push(float(t.notionalFloor, [...path, 'tiers', i]));
        initials.push(float(t.initialFraction, [...path, 'tiers', i]));
        maintenances.push(float(t.maintenanceFraction, [...path, 'tiers', i]));
        deductions.push(float(t.maintenanceDeduction, [...path, 'tiers', i]));
      });
    } else {
      let imf = s.initialFraction;
      if (s.type === 'open-interest' && !s.openInterestUpperCap.isZero()) {
        const entry = Object.hasOwn(prices.markets, m.id) ? prices.markets[m.id] : undefined;
        if (entry?.openInterest === undefined) {
          throw new MissingPriceError(
            'MISSING_OPEN_INTEREST',
            `market ${m.id} scales its initial margin with open interest; give its openInterest`,
            ['markets', m.id, 'openInterest'],
          );
        }
        imf = openInterestInitialFraction(
          s,
          notional(m, entry.openInterest, priceOf(prices, m.id, priceSource)),
        );
      }
      floors.push(0);
      initials.push(float(imf, path));
      maintenances.push(float(s.maintenanceFraction, path));
      deductions.push(0);
    }
    tierStart.push(floors.length);
    return index;
  };

  let i = 0;
  accounts.forEach((account, a) => {
    positionStart[a] = i;
    collateralStart[a] = collateralKeys.length;
    let fixed = 0;
    for (const entry of collateralValue(account, prices).entries) {
      const v = float(entry.value, ['accounts', a, 'collateral', entry.asset]);
      if (entry.asset === account.settleAsset) fixed += v;
      else {
        collateralValues.push(v);
        collateralKeys.push(keyOf(entry.asset));
      }
    }
    fixedCollateral[a] = fixed;
    account.positions.forEach((p, j) => {
      const path = ['accounts', a, 'positions', j];
      const m = Object.hasOwn(account.markets, p.marketId) ? account.markets[p.marketId] : undefined;
      if (!m)
        throw new InvalidArgumentError('INVALID_ARGUMENT', `account has no market '${p.marketId}'`, path);
      market[i] = marketOf(m, ['accounts', a, 'markets', m.id, 'marginSchedule']);
      key[i] = keyOf(m.id);
      exposure[i] = float(p.size.times(m.contractSize), path);
      entryPrice[i] = float(p.entryPrice, path);
      price[i] = float(priceOf(prices, p.marketId, priceSource), path);
      funding[i] = float(p.unsettledFunding, path);
      isolated[i] = p.marginMode === 'isolated' ? 1 : 0;
      isolatedMargin[i] = p.isolatedMargin ? float(p.isolatedMargin, path) : 0;
      open[i] = p.size.isZero() ? 0 : 1;
      leverageFraction[i] = p.leverage ? 1 / float(p.leverage, path) : 0;
      positionIds.push(p.id);
      i++;
    });
  });
  positionStart[A] = i;
  collateralStart[A] = collateralKeys.length;
  return {
    accountCount: A,
    positionCount,
    priceSource,
    accountIds: options.ids ? [...options.ids] : accounts.map((_, a) => String(a)),
    keys,
    positionStart,
    fixedCollateral,
    collateralStart,
    collateralValue: collateralValues.done(),
    collateralKey: Int32Array.from(collateralKeys),
    exposure,
    entryPrice,
    price,
    funding,
    isolated,
    isolatedMargin,
    open,
    leverageFraction,
    market,
    key,
    positionIds,
    marketIds,
    inverse: Uint8Array.from(inverse),
    tierStart: Int32Array.from(tierStart),
    tierFloor: floors.done(),
    tierInitial: initials.done(),
    tierMaintenance: maintenances.done(),
    tierDeduction: deductions.done(),
  };
}
