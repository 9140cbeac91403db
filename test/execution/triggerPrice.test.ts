import { describe, expect, it } from 'vitest';
import {
  createMarket,
  createPosition,
  InvalidArgumentError,
  type Market,
  type TriggerPrice,
  triggerPrice,
  unrealizedPnl,
} from '../../src/index.js';

const flat = { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' } as const;
const eth = createMarket({
  id: 'ETH',
  kind: 'linear',
  baseAsset: 'ETH',
  quoteAsset: 'USDT',
  tickSize: '0.01',
  marginSchedule: flat,
});
const btcUsd = createMarket({
  id: 'BTCUSD',
  kind: 'inverse',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  contractSize: 100,
  tickSize: '0.5',
  marginSchedule: flat,
});
const at = (m: Market, size: string | number, entry: string | number, leverage?: number) =>
  createPosition({
    marketId: m.id,
    size,
    entryPrice: entry,
    marginMode: 'cross',
    ...(leverage ? { leverage } : {}),
  });
function priced(t: TriggerPrice) {
  if (t.kind !== 'price') throw new Error(`expected a price, got ${t.kind}`);
  return t;
}

describe('triggerPrice', () => {
  it('finds the stop-loss and take-profit of a linear long and short for a PnL', () => {
    const long = at(eth, 2, 3000);
    const sl = priced(triggerPrice(eth, long, { pnl: -150 }));
    expect([sl.trigger, sl.price.toString(), sl.pnl.toString()]).toEqual(['stop-loss', '2925', '-150']);
    const tp = priced(triggerPrice(eth, long, { pnl: 100 }));
    expect([tp.trigger, tp.price.toString()]).toEqual(['take-profit', '3050']);
    const short = at(eth, -4, 3000);
    // short: PnL = −4·(p − 3000) = −200 → p = 3050; +200 → 2950
    expect(priced(triggerPrice(eth, short, { pnl: -200 })).price.toString()).toBe('3050');
    expect(priced(triggerPrice(eth, short, { pnl: 200 })).price.toString()).toBe('2950');
  });

  it('takes an ROI on the initial margin from the leverage, the position or an explicit margin', () => {
    const long = at(eth, 2, 3000, 10); // IM = 6 000 / 10 = 600
    expect(priced(triggerPrice(eth, long, { roi: '0.5' })).price.toString()).toBe('3150');
    expect(priced(triggerPrice(eth, long, { roi: '-0.5' })).price.toString()).toBe('2850');
    // leverage 20 overrides the position's: IM 300, −100 % → −300 → 2850
    expect(priced(triggerPrice(eth, long, { roi: -1 }, { leverage: 20 })).price.toString()).toBe('2850');
    // an explicit initial margin wins over both
    expect(
      priced(triggerPrice(eth, long, { roi: 1 }, { initialMargin: 50, leverage: 20 })).price.toString(),
    ).toBe('3025');
  });

  it('meets the target net of an exit fee', () => {
    // 2·(p − 3000) − 2·p·0.001 = 100 → p = 6 100 / 1.998 = 3053.0530…
    const tp = priced(triggerPrice(eth, at(eth, 2, 3000), { pnl: 100 }, { exitFeeRate: '0.001' }));
    expect(tp.price.toFixed(6)).toBe('3053.053053');
    expect(tp.tickPrice?.toString()).toBe('3053.06'); // rounded up for a long: at least the target
  });

  it('rounds to the tick on the side that realises at least the target', () => {
    // long 3 ETH: −100 → 3000 − 33.333… → 2966.67 (up: a smaller loss)
    const sl = priced(triggerPrice(eth, at(eth, 3, 3000), { pnl: -100 }));
    expect(sl.tickPrice?.toString()).toBe('2966.67');
    // short 3 ETH: −100 → 3033.333… → 3033.33 (down: a smaller loss)
    const ssl = priced(triggerPrice(eth, at(eth, -3, 3000), { pnl: -100 }));
    expect(ssl.tickPrice?.toString()).toBe('3033.33');
  });

  it('solves inverse markets in coin', () => {
    // long 1 000 contracts of 100 USD at 50 000: PnL = 100 000·(1/50 000 − 1/p) = 0.5 BTC → 1/p = 1/50 000 − 1/200 000
    const long = at(btcUsd, 1000, 50_000, 10);
    const tp = priced(triggerPrice(btcUsd, long, { pnl: '0.5' }));
    expect(tp.price.toString()).toBe('66666.66666666666666666666666666666666667');
    expect(tp.tickPrice?.toString()).toBe('66667');
    expect(unrealizedPnl(btcUsd, long, tp.price).toFixed(30)).toBe('0.500000000000000000000000000000');
    // ROI: IM = 100 000 / 50 000 / 10 = 0.2 BTC; −100 % → −0.2 BTC: 1/p = 1/50 000 + 0.2/100 000 → p = 45 454.5…
    const sl = priced(triggerPrice(btcUsd, long, { roi: -1 }));
    expect(sl.price.toFixed(4)).toBe('45454.5455');
    expect(sl.tickPrice?.toString()).toBe('45455');
  });

  it('says never when no positive price realises the target', () => {
    // a linear long of 2 at 3 000 cannot lose more than 6 000
    expect(triggerPrice(eth, at(eth, 2, 3000), { pnl: -6000 }).kind).toBe('never');
    expect(triggerPrice(eth, at(eth, 2, 3000), { pnl: -7000 })).toMatchObject({
      kind: 'never',
      trigger: 'stop-loss',
    });
    // an inverse long cannot gain s·c/e = 2 BTC
    expect(triggerPrice(btcUsd, at(btcUsd, 1000, 50_000), { pnl: 2 }).kind).toBe('never');
    // a short can always lose more: there is a price
    expect(triggerPrice(eth, at(eth, -2, 3000), { pnl: -1_000_000 }).kind).toBe('price');
  });

  it('rejects bad targets and options with a path', () => {
    const long = at(eth, 2, 3000);
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).path;
      }
      throw new Error('expected a throw');
    };
    expect(path(() => triggerPrice(eth, long, {} as never))).toEqual(['target']);
    expect(path(() => triggerPrice(eth, long, { pnl: 1, roi: 1 } as never))).toEqual(['target']);
    expect(path(() => triggerPrice(eth, long, { pnl: 'x' }))).toEqual(['target', 'pnl']);
    expect(path(() => triggerPrice(eth, long, { roi: 1 }))).toEqual(['options', 'initialMargin']);
    expect(path(() => triggerPrice(eth, long, { roi: 1 }, { leverage: 0 }))).toEqual(['options', 'leverage']);
    expect(path(() => triggerPrice(eth, long, { pnl: 1 }, { exitFeeRate: 1 }))).toEqual([
      'options',
      'exitFeeRate',
    ]);
    expect(path(() => triggerPrice(eth, at(eth, 0, 3000), { pnl: 1 }))).toEqual(['position', 'size']);
  });
});
