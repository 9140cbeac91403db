import type { ParseArgsConfig } from 'node:util';
import type { PriceSource } from 'marginkit';
import type { Book } from './Book.js';
import type { Output } from './Layout.js';
import type { Progress } from './progress.js';

/** Parsed option values: strings and booleans, as `util.parseArgs` gives them. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** What a command runs with. */
export interface CommandContext {
  /** Every account of the input. */
  readonly books: readonly Book[];
  /** The one account chosen with `--account` (or the only one); throws a usage error when ambiguous. */
  book(): Book;
  readonly values: OptionValues;
  /** The time the command runs at (ms since the epoch). */
  readonly now: number;
  /** The price margin is measured on: `--price-source`, else the book's own (dYdX: oracle). */
  priceSource(book: Book): PriceSource;
  /** A progress bar on the error stream when it is a terminal; silent otherwise. */
  progress(label: string, total: number): Progress;
  /** Writes a file the command produces (a chart). */
  writeFile(path: string, contents: string): void;
}

/** One subcommand of `marginkit`. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The command's own help: what it does, its options and an example. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Several input files (or directories of `.json` files) are accepted, their accounts taken in order. */
  readonly manyInputs?: boolean;
  run(context: CommandContext): Output;
}
