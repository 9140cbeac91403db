import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { checkObject } from '../../internal/argumentShape.js';
import { quoteInput } from '../../internal/quoteInput.js';
import { exponentArg } from '../dydx/quantums.js';
import type { DriftMarkets, DriftPerpMarket, DriftSpotMarket } from './DriftMarkets.js';
import { intArg } from './integers.js';

/** A perp market with every term checked, as bigints. */
export interface Perp {
  readonly oraclePrice: bigint;
  readonly marginRatioInitial: bigint;
  readonly marginRatioMaintenance: bigint;
  readonly imfFactor: bigint;
  readonly upnlInitialWeight: bigint;
  readonly upnlMaintenanceWeight: bigint;
  readonly upnlImfFactor: bigint;
  readonly fundingLong: bigint;
  readonly fundingShort: bigint;
}

/** A spot market with every term checked, as bigints. */
export interface Spot {
  readonly oraclePrice: bigint;
  readonly decimals: number;
  readonly initialAssetWeight: bigint;
  readonly maintenanceAssetWeight: bigint;
  readonly initialLiabilityWeight: bigint;
  readonly maintenanceLiabilityWeight: bigint;
  readonly imfFactor: bigint;
}

export function resolvePerp(m: DriftPerpMarket, path: InputPath): Perp {
  checkObject(m, path.map(String).join('.'));
  return {
    oraclePrice: intArg(m.oraclePrice, [...path, 'oraclePrice'], 1),
    marginRatioInitial: intArg(m.marginRatioInitial, [...path, 'marginRatioInitial'], 0),
    marginRatioMaintenance: intArg(m.marginRatioMaintenance, [...path, 'marginRatioMaintenance'], 0),
    imfFactor: intArg(m.imfFactor ?? 0, [...path, 'imfFactor'], 0),
    upnlInitialWeight: intArg(
      m.unrealizedPnlInitialAssetWeight ?? 10_000,
      [...path, 'unrealizedPnlInitialAssetWeight'],
      0,
    ),
    upnlMaintenanceWeight: intArg(
      m.unrealizedPnlMaintenanceAssetWeight ?? 10_000,
      [...path, 'unrealizedPnlMaintenanceAssetWeight'],
      0,
    ),
    upnlImfFactor: intArg(m.unrealizedPnlImfFactor ?? 0, [...path, 'unrealizedPnlImfFactor'], 0),
    fundingLong: intArg(m.cumulativeFundingRateLong ?? 0, [...path, 'cumulativeFundingRateLong']),
    fundingShort: intArg(m.cumulativeFundingRateShort ?? 0, [...path, 'cumulativeFundingRateShort']),
  };
}

export function resolveSpot(m: DriftSpotMarket, path: InputPath): Spot {
  checkObject(m, path.map(String).join('.'));
  const decimals = exponentArg(m.decimals, [...path, 'decimals']);
  if (decimals < 0 || decimals > 19) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `must be in 0 … 19, got ${decimals}`, [
      ...path,
      'decimals',
    ]);
  }
  return {
    oraclePrice: intArg(m.oraclePrice, [...path, 'oraclePrice'], 1),
    decimals,
    initialAssetWeight: intArg(m.initialAssetWeight, [...path, 'initialAssetWeight'], 0),
    maintenanceAssetWeight: intArg(m.maintenanceAssetWeight, [...path, 'maintenanceAssetWeight'], 0),
    initialLiabilityWeight: intArg(m.initialLiabilityWeight, [...path, 'initialLiabilityWeight'], 0),
    maintenanceLiabilityWeight: intArg(
      m.maintenanceLiabilityWeight,
      [...path, 'maintenanceLiabilityWeight'],
      0,
    ),
    imfFactor: intArg(m.imfFactor ?? 0, [...path, 'imfFactor'], 0),
  };
}

/** The market of `index` in a map of markets, or a typed error naming the position's field. */
export function marketAt<T>(
  markets: Readonly<Record<string, T>>,
  index: string | number,
  path: InputPath,
): T {
  // Venue payloads carry market indexes as integers (or their decimal strings); anything else names the field.
  if (typeof index !== 'string' && !(typeof index === 'number' && Number.isInteger(index))) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'a market index must be an integer or its string',
      path,
    );
  }
  const key = String(index);
  if (!Object.hasOwn(markets, key)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `no market ${quoteInput(key)} in the markets given`,
      path,
    );
  }
  return markets[key] as T;
}

/** Both market maps, checked as objects. */
export function checkMarkets(markets: DriftMarkets): void {
  checkObject(markets, 'markets');
  checkObject(markets.perp, 'markets.perp');
  checkObject(markets.spot, 'markets.spot');
}
