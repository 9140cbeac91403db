// Number formatting of the command's output: exact decimals rounded half-even by the library, then grouped in
// thousands by Intl.NumberFormat, which formats a decimal string without converting it to a float.
import type { Decimal, Ratio } from 'marginkit';

/** `value` with `dp` decimals, thousands grouped, never '-0.00'. */
export function fixed(value: Decimal, dp: number): string {
  const text = value.toFixed(dp);
  const digits = /^-[0.]+$/.test(text) ? text.slice(1) : text;
  const grouping = new Intl.NumberFormat('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp });
  // A decimal string is formatted exactly (Intl.NumberFormat v3); the type declarations only know numbers.
  return grouping.format(digits as unknown as number);
}

/** Like {@link fixed}, with an explicit '+' on values that show as positive. */
export function signed(value: Decimal, dp: number): string {
  const text = fixed(value, dp);
  return value.isPositive() && !/^[0.,]+$/.test(text) ? `+${text}` : text;
}

/** A fraction as a percentage: 0.0123 → '1.23%'. */
export function percent(value: Decimal, dp = 2): string {
  return `${fixed(value.times(100), dp)}%`;
}

/** A signed fraction as a percentage: -0.0123 → '-1.23%'. */
export function signedPercent(value: Decimal, dp = 2): string {
  return `${signed(value.times(100), dp)}%`;
}

export function ratioPercent(ratio: Ratio): string {
  return ratio.kind === 'finite' ? percent(ratio.value) : '∞ (equity ≤ 0)';
}

export function ratioTimes(ratio: Ratio): string {
  return ratio.kind === 'finite' ? `${fixed(ratio.value, 2)}×` : '∞ (equity ≤ 0)';
}

/** Decimals shown for amounts of each settlement asset. */
const MONEY_DECIMALS: Readonly<Record<string, number>> = { USDT: 2, USDC: 2, USD: 2, BTC: 6, ETH: 5 };

export function moneyDecimals(asset: string): number {
  return MONEY_DECIMALS[asset] ?? 4;
}

/** A time in ms since the epoch as an ISO date, to the minute, in UTC. */
export function isoMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A duration in ms as days and hours: '2 d 5 h', '17 h'. */
export function duration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.round((ms % 3_600_000) / 60_000);
  const days = Math.floor(hours / 24);
  const parts = [days > 0 ? `${days} d` : '', `${hours % 24} h`, minutes > 0 ? `${minutes} min` : ''];
  return parts.filter((p) => p !== '').join(' ');
}

/**
 * An amount whose sign is a direction, shown unsigned with a word: funding `16.06 owed` / `3.20 receivable`,
 * `pays 12.00` / `receives 4.00`. Zero shows alone.
 */
export function directed(
  amount: Decimal,
  dp: number,
  positive: string,
  negative: string,
  place: 'before' | 'after',
): string {
  const shown = fixed(amount.abs(), dp);
  if (/^[0.,]+$/.test(shown)) return shown;
  const word = amount.isNegative() ? negative : positive;
  return place === 'before' ? `${word} ${shown}` : `${shown} ${word}`;
}
