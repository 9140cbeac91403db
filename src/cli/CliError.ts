import { formatPath, type InputPath } from 'marginkit';

/**
 * What went wrong on the command line, beside the library's own errors:
 * - `USAGE`: an unknown command or option, a missing or malformed argument (exit code 2);
 * - `READ_FAILED` / `WRITE_FAILED`: a file could not be read or written;
 * - `INVALID_JSON`: the input is not JSON;
 * - `INVALID_INPUT`, `INVALID_TYPE`, `MISSING_FIELD`, `INVALID_FIELD`, `INVALID_ENUM`: the JSON is not shaped as
 *   the command expects (the library's own codes pass through unchanged).
 */
export type CliErrorCode =
  | 'USAGE'
  | 'READ_FAILED'
  | 'WRITE_FAILED'
  | 'INVALID_JSON'
  | 'INVALID_INPUT'
  | 'INVALID_TYPE'
  | 'MISSING_FIELD'
  | 'INVALID_FIELD'
  | 'INVALID_ENUM';

/** An error of the command line, with a stable code and the path of the offending field in the input. */
export class CliError extends Error {
  readonly code: string;
  readonly path: InputPath;
  /** 2 for a usage error, 1 for anything wrong with the input. */
  readonly exitCode: number;
  /** The message without the path prefix. */
  readonly shortMessage: string;

  /** A {@link CliErrorCode}, or the code of the library error it carries. */
  constructor(code: CliErrorCode | (string & {}), message: string, path: InputPath = [], cause?: unknown) {
    super(
      path.length > 0 ? `${formatPath(path)}: ${message}` : message,
      cause === undefined ? {} : { cause },
    );
    this.name = 'CliError';
    this.code = code;
    this.path = path;
    this.exitCode = code === 'USAGE' ? 2 : 1;
    this.shortMessage = message;
  }
}

/** A usage error: the command line itself is wrong. */
export function usage(message: string): CliError {
  return new CliError('USAGE', message);
}
