import { normalCdfFloat, normalPdfFloat } from './normalCdfFloat.js';

/**
 * Black-76 value and greeks in float64 of trusted numbers (F, K > 0; t ≥ 0; σ > 0 when t > 0; finite r): the formulas
 * and conventions of the exact path (`black76Values`) in double arithmetic. Returns `[price, delta, gamma, vega,
 * theta]` into `out` (no allocation in a grid's loop). −0 never appears (every figure has 0 added).
 */
export function black76FloatInto(
  call: boolean,
  inverse: boolean,
  F: number,
  K: number,
  sigma: number,
  t: number,
  r: number,
  out: Float64Array | number[],
): void {
  let price: number;
  let delta: number;
  let gamma = 0;
  let vega = 0;
  let theta = 0;
  const sign = call ? 1 : -1;
  if (t === 0) {
    const moneyness = F > K ? sign : F < K ? -sign : 0; // 1 in the money, 0 at the strike, −1 out of it
    price = moneyness > 0 ? Math.abs(F - K) : 0;
    delta = (moneyness > 0 ? 1 : moneyness === 0 ? 0.5 : 0) * sign;
  } else {
    const discount = r === 0 ? 1 : Math.exp(-r * t);
    const rootT = Math.sqrt(t);
    const s = sigma * rootT;
    const d1 = (Math.log(F / K) + (s * s) / 2) / s;
    const d2 = d1 - s;
    const density1 = normalPdfFloat(d1);
    const n1 = normalCdfFloat(sign * d1, density1);
    const n2 = normalCdfFloat(sign * d2, normalPdfFloat(d2));
    const intrinsic = call ? F - K : K - F;
    const floor = intrinsic > 0 ? discount * intrinsic : 0;
    const cap = discount * (call ? F : K);
    const raw = sign * discount * (F * n1 - K * n2);
    price = Math.min(Math.max(raw, floor), cap);
    delta = sign * discount * n1;
    gamma = (discount * density1) / (F * s);
    vega = discount * F * density1 * rootT;
    theta = r * price - (discount * F * density1 * sigma) / (2 * rootT);
  }
  if (inverse) {
    const coinPrice = price / F;
    const coinDelta = (delta - coinPrice) / F;
    gamma = (gamma - 2 * coinDelta) / F;
    delta = coinDelta;
    price = coinPrice;
    vega /= F;
    theta /= F;
  }
  out[0] = price + 0;
  out[1] = delta + 0;
  out[2] = gamma + 0;
  out[3] = vega + 0;
  out[4] = theta + 0;
}
