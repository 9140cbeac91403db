import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  InvalidArgumentError,
  type LiquidationPrice,
  liquidationPrice,
  type MarketInput,
  type PositionInput,
  summarizeAccount,
  ValidationError,
} from '../../../src/index.js';
import type {
  BinanceLiquidationInput,
  BinanceLiquidationPrice,
} from '../../../src/venues/binance/BinanceLiquidationPrice.js';
import type { BinanceLeverageBracketInput } from '../../../src/venues/binance/LeverageBracket.js';
import { binanceLiquidationPrice } from '../../../src/venues/binance/liquidationPrice.js';
import { binanceMarginSchedule } from '../../../src/venues/binance/marginSchedule.js';
import { BTCUSDT_2021, ETHUSDT_CALC, ladder } from './helpers.js';

function priceOf(result: BinanceLiquidationPrice | LiquidationPrice): Decimal {
  if (result.kind !== 'price') throw new Error(`expected a price, got ${result.kind}`);
  return result.price;
}

function market(id: string, brackets: readonly BinanceLeverageBracketInput[]): MarketInput {
  return {
    id,
    kind: 'linear',
    baseAsset: id.replace('USDT', ''),
    quoteAsset: 'USDT',
    marginSchedule: binanceMarginSchedule(brackets),
  };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const flat = (mmr: string) => ladder([[0, 1, mmr]], 1e15);

describe('binanceLiquidationPrice: the documented examples', () => {
  // Reference notes §1.3 (freqtrade "calc example"): both longs of the cross account, and the same inputs with
  // TMM = UPNL = 0 (isolated-style). BTCUSDT 109.488 @ 32,481.98 (2.5 %, cum 16,300), ETHUSDT 3,683.979 @
  // 1,456.84 (10 %, cum 135,365), wallet 1,535,443.01.
  const wallet = '1535443.01';
  const btc = { positionSide: 'BOTH', positionAmt: '109.488', entryPrice: '32481.98' } as const;
  const eth = { positionSide: 'BOTH', positionAmt: '3683.979', entryPrice: '1456.84' } as const;

  it('BTCUSDT cross: 26,316.89 with the ETH long as the other contract', () => {
    // TMM1 = MM_ETH = 356,512.508122 and UPNL1 = −448,192.885 (exact products of the example's inputs)
    const lp = binanceLiquidationPrice({
      walletBalance: wallet,
      otherMaintenance: '356512.508122',
      otherUnrealizedPnl: '-448192.885',
      legs: [btc],
      brackets: BTCUSDT_2021,
      markPrice: '31967.27',
    });
    expect(priceOf(lp).toFixed(2)).toBe('26316.89');
    expect(lp.legs[0]?.bracket).toBe(4);
    expect(lp.legs[0]?.cum.toString()).toBe('16300');
  });

  it('isolated-style: 18,778.73 (BTC) and 1,114.78 (ETH)', () => {
    const iso = (leg: typeof btc | typeof eth, brackets: readonly BinanceLeverageBracketInput[]) =>
      binanceLiquidationPrice({ marginType: 'isolated', walletBalance: wallet, legs: [leg], brackets });
    expect(priceOf(iso(btc, BTCUSDT_2021)).toFixed(2)).toBe('18778.73');
    expect(priceOf(iso(eth, ETHUSDT_CALC)).toFixed(2)).toBe('1114.78');
  });
});

describe('binanceLiquidationPrice: bracket search', () => {
  // One-way long 0.85 BTC @ 61,250.4 with a cross wallet of 10,000: at the mark 60,812.35 the notional is
  // 51,690.50 (bracket 2: 0.5 %, cum 50); at the price found with bracket 2 it is below 50,000, so bracket 1
  // (0.4 %, cum 0) applies and the formula is evaluated again.
  const input: BinanceLiquidationInput = {
    walletBalance: 10_000,
    legs: [{ positionSide: 'BOTH', positionAmt: '0.85', entryPrice: '61250.4' }],
    brackets: BTCUSDT_2021,
    markPrice: '60812.35',
  };

  it('recomputes with the bracket of the notional at the computed price', () => {
    const lp = binanceLiquidationPrice(input);
    // bracket 1: (10,000 − 0.85·61,250.4) / (0.85·0.004 − 0.85)
    expect(priceOf(lp).equals(new Decimal('-42062.84').div('-0.8466'))).toBe(true);
    expect(lp.iterations).toBe(2);
    expect(lp.legs).toEqual([
      { positionSide: 'BOTH', bracket: 1, maintMarginRatio: new Decimal('0.004'), cum: new Decimal(0) },
    ]);
  });

  it('settles on the same price from any starting bracket (continuous brackets)', () => {
    const from = (markPrice: string) => priceOf(binanceLiquidationPrice({ ...input, markPrice }));
    const reference = priceOf(binanceLiquidationPrice(input));
    for (const start of ['1', '1000', '61250.4', '5000000', '400000000']) {
      expect(from(start).equals(reference)).toBe(true);
    }
    // default start: the entry price
    const { markPrice: _ignored, ...withoutMark } = input;
    expect(priceOf(binanceLiquidationPrice(withoutMark)).equals(reference)).toBe(true);
  });

  it('reports alternating brackets (cum kept as given) with a typed error', () => {
    // cum 1.4 where the recursion gives 75·(2 % − 1 %) = 0.75: maintenance drops by 0.65 at notional 75.
    // With bracket 1 the price is 75.25 (bracket 2); with bracket 2 it is 74.59 (bracket 1): no fixed point.
    const brackets: BinanceLeverageBracketInput[] = [
      {
        bracket: 1,
        initialLeverage: 50,
        notionalFloor: 0,
        notionalCap: 75,
        maintMarginRatio: '0.01',
        cum: 0,
      },
      {
        bracket: 2,
        initialLeverage: 25,
        notionalFloor: 75,
        notionalCap: 1000,
        maintMarginRatio: '0.02',
        cum: '1.4',
      },
    ];
    const jumpy: BinanceLiquidationInput = {
      walletBalance: '25.5',
      legs: [{ positionSide: 'BOTH', positionAmt: 1, entryPrice: 100 }],
      brackets,
      markPrice: 100,
    };
    const error = caught(() => binanceLiquidationPrice(jumpy, { cum: 'as-given' }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).path).toEqual(['brackets']);
    // By default the list is verified and rejected at the bracket that breaks the recursion.
    const rejected = caught(() => binanceLiquidationPrice(jumpy));
    expect(rejected).toBeInstanceOf(ValidationError);
    expect((rejected as ValidationError).path).toEqual(['brackets', 1, 'cum']);
    // Recomputed, the search settles.
    expect(binanceLiquidationPrice(jumpy, { cum: 'recompute' }).kind).toBe('price');
    // The generic engine, given the same discontinuous tiers, liquidates at the jump itself (notional 75): there
    // the surplus turns negative although no bracket's formula vanishes. A deliberate difference, documented.
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [
        {
          id: 'XUSDT',
          kind: 'linear',
          baseAsset: 'X',
          quoteAsset: 'USDT',
          marginSchedule: binanceMarginSchedule(brackets, { cum: 'as-given' }),
        },
      ],
      collateral: [{ asset: 'USDT', amount: '25.5' }],
      positions: [{ marketId: 'XUSDT', size: 1, entryPrice: 100, marginMode: 'cross' }],
    });
    expect(
      priceOf(
        liquidationPrice(account, createPrices({ markets: { XUSDT: { mark: 100 } } }), 'XUSDT'),
      ).toString(),
    ).toBe('75');
  });
});

