// Every public entry point the fuzz suite drives, each with a valid call to mutate. An argument marked `data` is raw
// input (a payload, an options object, a number) and is mutated anywhere inside; one marked `made` is a primitive
// created by a factory, and is only ever replaced whole (the math trusts created primitives, and checks their shape).
import { readFileSync } from 'node:fs';
import { shareBook } from '../../src/batch/workers/index.js';
import * as mk from '../../src/index.js';
import { usdc as driftUsdc } from '../venues/drift/markets.js';

export interface Arg {
  readonly value: unknown;
  readonly deep: boolean;
}
export interface Entry {
  readonly name: string;
  readonly call: (args: unknown[]) => unknown;
  readonly args: () => Arg[];
  /** Relative share of the generated inputs (cost-heavy entry points get fewer). */
  readonly weight?: number;
  /** The call returns a promise; its settled outcome is checked. */
  readonly async?: boolean;
}

const data = (value: unknown): Arg => ({ value, deep: true });
const made = (value: unknown): Arg => ({ value, deep: false });
// biome-ignore lint/suspicious/noExplicitAny: the fuzz suite calls every entry point with arbitrary values.
type Any = any;
const fn =
  (f: (...a: Any[]) => unknown) =>
  (args: unknown[]): unknown =>
    f(...args);

function fixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));
}

const gmxPosition = {
  isLong: true,
  sizeInUsd: '50000',
  sizeInTokens: '20',
  collateralAmount: '5000',
  collateralTokenPrice: '1',
  pendingBorrowingFeesUsd: '3',
  pendingFundingFeesUsd: '2',
};
const gmxParams = {
  minCollateralFactor: '0.005',
  minCollateralUsd: '1',
  positionFeeFactor: '0.0006',
  maxPositionImpactFactorForLiquidations: '0.005',
  priceImpactUsd: '-40',
};
const flat = (i: string, m: string) => ({ type: 'flat', initialFraction: i, maintenanceFraction: m });
const hourly = {
  intervalMs: 3_600_000,
  ratePeriodMs: 28_800_000,
  paymentPrice: 'oracle',
  rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.04' },
};
const ethInput = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  stepSize: '0.01',
  marginSchedule: flat('0.1', '0.05'),
  fundingSchedule: hourly,
};
const btcInput = {
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
      { notionalFloor: 50_000, initialFraction: '0.01', maintenanceFraction: '0.005' },
    ],
  },
};
const accountInput = () => ({
  settleAsset: 'USDT',
  markets: [ethInput, btcInput, { ...ethInput, id: 'SOL', baseAsset: 'SOL', fundingSchedule: undefined }],
  collateral: [
    { asset: 'USDT', amount: '2000' },
    { asset: 'BTC', amount: '0.01', weight: '0.9' },
  ],
  positions: [
    { marketId: 'ETH', size: '1', entryPrice: 3000, marginMode: 'cross' },
    { marketId: 'BTC', size: '-0.1', entryPrice: '60000', marginMode: 'isolated', isolatedMargin: '700' },
  ],
});
const OPTION_NOW = Date.UTC(2026, 11, 4, 8);
const optionAccount = () =>
  mk.createMarginAccount({ ...accountInput(), collateral: [{ asset: 'USDT', amount: '50000' }] } as Any);
const optionBookInput = () => ({
  markets: [
    { id: 'BTC-C', optionType: 'call', strike: '65000', expiry: OPTION_NOW + 86_400_000, underlying: 'BTC' },
    {
      id: 'BTC-P',
      optionType: 'put',
      strike: 55_000,
      expiry: OPTION_NOW + 7 * 86_400_000,
      underlying: 'BTC',
    },
  ],
  positions: [
    { marketId: 'BTC-C', size: '-1', entryPrice: '400', marginMode: 'cross' },
    { marketId: 'BTC-P', size: '2', entryPrice: 300, marginMode: 'isolated', isolatedMargin: '100' },
  ],
});
const optionBook = () => mk.createOptionBook(optionBookInput() as Any, optionAccount());
const optionValuation = () => ({
  nowMs: OPTION_NOW,
  volatilities: { 'BTC-C': '0.7', 'BTC-P': 0.6 },
  rate: '0.01',
});
const FUTURE_EXPIRY = OPTION_NOW + 30 * 86_400_000;
const futureInput = { ...btcInput, id: 'BTC-FUT', expiry: FUTURE_EXPIRY };
const futureAccount = () =>
  mk.createMarginAccount({
    ...accountInput(),
    markets: [...accountInput().markets, futureInput],
    positions: [
      ...accountInput().positions,
      { marketId: 'BTC-FUT', size: '0.2', entryPrice: '61400', marginMode: 'cross' },
    ],
  } as Any);
const futurePrices = () =>
  mk.createPrices({
    ...pricesInput(),
    markets: { ...pricesInput().markets, 'BTC-FUT': { mark: '61500', oracle: '61010' } },
  });
const pricesInput = () => ({
  markets: {
    ETH: { mark: '3100', oracle: '3099' },
    BTC: { mark: '61000', oracle: '61010' },
    SOL: { mark: '150' },
  },
  assets: { BTC: '61000' },
});
const bookInput = () => ({
  bids: [
    [99, 10],
    [98, 20],
  ],
  asks: [
    { price: '101', size: '2' },
    { price: '102', size: '3' },
  ],
});

const account = () => mk.createMarginAccount(accountInput() as mk.MarginAccountInput);
const prices = () => mk.createPrices(pricesInput());
const eth = () => mk.createMarket(ethInput as mk.MarketInput);
const btc = () => mk.createMarket(btcInput as mk.MarketInput);
const book = () => mk.createOrderBook(bookInput() as unknown as mk.OrderBookInput);
const ladder = () => [
  { name: 'down', shock: { kind: 'uniform', move: '-0.2' } },
  { name: 'up', shock: { kind: 'relative', moves: { ETH: '0.1' } } },
];
const feeTiers = () => ({
  tiers: [
    { volumeFloor: 0, makerRate: '0.0002', takerRate: '0.0005' },
    { volumeFloor: 50_000_000, makerRate: '-0.00005', takerRate: '0.0003' },
  ],
});
const stressRun = () => mk.stressAccount(account(), prices(), ladder() as mk.Scenario[]);
const accounts = () => [account(), account()];
const packed = () => mk.packAccounts(accounts(), prices());
const scenarios = () => ladder() as mk.Scenario[];
const grid = (from = 0, to = 2) =>
  mk.gridPackedBook(packed(), mk.packScenarios(packed(), scenarios()), { from, to });
const driftPerp = {
  oraclePrice: 100_000_000,
  marginRatioInitial: 1_000,
  marginRatioMaintenance: 500,
  imfFactor: 1_000,
  unrealizedPnlMaintenanceAssetWeight: 9_000,
};
const driftMarkets = { spot: { 0: driftUsdc }, perp: { 0: driftPerp } };
const driftUser = {
  spotPositions: [{ marketIndex: 0, tokenAmount: '1000000000' }],
  perpPositions: [{ marketIndex: 0, baseAssetAmount: '50000000000', quoteAssetAmount: '-5000000000' }],
};
const orderlyMarkets = {
  PERP_BTC_USDC: { baseImr: '0.01', baseMmr: '0.006', imrFactor: '0.000000375' },
  PERP_ETH_USDC: { baseImr: '0.1', baseMmr: '0.05', imrFactor: '0' },
};
const orderlyAccount = {
  usdcBalance: '1500000',
  positions: [
    { symbol: 'PERP_BTC_USDC', qty: 200, markPrice: 50_000, costPosition: 10_000_000 },
    { symbol: 'PERP_ETH_USDC', qty: -2, markPrice: '2000', costPosition: -4_100 },
  ],
};
const dydxBtc = {
  atomicResolution: -8,
  price: 5_000_000_000,
  exponent: -5,
  initialMarginPpm: 200_000,
  maintenanceFractionPpm: 500_000,
};
const dydxSub = { usdcQuantums: -4_501_000_000, positions: [{ perpetualId: 'BTC', quantums: 10_000_000 }] };
const hlTable = {
  marginTiers: [
    { lowerBound: '0.0', maxLeverage: 40 },
    { lowerBound: '150000000.0', maxLeverage: 20 },
  ],
};
const bybitTerms = { kind: 'linear', size: 1, entryPrice: 20_000, leverage: 50, maintenanceRate: '0.005' };
const binanceLegs = {
  walletBalance: '10.72',
  otherMaintenance: '1.3',
  otherUnrealizedPnl: '0.47',
  legs: [{ positionSide: 'BOTH', positionAmt: '-0.005', entryPrice: '9451.53' }],
  brackets: { maintMarginRatio: '0.004', cum: 0 },
};

