import { z } from 'zod';
import { addIssue, decimalField, idField, lazy } from './fields.js';

function marketPrice() {
  return z
    .strictObject({
      oracle: decimalField('positive').optional(),
      mark: decimalField('positive').optional(),
      openInterest: decimalField('nonNegative').optional(),
    })
    .superRefine((v, ctx) => {
      if (v.oracle === undefined && v.mark === undefined) {
        addIssue(ctx, 'MISSING_FIELD', 'give at least one of oracle and mark', ['oracle']);
      }
    });
}

/** Schema of a prices input. */
export const pricesSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({
    markets: z.record(idField(), marketPrice()),
    assets: z.record(idField(), decimalField('positive')).optional(),
  }),
);