describe('binanceLiquidationPrice: no liquidation price ("--")', () => {
  const leg = (positionAmt: string, entryPrice = '100') => ({
    positionSide: 'BOTH' as const,
    positionAmt,
    entryPrice,
  });

  it('a fully collateralised long: LP < 0', () => {
    const lp = binanceLiquidationPrice({ walletBalance: 150, legs: [leg('1')], brackets: flat('0.01') });
    expect(lp.kind).toBe('never');
    expect(lp).not.toHaveProperty('price');
  });

  it('LP = 0 exactly is not a price', () => {
    // (100 − 100 − 0) / (0.01 − 1) = 0
    expect(
      binanceLiquidationPrice({ walletBalance: 100, legs: [leg('1')], brackets: flat('0.01') }).kind,
    ).toBe('never');
  });

  it('a short whose numerator is negative (the other contracts have lost more than everything)', () => {
    const lp = binanceLiquidationPrice({
      walletBalance: 100,
      otherUnrealizedPnl: -500,
      legs: [leg('-1')],
      brackets: flat('0.01'),
    });
    expect(lp.kind).toBe('never');
  });

  it('a zero denominator', () => {
    // long at MMR 100 %: Q·1 − Q = 0
    expect(
      binanceLiquidationPrice({ walletBalance: 10, legs: [leg('1')], brackets: { maintMarginRatio: 1 } })
        .kind,
    ).toBe('never');
    // hedge: 1.01·(1 − 1 %) = 0.99·(1 + 1 %)
    expect(
      binanceLiquidationPrice({
        walletBalance: 10,
        legs: [
          { positionSide: 'LONG', positionAmt: '1.01', entryPrice: 100 },
          { positionSide: 'SHORT', positionAmt: '-0.99', entryPrice: 100 },
        ],
        brackets: { maintMarginRatio: '0.01' },
      }).kind,
    ).toBe('never');
  });
});