/** The factories, adapters and math entry points under fuzz. */
export const ENTRIES: readonly Entry[] = [
  // Factories.
  { name: 'createMarket', call: fn(mk.createMarket), args: () => [data(ethInput)] },
  { name: 'createMarket (tiered)', call: fn(mk.createMarket), args: () => [data(btcInput)] },
  {
    name: 'createPosition',
    call: fn(mk.createPosition),
    args: () => [
      data({ marketId: 'ETH', size: '1.5', entryPrice: 3000, marginMode: 'cross', fundingIndex: '2' }),
    ],
  },
  { name: 'createPrices', call: fn(mk.createPrices), args: () => [data(pricesInput())] },
  { name: 'createMarginAccount', call: fn(mk.createMarginAccount), args: () => [data(accountInput())] },
  { name: 'createFundingSchedule', call: fn(mk.createFundingSchedule), args: () => [data(hourly)] },
  { name: 'createOrderBook', call: fn(mk.createOrderBook), args: () => [data(bookInput())] },
  { name: 'createFeeSchedule', call: fn(mk.createFeeSchedule), args: () => [data(feeTiers())] },

  // Venue adapters, on the recorded payloads.
  {
    name: 'fromBinanceUsdmAccount',
    call: fn(mk.fromBinanceUsdmAccount),
    args: () => [
      data(fixture('binance/one-way/positionRisk.json')),
      data(fixture('binance/one-way/account.json')),
      data(fixture('binance/one-way/leverageBracket.json')),
      data(fixture('binance/one-way/premiumIndex.json')),
      data({ settleAsset: 'USDT' }),
    ],
  },
  {
    name: 'fromBybitPositions',
    call: fn(mk.fromBybitPositions),
    args: () => [
      data(fixture('bybit/linear-position-list.json')),
      data(fixture('bybit/linear-wallet-balance.json')),
      data(fixture('bybit/linear-tickers.json')),
      data(fixture('bybit/linear-risk-limit.json')),
      data({ category: 'linear' }),
    ],
  },
  {
    name: 'fromDydxIndexerSubaccount',
    call: fn(mk.fromDydxIndexerSubaccount),
    args: () => [
      data(fixture('dydx/subaccount-0.json')),
      data(fixture('dydx/perpetual-markets.json')),
      data({}),
    ],
  },
  {
    name: 'fromHyperliquidClearinghouseState',
    call: fn(mk.fromHyperliquidClearinghouseState),
    args: () => [
      data(fixture('hyperliquid/clearinghouse-state-mixed.json')),
      data(fixture('hyperliquid/meta.json')),
      data(fixture('hyperliquid/asset-ctxs.json')),
      data({}),
    ],
  },

  // Margin and liquidation.
  {
    name: 'summarizeAccount',
    call: fn(mk.summarizeAccount),
    args: () => [made(account()), made(prices()), data({})],
  },
  { name: 'collateralValue', call: fn(mk.collateralValue), args: () => [made(account()), made(prices())] },
  { name: 'notional', call: fn(mk.notional), args: () => [made(eth()), data('2'), data(3000)] },
  {
    name: 'marginRequirement',
    call: fn(mk.marginRequirement),
    args: () => [made(btc()), data('2'), data(60_000), data({})],
  },
  {
    name: 'marginRequirement (at leverage)',
    call: fn(mk.marginRequirement),
    args: () => [made(btc()), data('2'), data(60_000), data({ leverage: 150, initialAt: 'leverage' })],
  },
  {
    name: 'algebraicLiquidationPrice',
    call: fn(mk.algebraicLiquidationPrice),
    args: () => [
      made(account()),
      made(
        mk.createPrices({
          markets: { ETH: { mark: '100' }, BTC: { mark: '80000' }, SOL: { mark: '150' } },
          assets: { BTC: '61000' },
        }),
      ),
      data('BTC'),
      data({}),
    ],
  },
  {
    name: 'unrealizedPnl',
    call: fn(mk.unrealizedPnl),
    args: () => [
      made(eth()),
      made(mk.createPosition({ marketId: 'ETH', size: 1, entryPrice: 3000, marginMode: 'cross' })),
      data('3100'),
    ],
  },
  {
    name: 'maintenanceDeductions',
    call: fn(mk.maintenanceDeductions),
    args: () => [
      data([
        { notionalFloor: 0, maintenanceFraction: '0.004' },
        { notionalFloor: 50_000, maintenanceFraction: '0.005' },
      ]),
    ],
  },
  { name: 'marginTierAt', call: fn(mk.marginTierAt), args: () => [made(btc().marginSchedule), data(60_000)] },
  {
    name: 'liquidationPrice',
    call: fn(mk.liquidationPrice),
    args: () => [made(account()), made(prices()), data('ETH'), data({})],
  },
  {
    name: 'liquidationPrice (belowMaintenance: algebraic)',
    call: fn(mk.liquidationPrice),
    args: () => [
      made(account()),
      made(
        mk.createPrices({
          markets: { ETH: { mark: '100' }, BTC: { mark: '61000' }, SOL: { mark: '150' } },
          assets: { BTC: '61000' },
        }),
      ),
      data('ETH'),
      data({ belowMaintenance: 'algebraic', collateralMovesWith: { BTC: 'ETH' } }),
    ],
  },
  {
    name: 'bankruptcyPrice',
    call: fn(mk.bankruptcyPrice),
    args: () => [made(account()), made(prices()), data('BTC'), data({})],
  },
  {
    name: 'liquidationDistance',
    call: fn(mk.liquidationDistance),
    args: () => [
      made(mk.liquidationPrice(account(), prices(), 'ETH')),
      data({ volatility: '0.8', horizon: '0.25' }),
    ],
  },

  // Options.
  {
    name: 'black76Price',
    call: fn(mk.black76Price),
    args: () => [
      data({
        optionType: 'put',
        forward: '60000',
        strike: 55_000,
        volatility: '0.7',
        time: '0.05',
        rate: '0.01',
      }),
    ],
  },
  {
    name: 'black76Greeks',
    call: fn(mk.black76Greeks),
    args: () => [
      data({
        optionType: 'call',
        forward: 3000,
        strike: '3200',
        volatility: 0.9,
        time: '0.01',
        settlement: 'inverse',
      }),
    ],
  },

  {
    name: 'black76Float',
    call: fn(mk.black76Float),
    args: () => [
      data({
        optionType: 'put',
        forward: 60_000,
        strike: 55_000,
        volatility: 0.7,
        time: 0.05,
        rate: 0.01,
        settlement: 'inverse',
      }),
    ],
  },

  {
    name: 'createOptionBook',
    call: fn(mk.createOptionBook),
    args: () => [data(optionBookInput()), made(optionAccount())],
  },
  {
    name: 'optionMargin',
    call: fn(mk.optionMargin),
    args: () => [made(optionBook().markets['BTC-P']), data('-2'), data(60_000), data('1200')],
  },
  {
    name: 'optionMarkPrice',
    call: fn(mk.optionMarkPrice),
    args: () => [
      made(optionBook().markets['BTC-C']),
      data('61000'),
      data(OPTION_NOW),
      data('0.65'),
      data({}),
    ],
  },
  {
    name: 'summarizeWithOptions',
    call: fn(mk.summarizeWithOptions),
    args: () => [made(optionAccount()), made(optionBook()), made(prices()), data(optionValuation())],
  },
  {
    name: 'stressWithOptions',
    call: fn(mk.stressWithOptions),
    args: () => [
      made(optionAccount()),
      made(optionBook()),
      made(prices()),
      data(optionValuation()),
      data([{ name: 'squeeze', move: '0.15', volMove: '0.8', horizonMs: 3_600_000 }]),
    ],
    weight: 0.5,
  },
  {
    name: 'optionStressGrid',
    call: fn(mk.optionStressGrid),
    args: () => [
      made(optionAccount()),
      made(optionBook()),
      made(prices()),
      data(optionValuation()),
      data([
        { name: 'squeeze', move: '0.15', volMove: '0.8', horizonMs: 3_600_000 },
        { name: 'BTC down', move: '-0.3', market: 'BTC' },
      ]),
      data({}),
    ],
    weight: 0.5,
  },
  {
    name: 'liquidationMoveWithOptions',
    call: fn(mk.liquidationMoveWithOptions),
    args: () => [
      made(optionAccount()),
      made(optionBook()),
      made(prices()),
      data(optionValuation()),
      data({ direction: 'up', market: 'BTC', volMove: '0.5', gridSteps: 8, bisectionSteps: 6 }),
    ],
    weight: 0.3,
  },

  {
    name: 'cascadeWithOptions',
    call: fn(mk.cascadeWithOptions),
    args: () => [
      made(optionAccount()),
      made(optionBook()),
      made(prices()),
      data(optionValuation()),
      data([{ name: 'squeeze', move: '0.4', volMove: '0.8', horizonMs: 3_600_000 }]),
      data({ gridSteps: 6, bisectionSteps: 4, crossLiquidation: 'one-by-one' }),
    ],
    weight: 0.2,
  },
  {
    name: 'withOptionLayout',
    call: fn(mk.withOptionLayout),
    args: () => [
      made(optionAccount()),
      made(optionBook()),
      made(prices()),
      data(optionValuation()),
      data({ kind: 'split', margins: { 'BTC-C': '5000', ETH: 300 } }),
    ],
  },
  {
    name: 'compareOptionLayouts',
    call: fn(mk.compareOptionLayouts),
    args: () => [
      made(optionAccount()),
      made(optionBook()),
      made(prices()),
      data(optionValuation()),
      data([{ name: 'crash', move: '-0.3', volMove: '0.5' }]),
      data({ gridSteps: 4, bisectionSteps: 3, split: { 'BTC-C': '5000' } }),
    ],
    weight: 0.1,
  },

  // Dated futures.
  {
    name: 'createMarket (dated future)',
    call: fn(mk.createMarket),
    args: () => [data(futureInput)],
  },
  {
    name: 'futureBasis',
    call: fn(mk.futureBasis),
    args: () => [
      data({ futurePrice: '61500', indexPrice: 61_010, nowMs: OPTION_NOW, expiry: FUTURE_EXPIRY }),
    ],
  },
  {
    name: 'futureFairPrice',
    call: fn(mk.futureFairPrice),
    args: () => [data({ indexPrice: '61010', rate: '0.08', nowMs: OPTION_NOW, expiry: FUTURE_EXPIRY })],
  },
  {
    name: 'convergeBasis',
    call: fn(mk.convergeBasis),
    args: () => [
      made(futureAccount()),
      made(futurePrices()),
      data({ nowMs: OPTION_NOW, horizonMs: 86_400_000 }),
    ],
  },

  // Execution.
  {
    name: 'walkOrderBook',
    call: fn(mk.walkOrderBook),
    args: () => [made(book()), data('buy'), data('3'), data({})],
  },
  {
    name: 'walkOrderBookByQuote',
    call: fn(mk.walkOrderBookByQuote),
    args: () => [
      made(book()),
      data('buy'),
      data('250'),
      data({ stepSize: '0.1', feeRate: '0.0005', market: eth() }),
    ],
  },
  {
    name: 'orderBookMetrics',
    call: fn(mk.orderBookMetrics),
    args: () => [made(book()), data({ depthWithin: ['0.01', '0.05'], market: eth() })],
  },
  {
    name: 'maxSizeWithinSlippage',
    call: fn(mk.maxSizeWithinSlippage),
    args: () => [made(book()), data('sell'), data('0.02'), data({})],
  },
  {
    name: 'stressOrderBook',
    call: fn(mk.stressOrderBook),
    args: () => [made(book()), data({ depthFactor: '0.5', spreadWidening: '0.02' })],
  },
  {
    name: 'feeRateFor',
    call: fn(mk.feeRateFor),
    args: () => [
      made(mk.createFeeSchedule(feeTiers() as mk.FeeScheduleInput)),
      data('maker'),
      data(60_000_000),
    ],
  },
  {
    name: 'tradingFee',
    call: fn(mk.tradingFee),
    args: () => [made(eth()), data(2), data('3000'), data('0.0005')],
  },
  {
    name: 'applyFill',
    call: fn(mk.applyFill),
    args: () => [made(eth()), data(2), data(3000), data(-3), data(3100)],
  },
  {
    name: 'previewOrder',
    call: fn(mk.previewOrder),
    args: () => [
      made(account()),
      made(prices()),
      data({ marketId: 'ETH', side: 'sell', size: 3, price: 3100, feeRate: '0.0005' }),
      data({}),
    ],
  },
  {
    name: 'previewPositionChange',
    call: fn(mk.previewPositionChange),
    args: () => [
      made(account()),
      made(prices()),
      data('ETH'),
      data({ kind: 'margin-mode', to: 'isolated', isolatedMargin: 1500 }),
      data({}),
    ],
  },
  {
    name: 'maxOrderSize',
    call: fn(mk.maxOrderSize),
    args: () => [
      made(account()),
      made(prices()),
      data({ marketId: 'ETH', side: 'buy', price: 3100 }),
      data({}),
    ],
  },

  {
    name: 'openOrderMargin',
    call: fn(mk.openOrderMargin),
    args: () => [
      made(account()),
      made(prices()),
      data([
        { marketId: 'ETH', side: 'buy', size: '1', price: '3000' },
        { marketId: 'BTC', side: 'sell', size: '0.2', price: '62000' },
      ]),
      data({}),
    ],
  },
  {
    name: 'maxOrderSize (open orders)',
    call: fn(mk.maxOrderSize),
    args: () => [
      made(account()),
      made(prices()),
      data({ marketId: 'ETH', side: 'buy', price: 3100 }),
      data({ openOrders: [{ marketId: 'ETH', side: 'sell', size: '2', price: '3200' }] }),
    ],
  },
  {
    name: 'isolatedMarginLimits',
    call: fn(mk.isolatedMarginLimits),
    args: () => [
      made(account()),
      made(prices()),
      data('BTC'),
      data({
        unrealizedProfit: 'included',
        openOrders: [{ marketId: 'ETH', side: 'buy', size: '1', price: '3000' }],
      }),
    ],
  },

  {
    name: 'liquidationLadder',
    call: fn(mk.liquidationLadder),
    args: () => [
      made(account()),
      made(prices()),
      data('ETH'),
      data([
        { marketId: 'ETH', side: 'buy', size: '1', price: '3000' },
        { marketId: 'ETH', side: 'sell', size: '2', price: '3200' },
      ]),
      data({ feeRate: '0.0002' }),
    ],
    weight: 0.5,
  },

  // Funding.
  {
    name: 'fundingPayment',
    call: fn(mk.fundingPayment),
    args: () => [made(eth()), data(10), data(3000), data('0.0001')],
  },
  {
    name: 'fundingIndexDelta',
    call: fn(mk.fundingIndexDelta),
    args: () => [made(eth()), data(3000), data('0.001'), data(3_600_000)],
  },
  {
    name: 'settleFundingIndex',
    call: fn(mk.settleFundingIndex),
    args: () => [
      made(
        mk.createPosition({
          marketId: 'ETH',
          size: 10,
          entryPrice: 3000,
          marginMode: 'cross',
          fundingIndex: 10,
        }),
      ),
      data(12),
    ],
  },
  {
    name: 'fundingTimes',
    call: fn(mk.fundingTimes),
    args: () => [
      made(mk.createFundingSchedule(hourly as mk.FundingScheduleInput)),
      data(0),
      data(86_400_000),
    ],
  },
  {
    name: 'fundingRateFromPremium',
    call: fn(mk.fundingRateFromPremium),
    args: () => [made(mk.createFundingSchedule(hourly as mk.FundingScheduleInput).rate), data('0.001')],
  },
  {
    name: 'fundingRateBound',
    call: fn(mk.fundingRateBound),
    args: () => [data('0.01'), data('0.005'), data('0.75')],
  },
  { name: 'premiumIndex', call: fn(mk.premiumIndex), args: () => [data(10_100), data(10_200), data(10_000)] },
  { name: 'roundFundingPayment', call: fn(mk.roundFundingPayment), args: () => [data('-8.5'), data(0)] },
  {
    name: 'annualizedFundingRate',
    call: fn(mk.annualizedFundingRate),
    args: () => [data('0.0001'), made(mk.createFundingSchedule(hourly as mk.FundingScheduleInput))],
  },
  {
    name: 'projectFunding',
    call: fn(mk.projectFunding),
    args: () => [
      made(eth()),
      data(1),
      data({ price: 3000, fromMs: 0, toMs: 86_400_000, scenario: { kind: 'worst-case' } }),
    ],
  },
  {
    name: 'timeToLiquidation',
    call: fn(mk.timeToLiquidation),
    args: () => [made(account()), made(prices()), data({ fromMs: 0, scenario: { kind: 'worst-case' } })],
    weight: 0.5,
  },
  {
    name: 'withProjectedFunding',
    call: fn(mk.withProjectedFunding),
    args: () => [
      made(account()),
      made(prices()),
      data({ fromMs: 0, toMs: 86_400_000, scenario: { kind: 'worst-case' } }),
    ],
  },
  {
    name: 'triggerPrice',
    call: fn(mk.triggerPrice),
    args: () => [
      made(eth()),
      made(
        mk.createPosition({ marketId: 'ETH', size: 2, entryPrice: 3000, marginMode: 'cross', leverage: 10 }),
      ),
      data({ roi: '-0.5' }),
      data({ exitFeeRate: '0.0005' }),
    ],
  },
  {
    name: 'positionRoi',
    call: fn(mk.positionRoi),
    args: () => [
      made(eth()),
      made(mk.createPosition({ marketId: 'ETH', size: 2, entryPrice: 3000, marginMode: 'cross' })),
      data('3100'),
      data({ leverage: 5 }),
    ],
  },
  {
    name: 'checkTrigger',
    call: fn(mk.checkTrigger),
    args: () => [made(account()), made(prices()), data('BTC'), data('63000'), data({ slippage: '0.001' })],
  },
  {
    name: 'breakEvenPrice',
    call: fn(mk.breakEvenPrice),
    args: () => [
      made(eth()),
      made(mk.createPosition({ marketId: 'ETH', size: 2, entryPrice: 3000, marginMode: 'cross' })),
      data({ funding: 12, entryFee: 3 }),
    ],
  },

  // Stress (small inputs; the speed work bounds their cost).
  {
    name: 'applyShock',
    call: fn(mk.applyShock),
    args: () => [
      made(prices()),
      data({ kind: 'factor', driver: 'BTC', move: '-0.1', betas: { ETH: '1.5' } }),
      data(1),
    ],
  },
  {
    name: 'uniformLadder',
    call: fn(mk.uniformLadder),
    args: () => [data('-0.1'), data('0.1'), data('0.05')],
  },
  { name: 'spanScenarios', call: fn(mk.spanScenarios), args: () => [data('0.15'), data({})] },
  {
    name: 'factorScenarios',
    call: fn(mk.factorScenarios),
    args: () => [data('BTC'), data(['-0.1', '-0.2']), data({ ETH: '1.2' })],
  },
  {
    name: 'stressAccount',
    call: fn(mk.stressAccount),
    args: () => [made(account()), made(prices()), data(ladder()), data({})],
    weight: 0.3,
  },
  {
    name: 'collateralToSurvive',
    call: fn(mk.collateralToSurvive),
    args: () => [made(account()), made(prices()), data(ladder()), data({})],
    weight: 0.3,
  },
  {
    name: 'isolatedMarginPlan',
    call: fn(mk.isolatedMarginPlan),
    args: () => [made(account()), made(prices()), data(ladder()), data({})],
    weight: 0.3,
  },
  {
    name: 'liquidationShock',
    call: fn(mk.liquidationShock),
    args: () => [
      made(account()),
      made(prices()),
      data({ driver: 'BTC', betas: { ETH: 2 }, direction: 'down' }),
      data({}),
    ],
    weight: 0.3,
  },
  {
    name: 'liquidationRange',
    call: fn(mk.liquidationRange),
    args: () => [made(account()), made(prices()), data('ETH'), data(ladder()), data({})],
    weight: 0.3,
  },
  {
    name: 'withMarginLayout',
    call: fn(mk.withMarginLayout),
    args: () => [made(account()), made(prices()), data({ kind: 'isolated' }), data({})],
  },
  {
    name: 'compareMarginLayouts',
    call: fn(mk.compareMarginLayouts),
    args: () => [made(account()), made(prices()), data(ladder()), data({})],
    weight: 0.3,
  },
  {
    name: 'maxSizeForLiquidationDistance',
    call: fn(mk.maxSizeForLiquidationDistance),
    args: () => [
      made(account()),
      made(prices()),
      data({ marketId: 'SOL', side: 'long', stressedMove: '0.12', safetyFactor: '1.25' }),
      data({}),
    ],
    weight: 0.3,
  },
  {
    name: 'maxLeverageForLiquidationDistance',
    call: fn(mk.maxLeverageForLiquidationDistance),
    args: () => [data('linear'), data('long'), data('0.1'), data('0.005')],
  },
  {
    name: 'replayPricePath',
    call: fn(mk.replayPricePath),
    args: () => [
      made(account()),
      data(
        [3000, 2600, 2200].map((mark, i) => ({
          time: i * 60_000,
          prices: mk.createPrices({
            markets: { ETH: { mark }, BTC: { mark: 61_000 } },
            assets: { BTC: 61_000 },
          }),
        })),
      ),
      data({ lagSteps: 1 }),
    ],
    weight: 0.3,
  },
  {
    name: 'renderStressTable',
    call: fn(mk.renderStressTable),
    args: () => [made(stressRun()), data({ places: 2 })],
    weight: 0.3,
  },
  {
    name: 'renderStressChart',
    call: fn(mk.renderStressChart),
    args: () => [made(stressRun()), data({})],
    weight: 0.3,
  },

  // Venue models.
  { name: 'binanceLiquidationPrice', call: fn(mk.binanceLiquidationPrice), args: () => [data(binanceLegs)] },
  {
    name: 'binanceCoinMLiquidationPrice',
    call: fn(mk.binanceCoinMLiquidationPrice),
    args: () => [
      data({
        walletBalance: 101,
        contractSize: 100,
        legs: [{ positionSide: 'BOTH', positionAmt: 100_000, entryPrice: 45_000 }],
        brackets: { maintMarginRatio: '0.125', cum: '11.81' },
      }),
    ],
  },
  {
    name: 'binanceMaintenanceMargin',
    call: fn(mk.binanceMaintenanceMargin),
    args: () => [
      data({
        positionAmt: '109.488',
        markPrice: '31967.27',
        brackets: { maintMarginRatio: '0.025', cum: 16300 },
      }),
    ],
  },
  {
    name: 'binanceMarginSchedule',
    call: fn(mk.binanceMarginSchedule),
    args: () => [
      data([
        {
          bracket: 1,
          initialLeverage: 125,
          notionalFloor: 0,
          notionalCap: 50_000,
          maintMarginRatio: '0.004',
          cum: 0,
        },
        {
          bracket: 2,
          initialLeverage: 100,
          notionalFloor: 50_000,
          notionalCap: 250_000,
          maintMarginRatio: '0.005',
          cum: 50,
        },
      ]),
    ],
  },
  {
    name: 'binanceWalletBalanceFromLiquidationPrice',
    call: fn(mk.binanceWalletBalanceFromLiquidationPrice),
    args: () => [
      data({
        positionAmt: '0.001',
        entryPrice: '61788.9',
        liquidationPrice: '8465.58529116',
        brackets: { maintMarginRatio: '0.004' },
      }),
    ],
  },
  {
    name: 'binanceFundingSchedule',
    call: fn(mk.binanceFundingSchedule),
    args: () => [data({ cap: '0.02' })],
  },
  { name: 'bybitBankruptcyPrice', call: fn(mk.bybitBankruptcyPrice), args: () => [data(bybitTerms)] },
  { name: 'bybitCloseFee', call: fn(mk.bybitCloseFee), args: () => [data(bybitTerms), data('0.00075')] },
  {
    name: 'bybitInitialMargin',
    call: fn(mk.bybitInitialMargin),
    args: () => [data(bybitTerms), data({ includeCloseFee: true, takerFeeRate: '0.00055' })],
  },
  {
    name: 'bybitLiquidationPrice',
    call: fn(mk.bybitLiquidationPrice),
    args: () => [data(bybitTerms), data({ maintenanceBasis: 'mark' })],
  },
  { name: 'bybitOrderCost', call: fn(mk.bybitOrderCost), args: () => [data(bybitTerms), data('0.00075')] },
  { name: 'bybitRoi', call: fn(mk.bybitRoi), args: () => [data(100), data(bybitTerms), data('0.00055')] },
  {
    name: 'bybitInverseCrossLiquidationPrice',
    call: fn(mk.bybitInverseCrossLiquidationPrice),
    args: () => [
      data({
        size: 10_000,
        entryPrice: 8_000,
        balance: '0.5',
        maintenanceRate: '0.005',
        takerFeeRate: '0.00075',
      }),
    ],
  },
  {
    name: 'bybitMarginSchedule',
    call: fn(mk.bybitMarginSchedule),
    args: () => [
      data([
        {
          riskLimitValue: '2000000',
          maintenanceMargin: '0.005',
          initialMargin: '0.01',
          maxLeverage: '100.00',
          mmDeduction: '',
        },
        {
          riskLimitValue: '2600000',
          maintenanceMargin: '0.0056',
          initialMargin: '0.0112',
          maxLeverage: '89.28',
          mmDeduction: '1200',
        },
      ]),
    ],
  },
  { name: 'hyperliquidMarginSchedule', call: fn(mk.hyperliquidMarginSchedule), args: () => [data(hlTable)] },
  {
    name: 'hyperliquidMarket',
    call: fn(mk.hyperliquidMarket),
    args: () => [data({ coin: 'ETH', szDecimals: 4, marginTable: hlTable })],
  },
  {
    name: 'fromGmxPositionInfo',
    call: fn(mk.fromGmxPositionInfo),
    args: () => [
      data({
        position: {
          addresses: { account: '0xA11CE', market: '0xB7C', collateralToken: '0xUSDC' },
          numbers: {
            sizeInUsd: `40000${'0'.repeat(30)}`,
            sizeInTokens: '50000000',
            collateralAmount: '4000000000',
          },
          flags: { isLong: false },
        },
        fees: {
          borrowing: { borrowingFeeUsd: `125${'0'.repeat(28)}` },
          funding: { fundingFeeAmount: '750000' },
          positionFeeAmount: '24000000',
        },
        executionPriceResult: { priceImpactUsd: `-20${'0'.repeat(30)}` },
        basePnlUsd: `1000${'0'.repeat(30)}`,
        pnlAfterPriceImpactUsd: `980${'0'.repeat(30)}`,
      }),
      data({
        indexTokenDecimals: 8,
        collateralTokenDecimals: 6,
        collateralTokenPrice: '1',
        marketId: 'BTC/USD',
      }),
    ],
  },
  {
    name: 'gmxBorrowingFactorPerSecond',
    call: fn(mk.gmxBorrowingFactorPerSecond),
    args: () => [
      data({
        borrowingFactor: '0.00002',
        borrowingExponentFactor: '1',
        reservedUsd: '200000',
        poolUsd: '250000',
      }),
    ],
  },
  {
    name: 'gmxFundingFactorPerSecond',
    call: fn(mk.gmxFundingFactorPerSecond),
    args: () => [
      data({
        longOpenInterest: '150000',
        shortOpenInterest: '50000',
        fundingFactor: '0.00002',
        fundingExponentFactor: '1',
        maxFundingFactorPerSecond: '0.001',
      }),
    ],
  },
  {
    name: 'gmxFundingRates',
    call: fn(mk.gmxFundingRates),
    args: () => [
      data({
        longOpenInterest: '8000000',
        shortOpenInterest: '10000000',
        fundingFactorPerSecond: '0.5',
        longsPayShorts: false,
      }),
    ],
  },
  {
    name: 'gmxAccruedFees',
    call: fn(mk.gmxAccruedFees),
    args: () => [
      data({
        sizeInUsd: '10000',
        seconds: 86_400,
        borrowingFactorPerSecond: '1e-9',
        fundingFactorPerSecond: '2e-9',
      }),
    ],
  },
  {
    name: 'gmxLiquidationCheck',
    call: fn(mk.gmxLiquidationCheck),
    args: () => [data(gmxPosition), data(gmxParams), data('2260')],
  },
  {
    name: 'gmxLiquidationPrice',
    call: fn(mk.gmxLiquidationPrice),
    args: () => [
      data({ ...gmxPosition, collateralAmount: '2', collateralIsIndexToken: true }),
      data(gmxParams),
      data('2500'),
    ],
  },
  {
    name: 'gmxLiquidationHours',
    call: fn(mk.gmxLiquidationHours),
    args: () => [
      data(gmxPosition),
      data(gmxParams),
      data('2300'),
      data({ borrowingFactorPerSecond: '1.5e-8', fundingFactorPerSecond: '5e-9' }),
    ],
  },
  {
    name: 'gmxLeverageCheck',
    call: fn(mk.gmxLeverageCheck),
    args: () => [
      data({
        sizeInUsd: '1000000',
        collateralUsd: '10000',
        realizedPnlUsd: '-10',
        minCollateralFactor: '0.01',
        minCollateralFactorForOpenInterestMultiplier: '1e-9',
        openInterest: '10000000',
        openInterestDelta: '1000000',
      }),
    ],
  },
  {
    name: 'gmxPositionPriceImpact',
    call: fn(mk.gmxPositionPriceImpact),
    args: () => [
      data({
        longOpenInterest: '1200000',
        shortOpenInterest: '1000000',
        isLong: false,
        sizeDeltaUsd: '100000',
        positiveImpactFactor: '1e-9',
        negativeImpactFactor: '2e-9',
        impactExponent: '2',
        maxPositiveImpactFactor: '0.0001',
        impactPoolUsd: '5',
      }),
    ],
  },
  {
    name: 'gmxPositionFee',
    call: fn(mk.gmxPositionFee),
    args: () => [
      data({
        sizeDeltaUsd: '100000',
        balanceWasImproved: false,
        positionFeeFactorForBalanceWasImproved: '0.0004',
        positionFeeFactorForBalanceWasNotImproved: '0.0006',
        totalRebateFactor: '0.1',
        traderDiscountFactor: '0.5',
      }),
    ],
  },
  { name: 'hyperliquidFundingRate', call: fn(mk.hyperliquidFundingRate), args: () => [data('0.01')] },
  {
    name: 'hyperliquidLiquidationOrder',
    call: fn(mk.hyperliquidLiquidationOrder),
    args: () => [data('2.5'), data('63410'), data({ msSincePartialLiquidation: 12_000 })],
  },
  {
    name: 'hyperliquidBackstopLiquidatable',
    call: fn(mk.hyperliquidBackstopLiquidatable),
    args: () => [data({ equity: '66.66', maintenanceRequirement: 100 })],
  },
  {
    name: 'driftSizePremiumLiabilityWeight',
    call: fn(mk.driftSizePremiumLiabilityWeight),
    args: () => [data('1000000000000'), data(10_000), data(11_000), data(10_000)],
  },
  {
    name: 'driftSizeDiscountAssetWeight',
    call: fn(mk.driftSizeDiscountAssetWeight),
    args: () => [data('22699050905000'), data(1_000), data(10_000)],
  },
  {
    name: 'driftPerpMarginRatio',
    call: fn(mk.driftPerpMarginRatio),
    args: () => [
      data(driftPerp),
      data('10000000000000'),
      data('initial'),
      data({ userMaxMarginRatio: 2_000 }),
    ],
  },
  {
    name: 'driftUnrealizedAssetWeight',
    call: fn(mk.driftUnrealizedAssetWeight),
    args: () => [data({ ...driftPerp, unrealizedPnlImfFactor: 1_000 }), data('24282786896'), data('initial')],
  },
  {
    name: 'driftSpotWeight',
    call: fn(mk.driftSpotWeight),
    args: () => [data(driftUsdc), data(-5), data('initial')],
  },
  {
    name: 'driftFundingPayment',
    call: fn(mk.driftFundingPayment),
    args: () => [data(50_000_000), data(0), data(2_000_000_000)],
  },
  {
    name: 'driftHourlyFundingRate',
    call: fn(mk.driftHourlyFundingRate),
    args: () => [data(12_500_000), data(125_000_000)],
  },
  {
    name: 'driftMarginCalculation',
    call: fn(mk.driftMarginCalculation),
    args: () => [data(driftUser), data(driftMarkets), data('maintenance')],
  },
  {
    name: 'driftLiquidationPrice',
    call: fn(mk.driftLiquidationPrice),
    args: () => [data(driftUser), data(driftMarkets), data(0)],
  },
  {
    name: 'fromDriftUserAccount',
    call: fn(mk.fromDriftUserAccount),
    args: () => [
      data({
        spotPositions: [{ marketIndex: 0, scaledBalance: '10000000000000', balanceType: { deposit: {} } }],
        perpPositions: [
          {
            marketIndex: 0,
            baseAssetAmount: '1000000000',
            quoteAssetAmount: '-90000000',
            lastCumulativeFundingRate: '0',
          },
        ],
        maxMarginRatio: 0,
      }),
      data([
        {
          ...driftUsdc,
          marketIndex: 0,
          cumulativeDepositInterest: '10000000000',
          cumulativeBorrowInterest: '10000000000',
        },
      ]),
      data([
        {
          ...driftPerp,
          marketIndex: 0,
          amm: { cumulativeFundingRateLong: '0', cumulativeFundingRateShort: '0' },
        },
      ]),
    ],
  },
  {
    name: 'orderlyInitialMarginRatio',
    call: fn(mk.orderlyInitialMarginRatio),
    args: () => [data(orderlyMarkets.PERP_BTC_USDC), data('10000000'), data({ maxAccountLeverage: 20 })],
  },
  {
    name: 'orderlyMaintenanceMarginRatio',
    call: fn(mk.orderlyMaintenanceMarginRatio),
    args: () => [data(orderlyMarkets.PERP_BTC_USDC), data(10_000_000)],
  },
  {
    name: 'orderlyAccountMargin',
    call: fn(mk.orderlyAccountMargin),
    args: () => [data(orderlyAccount), data(orderlyMarkets), data({ maxAccountLeverage: 10 })],
  },
  {
    name: 'orderlyLiquidationPrice',
    call: fn(mk.orderlyLiquidationPrice),
    args: () => [
      data(orderlyAccount),
      data(orderlyMarkets),
      data('PERP_BTC_USDC'),
      data({ convention: 'exact', order: { qty: 1, price: 50_100, fee: 20 } }),
    ],
    weight: 0.5,
  },
  {
    name: 'orderlyMaxOrderQty',
    call: fn(mk.orderlyMaxOrderQty),
    args: () => [
      data('buy'),
      data({
        baseMax: 20,
        totalCollateral: '1981.66',
        otherIms: '491.523',
        imr: '0.1',
        imrFactor: '0.0000002512',
        markPrice: '25986.2',
        positionQty: '0.2',
        buyOrdersQty: '0.3',
        sellOrdersQty: '-0.5',
        takerFeeRateBps: 8,
      }),
    ],
  },
  {
    name: 'fromOrderlyPositions',
    call: fn(mk.fromOrderlyPositions),
    args: () => [
      data({
        rows: [
          {
            symbol: 'PERP_ETH_USDC',
            position_qty: 2,
            mark_price: 1900,
            cost_position: 4000,
            est_liq_price: 1578.95,
          },
        ],
        total_collateral_value: 800,
      }),
      data(1000),
      data([{ symbol: 'PERP_ETH_USDC', base_imr: 0.1, base_mmr: 0.05 }]),
      data({ imr_factor: { PERP_ETH_USDC: 0 }, max_leverage: 10 }),
    ],
  },
  {
    name: 'dydxSubaccountRisk',
    call: fn(mk.dydxSubaccountRisk),
    args: () => [data(dydxSub), data({ BTC: dydxBtc })],
  },
  { name: 'dydxPositionRisk', call: fn(mk.dydxPositionRisk), args: () => [data(dydxBtc), data(-5_000)] },
  {
    name: 'dydxBaseToQuoteQuantums',
    call: fn(mk.dydxBaseToQuoteQuantums),
    args: () => [data(10_000_000), data(-8), data(5_000_000_000), data(-5)],
  },
  {
    name: 'dydxQuoteToBaseQuantums',
    call: fn(mk.dydxQuoteToBaseQuantums),
    args: () => [data(2_500_000_000), data(-8), data(5_000_000_000), data(-5)],
  },
  {
    name: 'dydxSizeToQuantums',
    call: fn(mk.dydxSizeToQuantums),
    args: () => [data('0.0003'), data(-10), data(1_000_000)],
  },
  {
    name: 'dydxPriceToSubticks',
    call: fn(mk.dydxPriceToSubticks),
    args: () => [data('8.45'), data(-7), data(-9), data(1_000_000)],
  },
  {
    name: 'dydxFundingIndexDelta',
    call: fn(mk.dydxFundingIndexDelta),
    args: () => [data(1000), data(3600), data(-10), data(5_000_000_000), data(-5)],
  },
  {
    name: 'dydxFundingTickRate',
    call: fn(mk.dydxFundingTickRate),
    args: () => [data([1000, 1000, 900]), data(5), data(0), data(1_000_000)],
  },
  {
    name: 'dydxSettleFunding',
    call: fn(mk.dydxSettleFunding),
    args: () => [data([{ quantums: 500_000, positionFundingIndex: 0, perpetualFundingIndex: -17 }])],
  },
  {
    name: 'dydxIsLiquidatable',
    call: fn(mk.dydxIsLiquidatable),
    args: () => [data({ netCollateral: 499_000_000, maintenanceMargin: 500_000_000 })],
  },
  { name: 'priceOf', call: fn(mk.priceOf), args: () => [made(prices()), data('ETH'), data('oracle')] },
  {
    name: 'openInterestInitialFraction',
    call: fn(mk.openInterestInitialFraction),
    args: () => [
      made(
        mk.createMarket({
          ...ethInput,
          fundingSchedule: undefined,
          marginSchedule: {
            type: 'open-interest',
            initialFraction: '0.2',
            maintenanceFraction: '0.1',
            openInterestLowerCap: 1_000_000,
            openInterestUpperCap: 2_000_000,
          },
        } as unknown as mk.MarketInput).marginSchedule,
      ),
      data(1_500_000),
    ],
  },
  {
    name: 'hyperliquidLiquidationPrice',
    call: fn(mk.hyperliquidLiquidationPrice),
    args: () => [made(account()), made(prices()), data('ETH'), data({ referencePrice: 'entry' })],
  },
  {
    name: 'dydxAdjustedInitialMarginPpm',
    call: fn(mk.dydxAdjustedInitialMarginPpm),
    args: () => [
      data({
        initialMarginPpm: 200_000,
        maintenanceFractionPpm: 500_000,
        openInterestLowerCap: 1_000_000,
        openInterestUpperCap: 2_000_000,
      }),
      data(1_234_567),
    ],
  },
  {
    name: 'dydxBankruptcyQuoteQuantums',
    call: fn(mk.dydxBankruptcyQuoteQuantums),
    args: () => [data(dydxSub), data({ BTC: dydxBtc }), data('BTC'), data(-10_000_000)],
  },
  {
    name: 'dydxCompareRisk',
    call: fn(mk.dydxCompareRisk),
    args: () => [
      data({ netCollateral: 100, maintenanceMargin: 50 }),
      data({ netCollateral: 200, maintenanceMargin: 100 }),
    ],
  },
  {
    name: 'dydxFillAmountToQuoteQuantums',
    call: fn(mk.dydxFillAmountToQuoteQuantums),
    args: () => [data(56_100_000_000), data(10_000_000), data(-8)],
  },
  {
    name: 'dydxFillablePriceSubticks',
    call: fn(mk.dydxFillablePriceSubticks),
    args: () => [
      data({ numerator: 4_999_999_999, denominator: 10_000_000 }),
      data(true),
      data({ quantumConversionExponent: -8, subticksPerTick: 100_000 }),
    ],
  },
  {
    name: 'dydxFundingRateClampPpm',
    call: fn(mk.dydxFundingRateClampPpm),
    args: () => [data(6_000_000), data(150_000), data(800_000)],
  },
  {
    name: 'dydxImpactPriceSubticks',
    call: fn(mk.dydxImpactPriceSubticks),
    args: () => [
      data('bids'),
      data([
        { subticks: 99_990_000, quantums: 1_000_000_000 },
        { subticks: 99_980_000, quantums: 10_000_000_000 },
      ]),
      data(5_000_000_000),
      data(-8),
    ],
  },
  {
    name: 'dydxInitialMarginQuoteQuantums',
    call: fn(mk.dydxInitialMarginQuoteQuantums),
    args: () => [data({ initialMarginPpm: 567_243, maintenanceFractionPpm: 0 }), data(123_456)],
  },
  {
    name: 'dydxMaintenanceMarginQuoteQuantums',
    call: fn(mk.dydxMaintenanceMarginQuoteQuantums),
    args: () => [data({ initialMarginPpm: 250_000, maintenanceFractionPpm: 600_000 }), data(9_200_311_488)],
  },
  {
    name: 'dydxOraclePriceToSubticks',
    call: fn(mk.dydxOraclePriceToSubticks),
    args: () => [data(5_000_000_000), data(-5), data(-10), data(-9)],
  },
  {
    name: 'dydxPositionBlockLimits',
    call: fn(mk.dydxPositionBlockLimits),
    args: () => [
      data(50_000_000_000),
      data({ minPositionNotionalLiquidated: 100, maxPositionPortionLiquidatedPpm: 500_000 }),
    ],
  },
  {
    name: 'dydxIsInitialCollateralized',
    call: fn(mk.dydxIsInitialCollateralized),
    args: () => [data({ netCollateral: 1_000, initialMargin: 1_000 })],
  },
  {
    name: 'dydxUpdateCollateralCheck',
    call: fn(mk.dydxUpdateCollateralCheck),
    args: () => [
      data({ netCollateral: 600, initialMargin: 1_000, maintenanceMargin: 500 }),
      data({ netCollateral: 600, initialMargin: 800, maintenanceMargin: 250 }),
    ],
  },
  {
    name: 'dydxLiquidationInsuranceFundDelta',
    call: fn(mk.dydxLiquidationInsuranceFundDelta),
    args: () => [
      data({ usdcQuantums: -5_100_000_000, positions: [{ perpetualId: 'BTC', quantums: 10_000_000 }] }),
      data({ BTC: dydxBtc }),
      data({
        perpetualId: 'BTC',
        isBuy: false,
        fillAmount: 10_000_000,
        subticks: 50_490_000_000,
        quantumConversionExponent: -8,
      }),
      data({ maxLiquidationFeePpm: 5_000 }),
    ],
  },
  {
    name: 'dydxFillablePrice',
    call: fn(mk.dydxFillablePrice),
    args: () => [
      data(dydxSub),
      data({ BTC: dydxBtc }),
      data('BTC'),
      data({ bankruptcyAdjustmentPpm: 1_000_000, spreadToMaintenanceMarginRatioPpm: 100_000 }),
    ],
  },

  // Errors.
  {
    name: 'formatPath',
    call: fn(mk.formatPath),
    args: () => [data(['markets', 0, 'marginSchedule', 'tiers', 1])],
  },
  { name: 'isMarginKitError', call: fn(mk.isMarginKitError), args: () => [data(new Error('x'))] },

  // Stress output.
  { name: 'stressChartSeries', call: fn(mk.stressChartSeries), args: () => [made(stressRun())], weight: 0.3 },

  // Batch screen.
  {
    name: 'packAccounts',
    call: fn(mk.packAccounts),
    args: () => [data(accounts()), made(prices()), data({ ids: ['a', 'b'] })],
    weight: 0.5,
  },
  {
    name: 'scanPackedBook',
    call: fn(mk.scanPackedBook),
    args: () => [made(packed()), data({})],
    weight: 0.5,
  },
  {
    name: 'confirmScan',
    call: fn(mk.confirmScan),
    args: () => [made(mk.scanPackedBook(packed())), data(accounts()), made(prices()), data({})],
    weight: 0.3,
  },
  {
    name: 'scanAccounts',
    call: fn(mk.scanAccounts),
    args: () => [data(accounts()), made(prices()), data({ liquidationPrices: true })],
    weight: 0.3,
  },
  {
    name: 'packScenarios',
    call: fn(mk.packScenarios),
    args: () => [made(packed()), data(scenarios())],
    weight: 0.5,
  },
  {
    name: 'gridPackedBook',
    call: fn(mk.gridPackedBook),
    args: () => [made(packed()), made(mk.packScenarios(packed(), scenarios())), data({ from: 0, to: 2 })],
    weight: 0.5,
  },
  {
    name: 'confirmGrid',
    call: fn(mk.confirmGrid),
    args: () => [made(grid()), data(accounts()), made(prices()), data(scenarios()), data({})],
    weight: 0.3,
  },
  {
    name: 'mergeGridShards',
    call: fn(mk.mergeGridShards),
    // Shards are created primitives (frozen here so the mutations replace them whole).
    args: () => [data([Object.freeze(grid(0, 1)), Object.freeze(grid(1, 2))])],
    weight: 0.5,
  },
  {
    name: 'stressGrid',
    call: fn(mk.stressGrid),
    args: () => [data(accounts()), made(prices()), data(scenarios()), data({})],
    weight: 0.3,
  },
  {
    name: 'stressGridAsync',
    call: fn(mk.stressGridAsync),
    args: () => [data(accounts()), made(prices()), data(scenarios()), data({ chunkSize: 1 })],
    weight: 0.3,
    async: true,
  },

  // gridInWorkers and createGridPool need a built worker file and are left to their own tests.
  { name: 'shareBook', call: fn(shareBook), args: () => [made(packed())], weight: 0.3 },

  // More venue models.
  {
    name: 'hyperliquidFundingSchedule',
    call: fn(mk.hyperliquidFundingSchedule),
    args: () => [],
    weight: 0.2,
  },
  {
    name: 'dydxCheckMatch',
    call: fn(mk.dydxCheckMatch),
    args: () => [
      data({ BTC: dydxBtc }),
      data('BTC'),
      data([
        {
          subaccount: { usdcQuantums: 0, positions: [{ perpetualId: 'BTC', quantums: 200_000_000 }] },
          quantumsDelta: -100_000_000,
          usdcDelta: 50_000_000_000,
        },
        {
          subaccount: { usdcQuantums: 50_000_000_000, positions: [] },
          quantumsDelta: 100_000_000,
          usdcDelta: -50_000_000_000,
        },
      ]),
    ],
  },
  {
    name: 'dydxLiquidatablePositionSizeDelta',
    call: fn(mk.dydxLiquidatablePositionSizeDelta),
    args: () => [
      data({ ...dydxBtc, atomicResolution: -10 }),
      data(1_000_000_000_000),
      data(1_000_000),
      data({
        minPositionNotionalLiquidated: 1_000_000_000,
        maxPositionPortionLiquidatedPpm: 100_000,
        maxNotionalLiquidated: 100_000_000_000,
      }),
    ],
  },
  {
    name: 'dydxPremiumVotePpm',
    call: fn(mk.dydxPremiumVotePpm),
    args: () => [
      data({
        bids: [{ subticks: 99_990_000, quantums: 10_000_000_000 }],
        asks: [{ subticks: 100_010_000, quantums: 10_000_000_000 }],
        indexExponent: -5,
        atomicResolution: -10,
        quantumConversionExponent: -8,
        impactNotional: 5_000_000_000,
        maxAbsPremiumVotePpm: 1_000_000,
        indexPrice: 1_000_000_000,
      }),
    ],
  },
  // Scenario margin.
  {
    name: 'spanRiskScenarios',
    call: fn(mk.spanRiskScenarios),
    args: () => [data({ extremeMultiple: 3, extremeWeight: '0.3' })],
  },
  {
    name: 'riskArray',
    call: fn(mk.riskArray),
    args: () => [made(mk.spanRiskScenarios()), data({ price: 2800, priceScanRange: 20, contractSize: 500 })],
  },
  {
    name: 'riskArray (option)',
    call: fn(mk.riskArray),
    args: () => [
      made(mk.spanRiskScenarios()),
      data({
        price: 100,
        priceScanRange: 10,
        revalue: (p: mk.Decimal, v: mk.Decimal, t: mk.Decimal) => p.times(v).times(t),
        volatility: '0.5',
        volScanRange: '0.1',
        timeYears: 1,
        lookAheadYears: '0.01',
      }),
    ],
  },
  {
    name: 'optionRiskArray',
    call: fn(mk.optionRiskArray),
    args: () => [
      made(mk.spanRiskScenarios()),
      data({
        optionType: 'put',
        strike: '2700',
        price: 2800,
        priceScanRange: 120,
        volatility: '0.25',
        volScanRange: '0.04',
        timeYears: '0.1',
        lookAheadYears: '0.00274',
        rate: '0.03',
        contractSize: 50,
      }),
    ],
    weight: 0.3,
  },
  {
    name: 'riskArrayFrom',
    call: fn(mk.riskArrayFrom),
    args: () => [data([1, '-2', 3]), data({ length: 3, profitPositive: true })],
  },
  {
    name: 'combineRiskArrays',
    call: fn(mk.combineRiskArrays),
    args: () => [
      data([
        { quantity: 2, array: [1, -1, 3] },
        { quantity: '-1', array: ['0.5', 2, 1] },
      ]),
    ],
  },
  { name: 'scanningRisk', call: fn(mk.scanningRisk), args: () => [data([100, 300, -50])] },
  {
    name: 'intraSpreadCharge',
    call: fn(mk.intraSpreadCharge),
    args: () => [
      data({
        legs: [
          { tier: 'M2', delta: 3 },
          { tier: 'M3', delta: -1 },
        ],
        spreads: [{ tiers: ['M2', 'M3'], charge: 200 }],
      }),
    ],
  },
  {
    name: 'interCommodityCredit',
    call: fn(mk.interCommodityCredit),
    args: () => [
      data({
        rate: '0.55',
        legs: [
          { commodity: 'corn', netDelta: 2, deltaPerSpread: 2, priceRiskPerDelta: 1750 },
          { commodity: 'soybeans', netDelta: -1, deltaPerSpread: -1, priceRiskPerDelta: 2500 },
        ],
      }),
    ],
  },
  {
    name: 'spanRequirement',
    call: fn(mk.spanRequirement),
    args: () => [
      data({
        scan: mk.scanningRisk([100, 300, -50]),
        intraSpreadCharge: 40,
        interCommodityCredit: '12.5',
        shortOptions: { contracts: 2, chargePerContract: 100 },
      }),
    ],
  },
  {
    name: 'portfolioMarginScenarios',
    call: fn(mk.portfolioMarginScenarios),
    args: () => [
      data({ maxMove: '0.16', stepsPerSide: 4, extended: { moves: ['-0.66', '5'], weight: '0.1' } }),
    ],
  },
  {
    name: 'timsScenarios',
    call: fn(mk.timsScenarios),
    args: () => [data({ down: '0.08', up: '0.06' }), data({ pointsPerSide: 5, includeZero: true })],
  },
  { name: 'timsValuationRanges', call: fn(mk.timsValuationRanges), args: () => [] },
  {
    name: 'deribitVolShock',
    call: fn(mk.deribitVolShock),
    args: () => [
      data({
        volatility: '0.6',
        daysToExpiry: 15,
        volRangeUp: '0.5',
        volRangeDown: '0.25',
        shortTermVegaPower: '0.3',
        longTermVegaPower: '0.13',
        minVolForShockUp: '0.5',
      }),
    ],
  },
  {
    name: 'deribitContingency',
    call: fn(mk.deribitContingency),
    args: () => [
      data({
        options: [
          { strike: 30_000, quantity: 10 },
          { strike: 30_000, quantity: '-20' },
        ],
        perOption: '0.01',
        futures: [
          { expiry: 'A', quantity: 100 },
          { expiry: 'B', quantity: -100 },
        ],
        futuresRate: '0.01',
      }),
    ],
  },
  {
    name: 'deribitPortfolioMargin',
    call: fn(mk.deribitPortfolioMargin),
    args: () => [data({ scan: mk.scanningRisk(['0.8', '2.5', '-1']), contingency: '1.1' })],
  },
  { name: 'deribitPortfolioMarginPreset', call: fn(mk.deribitPortfolioMarginPreset), args: () => [] },
  {
    name: 'deribitFuturesMargin',
    call: fn(mk.deribitFuturesMargin),
    args: () => [
      data('-350'),
      data({ initialBase: '0.02', maintenanceBase: '0.015', slope: '0.005', sizeStep: 100 }),
    ],
  },
];
