// What a command prints, independent of the output format: headings, tables and lines of text.

/** A table: the first column holds labels, the others values (right-aligned in text). */
export interface TableBlock {
  readonly kind: 'table';
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly lines: readonly string[] }
  /** Text laid out in columns already (the library's stress table): fenced in markdown. */
  | { readonly kind: 'preformatted'; readonly text: string }
  | TableBlock;

/** A command's result: the blocks shown as a table or markdown, and the plain data printed as JSON. */
export interface Output {
  readonly blocks: readonly Block[];
  readonly data: unknown;
}

export function heading(text: string): Block {
  return { kind: 'heading', text };
}

export function text(...lines: string[]): Block {
  return { kind: 'text', lines };
}

export function preformatted(value: string): Block {
  return { kind: 'preformatted', text: value };
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): TableBlock {
  return { kind: 'table', header, rows };
}

/** Rows of a table of records: one column per record, one row per field. */
export function transposed<T>(
  title: string,
  items: readonly T[],
  name: (item: T) => string,
  fields: readonly (readonly [string, (item: T) => string])[],
): TableBlock {
  return table(
    [title, ...items.map(name)],
    fields.map(([label, cell]) => [label, ...items.map(cell)]),
  );
}
