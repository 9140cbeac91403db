import type { InputPath } from '../../errors/MarginKitError.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { toBig, wholeArg } from '../dydx/quantums.js';

// Integer helpers of the Drift venue model. On-chain values are integers at fixed precisions (below); products and
// quotients go through native bigints, and every division truncates toward zero as Rust's `i128`/`u128` division and
// bn.js `div` do. Source: drift-labs/protocol-v2 `programs/drift/src/math/constants.rs`, `sdk/src/constants/numericConstants.ts`.

/** PRICE_PRECISION: oracle prices, 1e6 = $1. */
export const PRICE_PRECISION = 1_000_000n;
/** BASE_PRECISION = AMM_RESERVE_PRECISION: perp base amounts, 1e9 = 1 coin. */
export const BASE_PRECISION = 1_000_000_000n;
/** QUOTE_PRECISION: quote amounts, 1e6 = $1. */
export const QUOTE_PRECISION = 1_000_000n;
/** MARGIN_PRECISION = SPOT_WEIGHT_PRECISION: margin ratios and weights, 1e4 = 100 %. */
export const MARGIN_PRECISION = 10_000n;
/** SPOT_IMF_PRECISION: IMF factors, 1e6 = 1. */
export const IMF_PRECISION = 1_000_000n;
/** AMM_TO_QUOTE_PRECISION_RATIO: 1e9 / 1e6. */
export const AMM_TO_QUOTE = 1_000n;
/** FUNDING_RATE_BUFFER: cumulative funding rates carry PRICE_PRECISION · 1e3. */
export const FUNDING_RATE_BUFFER = 1_000n;
/** MAX_POSITIVE_UPNL_FOR_INITIAL_MARGIN: $100, the cap of weighted positive PnL in initial margin. */
export const MAX_POSITIVE_UPNL_FOR_INITIAL_MARGIN = 100n * QUOTE_PRECISION;

/** An integer argument of the Drift model, as a bigint; typed error with its path otherwise. */
export function intArg(value: DecimalInput, path: InputPath, min?: 0 | 1): bigint {
  return toBig(wholeArg(value, path, min));
}

/** A bigint as a library Decimal, every digit kept. */
export function dec(x: bigint): Decimal {
  return new Decimal(x.toString());
}

/** |x|. */
export function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** ⌊√n⌋ for n ≥ 0 (Rust `nth_root(2)`, the SDK's `squareRootBN`), by Newton's iteration on integers. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Start above the root (2^⌈bits/2⌉) so Newton's steps descend monotonically to ⌊√n⌋.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
