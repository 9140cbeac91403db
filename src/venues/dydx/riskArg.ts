import type { InputPath } from '../../errors/MarginKitError.js';
import { checkObject } from '../../internal/argumentShape.js';
import type { DydxRisk, DydxRiskInput } from './DydxRisk.js';
import { wholeArg } from './quantums.js';

/** A risk argument with integer quote quantums (requirements ≥ 0); a missing requirement reads as 0. */
export function riskArg(
  risk: Partial<DydxRiskInput> & Pick<DydxRiskInput, 'netCollateral'>,
  path: InputPath,
): DydxRisk {
  checkObject(risk, String(path[0] ?? 'risk'));
  return {
    netCollateral: wholeArg(risk.netCollateral, [...path, 'netCollateral']),
    initialMargin: wholeArg(risk.initialMargin ?? 0, [...path, 'initialMargin'], 0),
    maintenanceMargin: wholeArg(risk.maintenanceMargin ?? 0, [...path, 'maintenanceMargin'], 0),
  };
}
