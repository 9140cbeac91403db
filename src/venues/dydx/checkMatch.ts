import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import { checkObject, checkObjectList, checkText } from '../../internal/argumentShape.js';
import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import type { DydxPerpetual } from './DydxPerpetual.js';
import type { DydxCustomImfPpm, DydxSubaccount } from './DydxSubaccount.js';
import { plain, wholeArg } from './quantums.js';
import { type Holding, type Perp, perpetualOf, resolveSubaccount } from './resolvePerpetual.js';
import { customImf, type DydxSubaccountRisk, subaccountRiskOf } from './subaccountRisk.js';
import { type DydxUpdateResult, updateResultOf } from './updateCollateralCheck.js';

/**
 * One side of a dYdX v4 match: a subaccount and what the fill changes.
 * @category Venue: dYdX
 */
export interface DydxMatchSide {
  /** The subaccount before the fill (funding not yet settled). */
  readonly subaccount: DydxSubaccount;
  /** Change of its position in the matched perpetual, in base quantums (buy > 0). */
  readonly quantumsDelta: DecimalInput;
  /** Change of its USDC, in quote quantums (the fill's quote amount net of fees; a buyer's is negative). */
  readonly usdcDelta: DecimalInput;
  /** The subaccount's leverage map (`custom_imf_ppm` per perpetual id). */
  readonly customImfPpm?: DydxCustomImfPpm;
}

/**
 * Result of {@link dydxCheckMatch}.
 * @category Venue: dYdX
 */
export interface DydxMatchCheck {
  /** True when both sides pass. */
  readonly success: boolean;
  /** Each side's outcome, in input order. */
  readonly results: readonly DydxUpdateResult[];
  /** Open-interest change of the match in base quantums: `Σ_sides max(q_after, 0) − max(q_before, 0)`. */
  readonly openInterestDelta: Decimal;
  /** Each side's funding-settled risk before and after the fill, both at the post-trade open interest. */
  readonly risks: readonly { readonly current: DydxSubaccountRisk; readonly next: DydxSubaccountRisk }[];
}

/**
 * dYdX v4 collateral check of a match between two subaccounts in one perpetual. Each side's funding is settled,
 * the perpetual's open interest is moved by the match's delta `Σ max(q_after, 0) − max(q_before, 0)` so that the
 * open-interest-scaled IMF is the post-trade one, and each side's update is checked by
 * {@link dydxUpdateCollateralCheck} with its leverage map (both before and after at that open interest).
 * Source: dydxprotocol/v4-chain `protocol/x/subaccounts/keeper/subaccount.go`
 * (`internalCanUpdateSubaccountsWithLeverage`) and `protocol/x/subaccounts/lib/oimf.go`
 * (`GetDeltaOpenInterestFromUpdates`).
 *
 * @param perpetuals - every perpetual the two subaccounts hold, by id.
 * @param perpetualId - the matched perpetual.
 * @param sides - the two sides; their quantum deltas must be opposite and of equal size.
 * @throws {@link InvalidArgumentError} for sides that do not form a match, or a malformed subaccount.
 * @example
 * ```ts
 * import { dydxCheckMatch } from 'marginkit';
 * // BTC at $50,000 with OI caps $25M … $50M; 410.001 BTC open before, 90 BTC traded between two flat $900,000 accounts
 * const BTC = { atomicResolution: -8, price: 5_000_000_000, exponent: -5, initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000,
 *   openInterestLowerCap: 25_000_000_000_000, openInterestUpperCap: 50_000_000_000_000, openInterest: 41_000_100_000 };
 * const flat = { usdcQuantums: 900_000_000_000, positions: [] };
 * const check = dydxCheckMatch({ BTC }, 'BTC', [
 *   { subaccount: flat, quantumsDelta: 9_000_000_000, usdcDelta: -4_500_000_000_000 },
 *   { subaccount: flat, quantumsDelta: -9_000_000_000, usdcDelta: 4_500_000_000_000 },
 * ]);
 * check.results; // => ['NewlyUndercollateralized', 'NewlyUndercollateralized']
 * ```
 * @category Venue: dYdX
 */
export function dydxCheckMatch(
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
  perpetualId: string,
  sides: readonly [DydxMatchSide, DydxMatchSide],
): DydxMatchCheck {
  checkObject(perpetuals, 'perpetuals');
  checkText(perpetualId, 'perpetualId');
  checkObjectList(sides, 'sides');
  if (!Array.isArray(sides) || sides.length !== 2) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a match has exactly two sides', ['sides']);
  }
  const perp = perpetualOf(perpetuals, perpetualId, ['perpetualId']);
  const deltas = sides.map((s, i) => wholeArg(s.quantumsDelta, ['sides', i, 'quantumsDelta']));
  const [d0, d1] = deltas as [Decimal, Decimal];
  if (d0.isZero() || !d0.plus(d1).isZero()) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'the two sides must trade the same non-zero size in opposite directions',
      ['sides', 1, 'quantumsDelta'],
    );
  }

  // Settle funding on each side first: USDC moves, positions take the perpetuals' indices.
  const settled = sides.map((side, i) => {
    const { usdc, holdings } = resolveSubaccount(side.subaccount, perpetuals);
    const risk = subaccountRiskOf(usdc, holdings, new Map());
    const delta = deltas[i] ?? new Decimal(0);
    const before = holdings.find((h) => h.perpetualId === perpetualId)?.quantums ?? new Decimal(0);
    return {
      usdc: risk.usdcQuantums,
      holdings: holdings.map((h): Holding => ({ ...h, fundingIndex: h.perp.fundingIndex })),
      usdcDelta: wholeArg(side.usdcDelta, ['sides', i, 'usdcDelta']),
      before,
      after: before.plus(delta),
      leverage: customImf(side.customImfPpm),
    };
  });

  const longs = (q: Decimal) => (q.isPositive() && !q.isZero() ? q : new Decimal(0));
  const openInterestDelta = plain(
    settled.reduce((acc, s) => acc.plus(longs(s.after)).minus(longs(s.before)), new Decimal(0)),
  );
  const moved: Perp = { ...perp, openInterest: perp.openInterest.plus(openInterestDelta) };
  const atPostTradeOi = (h: Holding): Holding => (h.perpetualId === perpetualId ? { ...h, perp: moved } : h);

  const risks = settled.map((s) => {
    const currentHoldings = s.holdings.map(atPostTradeOi);
    const nextHoldings = currentHoldings
      .map((h) => (h.perpetualId === perpetualId ? { ...h, quantums: s.after } : h))
      .filter((h) => !h.quantums.isZero());
    if (s.before.isZero() && !s.after.isZero()) {
      // A new position starts at the perpetual's funding index.
      nextHoldings.push({ perpetualId, quantums: s.after, fundingIndex: moved.fundingIndex, perp: moved });
    }
    return {
      current: subaccountRiskOf(s.usdc, currentHoldings, s.leverage),
      next: subaccountRiskOf(s.usdc.plus(s.usdcDelta), nextHoldings, s.leverage),
    };
  });
  const results = risks.map((r) => updateResultOf(r.current, r.next));
  return { success: results.every((r) => r === 'Success'), results, openInterestDelta, risks };
}
