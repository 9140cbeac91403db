import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  Decimal,
  type DecimalInput,
  type DistanceSizing,
  InvalidArgumentError,
  liquidationPrice,
  type MarginAccount,
  type MarketInput,
  maxSizeForLiquidationDistance,
  type Prices,
  stressAccount,
} from '../../src/index.js';

const eth: MarketInput = {
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.05', maintenanceFraction: '0.025' },
};
const btc: MarketInput = {
  id: 'BTC',
  kind: 'linear',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
};
// Tier 1 deduction: 10 000 · (0.025 − 0.01) = 150
const tieredEth: MarketInput = {
  ...eth,
  marginSchedule: {
    type: 'tiered',
    tiers: [
      { notionalFloor: 0, initialFraction: '0.02', maintenanceFraction: '0.01' },
      { notionalFloor: 10_000, initialFraction: '0.05', maintenanceFraction: '0.025' },
    ],
  },
};
const inverse: MarketInput = {
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  marginSchedule: { type: 'flat', initialFraction: '0.02', maintenanceFraction: '0.01' },
};

const ethPrices = createPrices({ markets: { ETH: { mark: 2000 }, BTC: { mark: 49_000 } } });
const inversePrices = createPrices({ markets: { BTCUSD: { mark: 50_000 } } });

function usdt(amount: DecimalInput, market: MarketInput = eth): MarginAccount {
  return createMarginAccount({
    settleAsset: 'USDT',
    markets: [market, btc],
    collateral: [{ asset: 'USDT', amount }],
  });
}

/** The account with the sized position opened at the sizing price. */
function opened(
  account: MarginAccount,
  marketId: string,
  sizing: DistanceSizing,
  side: 'long' | 'short',
  margin?: DecimalInput,
) {
  return createMarginAccount({
    ...account,
    positions: [
      ...account.positions,
      {
        id: 'new',
        marketId,
        size: side === 'long' ? sizing.size : sizing.size.negated(),
        entryPrice: sizing.price,
        ...(margin === undefined
          ? { marginMode: 'cross' as const }
          : { marginMode: 'isolated' as const, isolatedMargin: margin }),
      },
    ],
  });
}

/** The liquidation price of the opened position equals the sizing's, to 1e-20 relative. */
function expectOnConstraint(account: MarginAccount, prices: Prices, sizing: DistanceSizing): void {
  const lp = liquidationPrice(account, prices, 'new');
  expect(lp.kind).toBe('price');
  if (lp.kind !== 'price') return;
  const rel = lp.price.minus(sizing.liquidationPrice).abs().div(sizing.liquidationPrice);
  expect(rel.lessThan('1e-20'), `${lp.price} vs ${sizing.liquidationPrice}`).toBe(true);
}

/** Division rounded toward zero at the library's 40 significant digits. */
const Down = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });

/**
 * The size is numerator / denominator rounded toward zero at 40 significant digits, so it never overshoots:
 * size · denominator ≤ numerator, and one unit more in the 40th digit would be above the bound.
 */
function expectSize(actual: Decimal, numerator: DecimalInput, denominator: DecimalInput): void {
  expect(actual.toString()).toBe(new Down(numerator.toString()).div(denominator.toString()).toString());
  const Wide = Decimal.clone({ precision: 80 });
  const bound = new Wide(numerator.toString());
  expect(new Wide(actual).times(denominator.toString()).lessThanOrEqualTo(bound)).toBe(true);
  const ulp = new Wide(10).pow(actual.e - 39);
  expect(new Wide(actual).plus(ulp).times(denominator.toString()).greaterThan(bound)).toBe(true);
}

