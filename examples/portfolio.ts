// The example portfolio behind `npm run demo` (`marginkit report examples/portfolio.json`). Plain data built with
// the library's factories, exported so that tests and other examples can reuse it; examples/portfolio.json holds
// the same inputs as the command line reads them (`portfolioDocument`; the test suite checks they agree). Every figure is illustrative: the schedules
// are shaped like the venues' published tables, not copies of their current values.

import {
  createMarginAccount,
  createPrices,
  Decimal,
  type MarginAccount,
  type MarginAccountInput,
  type MarginTierInput,
  type Prices,
  type PricesInput,
} from 'marginkit';

/**
 * BTC/USDT leverage brackets in the shape of Binance USDⓈ-M BTCUSDT (March 2021 snapshot): the initial fraction is
 * 1 / maximum leverage, and the maintenance deductions ("cum") are left out so that the library derives them
 * (0, 50, 1 300, 16 300, 266 300, …).
 */
export const btcTiers: readonly MarginTierInput[] = [
  { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
  { notionalFloor: 50_000, initialFraction: '0.01', maintenanceFraction: '0.005' },
  { notionalFloor: 250_000, initialFraction: '0.02', maintenanceFraction: '0.01' },
  { notionalFloor: 1_000_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
  { notionalFloor: 10_000_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
  { notionalFloor: 20_000_000, initialFraction: '0.2', maintenanceFraction: '0.1' },
  { notionalFloor: 50_000_000, initialFraction: '0.25', maintenanceFraction: '0.125' },
  // 3× maximum leverage: an initial fraction of exactly one third.
  { notionalFloor: 100_000_000, initialFraction: new Decimal(1).div(3), maintenanceFraction: '0.15' },
  { notionalFloor: 200_000_000, initialFraction: '0.5', maintenanceFraction: '0.25' },
  { notionalFloor: 300_000_000, initialFraction: '1', maintenanceFraction: '0.5' },
];

/** ETH/USDT tiers (deductions derived as well). */
export const ethTiers: readonly MarginTierInput[] = [
  { notionalFloor: 0, initialFraction: '0.01', maintenanceFraction: '0.005' },
  { notionalFloor: 10_000, initialFraction: '0.02', maintenanceFraction: '0.0065' },
  { notionalFloor: 100_000, initialFraction: '0.04', maintenanceFraction: '0.01' },
  { notionalFloor: 500_000, initialFraction: '0.05', maintenanceFraction: '0.02' },
  { notionalFloor: 1_000_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
  { notionalFloor: 2_000_000, initialFraction: '0.2', maintenanceFraction: '0.1' },
  { notionalFloor: 5_000_000, initialFraction: '0.25', maintenanceFraction: '0.125' },
  { notionalFloor: 10_000_000, initialFraction: '0.5', maintenanceFraction: '0.25' },
];

/** SOL/USDT tiers: up to 50× on small positions. */
export const solTiers: readonly MarginTierInput[] = [
  { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
  { notionalFloor: 50_000, initialFraction: '0.04', maintenanceFraction: '0.02' },
  { notionalFloor: 250_000, initialFraction: '0.1', maintenanceFraction: '0.05' },
  { notionalFloor: 1_000_000, initialFraction: '0.2', maintenanceFraction: '0.1' },
];

/** Coin-margined BTCUSD tiers, with notional floors in BTC. */
export const btcUsdTiers: readonly MarginTierInput[] = [
  { notionalFloor: 0, initialFraction: '0.008', maintenanceFraction: '0.004' },
  { notionalFloor: 5, initialFraction: '0.01', maintenanceFraction: '0.005' },
  { notionalFloor: 10, initialFraction: '0.02', maintenanceFraction: '0.01' },
  { notionalFloor: 20, initialFraction: '0.05', maintenanceFraction: '0.025' },
  { notionalFloor: 50, initialFraction: '0.1', maintenanceFraction: '0.05' },
  { notionalFloor: 100, initialFraction: '0.2', maintenanceFraction: '0.1' },
];

/** An 8-hour funding rate of premium + clamped interest (0.01 % per 8 h), paid every 8 hours on the mark price. */
const eightHourFunding = {
  intervalMs: 28_800_000,
  paymentPrice: 'mark',
  rate: { type: 'premium-interest', interestRate: '0.0001', clampBand: '0.0005', cap: '0.0075' },
} as const;

/**
 * Account 1, settled in USDT: a cross-margined BTC long hedged by an ETH short, an isolated 20× SOL long, and two
 * collateral assets (USDT at full value, BTC with a 5 % haircut).
 */
export const usdtAccountInput: MarginAccountInput = {
  settleAsset: 'USDT',
  markets: [
    {
      id: 'BTC-PERP',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      tickSize: '0.1',
      stepSize: '0.001',
      marginSchedule: { type: 'tiered', tiers: btcTiers },
      fundingSchedule: eightHourFunding,
    },
    {
      id: 'ETH-PERP',
      kind: 'linear',
      baseAsset: 'ETH',
      quoteAsset: 'USDT',
      tickSize: '0.01',
      stepSize: '0.001',
      marginSchedule: { type: 'tiered', tiers: ethTiers },
      fundingSchedule: eightHourFunding,
    },
    {
      id: 'SOL-PERP',
      kind: 'linear',
      baseAsset: 'SOL',
      quoteAsset: 'USDT',
      tickSize: '0.001',
      stepSize: '0.1',
      marginSchedule: { type: 'tiered', tiers: solTiers },
      fundingSchedule: eightHourFunding,
    },
  ],
  collateral: [
    { asset: 'USDT', amount: '25000', weight: '1' },
    { asset: 'BTC', amount: '0.5', weight: '0.95' },
  ],
  positions: [
    {
      marketId: 'BTC-PERP',
      size: '2.5',
      entryPrice: '61850.0',
      marginMode: 'cross',
      leverage: '10',
      // One 0.01 % funding payment on 2.5 BTC at a mark of 64 230.5, not yet settled (the long owes it).
      unsettledFunding: '16.0576',
    },
    { marketId: 'ETH-PERP', size: '-40', entryPrice: '3412.60', marginMode: 'cross', leverage: '20' },
    {
      marketId: 'SOL-PERP',
      size: '150',
      entryPrice: '150.000',
      marginMode: 'isolated',
      isolatedMargin: '1125',
      leverage: '20',
    },
  ],
};
export const usdtAccount: MarginAccount = createMarginAccount(usdtAccountInput);

/** Prices for account 1: oracle and mark per market, and the BTC collateral's price in USDT. */
export const usdtPricesInput: PricesInput = {
  markets: {
    'BTC-PERP': { oracle: '64210.0', mark: '64230.5' },
    'ETH-PERP': { oracle: '3356.40', mark: '3355.80' },
    'SOL-PERP': { oracle: '146.190', mark: '146.215' },
  },
  assets: { BTC: '64210.0' },
};
export const usdtPrices: Prices = createPrices(usdtPricesInput);

/** Account 2, coin-margined in BTC: a long in the inverse BTCUSD contract (100 USD per contract) on BTC collateral. */
export const coinAccountInput: MarginAccountInput = {
  settleAsset: 'BTC',
  markets: [
    {
      id: 'BTCUSD-PERP',
      kind: 'inverse',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      contractSize: '100',
      tickSize: '0.1',
      stepSize: '1',
      marginSchedule: { type: 'tiered', tiers: btcUsdTiers },
      fundingSchedule: eightHourFunding,
    },
  ],
  collateral: [{ asset: 'BTC', amount: '1.5' }],
  positions: [{ marketId: 'BTCUSD-PERP', size: '3000', entryPrice: '62400.0', marginMode: 'cross' }],
};
export const coinAccount: MarginAccount = createMarginAccount(coinAccountInput);

/** Prices for account 2. */
export const coinPricesInput: PricesInput = {
  markets: { 'BTCUSD-PERP': { oracle: '64195.3', mark: '64180.0' } },
};
export const coinPrices: Prices = createPrices(coinPricesInput);

/**
 * Assumed annualised volatility (σ of daily log returns × √365) per base asset, for distances in σ units.
 * Illustrative values, not estimates.
 */
export const annualVolatility: Readonly<Record<string, string>> = {
  BTC: '0.55',
  ETH: '0.70',
  SOL: '0.95',
};

/** The horizon of the σ distance: one day, in years. */
export const oneDay: Decimal = new Decimal(1).div(365);

/** The two accounts of the report, with a title and their prices. */
export const portfolio: readonly {
  readonly title: string;
  readonly account: MarginAccount;
  readonly prices: Prices;
}[] = [
  { title: 'Account 1: USDT-margined (cross book + isolated SOL)', account: usdtAccount, prices: usdtPrices },
  { title: 'Account 2: coin-margined (settled in BTC)', account: coinAccount, prices: coinPrices },
];

/** The portfolio as the command line reads it: examples/portfolio.json is this, written as JSON. */
export const portfolioDocument = {
  accounts: [
    {
      title: 'Account 1: USDT-margined (cross book + isolated SOL)',
      account: usdtAccountInput,
      prices: usdtPricesInput,
      volatility: annualVolatility,
    },
    {
      title: 'Account 2: coin-margined (settled in BTC)',
      account: coinAccountInput,
      prices: coinPricesInput,
      volatility: annualVolatility,
    },
  ],
} as const;
