// The normal CDF of the options math against 45-digit reference values (mpmath 1.3.0 ncdf at mp.dps = 60), on both
// sides of the series/continued-fraction switch at |x| = 8 and deep in the tails, where it keeps relative precision.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/index.js';
import { normalCdf, upperTail } from '../../src/options/normalCdf.js';

const REFERENCE: readonly (readonly [string, string])[] = [
  ['0', '0.5'],
  ['1', '0.841344746068542948585232545632037922477912967'],
  ['-1', '0.158655253931457051414767454367962077522087033'],
  ['0.5', '0.691462461274013103637704610608337739883602176'],
  ['2.5', '0.993790334674223864833021895425807778872102253'],
  ['-3', '0.00134989803163009452665181476759497737782936816'],
  ['-5', '2.86651571879193911673752332874645353854423014e-7'],
  ['-8', '6.22096057427178412351599517258818842248871728e-16'],
  ['-10', '7.61985302416052606597334325159930836350403328e-24'],
  ['-20', '2.75362411860623369507562278085746533280749773e-89'],
  ['-37.5', '4.60535300958195484382796909761089623892069264e-308'],
];

describe('normalCdf', () => {
  it.each(REFERENCE)('Φ(%s) matches the reference to 1e-42 relative', (x, expected) => {
    const got = normalCdf(new Decimal(x));
    expect(got.minus(expected).div(expected).abs().lessThan('1e-42')).toBe(true);
  });

  it('agrees across the switch from the series to the continued fraction', () => {
    const below = upperTail(new Decimal('7.9999999999'));
    const at = upperTail(new Decimal(8));
    const above = upperTail(new Decimal('8.0000000001'));
    expect(below.greaterThan(at) && at.greaterThan(above)).toBe(true);
    // Q'(x) = −φ(x): the one-sided slopes both equal −φ(8) to 9 digits.
    const phi8 = new Decimal(-32).exp().div(new Decimal(2).times(Decimal.acos(-1)).sqrt());
    for (const slope of [below.minus(at).div('1e-10'), at.minus(above).div('1e-10')]) {
      expect(slope.minus(phi8).div(phi8).abs().lessThan('1e-8')).toBe(true);
    }
  });

  it('is exactly 0 and 1 beyond |x| = 40 and symmetric: Φ(x) + Φ(−x) = 1', () => {
    expect(normalCdf(new Decimal(-41)).isZero()).toBe(true);
    expect(normalCdf(new Decimal('1e30')).eq(1)).toBe(true);
    for (const x of ['0.3', '4.2', '9.5']) {
      const sum = normalCdf(new Decimal(x)).plus(normalCdf(new Decimal(x).neg()));
      expect(sum.minus(1).abs().lessThan('1e-45')).toBe(true);
    }
  });
});