describe('maxSizeForLiquidationDistance: linear', () => {
  it('long: q = K / (P · (1 − (1 − D)(1 − m)))', () => {
    const s = maxSizeForLiquidationDistance(usdt(1000), ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.1',
    });
    // K = 1000, P = 2000, D = 0.1, m = 0.025: 1 − 0.9 · 0.975 = 0.1225 → q = 1000 / 245 ≈ 4.0816
    expectSize(s.size, 1000, 245);
    expect(s.stepSize.equals(s.size)).toBe(true);
    expect(s.distance.toString()).toBe('0.1');
    expect(s.price.toString()).toBe('2000');
    // 2000 · 0.9
    expect(s.liquidationPrice.toString()).toBe('1800');
    expect(s.tierIndex).toBeUndefined();
    expectOnConstraint(opened(usdt(1000), 'ETH', s, 'long'), ethPrices, s);
  });

  it('short: q = K / (P · ((1 + D)(1 + m) − 1))', () => {
    const s = maxSizeForLiquidationDistance(usdt(1000), ethPrices, {
      marketId: 'ETH',
      side: 'short',
      stressedMove: '0.1',
    });
    // 1.1 · 1.025 − 1 = 0.1275 → q = 1000 / 255 ≈ 3.9216; liquidation 2000 · 1.1 = 2200
    expectSize(s.size, 1000, 255);
    expect(s.liquidationPrice.toString()).toBe('2200');
    expectOnConstraint(opened(usdt(1000), 'ETH', s, 'short'), ethPrices, s);
  });

  it('multiplies the stressed move by the safety factor (the docs example)', () => {
    const s = maxSizeForLiquidationDistance(usdt(1000), ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.12',
      safetyFactor: '1.25',
    });
    // D = 0.15: 1 − 0.85 · 0.975 = 0.17125 → q = 1000 / 342.5 ≈ 2.919708
    expect(s.distance.toString()).toBe('0.15');
    expect(s.size.toFixed(6)).toBe('2.919708');
    expectSize(s.size, 1000, '342.5');
    expect(s.liquidationPrice.toString()).toBe('1700');
  });

  it('cross with other positions: K = cross equity − the others’ maintenance', () => {
    const account = createMarginAccount({
      ...usdt(1000),
      positions: [{ marketId: 'BTC', size: '0.1', entryPrice: 50_000, marginMode: 'cross' }],
    });
    const s = maxSizeForLiquidationDistance(account, ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.1',
    });
    // BTC at 49 000: uPnL −100, MMR 0.05 · 4900 = 245 → K = 900 − 245 = 655 → q = 655 / 245
    expectSize(s.size, 655, 245);
    expectOnConstraint(opened(account, 'ETH', s, 'long'), ethPrices, s);
  });

  it('isolated: K = the given margin; the cross pool does not matter', () => {
    const account = createMarginAccount({
      ...usdt(5),
      positions: [{ marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'cross' }],
    });
    const s = maxSizeForLiquidationDistance(account, ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.1',
      marginMode: 'isolated',
      isolatedMargin: 300,
    });
    // 300 / 245
    expectSize(s.size, 300, 245);
    expectOnConstraint(opened(account, 'ETH', s, 'long', 300), ethPrices, s);
  });

  it('rounds the step size down to the market step', () => {
    const stepped = usdt(1000, { ...eth, stepSize: '0.001' });
    const s = maxSizeForLiquidationDistance(stepped, ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.1',
    });
    // 4.0816… → 4.081
    expect(s.stepSize.toString()).toBe('4.081');
    expectSize(s.size, 1000, 245);
  });

  it('gives 0 when the pool has no surplus over maintenance', () => {
    const account = createMarginAccount({
      ...usdt(245),
      positions: [{ marketId: 'BTC', size: '0.1', entryPrice: 49_000, marginMode: 'cross' }],
    });
    // K = 245 − 0.05 · 4900 = 0
    const s = maxSizeForLiquidationDistance(account, ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.1',
    });
    expect(s.size.toString()).toBe('0');
    expect(s.stepSize.toString()).toBe('0');
    expect(s.liquidationPrice.toString()).toBe('1800');
  });
});