describe('binanceLiquidationPrice equals the generic engine', () => {
  it('old help text, BTCUSDT short with the ETHUSDT long held beside it', () => {
    // Marks chosen so that the ETH long has maintenance 1.3 and uPnL 0.47, as the example states.
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [market('BTCUSDT', flat('0.004')), market('ETHUSDT', flat('0.0065'))],
      collateral: [{ asset: 'USDT', amount: '10.72' }],
      positions: [
        { marketId: 'BTCUSDT', size: '-0.005', entryPrice: '9451.53', marginMode: 'cross' },
        { marketId: 'ETHUSDT', size: 1, entryPrice: '199.53', marginMode: 'cross' },
      ],
    });
    const prices = createPrices({ markets: { BTCUSDT: { mark: '9462.81' }, ETHUSDT: { mark: 200 } } });
    const other = summarizeAccount(account, prices).positions[1];
    if (!other) throw new Error('fixture');
    const venue = binanceLiquidationPrice({
      walletBalance: '10.72',
      otherMaintenance: other.requirement.maintenance,
      otherUnrealizedPnl: other.unrealizedPnl,
      legs: [{ positionSide: 'BOTH', positionAmt: '-0.005', entryPrice: '9451.53' }],
      brackets: flat('0.004'),
      markPrice: '9462.81',
    });
    expect(priceOf(venue).equals(priceOf(liquidationPrice(account, prices, 'BTCUSDT')))).toBe(true);
  });

  it('calc example: both cross longs, tiered, every digit', () => {
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [market('BTCUSDT', BTCUSDT_2021), market('ETHUSDT', ETHUSDT_CALC)],
      collateral: [{ asset: 'USDT', amount: '1535443.01' }],
      positions: [
        { marketId: 'BTCUSDT', size: '109.488', entryPrice: '32481.98', marginMode: 'cross' },
        { marketId: 'ETHUSDT', size: '3683.979', entryPrice: '1456.84', marginMode: 'cross' },
      ],
    });
    const prices = createPrices({ markets: { BTCUSDT: { mark: '31967.27' }, ETHUSDT: { mark: '1335.18' } } });
    const summary = summarizeAccount(account, prices);
    const brackets = { BTCUSDT: BTCUSDT_2021, ETHUSDT: ETHUSDT_CALC };
    summary.positions.forEach((self, i) => {
      const other = summary.positions[1 - i];
      const position = account.positions[i];
      if (!other || !position) throw new Error('fixture');
      const venue = binanceLiquidationPrice({
        walletBalance: '1535443.01',
        otherMaintenance: other.requirement.maintenance,
        otherUnrealizedPnl: other.unrealizedPnl,
        legs: [{ positionSide: 'BOTH', positionAmt: position.size, entryPrice: position.entryPrice }],
        brackets: brackets[self.marketId as keyof typeof brackets],
        markPrice: self.price,
      });
      const generic = liquidationPrice(account, prices, self.positionId);
      expect(priceOf(venue).equals(priceOf(generic))).toBe(true);
      // same tier
      expect(venue.legs[0]?.bracket).toBe(generic.kind === 'price' ? (generic.tierIndex ?? -1) + 1 : -1);
    });
  });

  it('hedge mode: a cross LONG and SHORT of one symbol share one price (terms unverified by an example)', () => {
    const positions: PositionInput[] = [
      { id: 'BTCUSDT:LONG', marketId: 'BTCUSDT', size: '0.5', entryPrice: 60_100, marginMode: 'cross' },
      { id: 'BTCUSDT:SHORT', marketId: 'BTCUSDT', size: '-0.2', entryPrice: 61_900, marginMode: 'cross' },
    ];
    const account = createMarginAccount({
      settleAsset: 'USDT',
      markets: [market('BTCUSDT', BTCUSDT_2021)],
      collateral: [{ asset: 'USDT', amount: 11_200 }],
      positions,
    });
    const prices = createPrices({ markets: { BTCUSDT: { mark: '60812.35' } } });
    const venue = binanceLiquidationPrice({
      walletBalance: 11_200,
      legs: [
        { positionSide: 'LONG', positionAmt: '0.5', entryPrice: 60_100 },
        { positionSide: 'SHORT', positionAmt: '-0.2', entryPrice: 61_900 },
      ],
      brackets: BTCUSDT_2021,
      markPrice: '60812.35',
    });
    // (11,200 − 0.5·60,100 + 0.2·61,900) / (0.5·0.004 + 0.2·0.004 − 0.5 + 0.2)
    expect(priceOf(venue).equals(new Decimal(-6470).div('-0.2972'))).toBe(true);
    for (const id of ['BTCUSDT:LONG', 'BTCUSDT:SHORT']) {
      expect(priceOf(liquidationPrice(account, prices, id)).equals(priceOf(venue))).toBe(true);
    }
  });
});

