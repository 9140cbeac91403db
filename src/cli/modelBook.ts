import {
  Decimal,
  type DriftAccountSnapshot,
  driftHourlyFundingRate,
  fromDriftUserAccount,
  fromGmxPositionInfo,
  fromOrderlyPositions,
  type GmxFeeRatesInput,
  type GmxLiquidationParams,
  type GmxPositionSnapshot,
  gmxLiquidationCheck,
  gmxLiquidationHours,
  type InputPath,
  isMarginKitError,
  type OrderlyAccountSnapshot,
} from 'marginkit';
import { CliError } from './CliError.js';
import { inField } from './inField.js';

/**
 * The venues of `--from` whose adapters return the venue model's own inputs (Drift's size-scaled ratios, Orderly's
 * (4/5)-power term and GMX's minimum-collateral rule are not generic margin schedules), and the keys of the JSON
 * object that bundles their answers. Optional keys are in {@link MODEL_VENUE_OPTIONAL}.
 */
export const MODEL_VENUE_PAYLOADS = {
  drift: ['account', 'spotMarkets', 'perpMarkets'],
  orderly: ['positions', 'usdcHolding', 'symbols', 'clientInfo'],
  gmx: ['positionInfo', 'options', 'market', 'indexPrice'],
} as const;

/** Keys a model venue's bundle may also hold. */
export const MODEL_VENUE_OPTIONAL: Readonly<Record<ModelVenue, readonly string[]>> = {
  drift: [],
  orderly: [],
  gmx: ['rates'],
};

export type ModelVenue = keyof typeof MODEL_VENUE_PAYLOADS;

export function isModelVenue(name: string): name is ModelVenue {
  return Object.hasOwn(MODEL_VENUE_PAYLOADS, name);
}

/** A Drift perp market's hourly funding rate, when its payload carries `amm.lastFundingRate` and its oracle TWAP. */
export interface DriftFundingRate {
  readonly marketIndex: string;
  /** Fraction of the oracle TWAP paid per hour by longs (negative: paid by shorts). */
  readonly hourly: Decimal;
}

/** An account read by a model venue's adapter, with what its report needs beside the adapter's result. */
export type ModelBook =
  | {
      readonly venue: 'drift';
      readonly title: string;
      readonly snapshot: DriftAccountSnapshot;
      readonly funding: readonly DriftFundingRate[];
    }
  | { readonly venue: 'orderly'; readonly title: string; readonly snapshot: OrderlyAccountSnapshot }
  | {
      readonly venue: 'gmx';
      readonly title: string;
      readonly snapshot: GmxPositionSnapshot;
      readonly market: GmxLiquidationParams;
      readonly indexPrice: Decimal;
      readonly rates?: GmxFeeRatesInput;
    };

// biome-ignore lint/suspicious/noExplicitAny: the adapters validate their untyped payloads themselves
type Payloads = Record<string, any>;

/** Drift's `amm.lastFundingRate` over `amm.lastFundingOracleTwap`, for every perp market payload carrying both. */
function driftFunding(perpMarkets: unknown): DriftFundingRate[] {
  if (!Array.isArray(perpMarkets)) return [];
  return perpMarkets.flatMap((market: Payloads, i): DriftFundingRate[] => {
    const amm = market?.amm;
    if (amm?.lastFundingRate === undefined || amm?.lastFundingOracleTwap === undefined) return [];
    const hourly = renamed(
      ['perpMarkets', i, 'amm'],
      { fundingRate: 'lastFundingRate', oraclePriceTwap: 'lastFundingOracleTwap' },
      () => driftHourlyFundingRate(amm.lastFundingRate, amm.lastFundingOracleTwap),
    );
    return [{ marketIndex: String(market.marketIndex), hourly }];
  });
}

/**
 * Runs `build`, and turns a library error into a {@link CliError} at `prefix`, with the first step of its path
 * renamed as the payload names it (`params` → `market`).
 */
function renamed<T>(prefix: InputPath, names: Readonly<Record<string, string>>, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!isMarginKitError(error)) throw error;
    const [first, ...rest] = error.path;
    const head = typeof first === 'string' && Object.hasOwn(names, first) ? [names[first] as string] : [];
    const path = head.length > 0 ? [...head, ...rest] : error.path;
    throw new CliError(error.code, error.shortMessage, [...prefix, ...path], error);
  }
}

function gmxBook(p: Payloads): ModelBook {
  const snapshot = inField([], () => fromGmxPositionInfo(p.positionInfo, p.options));
  const rename = { params: 'market' };
  // The check validates the market's parameters and the price once; the report then trusts them.
  renamed([], rename, () => gmxLiquidationCheck(snapshot.position, p.market, p.indexPrice));
  const rates: GmxFeeRatesInput | undefined = p.rates;
  if (rates !== undefined) {
    renamed([], rename, () => gmxLiquidationHours(snapshot.position, p.market, p.indexPrice, rates));
  }
  return {
    venue: 'gmx',
    title: `gmx position ${snapshot.positionInput.marketId}`,
    snapshot,
    market: p.market,
    // Validated by the check: a positive decimal, read through its string form.
    indexPrice: new Decimal(String(p.indexPrice)),
    ...(rates === undefined ? {} : { rates }),
  };
}

/**
 * A model venue's answers, bundled in one JSON object under the names of {@link MODEL_VENUE_PAYLOADS}, read by the
 * venue's adapter.
 */
export function modelBook(venue: ModelVenue, input: unknown): ModelBook {
  const keys = MODEL_VENUE_PAYLOADS[venue];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CliError('INVALID_INPUT', `expected an object with ${keys.join(', ')}`);
  }
  const p = input as Payloads;
  for (const key of keys) {
    if (!Object.hasOwn(p, key)) {
      throw new CliError('MISSING_FIELD', `the ${venue} input needs ${keys.join(', ')}`, [key]);
    }
  }
  switch (venue) {
    case 'drift':
      return {
        venue,
        title: 'drift account',
        snapshot: inField([], () => fromDriftUserAccount(p.account, p.spotMarkets, p.perpMarkets)),
        funding: driftFunding(p.perpMarkets),
      };
    case 'orderly':
      return {
        venue,
        title: 'orderly account',
        snapshot: inField([], () =>
          fromOrderlyPositions(p.positions, p.usdcHolding, p.symbols, p.clientInfo),
        ),
      };
    case 'gmx':
      return gmxBook(p);
  }
}
