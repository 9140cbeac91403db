import { z } from 'zod';
import { addIssue, decimalField, idField, lazy } from './fields.js';

/** Schema of a collateral entry input. */
export const collateralSchema = /*#__PURE__*/ lazy(() =>
  z
    .strictObject({
      asset: idField(),
      amount: decimalField(),
      weight: decimalField('fraction').optional(),
      liabilityWeight: decimalField('nonNegative').optional(),
    })
    .superRefine((v, ctx) => {
      if (v.liabilityWeight?.lessThan(1)) {
        addIssue(
          ctx,
          'INVALID_RANGE',
          'a liability weight must be ≥ 1 (a debt is never valued below its amount)',
          ['liabilityWeight'],
        );
      }
    }),
);
