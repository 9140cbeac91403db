import { describe, expect, it } from 'vitest';
import {
  createPosition,
  formatPath,
  InvalidArgumentError,
  isMarginKitError,
  MarginKitError,
  MissingPriceError,
  ValidationError,
} from '../../src/index.js';

describe('formatPath', () => {
  it('writes property names with dots and indices in brackets', () => {
    expect(formatPath(['markets', 0, 'marginSchedule', 'tiers', 1])).toBe(
      'markets[0].marginSchedule.tiers[1]',
    );
  });

  it('writes a record key as a property name', () => {
    expect(formatPath(['markets', 'BTC-PERP', 'mark'])).toBe('markets.BTC-PERP.mark');
  });

  it('starts with a bracket when the path starts with an index', () => {
    expect(formatPath([0, 'size'])).toBe('[0].size');
  });

  it('names the empty path "(input)"', () => {
    expect(formatPath([])).toBe('(input)');
  });
});

describe('MarginKitError', () => {
  it('prefixes the message with the formatted path and keeps the short message apart', () => {
    const error = new MarginKitError('SOME_CODE', 'went wrong', { path: ['positions', 2, 'size'] });
    expect(error.message).toBe('positions[2].size: went wrong');
    expect(error.shortMessage).toBe('went wrong');
    expect(error.code).toBe('SOME_CODE');
    expect(error.path).toEqual(['positions', 2, 'size']);
    expect(error.name).toBe('MarginKitError');
    expect(error).toBeInstanceOf(Error);
  });

  it('has no path prefix when the path is empty', () => {
    const error = new MarginKitError('SOME_CODE', 'went wrong');
    expect(error.message).toBe('went wrong');
    expect(error.path).toEqual([]);
  });

  it('keeps a frozen copy of the path', () => {
    const path: (string | number)[] = ['a', 1];
    const error = new MarginKitError('SOME_CODE', 'x', { path });
    path.push('b');
    expect(error.path).toEqual(['a', 1]);
    expect(Object.isFrozen(error.path)).toBe(true);
  });

  it('carries its cause', () => {
    const cause = new Error('root');
    expect(new MarginKitError('SOME_CODE', 'x', { cause }).cause).toBe(cause);
    expect('cause' in new MarginKitError('SOME_CODE', 'x')).toBe(false);
  });
});

describe('isMarginKitError', () => {
  it('is true for the base class and every subclass', () => {
    expect(isMarginKitError(new MarginKitError('X', 'x'))).toBe(true);
    expect(isMarginKitError(new ValidationError([{ code: 'NEGATIVE', path: ['size'], message: 'm' }]))).toBe(
      true,
    );
    expect(isMarginKitError(new InvalidArgumentError('UNKNOWN_POSITION', 'm'))).toBe(true);
    expect(isMarginKitError(new MissingPriceError('MISSING_PRICE', 'm', ['markets', 'A', 'mark']))).toBe(
      true,
    );
  });

  it('is false for other errors and values', () => {
    expect(isMarginKitError(new Error('x'))).toBe(false);
    expect(isMarginKitError({ code: 'MISSING_PRICE', path: [] })).toBe(false);
    expect(isMarginKitError(null)).toBe(false);
    expect(isMarginKitError(undefined)).toBe(false);
    expect(isMarginKitError('MISSING_PRICE')).toBe(false);
  });

  it('recognises an error of another copy of the library by its global brand', () => {
    const foreign = new Error('from the CommonJS copy');
    Object.defineProperty(foreign, Symbol.for('marginkit/error'), { value: true });
    expect(isMarginKitError(foreign)).toBe(true);
  });
});

describe('ValidationError', () => {
  it('takes code and path from the first issue and counts the others in the message', () => {
    const error = new ValidationError([
      { code: 'NOT_FINITE', path: ['size'], message: 'NaN is not a finite number' },
      { code: 'NOT_POSITIVE', path: ['entryPrice'], message: 'must be > 0' },
      { code: 'INVALID_OPTION', path: ['marginMode'], message: 'bad mode' },
    ]);
    expect(error.code).toBe('NOT_FINITE');
    expect(error.path).toEqual(['size']);
    expect(error.message).toBe('size: NaN is not a finite number (and 2 more)');
    expect(error.issues.map((i) => i.code)).toEqual(['NOT_FINITE', 'NOT_POSITIVE', 'INVALID_OPTION']);
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(error.name).toBe('ValidationError');
    expect(error).toBeInstanceOf(MarginKitError);
  });

  it('lists every problem of a factory input', () => {
    let caught: unknown;
    try {
      createPosition({ marketId: 'BTC-PERP', size: Number.NaN, entryPrice: -1, marginMode: 'cross' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.code).toBe('NOT_FINITE');
    expect(error.path).toEqual(['size']);
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['NOT_FINITE', ['size']],
      ['NOT_POSITIVE', ['entryPrice']],
    ]);
    expect(error.cause).toBeDefined();
  });
});

describe('InvalidArgumentError', () => {
  it('has an empty path by default and its own name', () => {
    const error = new InvalidArgumentError('UNKNOWN_POSITION', "no position 'SOL-PERP'");
    expect(error.code).toBe('UNKNOWN_POSITION');
    expect(error.path).toEqual([]);
    expect(error.message).toBe("no position 'SOL-PERP'");
    expect(error.name).toBe('InvalidArgumentError');
    expect(error).toBeInstanceOf(MarginKitError);
  });
});

describe('MissingPriceError', () => {
  it('names the missing entry in its path and message', () => {
    const error = new MissingPriceError('MISSING_PRICE', 'no mark price for ETH-PERP', [
      'markets',
      'ETH-PERP',
      'mark',
    ]);
    expect(error.message).toBe('markets.ETH-PERP.mark: no mark price for ETH-PERP');
    expect(error.name).toBe('MissingPriceError');
    expect(error).toBeInstanceOf(MarginKitError);
  });
});
