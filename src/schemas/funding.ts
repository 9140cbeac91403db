import * as z from 'zod/mini';
import { Decimal } from '../internal/decimal.js';
import { positiveZero } from '../internal/positiveZero.js';
import {
  addIssue,
  choiceField,
  decimalField,
  type IssueContext,
  lazy,
  millisecondsField,
  tagField,
  variantField,
} from './fields.js';

/** The floor (default −cap), or undefined after reporting a cap below it. */
function floorFor(cap: Decimal, given: Decimal | undefined, ctx: IssueContext): Decimal | undefined {
  const floor = given ?? positiveZero(cap.negated());
  if (cap.lessThan(floor)) {
    addIssue(ctx, 'INVALID_RANGE', `cap ${cap.toString()} is below floor ${floor.toString()}`, ['cap']);
    return undefined;
  }
  return floor;
}

function premiumInterest() {
  return z.pipe(
    z.strictObject({
      type: tagField('premium-interest'),
      interestRate: decimalField(),
      clampBand: z.optional(decimalField('nonNegative')),
      cap: decimalField(),
      floor: z.optional(decimalField()),
    }),
    z.transform((v, ctx) => {
      const floor = floorFor(v.cap, v.floor, ctx);
      if (!floor) return z.NEVER;
      return {
        type: 'premium-interest' as const,
        interestRate: v.interestRate,
        clampBand: v.clampBand ?? new Decimal('0.0005'),
        cap: v.cap,
        floor,
      };
    }),
  );
}

function clampedPremium() {
  return z.pipe(
    z.strictObject({
      type: tagField('clamped-premium'),
      offset: z.optional(decimalField()),
      cap: decimalField(),
      floor: z.optional(decimalField()),
    }),
    z.transform((v, ctx) => {
      const floor = floorFor(v.cap, v.floor, ctx);
      if (!floor) return z.NEVER;
      return { type: 'clamped-premium' as const, offset: v.offset ?? new Decimal(0), cap: v.cap, floor };
    }),
  );
}

function ratePath() {
  return z
    .strictObject({
      type: tagField('path'),
      points: z
        .array(z.strictObject({ time: millisecondsField('any'), rate: decimalField() }))
        .check(z.minLength(1, 'a rate path needs at least one point')),
    })
    .check(
      z.superRefine((v, ctx) => {
        for (let i = 1; i < v.points.length; i++) {
          const previous = v.points[i - 1];
          const current = v.points[i];
          if (previous && current && current.time <= previous.time) {
            addIssue(ctx, 'NOT_IN_ORDER', `time ${current.time} is not after ${previous.time}`, [
              'points',
              i,
              'time',
            ]);
          }
        }
      }),
    );
}

/** Schema of a funding schedule input. */
export const fundingScheduleSchema = /*#__PURE__*/ lazy(() =>
  z.pipe(
    z.strictObject({
      intervalMs: millisecondsField('positive'),
      ratePeriodMs: z.optional(millisecondsField('positive')),
      anchorMs: z.optional(millisecondsField('any')),
      paymentPrice: choiceField(['oracle', 'mark', 'index']),
      rate: variantField('type', {
        'premium-interest': premiumInterest(),
        'clamped-premium': clampedPremium(),
        path: ratePath(),
      }),
    }),
    z.transform((v) => ({
      intervalMs: v.intervalMs,
      ratePeriodMs: v.ratePeriodMs ?? v.intervalMs,
      anchorMs: v.anchorMs ?? 0,
      paymentPrice: v.paymentPrice,
      rate: v.rate,
    })),
  ),
);
