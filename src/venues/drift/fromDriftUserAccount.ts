import { InvalidArgumentError } from '../../errors/InvalidArgumentError.js';
import type { InputPath } from '../../errors/MarginKitError.js';
import { checkObject, checkObjectList } from '../../internal/argumentShape.js';
import type { DecimalInput } from '../../internal/decimal.js';
import { deepFreeze } from '../../internal/freeze.js';
import type { DriftMarkets, DriftPerpMarket, DriftSpotMarket } from './DriftMarkets.js';
import type { DriftPerpPosition, DriftSpotPosition, DriftUser } from './DriftUser.js';
import { dec, intArg } from './integers.js';
import { resolvePerp, resolveSpot } from './resolveMarkets.js';

/**
 * The fields of Drift's `UserAccount` (as the SDK decodes it) that the model reads. Integers (the SDK's `BN`s) as
 * decimal strings (`bn.toString()`) or safe numbers; other fields are ignored.
 * @category Venue: Drift
 */
export interface DriftUserAccountPayload {
  /** Spot slots; an empty slot (`scaledBalance` 0) is skipped. */
  readonly spotPositions: readonly {
    readonly marketIndex: number;
    /** SPOT_BALANCE_PRECISION (1e9) scaled balance. */
    readonly scaledBalance: DecimalInput;
    /** `{ deposit: {} }` or `{ borrow: {} }`. */
    readonly balanceType: { readonly deposit?: unknown; readonly borrow?: unknown };
  }[];
  /** Perp slots; an empty slot (base and quote 0) is skipped. */
  readonly perpPositions: readonly {
    readonly marketIndex: number;
    readonly baseAssetAmount: DecimalInput;
    readonly quoteAssetAmount: DecimalInput;
    readonly lastCumulativeFundingRate: DecimalInput;
  }[];
  /** `maxMarginRatio` (1e4 = 100 %). */
  readonly maxMarginRatio?: DecimalInput;
}

/**
 * A Drift `SpotMarketAccount` (SDK names) with the oracle price; the cumulative interests turn scaled balances into
 * token amounts.
 * @category Venue: Drift
 */
export interface DriftSpotMarketPayload extends DriftSpotMarket {
  /** Index of the market. */
  readonly marketIndex: number;
  /** `cumulativeDepositInterest` (1e10 = 1). */
  readonly cumulativeDepositInterest: DecimalInput;
  /** `cumulativeBorrowInterest` (1e10 = 1). */
  readonly cumulativeBorrowInterest: DecimalInput;
}

/**
 * A Drift `PerpMarketAccount` (SDK names) with the oracle price; the cumulative funding rates are read from `amm`.
 * @category Venue: Drift
 */
export interface DriftPerpMarketPayload
  extends Omit<DriftPerpMarket, 'cumulativeFundingRateLong' | 'cumulativeFundingRateShort'> {
  /** Index of the market. */
  readonly marketIndex: number;
  /** The AMM's funding state. */
  readonly amm?: {
    readonly cumulativeFundingRateLong?: DecimalInput;
    readonly cumulativeFundingRateShort?: DecimalInput;
  };
}

/**
 * Result of {@link fromDriftUserAccount}: the venue model's inputs.
 * @category Venue: Drift
 */
export interface DriftAccountSnapshot {
  /** The user with token amounts and active perp positions. */
  readonly user: DriftUser;
  /** The markets by index. */
  readonly markets: DriftMarkets;
}

/**
 * Reads a Drift user account and the markets it uses into the model's {@link DriftUser} and {@link DriftMarkets}.
 * Token amounts from scaled balances as the chain does (`get_token_amount`): with `p = 10^(19 − decimals)`, a
 * deposit is `⌊scaled · cumulativeDepositInterest / p⌋`, a borrow `−⌈scaled · cumulativeBorrowInterest / p⌉`.
 * Source: drift-labs/protocol-v2 `programs/drift/src/math/spot_balance.rs`, `sdk/src/math/spotBalance.ts`.
 *
 * @param account - the user account payload.
 * @param spotMarkets - the spot markets the account holds balances in.
 * @param perpMarkets - the perp markets the account holds positions in.
 * @throws {@link InvalidArgumentError} naming the field when a value is malformed or a market is missing.
 * @example
 * ```ts
 * import { fromDriftUserAccount } from 'marginkit';
 * const usdc = { marketIndex: 0, oraclePrice: 1_000_000, decimals: 6, initialAssetWeight: 10_000, maintenanceAssetWeight: 10_000, initialLiabilityWeight: 10_000, maintenanceLiabilityWeight: 10_000, cumulativeDepositInterest: '10000000000', cumulativeBorrowInterest: '10000000000' };
 * const account = { spotPositions: [{ marketIndex: 0, scaledBalance: '10000000000000', balanceType: { deposit: {} } }], perpPositions: [] };
 * String(fromDriftUserAccount(account, [usdc], []).user.spotPositions[0]?.tokenAmount); // => '10000000000'
 * ```
 * @category Venue: Drift
 */
