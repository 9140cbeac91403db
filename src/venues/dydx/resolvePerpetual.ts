import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { checkList, checkObject } from '../../internal/argumentShape.js';
import type { Decimal } from '../../internal/decimal.js';
import { describeValue, quoteInput } from '../../internal/quoteInput.js';
import type { DydxLiquidityTier, DydxPerpetual } from './DydxPerpetual.js';
import type { DydxSubaccount } from './DydxSubaccount.js';
import { exponentArg, wholeArg } from './quantums.js';

/** A liquidity tier with every field checked and defaulted. */
export interface Tier {
  readonly imf: Decimal;
  readonly mf: Decimal;
  readonly lowerCap: Decimal;
  readonly upperCap: Decimal;
}

/** A perpetual with every field checked and defaulted. */
export interface Perp extends Tier {
  readonly atomicResolution: number;
  readonly price: Decimal;
  readonly exponent: number;
  readonly openInterest: Decimal;
  readonly fundingIndex: Decimal;
}

/** A subaccount position, checked. */
export interface Holding {
  readonly perpetualId: string;
  readonly quantums: Decimal;
  readonly fundingIndex: Decimal;
  readonly perp: Perp;
}

const MILLION = 1_000_000;

function ppm(value: DydxLiquidityTier['initialMarginPpm'], path: InputPath): Decimal {
  const d = wholeArg(value, path, 0);
  if (d.greaterThan(MILLION)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be ≤ 1 000 000 ppm, got ${d.toString()}`, path);
  }
  return d;
}

/** Checks a liquidity tier (`LiquidityTier.Validate`: fractions ≤ 1e6 ppm, lower cap ≤ upper cap). */
export function resolveTier(tier: DydxLiquidityTier, path: InputPath = []): Tier {
  const lowerCap = wholeArg(tier.openInterestLowerCap ?? 0, [...path, 'openInterestLowerCap'], 0);
  const upperCap = wholeArg(tier.openInterestUpperCap ?? 0, [...path, 'openInterestUpperCap'], 0);
  if (lowerCap.greaterThan(upperCap)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `the open-interest lower cap ${lowerCap.toString()} is above the upper cap ${upperCap.toString()}`,
      [...path, 'openInterestLowerCap'],
    );
  }
  return {
    imf: ppm(tier.initialMarginPpm, [...path, 'initialMarginPpm']),
    mf: ppm(tier.maintenanceFractionPpm, [...path, 'maintenanceFractionPpm']),
    lowerCap,
    upperCap,
  };
}

/** Checks a perpetual. */
export function resolvePerpetual(perpetual: DydxPerpetual, path: InputPath = []): Perp {
  if (typeof perpetual !== 'object' || perpetual === null) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'expected a perpetual object', path);
  }
  return {
    ...resolveTier(perpetual, path),
    atomicResolution: exponentArg(perpetual.atomicResolution, [...path, 'atomicResolution']),
    price: wholeArg(perpetual.price, [...path, 'price'], 1),
    exponent: exponentArg(perpetual.exponent, [...path, 'exponent']),
    openInterest: wholeArg(perpetual.openInterest ?? 0, [...path, 'openInterest'], 0),
    fundingIndex: wholeArg(perpetual.fundingIndex ?? 0, [...path, 'fundingIndex']),
  };
}

/** The perpetual with this id in a map, checked. */
export function perpetualOf(
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
  id: string,
  path: InputPath,
): Perp {
  const perpetual = Object.hasOwn(perpetuals, id) ? perpetuals[id] : undefined;
  if (!perpetual) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `no perpetual ${describeValue(id)} in the perpetuals given`,
      path,
    );
  }
  return resolvePerpetual(perpetual, ['perpetuals', id]);
}

/** Checks a subaccount: its USDC and its positions (one per perpetual, each with a known perpetual). */
export function resolveSubaccount(
  subaccount: DydxSubaccount,
  perpetuals: Readonly<Record<string, DydxPerpetual>>,
): { readonly usdc: Decimal; readonly holdings: readonly Holding[] } {
  if (typeof subaccount !== 'object' || subaccount === null || !Array.isArray(subaccount.positions)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'expected a subaccount with a positions array', [
      'subaccount',
    ]);
  }
  checkList(subaccount.positions, 'subaccount.positions');
  checkObject(perpetuals, 'perpetuals');
  const usdc = wholeArg(subaccount.usdcQuantums, ['subaccount', 'usdcQuantums']);
  const seen = new Set<string>();
  const holdings = subaccount.positions.map((p, i): Holding => {
    const path = ['subaccount', 'positions', i];
    if (typeof p?.perpetualId !== 'string') {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'perpetualId must be a string', [
        ...path,
        'perpetualId',
      ]);
    }
    if (seen.has(p.perpetualId)) {
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        `a subaccount holds one position per perpetual; ${quoteInput(p.perpetualId)} is listed twice`,
        [...path, 'perpetualId'],
      );
    }
    seen.add(p.perpetualId);
    const perp = perpetualOf(perpetuals, p.perpetualId, [...path, 'perpetualId']);
    return {
      perpetualId: p.perpetualId,
      quantums: wholeArg(p.quantums, [...path, 'quantums']),
      fundingIndex:
        p.fundingIndex === undefined
          ? perp.fundingIndex
          : wholeArg(p.fundingIndex, [...path, 'fundingIndex']),
      perp,
    };
  });
  return { usdc, holdings };
}
