import type { MarginAccount } from '../account/MarginAccount.js';
import { MissingPriceError } from '../errors/MissingPriceError.js';
import { checkAccount, checkPrices } from '../internal/argumentShape.js';
import { ONE } from '../internal/constants.js';
import { Decimal } from '../internal/decimal.js';
import type { Prices } from '../prices/Prices.js';
import type { CollateralValuation } from './AccountSummary.js';

/**
 * Values the cross collateral of an account in its settlement asset:
 * `value = amount · price · (amount ≥ 0 ? weight : liabilityWeight)`; the settlement asset has price 1.
 *
 * @param account - the account.
 * @param prices - prices of the non-settlement collateral assets, in the settlement asset.
 * @returns each valued balance and their total.
 * @throws {@link MissingPriceError} `MISSING_ASSET_PRICE` for a collateral asset with no price.
 * @example
 * ```ts
 * import { collateralValue, createMarginAccount, createPrices } from 'marginkit';
 * const account = createMarginAccount({ settleAsset: 'USDT', markets: [],
 *   collateral: [{ asset: 'USDT', amount: 1000 }, { asset: 'BTC', amount: '0.1', weight: '0.95' }] });
 * collateralValue(account, createPrices({ markets: {}, assets: { BTC: 60_000 } })).total.toString(); // => '6700'
 * ```
 * @category Margin
 */
export function collateralValue(
  account: MarginAccount,
  prices: Prices,
): { readonly entries: readonly CollateralValuation[]; readonly total: Decimal } {
  checkAccount(account);
  checkPrices(prices);
  return valueCollateral(account, prices);
}

/** {@link collateralValue} on arguments already checked (the engine's inner step). */
export function valueCollateral(
  account: MarginAccount,
  prices: Prices,
): { readonly entries: readonly CollateralValuation[]; readonly total: Decimal } {
  let total: Decimal | undefined;
  const entries = account.collateral.map((c) => {
    let price: Decimal;
    if (c.asset === account.settleAsset) price = ONE();
    else {
      const quoted = Object.hasOwn(prices.assets, c.asset) ? prices.assets[c.asset] : undefined;
      if (!quoted) {
        throw new MissingPriceError(
          'MISSING_ASSET_PRICE',
          `no price for collateral asset '${c.asset}' in ${account.settleAsset}`,
          ['assets', c.asset],
        );
      }
      price = quoted;
    }
    const weightApplied = c.amount.isNegative() ? c.liabilityWeight : c.weight;
    // amount · price · weight, skipping the factors that are exactly 1 (the settlement asset at full weight).
    const priced = price === ONE() ? c.amount : c.amount.times(price);
    const value = weightApplied.eq(1) ? priced : priced.times(weightApplied);
    total = total === undefined ? value : total.plus(value);
    return { asset: c.asset, amount: c.amount, price, weightApplied, value };
  });
  return { entries, total: total ?? new Decimal(0) };
}
