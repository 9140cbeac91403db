import * as z from 'zod/mini';
import { addIssue, decimalField, lazy } from './fields.js';

/** Schema of a fee schedule input. */
export const feeScheduleSchema = /*#__PURE__*/ lazy(() =>
  z
    .strictObject({
      tiers: z
        .array(
          z.strictObject({
            volumeFloor: decimalField('nonNegative'),
            makerRate: decimalField(),
            takerRate: decimalField(),
          }),
        )
        .check(z.minLength(1, 'a fee schedule needs at least one tier')),
    })
    .check(
      z.superRefine((v, ctx) => {
        v.tiers.forEach((t, i) => {
          const previous = v.tiers[i - 1];
          if (i === 0 && !t.volumeFloor.isZero()) {
            addIssue(ctx, 'TIERS_NOT_ASCENDING', 'the first tier must start at volume 0', [
              'tiers',
              0,
              'volumeFloor',
            ]);
          }
          if (previous && !t.volumeFloor.greaterThan(previous.volumeFloor)) {
            addIssue(ctx, 'TIERS_NOT_ASCENDING', 'volume floors must strictly increase', [
              'tiers',
              i,
              'volumeFloor',
            ]);
          }
          for (const key of ['makerRate', 'takerRate'] as const) {
            if (t[key].abs().greaterThanOrEqualTo(1)) {
              addIssue(ctx, 'INVALID_RANGE', `${key} must lie strictly between −1 and 1`, ['tiers', i, key]);
            }
          }
        });
      }),
    ),
);
