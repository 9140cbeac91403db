import * as z from 'zod/mini';
import { addIssue, decimalField, lazy } from './fields.js';

/** Schema of one market's prices. */
export const marketPriceSchema = /*#__PURE__*/ lazy(() =>
  z
    .strictObject({
      oracle: z.optional(decimalField('positive')),
      mark: z.optional(decimalField('positive')),
      openInterest: z.optional(decimalField('nonNegative')),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.oracle === undefined && v.mark === undefined) {
          addIssue(ctx, 'MISSING_FIELD', 'give at least one of oracle and mark', ['oracle']);
        }
      }),
    ),
);

/** Schema of a collateral asset price. */
export const assetPriceSchema = /*#__PURE__*/ lazy(() => decimalField('positive'));
