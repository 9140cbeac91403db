import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkObjectList } from '../internal/argumentShape.js';
import { Decimal } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import { readDecimal } from '../internal/toDecimal.js';
import type { FundingScenario } from './FundingScenario.js';
import type { FundingSchedule } from './FundingSchedule.js';

/** A rate in force from `time`. */
export interface RatePoint {
  readonly time: number;
  readonly rate: Decimal;
}

/**
 * A scenario resolved for one position: a step function of time. `points` is empty for a constant rate
 * (`base` throughout); otherwise `base` is unused before the first point.
 */
export interface ResolvedRates {
  readonly points: readonly RatePoint[];
  readonly constant?: Decimal;
}

function checkedPoints(points: readonly { time: number; rate: unknown }[], path: string): RatePoint[] {
  if (points.length === 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a rate path needs at least one point', [path]);
  }
  return points.map((p, i) => {
    const read = readDecimal(p.rate);
    if (!Number.isSafeInteger(p.time) || !read.ok) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        'each point needs a whole-ms time and a finite rate',
        [path, i],
      );
    }
    const previous = points[i - 1];
    if (previous && p.time <= previous.time) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'rate path times must strictly increase', [
        path,
        i,
        'time',
      ]);
    }
    return { time: p.time, rate: read.value };
  });
}

/** Resolves a scenario for a position of signed `size` under `schedule`. */
export function resolveRates(
  scenario: FundingScenario,
  schedule: FundingSchedule,
  size: Decimal,
): ResolvedRates {
  switch (scenario.kind) {
    case 'constant':
      return { points: [], constant: decimalArg(scenario.rate, 'rate') };
    case 'path':
      checkObjectList(scenario.points, 'points');
      return { points: checkedPoints(scenario.points, 'points') };
    case 'schedule':
      if (schedule.rate.type !== 'path') {
        throw new InvalidArgumentError(
          'INVALID_ARGUMENT',
          `the 'schedule' scenario needs a rate-path schedule, not '${schedule.rate.type}'`,
          ['scenario'],
        );
      }
      return { points: schedule.rate.points };
    case 'worst-case': {
      if (size.isZero()) return { points: [], constant: new Decimal(0) };
      const model = schedule.rate;
      if (model.type === 'path') {
        const rates = model.points.map((p) => p.rate);
        return { points: [], constant: size.isPositive() ? Decimal.max(...rates) : Decimal.min(...rates) };
      }
      return { points: [], constant: size.isPositive() ? model.cap : model.floor };
    }
    default:
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        "scenario.kind must be 'constant', 'path', 'schedule' or 'worst-case'",
        ['scenario', 'kind'],
      );
  }
}

/** The rate in force at `time` (the last point at or before it); `strict` excludes a point exactly at `time`. */
export function rateAt(rates: ResolvedRates, time: number, strict: boolean): Decimal {
  if (rates.constant) return rates.constant;
  let found: Decimal | undefined;
  for (const p of rates.points) {
    if (p.time < time || (!strict && p.time === time)) found = p.rate;
    else break;
  }
  if (!found) {
    throw new InvalidArgumentError('NO_RATE', `the rate path has no rate before ${time}`, [
      'points',
      0,
      'time',
    ]);
  }
  return found;
}
