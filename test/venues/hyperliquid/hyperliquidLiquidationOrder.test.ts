import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/index.js';
import { hyperliquidLiquidationOrder } from '../../../src/venues/hyperliquid/hyperliquidLiquidationOrder.js';

// > 100k USDC (10k testnet): 20 % first; 30 s cooldown after a partial liquidation: whole position
// (Hyperliquid docs "Liquidations", "Partial Liquidations")
describe('hyperliquidLiquidationOrder', () => {
  it('reproduces its documented example', () => {
    expect(hyperliquidLiquidationOrder('2.5', '63410').size.toString()).toBe('0.5');
    expect(
      hyperliquidLiquidationOrder('2.5', '63410', { msSincePartialLiquidation: 12_000 }).size.toString(),
    ).toBe('2.5');
    expect(hyperliquidLiquidationOrder('-40', '2400').side).toBe('buy');
  });

  it('sends the whole position at or below 100,000 USDC, and 20 % above', () => {
    const at = hyperliquidLiquidationOrder('-40', '2500'); // exactly 100 000: not "larger than"
    expect([at.size.toString(), at.reason, at.notional.toString(), at.side]).toEqual([
      '40',
      'whole',
      '100000',
      'buy',
    ]);
    const above = hyperliquidLiquidationOrder('-40', '2500.01');
    expect([above.size.toString(), above.reason]).toEqual(['8', 'partial']);
  });

  it('uses 10,000 USDC on testnet', () => {
    expect(hyperliquidLiquidationOrder(5, 2001, { network: 'testnet' }).reason).toBe('partial');
    expect(hyperliquidLiquidationOrder(5, 2001).reason).toBe('whole');
  });

  it('ends the cooldown at 30 s', () => {
    expect(hyperliquidLiquidationOrder(10, 20_000, { msSincePartialLiquidation: 29_999 }).reason).toBe(
      'cooldown',
    );
    expect(hyperliquidLiquidationOrder(10, 20_000, { msSincePartialLiquidation: 30_000 }).reason).toBe(
      'partial',
    );
    expect(hyperliquidLiquidationOrder(10, 20_000, { msSincePartialLiquidation: 0 }).size.toString()).toBe(
      '10',
    );
  });

  it('rejects a bad price, size or time', () => {
    expect(() => hyperliquidLiquidationOrder(1, 0)).toThrow(InvalidArgumentError);
    expect(() => hyperliquidLiquidationOrder('x', 10)).toThrow(InvalidArgumentError);
    expect(() => hyperliquidLiquidationOrder(1, 10, { msSincePartialLiquidation: -1 })).toThrow(
      InvalidArgumentError,
    );
  });
});
