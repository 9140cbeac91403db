import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, type Scenario, uniformLadder } from '../../src/index.js';

function moves(scenarios: readonly Scenario[]): string[] {
  return scenarios.map((s) => (s.shock?.kind === 'uniform' ? String(s.shock.move) : `(${s.shock?.kind})`));
}

function expectInvalid(run: () => unknown, path: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
    expect((error as InvalidArgumentError).path).toEqual([path]);
    return;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('uniformLadder', () => {
  it('steps from `from` to `to`, both ends included, one uniform shock each', () => {
    const ladder = uniformLadder('-0.1', '0.1', '0.1');
    // −0.1 + 0·0.1, −0.1 + 1·0.1 = 0, −0.1 + 2·0.1 = 0.1
    expect(ladder.map((s) => s.name)).toEqual(['-10%', '0%', '+10%']);
    expect(moves(ladder)).toEqual(['-0.1', '0', '0.1']);
    expect(ladder.every((s) => s.weight === undefined && s.funding === undefined)).toBe(true);
  });

  it('gives 21 scenarios for −50 %…+50 % in 5 % steps, each move exact', () => {
    const ladder = uniformLadder('-0.5', '0.5', '0.05');
    // (0.5 − (−0.5)) / 0.05 = 20 steps → 21 points
    expect(ladder).toHaveLength(21);
    expect(ladder[0]?.name).toBe('-50%');
    expect(ladder[10]?.name).toBe('0%');
    expect(ladder[20]?.name).toBe('+50%');
    // −0.5 + 7 · 0.05 = −0.15 exactly (no binary drift)
    expect(moves(ladder)[7]).toBe('-0.15');
    expect(ladder[7]?.name).toBe('-15%');
  });

  it('stops at the last grid point at or below `to`', () => {
    // floor((0.15 − (−0.1)) / 0.1) = floor(2.5) = 2 → −0.1, 0, 0.1; 0.15 is off the grid
    expect(moves(uniformLadder('-0.1', '0.15', '0.1'))).toEqual(['-0.1', '0', '0.1']);
  });

  it('names fractional percentages exactly', () => {
    // −0.05 + 0.025 = −0.025 → −2.5 %
    expect(uniformLadder('-0.05', '0.05', '0.025').map((s) => s.name)).toEqual([
      '-5%',
      '-2.5%',
      '0%',
      '+2.5%',
      '+5%',
    ]);
  });

  it('gives a single scenario when from equals to', () => {
    expect(moves(uniformLadder('-0.12', '-0.12', '0.01'))).toEqual(['-0.12']);
  });

  it('accepts numbers, bigints and strings alike', () => {
    expect(uniformLadder(-0.2, 0, 0.1)).toEqual(uniformLadder('-0.2', '0', '0.1'));
    expect(moves(uniformLadder(0n, 2n, 1n))).toEqual(['0', '1', '2']);
  });

  it('returns plain JSON-serialisable scenarios', () => {
    const ladder = uniformLadder('-0.1', '0.1', '0.05');
    expect(JSON.parse(JSON.stringify(ladder))).toEqual(ladder);
  });

  it('rejects a step ≤ 0, `to` below `from`, a move of −100 % or less and more than 100 000 steps', () => {
    expectInvalid(() => uniformLadder('-0.1', '0.1', '0'), 'step');
    expectInvalid(() => uniformLadder('-0.1', '0.1', '-0.05'), 'step');
    expectInvalid(() => uniformLadder('0.1', '-0.1', '0.05'), 'to');
    expectInvalid(() => uniformLadder('-1', '0', '0.1'), 'from');
    expectInvalid(() => uniformLadder('-1.5', '0', '0.1'), 'from');
    // (0.5 − (−0.5)) / 0.000001 = 1 000 000 steps
    expectInvalid(() => uniformLadder('-0.5', '0.5', '0.000001'), 'step');
  });

  it('accepts a move just above −100 %', () => {
    expect(moves(uniformLadder('-0.99', '-0.99', '0.01'))).toEqual(['-0.99']);
  });
});
