import { describe, expect, it } from 'vitest';
import { createFundingSchedule, Decimal, type FundingScheduleInput } from '../../src/index.js';

const hyperliquid: FundingScheduleInput = {
  intervalMs: 3_600_000,
  ratePeriodMs: 28_800_000,
  paymentPrice: 'oracle',
  rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.32' },
};
const okx: FundingScheduleInput = {
  intervalMs: 28_800_000,
  anchorMs: 3_600_000,
  paymentPrice: 'mark',
  rate: { type: 'clamped-premium', cap: '0.0075', floor: '-0.005' },
};
const path: FundingScheduleInput = {
  intervalMs: 14_400_000,
  paymentPrice: 'index',
  rate: {
    type: 'path',
    points: [
      { time: 1_700_000_000_000, rate: '0.0001' },
      { time: 1_700_014_400_000, rate: -0.00025 },
    ],
  },
};

describe('createFundingSchedule', () => {
  it('keeps the rate period apart from the payment interval', () => {
    const schedule = createFundingSchedule(hyperliquid);
    expect(schedule.intervalMs).toBe(3_600_000);
    expect(schedule.ratePeriodMs).toBe(28_800_000);
    expect(schedule.anchorMs).toBe(0);
    expect(schedule.paymentPrice).toBe('oracle');
    expect(schedule.rate).toEqual({
      type: 'premium-interest',
      interestRate: new Decimal('0.0001'),
      clampBand: new Decimal('0.0005'),
      cap: new Decimal('0.32'),
      floor: new Decimal('-0.32'),
    });
  });

  it('defaults the rate period to the interval, the clamp band to 0.0005 and the floor to −cap', () => {
    const schedule = createFundingSchedule({
      intervalMs: 28_800_000,
      paymentPrice: 'mark',
      rate: { type: 'premium-interest', interestRate: '0.0001', cap: '0.03' },
    });
    expect(schedule.ratePeriodMs).toBe(28_800_000);
    if (schedule.rate.type !== 'premium-interest') throw new Error('expected premium-interest');
    expect(schedule.rate.clampBand.toString()).toBe('0.0005');
    expect(schedule.rate.floor.toString()).toBe('-0.03');
  });

  it('keeps a clamped premium with its own floor and an offset of 0 by default', () => {
    const schedule = createFundingSchedule(okx);
    expect(schedule.anchorMs).toBe(3_600_000);
    expect(schedule.rate).toEqual({
      type: 'clamped-premium',
      offset: new Decimal(0),
      cap: new Decimal('0.0075'),
      floor: new Decimal('-0.005'),
    });
  });

  it('keeps a rate path in time order with exact rates', () => {
    const schedule = createFundingSchedule(path);
    expect(schedule.rate).toEqual({
      type: 'path',
      points: [
        { time: 1_700_000_000_000, rate: new Decimal('0.0001') },
        { time: 1_700_014_400_000, rate: new Decimal('-0.00025') },
      ],
    });
  });

  it('accepts a cap equal to its floor and a negative anchor', () => {
    const schedule = createFundingSchedule({
      intervalMs: 1000,
      anchorMs: -500,
      paymentPrice: 'mark',
      rate: { type: 'clamped-premium', cap: '0.001', floor: '0.001' },
    });
    expect(schedule.anchorMs).toBe(-500);
  });

  it('returns a deeply frozen schedule', () => {
    const schedule = createFundingSchedule(path);
    expect(Object.isFrozen(schedule)).toBe(true);
    expect(Object.isFrozen(schedule.rate)).toBe(true);
    if (schedule.rate.type !== 'path') throw new Error('expected a path');
    expect(Object.isFrozen(schedule.rate.points)).toBe(true);
    expect(Object.isFrozen(schedule.rate.points[0])).toBe(true);
  });

  it('does not mutate its input', () => {
    for (const input of [hyperliquid, okx, path]) {
      const before = structuredClone(input);
      createFundingSchedule(input);
      expect(input).toEqual(before);
    }
  });

  it.each([
    ['premium plus interest', hyperliquid],
    ['clamped premium', okx],
    ['a rate path', path],
  ])('survives a JSON round trip: %s', (_label, input) => {
    const schedule = createFundingSchedule(input);
    expect(createFundingSchedule(JSON.parse(JSON.stringify(schedule)))).toEqual(schedule);
  });

  it('accepts a schedule it created and returns an equal one', () => {
    const schedule = createFundingSchedule(hyperliquid);
    expect(createFundingSchedule(schedule)).toEqual(schedule);
  });
});