export function fromDriftUserAccount(
  account: DriftUserAccountPayload,
  spotMarkets: readonly DriftSpotMarketPayload[],
  perpMarkets: readonly DriftPerpMarketPayload[],
): DriftAccountSnapshot {
  checkObject(account, 'account');
  checkObjectList(account.spotPositions, 'account.spotPositions');
  checkObjectList(account.perpPositions, 'account.perpPositions');
  checkObjectList(spotMarkets, 'spotMarkets');
  checkObjectList(perpMarkets, 'perpMarkets');
  const spot = byIndex(spotMarkets, 'spotMarkets');
  const perp = byIndex(perpMarkets, 'perpMarkets');
  const spotPositions: DriftSpotPosition[] = [];
  account.spotPositions.forEach((slot, i) => {
    const path = ['account', 'spotPositions', i];
    const scaled = intArg(slot.scaledBalance, [...path, 'scaledBalance'], 0);
    if (scaled === 0n) return;
    const key = indexOf(slot.marketIndex, [...path, 'marketIndex']);
    const market = spot.get(key);
    if (market === undefined) throw missing('spot', key, [...path, 'marketIndex']);
    const borrow = sideOf(slot.balanceType, [...path, 'balanceType']);
    const { decimals } = resolveSpot(market.payload, ['spotMarkets', market.at]);
    const precision = 10n ** BigInt(19 - decimals);
    const interestName = borrow ? 'cumulativeBorrowInterest' : 'cumulativeDepositInterest';
    const interest = intArg(market.payload[interestName], ['spotMarkets', market.at, interestName], 1);
    const product = scaled * interest;
    const amount = borrow ? -((product + precision - 1n) / precision) : product / precision;
    spotPositions.push({ marketIndex: key, tokenAmount: dec(amount) });
  });
  const perpPositions: DriftPerpPosition[] = [];
  account.perpPositions.forEach((slot, i) => {
    const path = ['account', 'perpPositions', i];
    const base = intArg(slot.baseAssetAmount, [...path, 'baseAssetAmount']);
    const quote = intArg(slot.quoteAssetAmount, [...path, 'quoteAssetAmount']);
    if (base === 0n && quote === 0n) return;
    const key = indexOf(slot.marketIndex, [...path, 'marketIndex']);
    if (!perp.has(key)) throw missing('perp', key, [...path, 'marketIndex']);
    perpPositions.push({
      marketIndex: key,
      baseAssetAmount: dec(base),
      quoteAssetAmount: dec(quote),
      lastCumulativeFundingRate: dec(
        intArg(slot.lastCumulativeFundingRate, [...path, 'lastCumulativeFundingRate']),
      ),
    });
  });
  // The markets are rebuilt from their checked values (never a copy of the payload's objects).
  const perpOut: Record<string, DriftPerpMarket> = {};
  for (const [key, { payload, at }] of perp) {
    if (payload.amm !== undefined) checkObject(payload.amm, `perpMarkets.${at}.amm`);
    const p = resolvePerp(
      {
        ...payload,
        cumulativeFundingRateLong: payload.amm?.cumulativeFundingRateLong ?? 0,
        cumulativeFundingRateShort: payload.amm?.cumulativeFundingRateShort ?? 0,
      },
      ['perpMarkets', at],
    );
    perpOut[key] = {
      oraclePrice: dec(p.oraclePrice),
      marginRatioInitial: dec(p.marginRatioInitial),
      marginRatioMaintenance: dec(p.marginRatioMaintenance),
      imfFactor: dec(p.imfFactor),
      unrealizedPnlInitialAssetWeight: dec(p.upnlInitialWeight),
      unrealizedPnlMaintenanceAssetWeight: dec(p.upnlMaintenanceWeight),
      unrealizedPnlImfFactor: dec(p.upnlImfFactor),
      cumulativeFundingRateLong: dec(p.fundingLong),
      cumulativeFundingRateShort: dec(p.fundingShort),
    };
  }
  const spotOut: Record<string, DriftSpotMarket> = {};
  for (const [key, { payload, at }] of spot) {
    const m = resolveSpot(payload, ['spotMarkets', at]);
    spotOut[key] = {
      oraclePrice: dec(m.oraclePrice),
      decimals: m.decimals,
      initialAssetWeight: dec(m.initialAssetWeight),
      maintenanceAssetWeight: dec(m.maintenanceAssetWeight),
      initialLiabilityWeight: dec(m.initialLiabilityWeight),
      maintenanceLiabilityWeight: dec(m.maintenanceLiabilityWeight),
      imfFactor: dec(m.imfFactor),
    };
  }
  return deepFreeze({
    user: {
      spotPositions,
      perpPositions,
      maxMarginRatio: dec(intArg(account.maxMarginRatio ?? 0, ['account', 'maxMarginRatio'], 0)),
    },
    markets: { spot: spotOut, perp: perpOut },
  });
}

function indexOf(value: unknown, path: InputPath): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be a whole number ≥ 0', path);
  }
  return String(value);
}

function sideOf(balanceType: unknown, path: InputPath): boolean {
  if (typeof balanceType === 'object' && balanceType !== null) {
    if (Object.hasOwn(balanceType, 'borrow')) return true;
    if (Object.hasOwn(balanceType, 'deposit')) return false;
  }
  throw new InvalidArgumentError('INVALID_ARGUMENT', 'must be { deposit: {} } or { borrow: {} }', path);
}

function missing(kind: string, key: string, path: InputPath): InvalidArgumentError {
  return new InvalidArgumentError(
    'INVALID_ARGUMENT',
    `no ${kind} market ${key} in the ${kind}Markets given`,
    path,
  );
}

function byIndex<T extends { readonly marketIndex: number }>(
  markets: readonly T[],
  name: string,
): Map<string, { payload: T; at: number }> {
  const map = new Map<string, { payload: T; at: number }>();
  markets.forEach((payload, at) => {
    const key = indexOf(payload.marketIndex, [name, at, 'marketIndex']);
    if (map.has(key)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `market ${key} is listed twice`, [
        name,
        at,
        'marketIndex',
      ]);
    }
    map.set(key, { payload, at });
  });
  return map;
}
