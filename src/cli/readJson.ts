import { readFileSync } from 'node:fs';
import { CliError, usage } from './CliError.js';

/** Where the input comes from: a file, or standard input (`-` or no file with data piped in). */
export interface InputSource {
  readonly file?: string;
  readonly stdin: { readonly isTTY?: boolean; readonly fd: number };
}

/** Reads and parses the JSON input of a command. */
export function readJson(file: string | undefined, stdin: InputSource['stdin']): unknown {
  const fromStdin = file === undefined || file === '-';
  if (fromStdin && stdin.isTTY) {
    throw usage('no input: give a file, or pipe JSON into standard input');
  }
  const name = fromStdin ? 'standard input' : file;
  let text: string;
  try {
    text = readFileSync(fromStdin ? stdin.fd : file, 'utf8');
  } catch (error) {
    throw new CliError('READ_FAILED', `cannot read ${name}: ${(error as Error).message}`, [], error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError('INVALID_JSON', `${name} is not JSON: ${(error as Error).message}`, [], error);
  }
}
