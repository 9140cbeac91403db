import * as z from 'zod/mini';
import { addIssue, decimalField, idField, lazy, millisecondsField } from './fields.js';

function optionMarket() {
  return z.strictObject({
    id: idField(),
    optionType: z.enum(['call', 'put']),
    strike: decimalField('positive'),
    expiry: millisecondsField('nonNegative'),
    underlying: idField(),
    settlement: z.optional(z.enum(['linear', 'inverse'])),
    contractSize: z.optional(decimalField('positive')),
    margin: z.optional(
      z.strictObject({
        initialBase: z.optional(decimalField('fraction')),
        initialFloor: z.optional(decimalField('fraction')),
        maintenance: z.optional(decimalField('fraction')),
      }),
    ),
  });
}

function optionPosition() {
  return z
    .strictObject({
      id: z.optional(idField()),
      marketId: idField(),
      size: decimalField(),
      entryPrice: decimalField('nonNegative'),
      marginMode: z.enum(['cross', 'isolated']),
      isolatedMargin: z.optional(decimalField('nonNegative')),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (v.marginMode === 'isolated' && v.isolatedMargin === undefined) {
          addIssue(ctx, 'ISOLATED_WITHOUT_MARGIN', 'an isolated position needs isolatedMargin', [
            'isolatedMargin',
          ]);
        } else if (v.marginMode === 'cross' && v.isolatedMargin !== undefined) {
          addIssue(
            ctx,
            'MARGIN_ON_CROSS',
            'a cross position draws on the account collateral; remove isolatedMargin',
            ['isolatedMargin'],
          );
        }
      }),
    );
}

/** Schema of an option book input (checks against the account are made by createOptionBook). */
export const optionBookSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({ markets: z.array(optionMarket()), positions: z.array(optionPosition()) }),
);
