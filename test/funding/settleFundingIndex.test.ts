import { describe, expect, it } from 'vitest';
import {
  createPosition,
  InvalidArgumentError,
  type PositionInput,
  settleFundingIndex,
} from '../../src/index.js';

const position = (input: Partial<PositionInput>) =>
  createPosition({ marketId: 'ETH-USD', size: 10, entryPrice: 3000, marginMode: 'cross', ...input });

describe('settleFundingIndex', () => {
  it('charges a long for a rising index (dYdX indexer getUnsettledFunding, long position)', () => {
    const { payment, position: after } = settleFundingIndex(position({ fundingIndex: 10_050 }), 12_050);
    // 10 · (12 050 − 10 050) = 20 000 paid; the indexer reports the same as −20 000 (its sign: received)
    expect(payment.toString()).toBe('20000');
    expect(after.unsettledFunding.toString()).toBe('20000');
    expect(after.fundingIndex?.toString()).toBe('12050');
  });

  it('handles a fractional size (indexer decimal position)', () => {
    // 1.35 · (12 050.124 − 10 050) = 1.35 · 2 000.124 = 2 700.1674
    const { payment } = settleFundingIndex(position({ size: '1.35', fundingIndex: 10_050 }), '12050.124');
    expect(payment.toString()).toBe('2700.1674');
  });

  it('credits a short for a rising index and a long for a falling one', () => {
    // −2 · (12 050 − 10 050) = −4 000 (received)
    expect(settleFundingIndex(position({ size: -2, fundingIndex: 10_050 }), 12_050).payment.toString()).toBe(
      '-4000',
    );
    // 1 · (0 − 6.25) = −6.25 (dYdX subaccount test: long 1 BTC, index 6.25 → 0 receives 6.25)
    expect(settleFundingIndex(position({ size: 1, fundingIndex: '6.25' }), 0).payment.toString()).toBe(
      '-6.25',
    );
  });

  it('adds to the funding already owed', () => {
    const { position: after } = settleFundingIndex(position({ fundingIndex: 100, unsettledFunding: 5 }), 101);
    // 5 + 10 · (101 − 100) = 15
    expect(after.unsettledFunding.toString()).toBe('15');
  });

  it('settling in two steps equals settling once', () => {
    const start = position({ size: 3, fundingIndex: 100 });
    const once = settleFundingIndex(start, '107.5').position;
    const first = settleFundingIndex(start, '102.25');
    const second = settleFundingIndex(first.position, '107.5');
    // 3 · 2.25 = 6.75; 3 · 5.25 = 15.75; together 22.5 = 3 · 7.5
    expect(first.payment.toString()).toBe('6.75');
    expect(second.payment.toString()).toBe('15.75');
    expect(second.position.unsettledFunding.toString()).toBe('22.5');
    expect(once.unsettledFunding.toString()).toBe('22.5');
  });

  it('returns a new frozen position and leaves the input alone', () => {
    const before = position({ fundingIndex: 10_050 });
    const { position: after } = settleFundingIndex(before, 12_050);
    expect(after).not.toBe(before);
    expect(Object.isFrozen(after)).toBe(true);
    expect(before.unsettledFunding.isZero()).toBe(true);
    expect(before.fundingIndex?.toString()).toBe('10050');
    // everything but the funding fields is carried over
    expect(after.size.toString()).toBe('10');
    expect(after.entryPrice.toString()).toBe('3000');
    expect(after.id).toBe(before.id);
  });

  it('rejects a position without a funding index', () => {
    try {
      settleFundingIndex(position({}), 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
      expect((error as InvalidArgumentError).path).toEqual(['position', 'fundingIndex']);
    }
  });

  it('rejects a malformed index', () => {
    expect(() => settleFundingIndex(position({ fundingIndex: 1 }), 'up')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: ['index'] }),
    );
  });
});
