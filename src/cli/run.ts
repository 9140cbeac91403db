import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatPath, isMarginKitError, type PriceSource } from 'marginkit';
import type { Book } from './Book.js';
import { CliError, usage } from './CliError.js';
import type { Command, CommandContext, OptionValues } from './Command.js';
import { funding } from './commands/funding.js';
import { preview } from './commands/preview.js';
import { report } from './commands/report.js';
import { size } from './commands/size.js';
import { stress } from './commands/stress.js';
import { jsonBooks } from './jsonBooks.js';
import {
  isModelVenue,
  MODEL_VENUE_OPTIONAL,
  MODEL_VENUE_PAYLOADS,
  type ModelBook,
  modelBook,
} from './modelBook.js';
import { modelReport } from './modelReport.js';
import { type ProgressStream, progressBar } from './progress.js';
import { readJson } from './readJson.js';
import { outputFormat, render } from './render.js';
import { VENUE_PAYLOADS, venueBook } from './venueBook.js';

/** The process around the command: its streams and clock, replaceable in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): boolean };
  readonly stderr: ProgressStream;
  readonly stdin: { readonly isTTY?: boolean; readonly fd: number };
  readonly now: number;
}

const COMMON_OPTIONS = {
  from: { type: 'string' },
  format: { type: 'string' },
  account: { type: 'string' },
  'price-source': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMON_HELP = `Input (a file, or standard input when the file is '-' or absent):
  the library's JSON: { "title"?, "account": <createMarginAccount input>, "prices": <createPrices input>,
  "priceSource"?, "volatility"?: { "<base asset>": <annualised σ> } }, or several under "accounts" or in an array;
  or with --from <venue>, one object holding the venue's API answers:
${Object.entries(VENUE_PAYLOADS)
  .map(([venue, keys]) => `    ${venue.padEnd(12)} { ${keys.join(', ')} }`)
  .join('\n')}
${Object.entries(MODEL_VENUE_PAYLOADS)
  .map(([venue, keys]) => {
    const optional = MODEL_VENUE_OPTIONAL[venue as keyof typeof MODEL_VENUE_PAYLOADS].map((k) => `, ${k}?`);
    return `    ${venue.padEnd(12)} { ${keys.join(', ')}${optional.join('')} }  (report only)`;
  })
  .join('\n')}

Common options:
  --from <venue>          read a venue payload: ${[...Object.keys(VENUE_PAYLOADS), ...Object.keys(MODEL_VENUE_PAYLOADS)].join(', ')}
  --format <f>            table (default), markdown or json (exact decimals as strings)
  --account <n>           which account of the input (1, 2, …) for commands working on one
  --price-source <p>      mark or oracle (default: the input's, dYdX: oracle)
  -h, --help              this help`;

function commands(): readonly Command[] {
  return [report, stress, funding, preview, size];
}

function mainHelp(): string {
  return `marginkit: margin, liquidation, funding and stress of a derivatives account

Usage: marginkit <command> [file] [options]

Commands:
${commands()
  .map((c) => `  ${c.name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run 'marginkit <command> --help' for a command's options.

${COMMON_HELP}`;
}

function loadBooks(input: unknown, from: string | undefined): Book[] {
  return from === undefined ? jsonBooks(input) : [venueBook(from, input)];
}

/** The input files: each file given, and the `.json` files of each directory given, in name order. */
function inputFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!isDirectory(path)) return [path];
    const files = readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
    if (files.length === 0) throw usage(`${path} holds no .json file`);
    return files;
  });
}

function isDirectory(path: string | undefined): path is string {
  return path !== undefined && path !== '-' && existsSync(path) && statSync(path).isDirectory();
}

/** Reads one of several input files with `load`; an error about its content names the file. */
function fromFile<T>(file: string, load: (input: unknown) => T): T {
  if (file === '-') throw usage('standard input cannot be one of several inputs');
  try {
    return load(readJson(file, { isTTY: true, fd: 0 }));
  } catch (error) {
    if (!(error instanceof CliError) || error.code === 'READ_FAILED' || error.code === 'INVALID_JSON') {
      throw error;
    }
    throw new CliError(error.code, `${error.shortMessage} (in ${file})`, error.path, error.cause);
  }
}

/** The accounts of one of several input files, titled with the file's name; an error names the file. */
function fileBooks(file: string, from: string | undefined): Book[] {
  return fromFile(file, (input) =>
    loadBooks(input, from).map((book) => ({ ...book, title: `${basename(file)}: ${book.title}` })),
  );
}

