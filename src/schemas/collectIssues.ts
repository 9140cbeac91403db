import { ValidationError, type ValidationIssue } from '../errors/ValidationError.js';

/**
 * Runs one check of a larger input; a {@link ValidationError} it throws is added to `issues` (and undefined
 * returned) so that the caller can go on and report every problem of the input at once.
 */
export function collectIssues<T>(issues: ValidationIssue[], check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

/** Throws a {@link ValidationError} with every issue collected, if there is one. */
export function throwIssues(issues: readonly ValidationIssue[]): void {
  const [first, ...rest] = issues;
  if (first) throw new ValidationError([first, ...rest]);
}

/**
 * Runs independent checks (one per payload of an adapter, say) and returns their results by name, or throws one
 * {@link ValidationError} with the issues of all of them.
 */
export function parseAll<T extends Record<string, () => unknown>>(
  checks: T,
): { [K in keyof T]: ReturnType<T[K]> } {
  const issues: ValidationIssue[] = [];
  const results: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(checks)) results[name] = collectIssues(issues, check);
  throwIssues(issues);
  return results as { [K in keyof T]: ReturnType<T[K]> };
}
