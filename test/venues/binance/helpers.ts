// Shared fixtures of the Binance venue tests: bracket ladders in Binance's API shape and the recorded payloads.
import { readFileSync } from 'node:fs';
import { Decimal } from '../../../src/index.js';
import type { BinanceLeverageBracketInput } from '../../../src/venues/binance/LeverageBracket.js';
import type {
  BinanceAccountPayload,
  BinancePositionRiskPayload,
  BinancePremiumIndexPayload,
  BinanceSymbolBracketsPayload,
} from '../../../src/venues/binance/payloads.js';

/** Rows `[floor, initialLeverage, MMR]` to a contiguous bracket list with `cum` by the recursion. */
export function ladder(
  rows: readonly (readonly [number, number, string])[],
  lastCap: number,
): BinanceLeverageBracketInput[] {
  let cum = new Decimal(0);
  let previous = new Decimal(0);
  return rows.map(([floor, initialLeverage, mmr], i) => {
    if (i > 0) cum = cum.plus(new Decimal(floor).times(new Decimal(mmr).minus(previous)));
    previous = new Decimal(mmr);
    return {
      bracket: i + 1,
      initialLeverage,
      notionalFloor: floor,
      notionalCap: rows[i + 1]?.[0] ?? lastCap,
      maintMarginRatio: mmr,
      cum: cum.toString(),
    };
  });
}

/**
 * BTCUSDT brackets, March 2021 snapshot (max notional, MMR, cum) as quoted in the Binance FAQ "How to Calculate
 * Liquidation Price of USDⓈ-M Futures Contracts" material and the highfestiva gist; leverages 125× … 1×.
 */
export const BTCUSDT_2021 = ladder(
  [
    [0, 125, '0.004'],
    [50_000, 100, '0.005'],
    [250_000, 50, '0.01'],
    [1_000_000, 20, '0.025'],
    [10_000_000, 10, '0.05'],
    [20_000_000, 5, '0.1'],
    [50_000_000, 4, '0.125'],
    [100_000_000, 3, '0.15'],
    [200_000_000, 2, '0.25'],
    [300_000_000, 1, '0.5'],
  ],
  500_000_000,
);

/** The published cum column of {@link BTCUSDT_2021}. */
export const BTCUSDT_2021_CUM = [
  0, 50, 1_300, 16_300, 266_300, 1_266_300, 2_516_300, 5_016_300, 25_016_300, 100_016_300,
];

/**
 * An ETHUSDT ladder whose 10 % bracket (2M–5M) carries the cum 135,365 of the calc-example vectors; the lower
 * brackets are chosen so that the recursion yields exactly that (the vectors give only that bracket).
 */
export const ETHUSDT_CALC = ladder(
  [
    [0, 100, '0.005'],
    [10_000, 75, '0.0065'],
    [100_000, 50, '0.01'],
    [500_000, 25, '0.02'],
    [1_000_000, 10, '0.05'],
    [2_000_000, 5, '0.1'],
  ],
  5_000_000,
);

/** The four recorded payloads of one fixture account. */
export interface BinanceFixture {
  readonly positionRisk: BinancePositionRiskPayload[];
  readonly account: BinanceAccountPayload;
  readonly leverageBracket: BinanceSymbolBracketsPayload[];
  readonly premiumIndex: BinancePremiumIndexPayload[];
}

/** Reads `test/fixtures/binance/<name>/`. */
export function loadFixture(name: 'one-way' | 'hedge' | 'multi-assets'): BinanceFixture {
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../fixtures/binance/${name}/${file}.json`, import.meta.url), 'utf8'));
  return {
    positionRisk: read('positionRisk') as BinancePositionRiskPayload[],
    account: read('account') as BinanceAccountPayload,
    leverageBracket: read('leverageBracket') as BinanceSymbolBracketsPayload[],
    premiumIndex: read('premiumIndex') as BinancePremiumIndexPayload[],
  };
}

/** A deep copy of a payload, to corrupt in malformed-payload tests. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
