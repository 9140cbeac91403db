import { z } from 'zod';
import { addIssue, decimalField, lazy } from './fields.js';

/** Schema of one market's prices. */
export const marketPriceSchema = /*#__PURE__*/ lazy(() =>
  z
    .strictObject({
      oracle: decimalField('positive').optional(),
      mark: decimalField('positive').optional(),
      openInterest: decimalField('nonNegative').optional(),
    })
    .superRefine((v, ctx) => {
      if (v.oracle === undefined && v.mark === undefined) {
        addIssue(ctx, 'MISSING_FIELD', 'give at least one of oracle and mark', ['oracle']);
      }
    }),
);

/** Schema of a collateral asset price. */
export const assetPriceSchema = /*#__PURE__*/ lazy(() => decimalField('positive'));
