/** The parts one after another in one array. */
export function concatColumns<T extends Float64Array | Int32Array | Uint8Array>(
  parts: readonly T[],
  make: (n: number) => T,
): T {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Element-wise sum of equally long parts, added in the order given. */
export function sumColumns<T extends Float64Array | Int32Array>(
  parts: readonly T[],
  make: (n: number) => T,
): T {
  const out = make(parts[0]?.length ?? 0);
  for (const p of parts) for (let i = 0; i < p.length; i++) out[i] = (out[i] as number) + (p[i] as number);
  return out;
}
