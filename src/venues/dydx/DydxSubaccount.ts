import type { DecimalInput } from '../../internal/decimal.js';

/**
 * One perpetual position of a dYdX v4 subaccount.
 * @category Venue: dYdX
 */
export interface DydxPerpetualPosition {
  /** Key of the perpetual in the perpetuals map passed alongside (any id: `'0'`, `'BTC-USD'` …). */
  readonly perpetualId: string;
  /** Signed size in base quantums (long > 0). */
  readonly quantums: DecimalInput;
  /** The position's funding index at its last settlement; defaults to the perpetual's (nothing unsettled). */
  readonly fundingIndex?: DecimalInput;
}

/**
 * A dYdX v4 subaccount in chain units: its USDC asset position (signed quote quantums) and its perpetual
 * positions. A subaccount holds at most one position per perpetual.
 * @category Venue: dYdX
 */
export interface DydxSubaccount {
  /** USDC balance in quote quantums (1 qq = 1e-6 USDC), signed (negative: borrowed against positions). */
  readonly usdcQuantums: DecimalInput;
  /** Perpetual positions, one per perpetual at most. */
  readonly positions: readonly DydxPerpetualPosition[];
}

/**
 * Per-perpetual user-selected initial margin, `custom_imf_ppm` (the chain's leverage map, set with
 * `MsgUpdateLeverage`; v4-web sends `1 000 000 / leverage`). It raises initial margin only.
 * @category Venue: dYdX
 */
export type DydxCustomImfPpm = Readonly<Record<string, DecimalInput>>;
