import { usage } from './CliError.js';

/** A time given as ms since the epoch or an ISO 8601 date; `now` when absent. */
export function timeOption(value: string | boolean | undefined, now: number): number {
  if (typeof value !== 'string') return now;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isSafeInteger(ms))
    throw usage(`--at must be ms since the epoch or an ISO date, not '${value}'`);
  return ms;
}
