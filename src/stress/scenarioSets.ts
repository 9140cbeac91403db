import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { checkList, checkObject, checkOptions, checkText } from '../internal/argumentShape.js';
import type { DecimalInput } from '../internal/decimal.js';
import { Decimal } from '../internal/decimal.js';
import { decimalArg } from '../internal/decimalArg.js';
import type { Scenario } from './Scenario.js';

/**
 * A ladder of uniform moves from `from` to `to` in steps of `step` (both ends included when on the grid), each
 * applied to every market: e.g. −50 %…+50 % in 5 % steps gives 21 scenarios.
 *
 * @param from - lowest move (fraction, > −1).
 * @param to - highest move.
 * @param step - increment, > 0.
 * @throws {@link InvalidArgumentError} `INVALID_ARGUMENT` for a step ≤ 0, `to < from` or a move ≤ −100 %.
 * @example
 * ```ts
 * import { uniformLadder } from 'marginkit';
 * uniformLadder('-0.1', '0.1', '0.1').map((s) => s.name); // => ['-10%', '0%', '+10%']
 * ```
 * @category Stress
 */
export function uniformLadder(from: DecimalInput, to: DecimalInput, step: DecimalInput): Scenario[] {
  const lo = decimalArg(from, 'from');
  const hi = decimalArg(to, 'to');
  const d = decimalArg(step, 'step');
  if (!d.isPositive() || d.isZero())
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'step must be > 0', ['step']);
  if (hi.lessThan(lo)) throw new InvalidArgumentError('INVALID_ARGUMENT', 'to is below from', ['to']);
  if (lo.lessThanOrEqualTo(-1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a move of −100 % or less leaves no price', ['from']);
  }
  const count = hi.minus(lo).div(d).floor().toNumber();
  if (count > 100_000)
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'more than 100 000 steps', ['step']);
  const out: Scenario[] = [];
  for (let i = 0; i <= count; i++) {
    const move = lo.plus(d.times(i));
    out.push({ name: percent(move), shock: { kind: 'uniform', move: move.toString() } });
  }
  return out;
}

/** `+10%`, `-2.5%`, `0%`. */
export function percent(move: Decimal): string {
  const pct = move.times(100);
  return `${pct.isPositive() && !pct.isZero() ? '+' : ''}${pct.toString()}%`;
}

/**
 * The 16 CME SPAN risk scenarios as price moves of a single underlying (all markets move together): price scan
 * range fractions 0, ±1/3, ±2/3, ±1, each twice (volatility up and down, which does not change a perpetual or a
 * future), and the two extremes at ±`extremeMultiple` × range with weight `extremeWeight` (CME: 2× at 35 %).
 * Source: CME "Components of SPAN", scenario table.
 *
 * @param scanRange - the price scan range as a fraction (e.g. 0.12 for a 12 % scan range).
 * @param options - extreme multiple (default 2) and extreme weight (default 0.35).
 * @example
 * ```ts
 * import { spanScenarios } from 'marginkit';
 * const s = spanScenarios('0.15');
 * s.length; // => 16
 * s[15]?.name; // => 'SPAN 16: -2 × range (extreme)'
 * ```
 * @category Stress
 */
export function spanScenarios(
  scanRange: DecimalInput,
  options: { readonly extremeMultiple?: DecimalInput; readonly extremeWeight?: DecimalInput } = {},
): Scenario[] {
  checkOptions(options);
  const range = decimalArg(scanRange, 'scanRange');
  if (!range.isPositive() || range.isZero() || range.greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'scanRange must be in (0, 1)', ['scanRange']);
  }
  const multiple = decimalArg(options.extremeMultiple ?? 2, 'extremeMultiple');
  const weight = decimalArg(options.extremeWeight ?? '0.35', 'extremeWeight');
  for (const [name, value] of [
    ['extremeMultiple', multiple],
    ['extremeWeight', weight],
  ] as const) {
    if (value.isNegative() && !value.isZero()) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `${name} must be ≥ 0`, [name]);
    }
  }
  if (range.times(multiple).greaterThanOrEqualTo(1)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'the extreme move would reach −100 %', [
      'extremeMultiple',
    ]);
  }
  const steps: [string, Decimal][] = [
    ['0', new Decimal(0)],
    ['+1/3', new Decimal(1).div(3)],
    ['-1/3', new Decimal(-1).div(3)],
    ['+2/3', new Decimal(2).div(3)],
    ['-2/3', new Decimal(-2).div(3)],
    ['+3/3', new Decimal(1)],
    ['-3/3', new Decimal(-1)],
  ];
  const out: Scenario[] = [];
  for (const [label, fraction] of steps) {
    for (const vol of ['vol up', 'vol down']) {
      out.push({
        name: `SPAN ${out.length + 1}: ${label} range, ${vol}`,
        shock: { kind: 'uniform', move: range.times(fraction).toString() },
      });
    }
  }
  for (const sign of [1, -1]) {
    out.push({
      name: `SPAN ${out.length + 1}: ${sign > 0 ? '+' : '-'}${multiple.toString()} × range (extreme)`,
      shock: { kind: 'uniform', move: range.times(multiple).times(sign).toString() },
      weight: weight.toString(),
    });
  }
  return out;
}

/**
 * Factor scenarios: for each driver move, the driver moves by it and every other market or asset by β · move.
 *
 * @param driver - the driver market id.
 * @param moves - the driver's moves (fractions).
 * @param betas - β per other market or asset (missing: 0).
 * @example
 * ```ts
 * import { factorScenarios } from 'marginkit';
 * const s = factorScenarios('BTC-PERP', ['-0.1', '-0.2'], { 'ETH-PERP': '1.2', 'SOL-PERP': '1.6' });
 * s[1]?.name; // => 'BTC-PERP -20%'
 * ```
 * @category Stress
 */
export function factorScenarios(
  driver: string,
  moves: readonly DecimalInput[],
  betas: Readonly<Record<string, DecimalInput>>,
): Scenario[] {
  checkText(driver, 'driver');
  checkList(moves, 'moves');
  checkObject(betas, 'betas');
  // Read once, so every scenario carries checked Decimals rather than the caller's object.
  const read: Record<string, string> = {};
  for (const [id, beta] of Object.entries(betas)) read[id] = decimalArg(beta, id, ['betas', id]).toString();
  return moves.map((m, i) => {
    const move = decimalArg(m, `moves[${i}]`);
    return {
      name: `${driver} ${percent(move)}`,
      shock: { kind: 'factor', driver, move: move.toString(), betas: read },
    };
  });
}
