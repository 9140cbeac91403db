import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { quoteInput } from '../../internal/quoteInput.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import type { DydxSubaccount } from './DydxSubaccount.js';
import { wholeArg } from './quantums.js';
import { type Holding, resolveSubaccount } from './resolvePerpetual.js';
import { type DydxSubaccountRisk, subaccountRiskOf } from './subaccountRisk.js';

/** The position being liquidated and its subaccount's totals (funding settled, no leverage map). */
export interface LiquidationContext {
  readonly holding: Holding;
  readonly total: DydxSubaccountRisk;
}

/** Resolves the subaccount and the position in `perpetualId`; the subaccount's MMR must be positive. */
export function liquidationContext(
  subaccount: DydxSubaccount,
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
  perpetualId: string,
): LiquidationContext {
  const { usdc, holdings } = resolveSubaccount(subaccount, perpetuals);
  const holding = holdings.find((h) => h.perpetualId === perpetualId && !h.quantums.isZero());
  if (!holding) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `the subaccount holds no position in ${quoteInput(perpetualId)}`,
      ['perpetualId'],
    );
  }
  const total = subaccountRiskOf(usdc, holdings, new Map());
  if (total.maintenanceMargin.isZero()) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'the subaccount has no maintenance margin requirement, so nothing is defined relative to it',
      ['subaccount'],
    );
  }
  return { holding, total };
}

/** A closing delta: opposite in sign to the position and at most its size (the chain's check). */
export function closingDelta(holding: Holding, deltaQuantums: DecimalInput): Decimal {
  const delta = wholeArg(deltaQuantums, ['deltaQuantums']);
  if (
    delta.isZero() ||
    delta.isNegative() === holding.quantums.isNegative() ||
    delta.abs().greaterThan(holding.quantums.abs())
  ) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `delta ${delta.toString()} does not reduce the position of ${holding.quantums.toString()} without flipping it`,
      ['deltaQuantums'],
    );
  }
  return delta;
}

/** 0 as a library Decimal. */
export function zero(): Decimal {
  return new Decimal(0);
}
