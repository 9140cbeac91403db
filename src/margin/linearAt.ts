import { pow10, type Scaled } from '../internal/exactInteger.js';
import type { IntegerTier } from './integerSchedule.js';

/** A linear position's exact integer terms, fixed for the created position (see {@link linearTermsOf}). */
export interface LinearTerms {
  /** `e = size · contractSize`, as `m · 10^-k`. */
  readonly exposure: Scaled;
  /** `|e|`, at the exposure's scale. */
  readonly absExposure: bigint;
  /** `e · entry`. */
  readonly entryTerm: Scaled;
  /** The schedule's tiers (a flat schedule is one tier). */
  readonly tiers: readonly IntegerTier[];
  /** `1 / leverage` when the position has a user leverage. */
  readonly leverageFraction: Scaled | undefined;
}

/**
 * The numbers of a linear position at a price, written by {@link linearAt}: each value is `m · 10^-k`, exact.
 * One object is reused across positions by the caller, so a pass over an account allocates no per-position record.
 */
export interface LinearValues {
  /** Notional `|e|·P`. */
  nm: bigint;
  nk: number;
  /** Unrealized PnL `e·P − e·entry`. */
  pm: bigint;
  pk: number;
  /** Initial requirement `n · max(IMF_t, 1/leverage)`. */
  im: bigint;
  ik: number;
  /** Maintenance requirement `n · MMF_t − deduction_t`. */
  mm: bigint;
  mk: number;
  /** The tier of the notional. */
  tier: number;
  /** The user's `1/leverage` exceeds the tier's initial fraction. */
  binding: boolean;
}

/** `a·10^-ak ≥ b·10^-bk`. */
export function atLeast(a: bigint, ak: number, b: bigint, bk: number): boolean {
  return ak === bk ? a >= b : ak > bk ? a >= b * pow10(ak - bk) : a * pow10(bk - ak) >= b;
}

/**
 * Values a linear position at price `P` (`m · 10^-k`) in exact integers: notional `n = |e|·P`, PnL
 * `e·P − e·entry`, the tier t of n (the last whose floor is ≤ n), initial `n · max(IMF_t, 1/leverage)` and
 * maintenance `n · MMF_t − deduction_t` — the formulas of the Decimal path, with no rounding at all.
 */
export function linearAt(terms: LinearTerms, pm: bigint, pk: number, out: LinearValues): void {
  const e = terms.exposure;
  const nk = e.k + pk;
  const nm = terms.absExposure * pm;
  out.nm = nm;
  out.nk = nk;
  // e·P at scale e.k + pk, minus e·entry at its own scale.
  const entry = terms.entryTerm;
  const ep = e.m * pm;
  if (entry.k === nk) {
    out.pm = ep - entry.m;
    out.pk = nk;
  } else if (entry.k > nk) {
    out.pm = ep * pow10(entry.k - nk) - entry.m;
    out.pk = entry.k;
  } else {
    out.pm = ep - entry.m * pow10(nk - entry.k);
    out.pk = nk;
  }
  const tiers = terms.tiers;
  let t = 0;
  while (t + 1 < tiers.length) {
    const floor = (tiers[t + 1] as IntegerTier).floor;
    if (!atLeast(nm, nk, floor.m, floor.k)) break;
    t++;
  }
  const tier = tiers[t] as IntegerTier;
  out.tier = t;
  let imf = tier.initialFraction;
  const lf = terms.leverageFraction;
  out.binding = false;
  if (lf !== undefined && !atLeast(imf.m, imf.k, lf.m, lf.k)) {
    imf = lf;
    out.binding = true;
  }
  out.im = nm * imf.m;
  out.ik = nk + imf.k;
  const mmf = tier.maintenanceFraction;
  const d = tier.deduction;
  const mk = nk + mmf.k;
  const product = nm * mmf.m;
  if (d.m === 0n) {
    out.mm = product;
    out.mk = mk;
  } else if (d.k <= mk) {
    out.mm = product - d.m * pow10(mk - d.k);
    out.mk = mk;
  } else {
    out.mm = product * pow10(d.k - mk) - d.m;
    out.mk = d.k;
  }
}

/** A fresh {@link LinearValues} record to reuse across a pass. */
export function linearValues(): LinearValues {
  return { nm: 0n, nk: 0, pm: 0n, pk: 0, im: 0n, ik: 0, mm: 0n, mk: 0, tier: -1, binding: false };
}
