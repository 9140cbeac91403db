import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  liquidationPrice,
} from '../../../src/index.js';
import type {
  BinanceCoinMLiquidationInput,
  BinanceLiquidationPrice,
} from '../../../src/venues/binance/BinanceLiquidationPrice.js';
import { binanceCoinMLiquidationPrice } from '../../../src/venues/binance/coinMLiquidationPrice.js';
import type { BinanceLeverageBracketInput } from '../../../src/venues/binance/LeverageBracket.js';
import { binanceMaintenanceMargin } from '../../../src/venues/binance/maintenanceMargin.js';
import { binanceMarginSchedule } from '../../../src/venues/binance/marginSchedule.js';

function priceOf(result: BinanceLiquidationPrice | ReturnType<typeof liquidationPrice>): Decimal {
  if (result.kind !== 'price') throw new Error(`expected a price, got ${result.kind}`);
  return result.price;
}

/** An illustrative BTCUSD ladder bounded in BTC (COIN-M shape), cum by the recursion. */
function coinLadder(): BinanceLeverageBracketInput[] {
  const rows: [number, number, string][] = [
    [0, 125, '0.004'],
    [5, 100, '0.005'],
    [10, 50, '0.01'],
    [20, 20, '0.025'],
    [50, 10, '0.05'],
    [100, 5, '0.1'],
    [200, 4, '0.125'],
  ];
  let cum = new Decimal(0);
  let previous = new Decimal(0);
  return rows.map(([floor, lev, mmr], i) => {
    if (i > 0) cum = cum.plus(new Decimal(floor).times(new Decimal(mmr).minus(previous)));
    previous = new Decimal(mmr);
    return {
      bracket: i + 1,
      initialLeverage: lev,
      qtyFloor: floor,
      qtyCap: rows[i + 1]?.[0] ?? 400,
      maintMarginRatio: mmr,
      cum: cum.toString(),
    };
  });
}
const BTCUSD = coinLadder();

function genericLp(
  size: string | number,
  entry: string | number,
  wallet: string | number,
  mark: string | number,
  mode: 'cross' | 'isolated',
) {
  const account = createMarginAccount({
    settleAsset: 'BTC',
    markets: [
      {
        id: 'BTCUSD_PERP',
        kind: 'inverse',
        baseAsset: 'BTC',
        quoteAsset: 'USD',
        contractSize: 100,
        marginSchedule: binanceMarginSchedule(BTCUSD),
      },
    ],
    collateral: mode === 'cross' ? [{ asset: 'BTC', amount: wallet }] : [],
    positions: [
      {
        marketId: 'BTCUSD_PERP',
        size,
        entryPrice: entry,
        marginMode: mode,
        ...(mode === 'isolated' ? { isolatedMargin: wallet } : {}),
      },
    ],
  });
  return liquidationPrice(account, createPrices({ markets: { BTCUSD_PERP: { mark } } }), 'BTCUSD_PERP');
}

