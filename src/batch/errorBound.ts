/**
 * The float screen's error bound, shared by every batch kernel (DESIGN decision 7; measured figures in
 * docs/concepts/batch.md).
 *
 * A pool with k positions sums at most 3k + 2 terms (per position PnL, funding, one requirement; the collateral),
 * each computed from inputs that were rounded once to double (≤ u = 2⁻⁵³ relative) with at most four more
 * roundings (a shock multiplier, a product, an entry-price subtraction or reciprocal, the requirement's product).
 * Recursive summation of m terms adds at most (m − 1)·u·Σ|term|. So
 * `|float − exact| ≤ (3k + 8) · u · S`, where the gross scale
 * `S = |collateral| + Σ (|funding| + |size·c|·(p + e) + N·(IMF + MMF) + deduction)` (inverse: `|size·c|·(1/p + 1/e)`)
 * bounds every term's magnitude. The screen uses four times that, `(3k + 8) · 2⁻⁵¹ · S`; the kernels write it
 * inline as `(3k + 8) · BOUND_PER_TERM · S` (2⁻⁵¹ = four unit roundoffs per term).
 */
export const BOUND_PER_TERM = 4.440892098500626e-16;

/**
 * A float notional this close to a tier floor (relative, 2⁻⁴⁶ ≈ 1.4e-14, far above its ≤ 4u error) may sit in the
 * other tier exactly; the account is recomputed.
 */
export const TIER_TOLERANCE = 1.4210854715202004e-14;