/** The accounts of the input files (or standard input) for a model venue, titled with the file's name when several. */
function modelBooks(
  positionals: readonly string[],
  venue: Parameters<typeof modelBook>[0],
  io: CliIo,
): ModelBook[] {
  if (positionals.length <= 1 && !isDirectory(positionals[0])) {
    return [modelBook(venue, readJson(positionals[0], io.stdin))];
  }
  return inputFiles(positionals).map((file) =>
    fromFile(file, (input) => {
      const book = modelBook(venue, input);
      return { ...book, title: `${basename(file)}: ${book.title}` };
    }),
  );
}

function chooseBook(books: readonly Book[], choice: string | undefined): Book {
  if (choice === undefined) {
    if (books.length === 1 && books[0]) return books[0];
    throw usage(`the input holds ${books.length} accounts: choose one with --account 1…${books.length}`);
  }
  const index = /^\d+$/.test(choice) ? Number(choice) - 1 : -1;
  const book = books[index];
  if (!book) throw usage(`--account must be a number from 1 to ${books.length}, not '${choice}'`);
  return book;
}

function priceSourceOption(value: string | boolean | undefined): PriceSource | undefined {
  if (value === undefined || value === 'mark' || value === 'oracle') return value;
  throw usage(`--price-source must be mark or oracle, not '${String(value)}'`);
}

/** Prints an error as `marginkit <command>: <CODE> at <path>: <message>` and returns the exit code. */
function reportError(error: unknown, command: string, io: CliIo): number {
  const prefix = `marginkit${command ? ` ${command}` : ''}: error`;
  if (error instanceof CliError || isMarginKitError(error)) {
    const where = error.path.length > 0 ? ` at ${formatPath(error.path)}` : '';
    io.stderr.write(`${prefix} ${error.code}${where}: ${error.shortMessage}\n`);
    if (error instanceof CliError && error.code === 'USAGE') {
      io.stderr.write(`Run 'marginkit ${command || ''}${command ? ' ' : ''}--help' for usage.\n`);
    }
    return error instanceof CliError ? error.exitCode : 1;
  }
  io.stderr.write(
    `${prefix} INTERNAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 70;
}

/** Runs `marginkit` with its arguments (without `node` and the script) and returns the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands().find((c) => c.name === name);
  try {
    if (!command)
      throw usage(
        `unknown command '${name}'; commands: ${commands()
          .map((c) => c.name)
          .join(', ')}`,
      );
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...COMMON_OPTIONS, ...command.options },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw usage((error as Error).message);
    }
    const { positionals } = parsed;
    // Every option is a single string or a flag.
    const values = parsed.values as OptionValues;
    if (values.help === true) {
      io.stdout.write(`${command.help}\n\n${COMMON_HELP}\n`);
      return 0;
    }
    if (positionals.length > 1 && !command.manyInputs) {
      throw usage(`one input file at most, got ${positionals.join(' ')}`);
    }
    const format = outputFormat(typeof values.format === 'string' ? values.format : undefined);
    const override = priceSourceOption(values['price-source']);
    const from = typeof values.from === 'string' ? values.from : undefined;
    if (from !== undefined && isModelVenue(from)) {
      if (command.name !== 'report') {
        throw usage(
          `--from ${from} works with report only: ${from}'s margin is its venue model's, not a schedule the ${command.name} command runs on`,
        );
      }
      io.stdout.write(`${render(modelReport(modelBooks(positionals, from, io)), format)}\n`);
      return 0;
    }
    const books =
      positionals.length > 1 || isDirectory(positionals[0])
        ? inputFiles(positionals).flatMap((file) => fileBooks(file, from))
        : loadBooks(readJson(positionals[0], io.stdin), from);
    const context: CommandContext = {
      books,
      book: () => chooseBook(books, typeof values.account === 'string' ? values.account : undefined),
      values,
      now: io.now,
      priceSource: (book) => override ?? book.priceSource,
      progress: (label, total) => progressBar(io.stderr, label, total),
      writeFile(path, contents) {
        try {
          writeFileSync(path, contents);
        } catch (error) {
          throw new CliError('WRITE_FAILED', `cannot write ${path}: ${(error as Error).message}`, [], error);
        }
      },
    };
    io.stdout.write(`${render(command.run(context), format)}\n`);
    return 0;
  } catch (error) {
    return reportError(error, command ? name : '', io);
  }
}
