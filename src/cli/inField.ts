import { type InputPath, isMarginKitError } from 'marginkit';
import { CliError } from './CliError.js';

/**
 * Runs `build` on a part of the input found at `prefix`, and turns a library error into a {@link CliError}
 * whose path starts from the root of the input (`accounts[1].account.positions[0].size`).
 */
export function inField<T>(prefix: InputPath, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (isMarginKitError(error)) {
      throw new CliError(error.code, error.shortMessage, [...prefix, ...error.path], error);
    }
    throw error;
  }
}
