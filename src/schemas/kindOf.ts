/** The kind of a received value as issue messages name it: `null`, `an array`, or its `typeof`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
