import type { MarginAccount } from '../account/MarginAccount.js';
import type { Decimal } from '../internal/decimal.js';
import { Decimal as D } from '../internal/decimal.js';

/** The account's cross collateral with `delta` added to its settlement-asset balance (created if absent). */
export function adjustSettleCollateral(account: MarginAccount, delta: Decimal) {
  const collateral = account.collateral.map((c) => ({ ...c }));
  const entry = collateral.find((c) => c.asset === account.settleAsset);
  if (entry) entry.amount = entry.amount.plus(delta);
  else if (!delta.isZero()) {
    collateral.push({
      asset: account.settleAsset,
      amount: delta,
      weight: new D(1),
      liabilityWeight: new D(1),
    });
  }
  return collateral;
}
