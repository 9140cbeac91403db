import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import type { InputPath } from '../errors/MarginKitError.js';
import type { RiskScenario, VolMove } from './RiskScenario.js';
import { decimalAt, listAt, nonNegativeAt, objectAt } from './scenarioArgs.js';

const VOL_MOVES: readonly string[] = ['up', 'down', 'unchanged'];

/** A non-empty scenario list, each entry read (its numbers as library Decimals), with the path of a bad entry. */
export function scenariosAt(value: unknown, path: InputPath): readonly RiskScenario[] {
  const list = listAt(value, path);
  if (list.length === 0)
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must hold at least one scenario', path);
  return list.map((item, i) => {
    const s = objectAt(item, [...path, i]);
    if (!Number.isSafeInteger(s.number)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a whole number', [...path, i, 'number']);
    }
    if (typeof s.vol !== 'string' || !VOL_MOVES.includes(s.vol)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', "must be 'up', 'down' or 'unchanged'", [
        ...path,
        i,
        'vol',
      ]);
    }
    const weight = nonNegativeAt(s.weight, [...path, i, 'weight']);
    if (weight.greaterThan(1)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≤ 1, got ${weight.toString()}`, [
        ...path,
        i,
        'weight',
      ]);
    }
    return {
      number: s.number as number,
      priceMove: decimalAt(s.priceMove, [...path, i, 'priceMove']),
      vol: s.vol as VolMove,
      weight,
    };
  });
}
