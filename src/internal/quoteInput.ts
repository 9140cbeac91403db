const PREFIX = 24;

/** An input string quoted for an error message: at most a short prefix, so a huge input is never echoed whole. */
export function quoteInput(text: string): string {
  return text.length <= PREFIX ? `'${text}'` : `'${text.slice(0, PREFIX)}…' (${text.length} characters)`;
}
