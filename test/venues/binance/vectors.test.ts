// Every Binance case of the cex vector file (venues binance-usdm and binance-coinm), run through the Binance venue
// functions. The file is the verbatim copy in test/conformance/vectors/ (its checksum is pinned by the conformance
// suite); each case is compared exactly or within its own stated tolerance.
import { describe, expect, it } from 'vitest';
import { Decimal, fundingRateFromPremium, summarizeAccount } from '../../../src/index.js';
import { binanceCoinMLiquidationPrice } from '../../../src/venues/binance/coinMLiquidationPrice.js';
import { fromBinanceUsdmAccount } from '../../../src/venues/binance/fromBinanceUsdmAccount.js';
import { binanceFundingSchedule } from '../../../src/venues/binance/fundingSchedule.js';
import type { BinanceLeverageBracketInput } from '../../../src/venues/binance/LeverageBracket.js';
import { binanceLiquidationPrice } from '../../../src/venues/binance/liquidationPrice.js';
import { binanceMaintenanceMargin } from '../../../src/venues/binance/maintenanceMargin.js';
import { binanceMarginSchedule } from '../../../src/venues/binance/marginSchedule.js';
import { binanceWalletBalanceFromLiquidationPrice } from '../../../src/venues/binance/walletBalanceFromLiquidationPrice.js';
import { at, conformance, dec, expectDecimal, expectExact, loadVectors } from '../../conformance/harness.js';
import { BTCUSDT_2021, BTCUSDT_2021_CUM, ETHUSDT_CALC, ladder } from './helpers.js';

const BINANCE = new Set(['binance-usdm', 'binance-coinm']);
const all = loadVectors('cex.json');
const vectors = all.filter((v) => BINANCE.has(v.venue ?? ''));
const suite = conformance(vectors, (v, i) => v.id ?? `binance#${i}`);
const { check } = suite;

function price(result: ReturnType<typeof binanceLiquidationPrice>): Decimal {
  expect(result.kind).toBe('price');
  if (result.kind !== 'price') throw new Error('unreachable');
  return result.price;
}

/** Signed size: the vector's side (+1/−1) times its quantity. */
const signed = (inputs: unknown, field: string) => dec(inputs, field).times(dec(inputs, 'side'));

