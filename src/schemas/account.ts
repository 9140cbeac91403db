import * as z from 'zod/mini';
import { addIssue, decimalField, idField, lazy } from './fields.js';

/** Schema of a collateral entry input. */
export const collateralSchema = /*#__PURE__*/ lazy(() =>
  z
    .strictObject({
      asset: idField(),
      amount: decimalField(),
      weight: z.optional(decimalField('fraction')),
      liabilityWeight: z.optional(decimalField('nonNegative')),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.liabilityWeight?.lessThan(1)) {
          addIssue(
            ctx,
            'INVALID_RANGE',
            'a liability weight must be ≥ 1 (a debt is never valued below its amount)',
            ['liabilityWeight'],
          );
        }
      }),
    ),
);
