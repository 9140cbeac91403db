import { CliError } from './CliError.js';
import type { Block, Output, TableBlock } from './Layout.js';

/** The output formats of `--format`. */
export type OutputFormat = 'table' | 'markdown' | 'json';

export function outputFormat(value: string | undefined): OutputFormat {
  const format = value ?? 'table';
  if (format === 'table' || format === 'markdown' || format === 'json') return format;
  throw new CliError('USAGE', `--format must be table, markdown or json, not '${format}'`);
}

/** Plain-text columns: the first left-aligned, the others right-aligned, three spaces apart. */
function textTable(block: TableBlock): string {
  const all = [block.header, ...block.rows];
  const widths: number[] = [];
  for (const row of all) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return all
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart((widths[i] ?? 0) + 3)))
        .join('')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}

function markdownCell(cell: string): string {
  return cell.replace(/\|/g, '\\|');
}

/** A GitHub-flavoured markdown table: labels left-aligned, values right-aligned. */
function markdownTable(block: TableBlock): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${block.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [line(block.header), rule, ...block.rows.map(line)].join('\n');
}

function renderBlock(block: Block, format: 'table' | 'markdown'): string {
  if (block.kind === 'heading') return format === 'markdown' ? `## ${block.text}` : `== ${block.text} ==`;
  if (block.kind === 'text') return block.lines.join('\n');
  if (block.kind === 'preformatted')
    return format === 'markdown' ? `\`\`\`text\n${block.text}\n\`\`\`` : block.text;
  return format === 'markdown' ? markdownTable(block) : textTable(block);
}

/**
 * Renders a command's output: blocks separated by blank lines (table, markdown), or its data as JSON with every
 * decimal as an exact string.
 */
export function render(output: Output, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(output.data, null, 2);
  return output.blocks.map((b) => renderBlock(b, format)).join('\n\n');
}
