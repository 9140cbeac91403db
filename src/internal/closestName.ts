/** Longest text compared with the candidates. */
const MAX_NAME = 64;

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two strings. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The candidate closest to `name` (a typo'd field name or option), or undefined when none is close: case is ignored,
 * a candidate is close when at most a third of its characters (at least 2) must change, and a cut-short name
 * matches the name it begins.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  // A long text is no typo of a name (and would make the distance table large).
  if (name.length > MAX_NAME) return undefined;
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // A cut-short name ('lin' for 'linear') counts as one edit away.
    const edits = distance(wanted, lower);
    const d = wanted.length >= 2 && lower.startsWith(wanted) ? Math.min(edits, 1) : edits;
    if (d < bestDistance && d <= Math.max(2, Math.floor(candidate.length / 3))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
