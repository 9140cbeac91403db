import { usage } from './CliError.js';
import type { OptionValues } from './Command.js';

/** A string option the command cannot run without. */
export function requireOption(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw usage(`--${name} is required`);
  return value;
}

/** A string option restricted to a few words. */
export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T {
  const value = values[name] ?? fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw usage(
    value === undefined
      ? `--${name} is required (${choices.join(' or ')})`
      : `--${name} must be ${choices.join(' or ')}, not '${String(value)}'`,
  );
}