describe('maxSizeForLiquidationDistance: tiered', () => {
  it('long: uses the tier at the liquidation notional, not at the entry notional', () => {
    const account = usdt(1150, tieredEth);
    const s = maxSizeForLiquidationDistance(account, ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.1',
    });
    // tier 0 (m 1 %, d 0): 1 − 0.9 · 0.99 = 0.109 → q = 1150 / 218 ≈ 5.2752; notional at 1800 ≈ 9495 < 10 000 ✓
    // (at the entry, 5.2752 · 2000 ≈ 10 550 is in tier 1: the entry tier would give (1150 + 150)/245 ≈ 5.306)
    expectSize(s.size, 1150, 218);
    expect(s.tierIndex).toBe(0);
    expect(s.size.times(2000).greaterThan(10_000)).toBe(true);
    expectOnConstraint(opened(account, 'ETH', s, 'long'), ethPrices, s);
  });

  it('long: moves to tier 1 with its deduction when the liquidation notional is there', () => {
    const account = usdt(3000, tieredEth);
    const s = maxSizeForLiquidationDistance(account, ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.1',
    });
    // tier 0 would give 3000 / 218 ≈ 13.76 → 24 770 at 1800, not in tier 0; tier 1: (3000 + 150) / 245 ≈ 12.857
    expectSize(s.size, 3150, 245);
    expect(s.tierIndex).toBe(1);
    expectOnConstraint(opened(account, 'ETH', s, 'long'), ethPrices, s);
  });

  it('short: the liquidation notional is above the entry notional', () => {
    const account = usdt(1100, tieredEth);
    const s = maxSizeForLiquidationDistance(account, ethPrices, {
      marketId: 'ETH',
      side: 'short',
      stressedMove: '0.1',
    });
    // tier 0: 1.1 · 1.01 − 1 = 0.111 → 1100 / 222 ≈ 4.955 → 10 900 at 2200, not tier 0;
    // tier 1: (1100 + 150) / 255 ≈ 4.902 → 10 784 at 2200 ✓ (at the entry 9804, tier 0)
    expectSize(s.size, 1250, 255);
    expect(s.tierIndex).toBe(1);
    expect(s.size.times(2000).lessThan(10_000)).toBe(true);
    expectOnConstraint(opened(account, 'ETH', s, 'short'), ethPrices, s);
  });
});

describe('maxSizeForLiquidationDistance: inverse', () => {
  const coin = createMarginAccount({
    settleAsset: 'BTC',
    markets: [inverse],
    collateral: [{ asset: 'BTC', amount: 1 }],
  });

  it('long: q = P (1 − D)(K + d) / (c (m + D))', () => {
    const s = maxSizeForLiquidationDistance(coin, inversePrices, {
      marketId: 'BTCUSD',
      side: 'long',
      stressedMove: '0.1',
    });
    // 50 000 · 0.9 · 1 / (100 · 0.11) = 45 000 / 11 ≈ 4090.9 contracts; liquidation 45 000
    expectSize(s.size, 45_000, 11);
    expect(s.liquidationPrice.toString()).toBe('45000');
    expectOnConstraint(opened(coin, 'BTCUSD', s, 'long'), inversePrices, s);
  });

  it('short: q = P (1 + D)(K + d) / (c (m + D))', () => {
    const s = maxSizeForLiquidationDistance(coin, inversePrices, {
      marketId: 'BTCUSD',
      side: 'short',
      stressedMove: '0.1',
    });
    // 50 000 · 1.1 / 11 = 5000 contracts; liquidation 55 000
    expect(s.size.toString()).toBe('5000');
    expect(s.liquidationPrice.toString()).toBe('55000');
    expectOnConstraint(opened(coin, 'BTCUSD', s, 'short'), inversePrices, s);
  });

  it('isolated', () => {
    const s = maxSizeForLiquidationDistance(coin, inversePrices, {
      marketId: 'BTCUSD',
      side: 'long',
      stressedMove: '0.2',
      marginMode: 'isolated',
      isolatedMargin: '0.1',
    });
    // 50 000 · 0.8 · 0.1 / (100 · 0.21) = 4000 / 21 ≈ 190.48 contracts; liquidation 40 000
    expectSize(s.size, 4000, 21);
    expectOnConstraint(opened(coin, 'BTCUSD', s, 'long', '0.1'), inversePrices, s);
  });
});

