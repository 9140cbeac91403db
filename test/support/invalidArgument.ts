import { expect } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';

/** The InvalidArgumentError `run` throws; fails the test when it returns or throws anything else. */
export function invalidArgument(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}