describe('binance-usdm liquidation_price', () => {
  check('BN-LP-OLD-BTC-SHORT', 'cross one-way short with TMM1 and UPNL1 of the ETH long', (v) => {
    const lp = binanceLiquidationPrice({
      walletBalance: dec(v.inputs, 'WB'),
      otherMaintenance: dec(v.inputs, 'TMM1'),
      otherUnrealizedPnl: dec(v.inputs, 'UPNL1'),
      legs: [
        {
          positionSide: 'BOTH',
          positionAmt: signed(v.inputs, 'position'),
          entryPrice: dec(v.inputs, 'entry_price'),
        },
      ],
      brackets: { maintMarginRatio: dec(v.inputs, 'mmr'), cum: dec(v.inputs, 'cumB') },
    });
    // (10.72 − 1.3 + 0.47 + 0.005·9,451.53) / (0.005·0.004 + 0.005)
    expectExact(price(lp), new Decimal('57.14765').div('0.00502'), 'exact LP');
    expectDecimal(price(lp), dec(v.expected, 'liquidation_price'), v.tolerance, 'LP');
  });

  check('BN-LP-OLD-ETH-LONG', 'cross one-way long (the document truncates to 190.29)', (v) => {
    const lp = binanceLiquidationPrice({
      walletBalance: dec(v.inputs, 'WB'),
      otherMaintenance: dec(v.inputs, 'TMM1'),
      otherUnrealizedPnl: dec(v.inputs, 'UPNL1'),
      legs: [
        {
          positionSide: 'BOTH',
          positionAmt: signed(v.inputs, 'position'),
          entryPrice: dec(v.inputs, 'entry_price'),
        },
      ],
      brackets: { maintMarginRatio: dec(v.inputs, 'mmr'), cum: dec(v.inputs, 'cumB') },
    });
    expectExact(price(lp), new Decimal('-189.06').div('-0.9935'), 'exact LP');
    expectDecimal(price(lp), dec(v.expected, 'liquidation_price'), v.tolerance, 'LP');
  });

  check('BN-LP-CROSS-ETH', 'calc example: ETH long with TMM1/UPNL1 of the BTC long', (v) => {
    const eth = 1;
    const leg = {
      positionSide: 'BOTH' as const,
      positionAmt: dec(v.inputs, 'positions', eth, 'position').times(dec(v.inputs, 'positions', eth, 'side')),
      entryPrice: dec(v.inputs, 'positions', eth, 'entry_price'),
    };
    const base = {
      walletBalance: dec(v.inputs, 'WB'),
      otherMaintenance: dec(v.inputs, 'TMM1'),
      otherUnrealizedPnl: dec(v.inputs, 'UPNL1'),
      legs: [leg],
    };
    // With the bracket the vector states …
    const fixed = binanceLiquidationPrice({
      ...base,
      brackets: {
        maintMarginRatio: dec(v.inputs, 'positions', eth, 'mmr'),
        cum: dec(v.inputs, 'positions', eth, 'cum'),
      },
    });
    expectDecimal(price(fixed), dec(v.expected, 'liquidation_price'), v.tolerance, 'LP (fixed bracket)');
    // … and by the bracket search over a ladder: at the mark (3,683.979 · 1,335.18 ≈ 4.92M) and at the LP
    // (≈ 4.25M) the notional lies in the 10 % bracket, whose cum is 135,365.
    const searched = binanceLiquidationPrice({
      ...base,
      brackets: ETHUSDT_CALC,
      markPrice: dec(v.inputs, 'positions', eth, 'mark_price'),
    });
    expectExact(price(searched), price(fixed), 'LP (bracket search)');
    expect(searched.legs[0]?.bracket).toBe(6);
    expectExact(searched.legs[0]?.cum ?? new Decimal(-1), dec(v.inputs, 'positions', eth, 'cum'), 'cum');
  });

  check('BN-LP-ISO-ETH', 'isolated long, wallet 1,535,443.01 (TMM = UPNL = 0)', (v) => {
    const input = {
      marginType: 'isolated' as const,
      walletBalance: dec(v.inputs, 'WB'),
      legs: [
        {
          positionSide: 'BOTH' as const,
          positionAmt: signed(v.inputs, 'position'),
          entryPrice: dec(v.inputs, 'entry_price'),
        },
      ],
    };
    const fixed = binanceLiquidationPrice({
      ...input,
      brackets: { maintMarginRatio: dec(v.inputs, 'mmr'), cum: dec(v.inputs, 'cum') },
    });
    expectDecimal(price(fixed), dec(v.expected, 'liquidation_price'), v.tolerance, 'LP');
    expectExact(
      price(binanceLiquidationPrice({ ...input, brackets: ETHUSDT_CALC })),
      price(fixed),
      'searched LP',
    );
  });
});

describe('binance-usdm maintenance_margin', () => {
  check('BN-MM-CALCEX', 'MM = Q·MP·MMR − cum and uPnL of both positions', (v) => {
    for (const i of [0, 1]) {
      const symbol = String(at(v.inputs, 'positions', i, 'symbol'));
      const mm = binanceMaintenanceMargin({
        positionAmt: dec(v.inputs, 'positions', i, 'position'),
        markPrice: dec(v.inputs, 'positions', i, 'mark_price'),
        brackets: {
          maintMarginRatio: dec(v.inputs, 'positions', i, 'mmr'),
          cum: dec(v.inputs, 'positions', i, 'cum'),
        },
      });
      expectDecimal(
        mm.maintenanceMargin,
        dec(v.expected, symbol, 'maintenance_margin'),
        v.tolerance,
        `${symbol} MM`,
      );
    }
    // The same account through the payload adapter: the brackets found by notional carry the vector's MMR and
    // cum, and the library's summary gives the same maintenance and uPnL.
    const rows = [0, 1].map((i) => ({
      symbol: String(at(v.inputs, 'positions', i, 'symbol')),
      positionSide: 'BOTH' as const,
      positionAmt: signed(at(v.inputs, 'positions', i), 'position').toString(),
      entryPrice: dec(v.inputs, 'positions', i, 'entry_price').toString(),
      markPrice: dec(v.inputs, 'positions', i, 'mark_price').toString(),
      unRealizedProfit: '0',
      liquidationPrice: '0',
      leverage: '1',
      marginType: 'cross' as const,
      isolatedWallet: '0',
    }));
    const snapshot = fromBinanceUsdmAccount(
      rows,
      { assets: [{ asset: 'USDT', walletBalance: '1535443.01', crossWalletBalance: '1535443.01' }] },
      [
        { symbol: 'BTCUSDT', brackets: BTCUSDT_2021 },
        { symbol: 'ETHUSDT', brackets: ETHUSDT_CALC },
      ],
      rows.map((r) => ({ symbol: r.symbol, markPrice: r.markPrice, indexPrice: r.markPrice })),
    );
    const summary = summarizeAccount(snapshot.account, snapshot.prices);
    summary.positions.forEach((p, i) => {
      expectExact(
        p.requirement.maintenanceFraction,
        dec(v.inputs, 'positions', i, 'mmr'),
        `${p.marketId} MMR`,
      );
      expectExact(
        p.requirement.maintenanceDeduction,
        dec(v.inputs, 'positions', i, 'cum'),
        `${p.marketId} cum`,
      );
      const expected = at(v.expected, p.marketId);
      expectDecimal(p.requirement.maintenance, dec(expected, 'maintenance_margin'), v.tolerance, 'MM');
      expectDecimal(p.unrealizedPnl, dec(expected, 'unrealized_pnl'), v.tolerance, 'uPnL');
    });
  });
});