describe('binanceCoinMLiquidationPrice', () => {
  const long: BinanceCoinMLiquidationInput = {
    walletBalance: 101,
    contractSize: 100,
    legs: [{ positionSide: 'BOTH', positionAmt: 100_000, entryPrice: 45_000 }],
    brackets: { maintMarginRatio: '0.125', cum: '11.81' },
  };

  it('equals the per-position closed forms (long and short)', () => {
    // long: N·CS·(1 + MMR) / (WB + cum + N·CS/EP)
    const n = new Decimal(100_000).times(100);
    const longForm = n.times('1.125').div(new Decimal(101).plus('11.81').plus(n.div(45_000)));
    expect(priceOf(binanceCoinMLiquidationPrice(long)).minus(longForm).abs().lessThan('1e-30')).toBe(true);
    // short: N·CS·(1 − MMR) / (N·CS/EP − WB − cum), here 1,000 contracts @ 30,000 with 1 BTC, MMR 0.5 %
    const short = binanceCoinMLiquidationPrice({
      walletBalance: 1,
      contractSize: 100,
      legs: [{ positionSide: 'BOTH', positionAmt: -1000, entryPrice: 30_000 }],
      brackets: { maintMarginRatio: '0.005' },
    });
    const m = new Decimal(100_000);
    const shortForm = m.times('0.995').div(m.div(30_000).minus(1));
    expect(priceOf(short).minus(shortForm).abs().lessThan('1e-30')).toBe(true);
  });

  it('places TMM1 and UPNL1 (coin) in the wallet term, as in USD-M (placement unverified)', () => {
    const withOthers = binanceCoinMLiquidationPrice({
      ...long,
      otherMaintenance: '2.5',
      otherUnrealizedPnl: '-1.25',
    });
    const lowerWallet = binanceCoinMLiquidationPrice({ ...long, walletBalance: '97.25' });
    expect(priceOf(withOthers).equals(priceOf(lowerWallet))).toBe(true);
  });

  it('searches brackets by the coin notional N·CS/LP and equals the generic inverse engine', () => {
    // 3,000 contracts at mark 60,000 are 5 BTC (bracket 2); with 6 BTC of wallet the long liquidates near 27,400,
    // where they are worth about 10.95 BTC, in bracket 3.
    const venue = binanceCoinMLiquidationPrice({
      walletBalance: 6,
      contractSize: 100,
      legs: [{ positionSide: 'BOTH', positionAmt: 3000, entryPrice: 60_000 }],
      brackets: BTCUSD,
      markPrice: 60_000,
    });
    const lp = priceOf(venue);
    expect(venue.iterations).toBe(2);
    expect(venue.legs[0]?.bracket).toBe(3);
    const atLp = binanceMaintenanceMargin({
      positionAmt: 3000,
      markPrice: lp,
      contractSize: 100,
      brackets: BTCUSD,
    });
    expect(venue.legs[0]?.bracket).toBe(atLp.bracket);
    expect(lp.equals(priceOf(genericLp(3000, 60_000, 6, 60_000, 'cross')))).toBe(true);
  });

  it('equals the generic inverse engine for the forum position, cross and isolated', () => {
    const venue = binanceCoinMLiquidationPrice({ ...long, brackets: BTCUSD, markPrice: 45_000 });
    expect(priceOf(venue).equals(priceOf(genericLp(100_000, 45_000, 101, 45_000, 'cross')))).toBe(true);
    const isolated = binanceCoinMLiquidationPrice({
      ...long,
      marginType: 'isolated',
      brackets: BTCUSD,
      markPrice: 45_000,
    });
    expect(priceOf(isolated).equals(priceOf(genericLp(100_000, 45_000, 101, 45_000, 'isolated')))).toBe(true);
  });

  it('a short backed by at least its own coin value never liquidates ("--")', () => {
    // 1,000 × $100 short @ 50,000 is 2 BTC; a 2-BTC wallet makes the denominator N·CS/EP − WB − cum ≤ 0
    const lp = binanceCoinMLiquidationPrice({
      walletBalance: 2,
      contractSize: 100,
      legs: [{ positionSide: 'BOTH', positionAmt: -1000, entryPrice: 50_000 }],
      brackets: BTCUSD,
    });
    expect(lp.kind).toBe('never');
    expect(genericLp(-1000, 50_000, 2, 50_000, 'cross').kind).toBe('never');
  });

  it('prices hedge-mode LONG and SHORT together (terms unverified by an example)', () => {
    const hedge = binanceCoinMLiquidationPrice({
      walletBalance: 1,
      contractSize: 100,
      legs: [
        { positionSide: 'LONG', positionAmt: 2000, entryPrice: 40_000 },
        { positionSide: 'SHORT', positionAmt: -500, entryPrice: 42_000 },
      ],
      brackets: { maintMarginRatio: '0.004' },
    });
    // Σ CS·(s + |s|·MMR) / (WB + Σ s·CS/EP)
    const num = new Decimal(100)
      .times(new Decimal(2000).plus('8'))
      .plus(new Decimal(100).times(new Decimal(-500).plus('2')));
    const den = new Decimal(1).plus(new Decimal(200_000).div(40_000)).plus(new Decimal(-50_000).div(42_000));
    expect(priceOf(hedge).equals(num.div(den))).toBe(true);
  });

  it('rejects a contract size ≤ 0 or missing', () => {
    for (const contractSize of [0, -100, undefined]) {
      let error: unknown;
      try {
        binanceCoinMLiquidationPrice({ ...long, contractSize } as BinanceCoinMLiquidationInput);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).path).toEqual(['contractSize']);
    }
  });
});
