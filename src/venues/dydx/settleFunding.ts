import { checkObjectList } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { positiveZero } from '../../internal/positiveZero.js';
import { euclidDiv, integerArg } from './quantums.js';

/**
 * One perpetual position's funding state on dYdX v4.
 * @category Venue: dYdX
 */
export interface DydxFundingPosition {
  /** Signed size in base quantums. */
  readonly quantums: DecimalInput;
  /** The position's funding index at its last settlement. */
  readonly positionFundingIndex: DecimalInput;
  /** The perpetual's funding index now. */
  readonly perpetualFundingIndex: DecimalInput;
}

/**
 * Result of {@link dydxSettleFunding}.
 * @category Venue: dYdX
 */
export interface DydxFundingSettlement {
  /** Per position: `s_i = −(I_perp − I_pos) · q`, in ppm quote quantums (positive: received). */
  readonly settlementPpm: readonly Decimal[];
  /** Per position, the payment reported (quote quantums, positive: paid): `−floor(s_i / 1e6)`. */
  readonly payments: readonly Decimal[];
  /** Change of the USDC balance (quote quantums): `floor(Σ s_i / 1e6)`, summed first and floored once. */
  readonly usdcDelta: Decimal;
}

/**
 * dYdX v4 funding settlement of a subaccount: each position's settlement `−(I_perp − I_pos) · q` (ppm quote
 * quantums) is summed and floored once into USDC, so receivers are rounded down and payers up. The per-position
 * payments reported by the chain floor each term separately and can differ from the USDC change by rounding.
 * Source: dydxprotocol/v4-chain `protocol/x/perpetuals/lib/lib.go` (`GetSettlementPpmWithPerpetual`) and
 * `protocol/x/subaccounts/keeper/subaccount.go` (`GetSettledSubaccountWithPerpetuals`).
 *
 * @param positions - the subaccount's perpetual positions.
 * @example
 * ```ts
 * import { dydxSettleFunding } from 'marginkit';
 * // long 0.005 BTC (500 000 bq), index 0 → −17: 17 · 500 000 / 1e6 = 8.5, credited 8
 * dydxSettleFunding([{ quantums: 500_000, positionFundingIndex: 0, perpetualFundingIndex: -17 }]).usdcDelta.toString(); // => '8'
 * ```
 * @category Venue: dYdX
 */
export function dydxSettleFunding(positions: readonly DydxFundingPosition[]): DydxFundingSettlement {
  checkObjectList(positions, 'positions');
  const million = new Decimal(1_000_000);
  const settlementPpm = positions.map((p, i) =>
    positiveZero(
      integerArg(p.perpetualFundingIndex, `positions[${i}].perpetualFundingIndex`)
        .minus(integerArg(p.positionFundingIndex, `positions[${i}].positionFundingIndex`))
        .times(integerArg(p.quantums, `positions[${i}].quantums`))
        .negated(),
    ),
  );
  const total = settlementPpm.reduce((a, b) => a.plus(b), new Decimal(0));
  return {
    settlementPpm,
    payments: settlementPpm.map((s) => {
      const paid = euclidDiv(s, million).negated();
      return paid.isZero() ? new Decimal(0) : paid;
    }),
    usdcDelta: euclidDiv(total, million),
  };
}