describe('binance-usdm wallet_balance_from_liq_price', () => {
  check('BN-WB-BACKSOLVE', 'cross wallet implied by the API liquidation price', (v) => {
    const input = {
      positionAmt: signed(v.inputs, 'position'),
      entryPrice: dec(v.inputs, 'entry_price'),
      brackets: { maintMarginRatio: dec(v.inputs, 'mmr') },
    };
    const wallet = binanceWalletBalanceFromLiquidationPrice({
      ...input,
      liquidationPrice: dec(v.inputs, 'liquidation_price'),
    });
    expectDecimal(wallet, dec(v.expected, 'wallet_balance'), v.tolerance, 'WB');
    // Round trip: that wallet liquidates at the API's price.
    const back = binanceLiquidationPrice({
      walletBalance: wallet,
      legs: [{ positionSide: 'BOTH', positionAmt: input.positionAmt, entryPrice: input.entryPrice }],
      brackets: input.brackets,
    });
    expectExact(price(back), dec(v.inputs, 'liquidation_price'), 'round-trip LP');
  });
});

describe('binance-usdm maintenance_amount', () => {
  check('BN-CUM-L3', 'BTCUSDT level 3: 250,000·(1 % − 0.5 %) + 50 = 1,300', (v) => {
    const three = BTCUSDT_2021.slice(0, 3);
    expectExact(new Decimal(String(three[2]?.notionalFloor)), dec(v.inputs, 'floor_n'), 'floor');
    expectExact(new Decimal(String(three[1]?.cum)), dec(v.inputs, 'cum_prev'), 'cum of level 2');
    // verified as given, and recomputed from scratch
    const given = binanceMarginSchedule(three);
    const recomputed = binanceMarginSchedule(three, { cum: 'recompute' });
    expectExact(
      given.tiers[2]?.maintenanceDeduction ?? new Decimal(-1),
      dec(v.expected, 'cum_n'),
      'verified',
    );
    expectExact(
      recomputed.tiers[2]?.maintenanceDeduction ?? new Decimal(-1),
      dec(v.expected, 'cum_n'),
      'recomputed',
    );
  });

  check('BN-CUM-OLD-L5', 'old BTCUSDT level 5: 5,000,000·(5 % − 2.5 %) + 16,300 = 141,300', (v) => {
    // The old table: the 2021 levels 1–4, then level 5 from 5,000,000 at 5 %.
    const old = ladder(
      [
        [0, 125, '0.004'],
        [50_000, 100, '0.005'],
        [250_000, 50, '0.01'],
        [1_000_000, 20, '0.025'],
        [5_000_000, 10, '0.05'],
      ],
      10_000_000,
    );
    expectExact(new Decimal(String(old[3]?.maintMarginRatio)), dec(v.inputs, 'mmr_prev'), 'MMR of level 4');
    expectExact(new Decimal(String(old[3]?.cum)), dec(v.inputs, 'cum_prev'), 'cum of level 4');
    const tiers = binanceMarginSchedule(old, { cum: 'recompute' }).tiers;
    expectExact(
      tiers[4]?.maintenanceDeduction ?? new Decimal(-1),
      dec(v.expected, 'cum_n'),
      'cum of level 5',
    );
    // The published value passes verification; one unit off does not.
    const published = old.map((b, i) => (i === 4 ? { ...b, cum: dec(v.expected, 'cum_n') } : b));
    expect(() => binanceMarginSchedule(published)).not.toThrow();
    expect(() =>
      binanceMarginSchedule(published.map((b, i) => (i === 4 ? { ...b, cum: 141_301 } : b))),
    ).toThrow(/cum/);
  });
});

