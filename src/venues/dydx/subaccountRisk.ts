import { checkOptions } from '../../internal/argumentShape.js';
import { Decimal } from '../../internal/decimal.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import type { DydxRisk } from './DydxRisk.js';
import type { DydxCustomImfPpm, DydxSubaccount } from './DydxSubaccount.js';
import { type DydxPositionRisk, positionRiskOf } from './positionRisk.js';
import { wholeArg } from './quantums.js';
import { type Holding, resolveSubaccount } from './resolvePerpetual.js';
import { type DydxFundingSettlement, dydxSettleFunding } from './settleFunding.js';

/**
 * One position's risk inside a {@link DydxSubaccountRisk}.
 * @category Venue: dYdX
 */
export interface DydxSubaccountPositionRisk extends DydxPositionRisk {
  /** The perpetual's id. */
  readonly perpetualId: string;
  /** Signed size in base quantums. */
  readonly quantums: Decimal;
}

/**
 * A subaccount's totals (TNC, TIMR, TMMR) after funding settlement, with the parts they add up from.
 * @category Venue: dYdX
 */
export interface DydxSubaccountRisk extends DydxRisk {
  /** USDC after settling funding, in quote quantums: the USDC input plus `funding.usdcDelta`. */
  readonly usdcQuantums: Decimal;
  /** The funding settled first ({@link dydxSettleFunding}). */
  readonly funding: DydxFundingSettlement;
  /** Each position's risk, in input order. */
  readonly positions: readonly DydxSubaccountPositionRisk[];
}

/**
 * Options of {@link dydxSubaccountRisk}.
 * @category Venue: dYdX
 */
export interface DydxSubaccountRiskOptions {
  /** The subaccount's leverage map (`custom_imf_ppm` per perpetual id). Liquidation checks pass none. */
  readonly customImfPpm?: DydxCustomImfPpm;
}

/**
 * dYdX v4 risk of a whole subaccount, in quote quantums. Funding is settled first — the USDC balance moves by
 * `floor(Σ −(I_perp − I_pos) · q / 1e6)` ({@link dydxSettleFunding}) — then
 * `TNC = USDC + Σ NC_pos`, `TIMR = Σ IMR_pos`, `TMMR = Σ MMR_pos`, each position rounded on its own
 * ({@link dydxPositionRisk}). Source: dydxprotocol/v4-chain `protocol/x/subaccounts/lib/updates.go`
 * (`GetSettledSubaccountWithPerpetuals`, `GetRiskForSubaccount`).
 *
 * @param subaccount - USDC (quote quantums) and positions (base quantums, funding indices).
 * @param perpetuals - the perpetuals the positions refer to, by id.
 * @param options - the leverage map.
 * @throws {@link InvalidArgumentError} for a malformed argument or a position in an unknown perpetual.
 * @example
 * ```ts
 * import { dydxSubaccountRisk } from 'marginkit';
 * const BTC = { atomicResolution: -8, price: 5_000_000_000, exponent: -5, initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000 };
 * // USDC −4 501, long 0.1 BTC at $50,000: TNC 499, IMR 1 000, MMR 500 (USDC)
 * const risk = dydxSubaccountRisk({ usdcQuantums: -4_501_000_000, positions: [{ perpetualId: 'BTC', quantums: 10_000_000 }] }, { BTC });
 * [risk.netCollateral.toString(), risk.initialMargin.toString(), risk.maintenanceMargin.toString()]; // => ['499000000', '1000000000', '500000000']
 * ```
 * @category Venue: dYdX
 */
export function dydxSubaccountRisk(
  subaccount: DydxSubaccount,
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
  options: DydxSubaccountRiskOptions = {},
): DydxSubaccountRisk {
  checkOptions(options);
  const { usdc, holdings } = resolveSubaccount(subaccount, perpetuals);
  return subaccountRiskOf(usdc, holdings, customImf(options.customImfPpm));
}

/** Reads a leverage map into checked ppm values. */
export function customImf(map: DydxCustomImfPpm | undefined): ReadonlyMap<string, Decimal> {
  const out = new Map<string, Decimal>();
  if (map === undefined) return out;
  for (const [id, value] of Object.entries(map)) out.set(id, wholeArg(value, ['customImfPpm', id], 0));
  return out;
}

/** Settles funding, then sums the positions' risks (checked values). */
export function subaccountRiskOf(
  usdc: Decimal,
  holdings: readonly Holding[],
  customImfPpm: ReadonlyMap<string, Decimal>,
): DydxSubaccountRisk {
  const funding = dydxSettleFunding(
    holdings.map((h) => ({
      quantums: h.quantums,
      positionFundingIndex: h.fundingIndex,
      perpetualFundingIndex: h.perp.fundingIndex,
    })),
  );
  const settled = usdc.plus(funding.usdcDelta);
  let netCollateral = settled;
  let initialMargin = new Decimal(0);
  let maintenanceMargin = new Decimal(0);
  const positions = holdings.map((h): DydxSubaccountPositionRisk => {
    const risk = positionRiskOf(h.perp, h.quantums, customImfPpm.get(h.perpetualId) ?? new Decimal(0));
    netCollateral = netCollateral.plus(risk.netCollateral);
    initialMargin = initialMargin.plus(risk.initialMargin);
    maintenanceMargin = maintenanceMargin.plus(risk.maintenanceMargin);
    return { ...risk, perpetualId: h.perpetualId, quantums: h.quantums };
  });
  return { netCollateral, initialMargin, maintenanceMargin, usdcQuantums: settled, funding, positions };
}
