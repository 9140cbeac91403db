/** Milliseconds in a 365-day year, the year funding rates are annualised over. */
export const YEAR_MS = 365 * 24 * 3_600_000;
