import { Decimal } from '../internal/decimal.js';

/**
 * Evenly spaced price moves from −down to +up: `pointsPerSide` points on each side (−down·k/n and +up·k/n for
 * k = n…1), with 0 between them when asked. Ascending.
 */
export function evenMoves(
  down: Decimal,
  up: Decimal,
  pointsPerSide: number,
  includeZero: boolean,
): Decimal[] {
  const out: Decimal[] = [];
  for (let k = pointsPerSide; k >= 1; k--) out.push(down.times(k).div(pointsPerSide).neg());
  if (includeZero) out.push(new Decimal(0));
  for (let k = 1; k <= pointsPerSide; k++) out.push(up.times(k).div(pointsPerSide));
  return out;
}
