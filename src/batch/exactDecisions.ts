import type { MarginAccount } from '../account/MarginAccount.js';
import type { SummaryOptions } from '../margin/summarizeAccount.js';
import { summarizeAccount } from '../margin/summarizeAccount.js';
import type { Prices } from '../prices/Prices.js';

/** The exact engine's two decisions for one account: liquidatable (`total.liquidatable`) and every pool's `equity ≥ IMR`. */
export function exactDecisions(
  account: MarginAccount,
  prices: Prices,
  options: SummaryOptions,
): { readonly liquidatable: boolean; readonly meetsInitial: boolean } {
  const s = summarizeAccount(account, prices, options);
  return {
    liquidatable: s.total.liquidatable,
    meetsInitial:
      !s.cross.freeCollateral.isNegative() && s.isolated.every((p) => !p.freeCollateral.isNegative()),
  };
}