describe('binanceLiquidationPrice: argument errors', () => {
  const base: BinanceLiquidationInput = {
    walletBalance: 1000,
    legs: [{ positionSide: 'BOTH', positionAmt: 1, entryPrice: 100 }],
    brackets: { maintMarginRatio: '0.01' },
  };
  const rows: readonly [string, BinanceLiquidationInput, readonly (string | number)[]][] = [
    [
      'BOTH mixed with LONG',
      { ...base, legs: [...base.legs, { positionSide: 'LONG', positionAmt: 1, entryPrice: 100 }] },
      ['legs', 1, 'positionSide'],
    ],
    [
      'two LONG legs',
      {
        ...base,
        legs: [
          { positionSide: 'LONG', positionAmt: 1, entryPrice: 100 },
          { positionSide: 'LONG', positionAmt: 1, entryPrice: 100 },
        ],
      },
      ['legs', 1, 'positionSide'],
    ],
    [
      'a LONG leg with a negative size',
      { ...base, legs: [{ positionSide: 'LONG', positionAmt: -1, entryPrice: 100 }] },
      ['legs', 0, 'positionAmt'],
    ],
    [
      'a SHORT leg with a positive size',
      { ...base, legs: [{ positionSide: 'SHORT', positionAmt: 1, entryPrice: 100 }] },
      ['legs', 0, 'positionAmt'],
    ],
    [
      'an unknown side',
      { ...base, legs: [{ positionSide: 'NET' as 'BOTH', positionAmt: 1, entryPrice: 100 }] },
      ['legs', 0, 'positionSide'],
    ],
    [
      'a zero entry price',
      { ...base, legs: [{ positionSide: 'BOTH', positionAmt: 1, entryPrice: 0 }] },
      ['legs', 0, 'entryPrice'],
    ],
    [
      'a malformed size',
      { ...base, legs: [{ positionSide: 'BOTH', positionAmt: 'abc', entryPrice: 100 }] },
      ['legs', 0, 'positionAmt'],
    ],
    ['no open leg', { ...base, legs: [{ positionSide: 'BOTH', positionAmt: 0, entryPrice: 0 }] }, ['legs']],
    ['isolated with TMM1', { ...base, marginType: 'isolated', otherMaintenance: 5 }, ['otherMaintenance']],
    [
      'isolated with UPNL1',
      { ...base, marginType: 'isolated', otherUnrealizedPnl: 5 },
      ['otherUnrealizedPnl'],
    ],
    [
      'isolated with two legs',
      {
        ...base,
        marginType: 'isolated',
        legs: [
          { positionSide: 'LONG', positionAmt: 1, entryPrice: 100 },
          { positionSide: 'SHORT', positionAmt: -1, entryPrice: 100 },
        ],
      },
      ['legs'],
    ],
    ['an unknown margin type', { ...base, marginType: 'portfolio' as 'cross' }, ['marginType']],
    ['a NaN wallet', { ...base, walletBalance: Number.NaN }, ['walletBalance']],
    ['a zero mark', { ...base, markPrice: 0 }, ['markPrice']],
    [
      'a fixed rate above 1',
      { ...base, brackets: { maintMarginRatio: 2 } },
      ['brackets', 'maintMarginRatio'],
    ],
    [
      'a negative fixed cum',
      { ...base, brackets: { maintMarginRatio: '0.01', cum: -1 } },
      ['brackets', 'cum'],
    ],
  ];
  for (const [label, input, path] of rows) {
    it(`rejects ${label}`, () => {
      const error = caught(() => binanceLiquidationPrice(input));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).path).toEqual(path);
    });
  }

  it('rejects a malformed bracket list with a ValidationError naming the bracket field', () => {
    const brackets = BTCUSDT_2021.map((b, i) => (i === 2 ? { ...b, maintMarginRatio: 'x' } : b));
    const error = caught(() => binanceLiquidationPrice({ ...base, brackets }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('NOT_A_NUMBER');
    expect((error as ValidationError).path).toEqual(['brackets', 2, 'maintMarginRatio']);
  });
});
