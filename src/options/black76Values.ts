import type { Decimal } from '../internal/decimal.js';
import type { Black76Greeks } from './Black76.js';
import { normalCdf, normalPdf } from './normalCdf.js';
import type { Black76Terms } from './readBlack76Input.js';
import { narrow, wideDecimal } from './wideDecimal.js';

/**
 * Black-76 value and greeks of validated terms, at the working precision, rounded to the library's 40 digits.
 *
 * With DF = e^(−r·t), s = σ·√t, d₁ = (ln(F/K) + s²/2)/s, d₂ = d₁ − s:
 * call V = DF·(F·N(d₁) − K·N(d₂)), put V = DF·(K·N(−d₂) − F·N(−d₁)); delta DF·N(d₁) | −DF·N(−d₁);
 * gamma DF·φ(d₁)/(F·s); vega DF·F·φ(d₁)·√t; theta r·V − DF·F·φ(d₁)·σ/(2√t).
 * Each N is taken on the side that keeps full relative precision (a tail, never 1 − tail of a tail), and the value
 * is held within its no-arbitrage bounds DF·max(±(F − K), 0) … DF·F (call) or DF·K (put) against the last rounding.
 *
 * At t = 0 the option is its payoff: V = max(±(F − K), 0), delta 1, ½ (at the strike: the limit of N(d₁)) or 0
 * (negated for a put), gamma, vega and theta 0.
 *
 * Inverse (coin) settlement divides by F: V/F, Δ/F − V/F², Γ/F − 2Δ/F² + 2V/F³, vega/F, theta/F.
 */
export function black76Values(terms: Black76Terms): Black76Greeks {
  const W = wideDecimal();
  const F = new W(terms.forward);
  const K = new W(terms.strike);
  const call = terms.optionType === 'call';
  const zero = new W(0);
  let price: Decimal;
  let delta: Decimal;
  let gamma: Decimal = zero;
  let vega: Decimal = zero;
  let theta: Decimal = zero;
  if (terms.time.isZero()) {
    const moneyness = F.comparedTo(K) * (call ? 1 : -1); // 1 in the money, 0 at the strike, −1 out of it
    price = moneyness > 0 ? F.minus(K).abs() : zero;
    delta = new W(moneyness > 0 ? 1 : moneyness === 0 ? '0.5' : 0).times(call ? 1 : -1);
  } else {
    const t = new W(terms.time);
    const sigma = new W(terms.volatility);
    const discount = terms.rate.isZero() ? new W(1) : new W(terms.rate).times(t).neg().exp();
    const rootT = t.sqrt();
    const s = sigma.times(rootT);
    const d1 = F.div(K).ln().plus(s.times(s).div(2)).div(s);
    const d2 = d1.minus(s);
    const density1 = normalPdf(d1);
    const density2 = density1.times(F).div(K); // F·φ(d₁) = K·φ(d₂)
    const sign = call ? 1 : -1;
    const n1 = normalCdf(d1.times(sign), density1);
    const n2 = normalCdf(d2.times(sign), density2);
    const intrinsic = call ? F.minus(K) : K.minus(F);
    const floor = intrinsic.isPositive() ? discount.times(intrinsic) : zero;
    const cap = discount.times(call ? F : K);
    const raw = discount.times(F.times(n1).minus(K.times(n2))).times(sign);
    price = W.min(W.max(raw, floor), cap);
    delta = discount.times(n1).times(sign);
    gamma = discount.times(density1).div(F.times(s));
    vega = discount.times(F).times(density1).times(rootT);
    theta = new W(terms.rate)
      .times(price)
      .minus(discount.times(F).times(density1).times(sigma).div(rootT.times(2)));
  }
  if (terms.inverse) {
    const coinPrice = price.div(F);
    const coinDelta = delta.minus(coinPrice).div(F);
    gamma = gamma.minus(coinDelta.times(2)).div(F); // Γ/F − 2Δ/F² + 2V/F³ = (Γ − 2·(Δ/F − V/F²))/F
    delta = coinDelta;
    price = coinPrice;
    vega = vega.div(F);
    theta = theta.div(F);
  }
  return {
    price: narrow(price),
    delta: narrow(delta),
    gamma: narrow(gamma),
    vega: narrow(vega),
    theta: narrow(theta),
  };
}
