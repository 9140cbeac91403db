import * as z from 'zod/mini';
import { Decimal } from '../internal/decimal.js';
import { maintenanceDeductions } from '../margin/maintenanceDeductions.js';
import {
  addIssue,
  choiceField,
  decimalField,
  idField,
  lazy,
  millisecondsField,
  tagField,
  variantField,
} from './fields.js';
import { fundingScheduleSchema } from './funding.js';

type Ctx = z.core.$RefinementCtx<unknown>;

function checkFractions(ctx: Ctx, initial: Decimal, maintenance: Decimal, path: (string | number)[]): void {
  if (maintenance.greaterThan(initial)) {
    addIssue(
      ctx,
      'MAINTENANCE_ABOVE_INITIAL',
      `maintenance fraction ${maintenance.toString()} is above the initial fraction ${initial.toString()}`,
      [...path, 'maintenanceFraction'],
    );
  }
}

function flat() {
  return z
    .strictObject({
      type: tagField('flat'),
      initialFraction: decimalField('fraction'),
      maintenanceFraction: decimalField('fraction'),
    })
    .check(z.superRefine((v, ctx) => checkFractions(ctx, v.initialFraction, v.maintenanceFraction, [])));
}

function tier() {
  return z.strictObject({
    notionalFloor: decimalField('nonNegative'),
    initialFraction: decimalField('fraction'),
    maintenanceFraction: decimalField('fraction'),
    maintenanceDeduction: z.optional(decimalField('nonNegative')),
  });
}

function tiered() {
  return z.pipe(
    z
      .strictObject({
        type: tagField('tiered'),
        tiers: z.array(tier()).check(z.minLength(1, 'a tiered schedule needs at least one tier')),
      })
      .check(
        z.superRefine((v, ctx) => {
          v.tiers.forEach((t, i) => {
            checkFractions(ctx, t.initialFraction, t.maintenanceFraction, ['tiers', i]);
            const previous = v.tiers[i - 1];
            if (
              t.maintenanceDeduction !== undefined &&
              t.notionalFloor.times(t.maintenanceFraction).lessThan(t.maintenanceDeduction)
            ) {
              addIssue(
                ctx,
                'INVALID_RANGE',
                `deduction ${t.maintenanceDeduction.toString()} exceeds the maintenance at the tier's floor`,
                ['tiers', i, 'maintenanceDeduction'],
              );
            }
            if (i === 0 && !t.notionalFloor.isZero()) {
              addIssue(ctx, 'TIERS_NOT_ASCENDING', 'the first tier must start at notional 0', [
                'tiers',
                0,
                'notionalFloor',
              ]);
            }
            if (previous) {
              if (!t.notionalFloor.greaterThan(previous.notionalFloor)) {
                addIssue(
                  ctx,
                  'TIERS_NOT_ASCENDING',
                  `floor ${t.notionalFloor.toString()} is not above the previous floor ${previous.notionalFloor.toString()}`,
                  ['tiers', i, 'notionalFloor'],
                );
              }
              if (t.maintenanceFraction.lessThan(previous.maintenanceFraction)) {
                addIssue(ctx, 'FRACTIONS_DECREASING', 'maintenance fraction is below the previous tier’s', [
                  'tiers',
                  i,
                  'maintenanceFraction',
                ]);
              }
              if (t.initialFraction.lessThan(previous.initialFraction)) {
                addIssue(ctx, 'FRACTIONS_DECREASING', 'initial fraction is below the previous tier’s', [
                  'tiers',
                  i,
                  'initialFraction',
                ]);
              }
            }
          });
        }),
      ),
    z.transform((v) => {
      const derived = maintenanceDeductions(v.tiers);
      return {
        type: 'tiered' as const,
        tiers: v.tiers.map((t, i) => ({
          notionalFloor: t.notionalFloor,
          initialFraction: t.initialFraction,
          maintenanceFraction: t.maintenanceFraction,
          maintenanceDeduction: t.maintenanceDeduction ?? derived[i] ?? new Decimal(0),
        })),
      };
    }),
  );
}

function openInterest() {
  return z
    .strictObject({
      type: tagField('open-interest'),
      initialFraction: decimalField('fraction'),
      maintenanceFraction: decimalField('fraction'),
      openInterestLowerCap: decimalField('nonNegative'),
      openInterestUpperCap: decimalField('nonNegative'),
    })
    .check(
      z.superRefine((v, ctx) => {
        checkFractions(ctx, v.initialFraction, v.maintenanceFraction, []);
        if (!v.openInterestUpperCap.isZero() && v.openInterestLowerCap.greaterThan(v.openInterestUpperCap)) {
          addIssue(ctx, 'INVALID_RANGE', 'the lower open-interest cap is above the upper cap', [
            'openInterestLowerCap',
          ]);
        }
      }),
    );
}

/** Schema of a margin schedule input. */
export const marginScheduleSchema = /*#__PURE__*/ lazy(() =>
  variantField('type', { flat: flat(), tiered: tiered(), 'open-interest': openInterest() }),
);

/** Schema of a market input. */
export const marketSchema = /*#__PURE__*/ lazy(() =>
  z
    .strictObject({
      id: idField(),
      kind: choiceField(['linear', 'inverse'], {
        option: 'options are held in an option book beside the account (createOptionBook)',
      }),
      baseAsset: idField(),
      quoteAsset: idField(),
      settleAsset: z.optional(idField()),
      contractSize: z.optional(decimalField('positive')),
      tickSize: z.optional(decimalField('positive')),
      stepSize: z.optional(decimalField('positive')),
      marginSchedule: marginScheduleSchema(),
      fundingSchedule: z.optional(fundingScheduleSchema()),
      expiry: z.optional(millisecondsField('nonNegative')),
    })
    .check(
      z.superRefine((v, ctx) => {
        const expected = v.kind === 'linear' ? v.quoteAsset : v.baseAsset;
        if (v.settleAsset !== undefined && v.settleAsset !== expected) {
          addIssue(
            ctx,
            'SETTLEMENT_MISMATCH',
            `a ${v.kind} market settles in ${expected}, not ${v.settleAsset}`,
            ['settleAsset'],
          );
        }
        if (v.expiry !== undefined && v.fundingSchedule !== undefined) {
          addIssue(ctx, 'FUNDING_ON_FUTURE', 'a dated future (a market with an expiry) is not funded', [
            'fundingSchedule',
          ]);
        }
      }),
    ),
);