describe('binance-usdm bracket_lookup', () => {
  check('BN-BRACKET-LOOKUP', 'BTCUSDT: 264,000 → MMR 1 %; 500,000 → cum 1,300', (v) => {
    // The published cum column passes verification.
    const tiers = binanceMarginSchedule(BTCUSDT_2021).tiers;
    tiers.forEach((t, i) => {
      expectExact(t.maintenanceDeduction, BTCUSDT_2021_CUM[i] ?? -1, `cum ${i + 1}`);
    });
    const first = binanceMaintenanceMargin({
      positionAmt: 1,
      markPrice: dec(v.inputs, 'cases', 0, 'notional'),
      brackets: BTCUSDT_2021,
    });
    expectExact(first.maintMarginRatio, dec(v.expected, 'cases', 0, 'mmr'), 'MMR at 264,000');
    const second = binanceMaintenanceMargin({
      positionAmt: 10,
      markPrice: dec(v.inputs, 'cases', 1, 'notional').div(10),
      brackets: BTCUSDT_2021,
    });
    expectExact(second.cum, dec(v.expected, 'cases', 1, 'cum'), 'cum at 500,000');
    expect(second.bracket).toBe(3);
  });
});

describe('binance-usdm bracket_table', () => {
  check('BN-BRACKET-ADA', 'ADA/BUSD leverageBracket: the cum column by the recursion', (v) => {
    const expectedCum = [0, 1, 2, 3, 4, 5].map((i) => dec(v.expected, 'cum', i));
    const brackets: BinanceLeverageBracketInput[] = [0, 1, 2, 3, 4, 5].map((i) => ({
      bracket: i + 1,
      initialLeverage: dec(v.inputs, 'max_leverage', i),
      notionalFloor: dec(v.inputs, 'brackets', i, 'min_notional'),
      notionalCap: dec(v.inputs, 'brackets', i, 'max_notional'),
      maintMarginRatio: dec(v.inputs, 'brackets', i, 'mmr'),
      cum: expectedCum[i] ?? -1,
    }));
    const recomputed = binanceMarginSchedule(
      brackets.map((b) => ({ ...b, cum: 0 })),
      { cum: 'recompute' },
    );
    recomputed.tiers.forEach((t, i) => {
      expectExact(t.maintenanceDeduction, expectedCum[i] ?? -1, `cum ${i}`);
    });
    const verified = binanceMarginSchedule(brackets);
    verified.tiers.forEach((t, i) => {
      expectExact(t.initialFraction, new Decimal(1).div(dec(v.inputs, 'max_leverage', i)), `IMF ${i}`);
      expectExact(t.maintenanceDeduction, expectedCum[i] ?? -1, `verified cum ${i}`);
    });
  });
});

describe('binance-usdm funding_rate', () => {
  for (const id of ['BN-FUND-BAND-1', 'BN-FUND-BAND-3', 'BN-FUND-OUTSIDE']) {
    check(id, 'F = P + clamp(I − P, ±0.05 %) through the Binance funding schedule', (v) => {
      const schedule = binanceFundingSchedule({
        cap: '0.03',
        interestRate: dec(v.inputs, 'interest_rate'),
        clampBand: dec(v.inputs, 'clamp'),
      });
      expectDecimal(
        fundingRateFromPremium(schedule.rate, dec(v.inputs, 'premium_index')),
        dec(v.expected, 'funding_rate'),
        v.tolerance,
        'F',
      );
      // The defaults are the documented ones: I = 0.01 % per 8 h, band 0.05 %.
      const defaults = binanceFundingSchedule({ cap: '0.03' });
      expectExact(
        fundingRateFromPremium(defaults.rate, dec(v.inputs, 'premium_index')),
        fundingRateFromPremium(schedule.rate, dec(v.inputs, 'premium_index')),
        'default schedule',
      );
    });
  }
});