describe('maxSizeForLiquidationDistance: 10 % away against a 12 % stressed move (trader notes)', () => {
  const account = usdt(1000);
  const current = maxSizeForLiquidationDistance(account, ethPrices, {
    marketId: 'ETH',
    side: 'long',
    stressedMove: '0.1',
  });
  const twelve = [{ name: '-12%', shock: { kind: 'uniform' as const, move: '-0.12' } }];

  it('a position whose liquidation price is 10 % away fails a 12 % stressed move', () => {
    const held = opened(account, 'ETH', current, 'long');
    const lp = liquidationPrice(held, ethPrices, 'new');
    // 1800 = 2000 · (1 − 0.10)
    expect(lp.kind === 'price' && lp.price.toString()).toBe('1800');
    const r = stressAccount(held, ethPrices, twelve).results[0];
    // at 1760: 1000 − 240 · 1000/245 ≈ 20.41 < MMR 0.025 · 1760 · 1000/245 ≈ 179.59
    expect(r?.liquidatable).toBe(true);
    expect(r?.liquidated).toEqual(['new']);
  });

  it('the position sized for 12 % sits exactly on maintenance at −12 % and survives it', () => {
    const sized = maxSizeForLiquidationDistance(account, ethPrices, {
      marketId: 'ETH',
      side: 'long',
      stressedMove: '0.12',
    });
    // 1 − 0.88 · 0.975 = 0.142 → q = 1000 / 284 ≈ 3.5211, about 86 % of 4.0816
    expectSize(sized.size, 1000, 284);
    expect(sized.liquidationPrice.toString()).toBe('1760');
    const held = opened(account, 'ETH', sized, 'long');
    const r = stressAccount(held, ethPrices, [
      ...twelve,
      { name: '-12.01%', shock: { kind: 'uniform', move: '-0.1201' } },
    ]).results;
    // equity 1000 − 240 q = 0.025 · 1760 q = MMR (to the last digit); q is rounded toward zero, so the surplus
    // 1000 − 284 q is never negative
    const pool = r[0]?.summary.cross;
    const surplus = pool?.equity.minus(pool.maintenanceRequirement);
    expect(surplus?.isNegative()).toBe(false);
    expect(surplus?.lessThan('1e-30')).toBe(true);
    expect(r[0]?.liquidatable).toBe(false);
    expect(r[0]?.cascade).toEqual([]);
    expect(r[1]?.liquidatable).toBe(true);
  });

  it('rounds the size toward zero, so the sized position survives exactly the stressed move (short, 7 % at 2017)', () => {
    const prices = createPrices({ markets: { ETH: { mark: 2017 } } });
    const s = maxSizeForLiquidationDistance(account, prices, {
      marketId: 'ETH',
      side: 'short',
      stressedMove: '0.07',
    });
    // 2017 · (1.07 · 1.025 − 1) = 2017 · 0.09675 = 195.14475 → q = 1000 / 195.14475 = 5.12440124574194283986…;
    // to 40 digits it ends …711307 (rounded half-even it would end …711308, a hair above the bound)
    expectSize(s.size, 1000, '195.14475');
    expect(s.size.toString()).toBe('5.124401245741942839866304371498592711307');
    const r = stressAccount(opened(account, 'ETH', s, 'short'), prices, [
      { name: '+7%', shock: { kind: 'uniform', move: '0.07' } },
    ]).results[0];
    // at 2158.19: equity 1000 − 141.19 q ≥ MMR 0.025 · 2158.19 q, i.e. 1000 ≥ 195.14475 q
    const pool = r?.summary.cross;
    expect(pool?.equity.greaterThanOrEqualTo(pool.maintenanceRequirement)).toBe(true);
    expect(r?.liquidatable).toBe(false);
    expect(r?.cascade).toEqual([]);
  });
});

describe('maxSizeForLiquidationDistance: bad requests', () => {
  it('rejects a distance outside (0, 1), a cross pool already in the market, an isolated request without margin', () => {
    const bad =
      (request: Parameters<typeof maxSizeForLiquidationDistance>[2], account = usdt(1000)) =>
      () =>
        maxSizeForLiquidationDistance(account, ethPrices, request);
    // 0.5 · 2 = 1
    expect(bad({ marketId: 'ETH', side: 'long', stressedMove: '0.5', safetyFactor: 2 })).toThrow(
      InvalidArgumentError,
    );
    expect(bad({ marketId: 'ETH', side: 'long', stressedMove: '0' })).toThrow(InvalidArgumentError);
    expect(bad({ marketId: 'ETH', side: 'long', stressedMove: '-0.1' })).toThrow(InvalidArgumentError);
    const holding = createMarginAccount({
      ...usdt(1000),
      positions: [{ marketId: 'ETH', size: 1, entryPrice: 2000, marginMode: 'cross' }],
    });
    expect(bad({ marketId: 'ETH', side: 'long', stressedMove: '0.1' }, holding)).toThrow(
      /already holds 'ETH'/,
    );
    expect(bad({ marketId: 'ETH', side: 'long', stressedMove: '0.1', marginMode: 'isolated' })).toThrow(
      /needs isolatedMargin/,
    );
  });
});
