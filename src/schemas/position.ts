import * as z from 'zod/mini';
import { addIssue, choiceField, decimalField, idField, lazy } from './fields.js';

/** Schema of a position input (checks that need the market are made by the account schema). */
export const positionSchema = /*#__PURE__*/ lazy(() =>
  z
    .strictObject({
      id: z.optional(idField()),
      marketId: idField(),
      size: decimalField(),
      entryPrice: decimalField('positive'),
      marginMode: choiceField(['cross', 'isolated']),
      isolatedMargin: z.optional(decimalField('nonNegative')),
      leverage: z.optional(decimalField('positive')),
      unsettledFunding: z.optional(decimalField()),
      fundingIndex: z.optional(decimalField()),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.marginMode === 'isolated') {
          if (v.isolatedMargin === undefined) {
            addIssue(ctx, 'ISOLATED_WITHOUT_MARGIN', 'an isolated position needs isolatedMargin', [
              'isolatedMargin',
            ]);
          } else if (v.isolatedMargin.isZero() && !v.size.isZero()) {
            addIssue(ctx, 'ISOLATED_WITHOUT_MARGIN', 'an open isolated position needs isolatedMargin > 0', [
              'isolatedMargin',
            ]);
          }
        } else if (v.isolatedMargin !== undefined) {
          addIssue(
            ctx,
            'MARGIN_ON_CROSS',
            'a cross position draws on the account collateral; remove isolatedMargin',
            ['isolatedMargin'],
          );
        }
      }),
    ),
);