describe('binance-usdm pnl', () => {
  check('BN-PNL-LIN', '1 BTC long 5,000 → 5,500 through the payload adapter', (v) => {
    const exit = dec(v.inputs, 'exit_price').toString();
    const { account, prices } = fromBinanceUsdmAccount(
      [
        {
          symbol: 'BTCUSDT',
          positionSide: 'BOTH',
          positionAmt: signed(v.inputs, 'size_btc').toString(),
          entryPrice: dec(v.inputs, 'entry_price').toString(),
          markPrice: exit,
          unRealizedProfit: '500',
          liquidationPrice: '0',
          leverage: '1',
          marginType: 'cross',
        },
      ],
      { assets: [{ asset: 'USDT', walletBalance: '5000', crossWalletBalance: '5000' }] },
      { symbol: 'BTCUSDT', brackets: BTCUSDT_2021 },
      { symbol: 'BTCUSDT', markPrice: exit, indexPrice: exit },
    );
    const pnl = summarizeAccount(account, prices).positions[0]?.unrealizedPnl ?? new Decimal(-1);
    expectExact(pnl, dec(v.expected, 'pnl_usd'), 'PnL');
  });
});

describe('binance-coinm liquidation_price', () => {
  check(
    'BN-CM-LP-FORUM-OLDCUM',
    'long 100,000 × $100 @ 45,000, wallet 101 BTC, MMR 12.5 %, cum 11.81 BTC',
    (v) => {
      const lp = binanceCoinMLiquidationPrice({
        walletBalance: dec(v.inputs, 'WB_btc'),
        contractSize: dec(v.inputs, 'contract_size_usd'),
        legs: [
          {
            positionSide: 'BOTH',
            positionAmt: signed(v.inputs, 'contracts'),
            entryPrice: dec(v.inputs, 'entry_price'),
          },
        ],
        brackets: { maintMarginRatio: dec(v.inputs, 'mmr'), cum: dec(v.inputs, 'cum_btc') },
      });
      expectDecimal(price(lp), dec(v.expected, 'liquidation_price'), v.tolerance, 'LP');
      // The newer FAQ's cum 11.605 BTC gives the calculator's 33,599.40 (reference notes, §2.1).
      const newer = binanceCoinMLiquidationPrice({
        walletBalance: dec(v.inputs, 'WB_btc'),
        contractSize: dec(v.inputs, 'contract_size_usd'),
        legs: [
          {
            positionSide: 'BOTH',
            positionAmt: signed(v.inputs, 'contracts'),
            entryPrice: dec(v.inputs, 'entry_price'),
          },
        ],
        brackets: { maintMarginRatio: dec(v.inputs, 'mmr'), cum: '11.605' },
      });
      expect(price(newer).toFixed(2)).toBe('33599.42');
    },
  );
});

describe('binance-coinm maintenance_amount', () => {
  check('BN-CM-CUM-L5', 'BTCUSD level 5: 50 BTC·(5 % − 2.5 %) + 0.56 BTC = 1.81 BTC', (v) => {
    // COIN-M brackets are bounded in the coin (qtyFloor/qtyCap). Only the bracket below level 5 (MMR 2.5 %, cum
    // 0.56) is given; a placeholder bracket from 0 at 0.5 % up to 28 BTC carries the recursion to exactly 0.56.
    const brackets: BinanceLeverageBracketInput[] = [
      { bracket: 1, initialLeverage: 125, qtyFloor: 0, qtyCap: 28, maintMarginRatio: '0.005', cum: 0 },
      {
        bracket: 4,
        initialLeverage: 20,
        qtyFloor: 28,
        qtyCap: dec(v.inputs, 'floor_n_btc'),
        maintMarginRatio: dec(v.inputs, 'mmr_prev'),
        cum: dec(v.inputs, 'cum_prev_btc'),
      },
      {
        bracket: 5,
        initialLeverage: 10,
        qtyFloor: dec(v.inputs, 'floor_n_btc'),
        qtyCap: 100,
        maintMarginRatio: dec(v.inputs, 'mmr_n'),
        cum: dec(v.expected, 'cum_n_btc'),
      },
    ];
    const verified = binanceMarginSchedule(brackets);
    expectDecimal(
      verified.tiers[2]?.maintenanceDeduction ?? new Decimal(-1),
      dec(v.expected, 'cum_n_btc'),
      v.tolerance,
    );
    const recomputed = binanceMarginSchedule(brackets, { cum: 'recompute' });
    expectDecimal(
      recomputed.tiers[2]?.maintenanceDeduction ?? new Decimal(-1),
      dec(v.expected, 'cum_n_btc'),
      v.tolerance,
    );
  });
});

describe('Binance vectors of cex.json', () => {
  it('are all run here', () => {
    expect(vectors.length).toBe(16);
    expect(suite.ids.filter((id) => !suite.run.has(id))).toEqual([]);
  });
});
