// Malformed Bybit payloads: each is rejected with a ValidationError (or InvalidArgumentError for a bad option)
// whose code and path name the field at fault, in the caller's payload.
import { describe, expect, it } from 'vitest';
import { Decimal, InvalidArgumentError, ValidationError } from '../../../src/index.js';
import { fromBybitPositions } from '../../../src/venues/bybit/fromBybitPositions.js';
import { fixture, thrown } from './support.js';

type Json = Record<string, unknown>;

/** Fresh copies of the linear fixtures (tests edit them). */
function fresh(): { positions: Json; wallet: Json; tickers: Json; risk: Json } {
  return {
    positions: fixture<Json>('linear-position-list.json'),
    wallet: fixture<Json>('linear-wallet-balance.json'),
    tickers: fixture<Json>('linear-tickers.json'),
    risk: fixture<Json>('linear-risk-limit.json'),
  };
}

function list(payload: Json): Json[] {
  return (payload.result as { list: Json[] }).list;
}

function coins(payload: Json): Json[] {
  const account = list(payload)[0];
  if (!account) throw new Error('no wallet account');
  return account.coin as Json[];
}

function run(p: ReturnType<typeof fresh>, options = {}) {
  return fromBybitPositions(
    p.positions as never,
    p.wallet as never,
    p.tickers as never,
    p.risk as never,
    options,
  );
}

const at = (...rest: (string | number)[]) => ['positionList', 'result', 'list', ...rest];

describe('TSDoc example', () => {
  it('fromBybitPositions', () => {
    const snapshot = fromBybitPositions(
      {
        list: [
          {
            positionIdx: 0,
            symbol: 'BTCUSDT',
            side: 'Buy',
            size: '0.1',
            avgPrice: '60000',
            tradeMode: 1,
            leverage: '10',
            positionIM: '600',
            positionMM: '30',
            positionBalance: '650',
            markPrice: '61000',
          },
        ],
      },
      { list: [{ accountType: 'UNIFIED', coin: [{ coin: 'USDT', walletBalance: '5000', equity: '5100' }] }] },
      { list: [{ symbol: 'BTCUSDT', markPrice: '61000', indexPrice: '60990', fundingRate: '0.0001' }] },
      {
        list: [
          {
            symbol: 'BTCUSDT',
            riskLimitValue: '2000000',
            maintenanceMargin: '0.005',
            initialMargin: '0.01',
            maxLeverage: '100.00',
            mmDeduction: '',
          },
        ],
      },
    );
    expect(snapshot.account.collateral[0]?.amount.toString()).toBe('4350');
    expect(snapshot.positions[0]?.terms.extraMargin.toString()).toBe('50');
  });
});

describe('position list', () => {
  const cases: [string, (p: ReturnType<typeof fresh>) => void, string, (string | number)[]][] = [
    ['missing avgPrice', (p) => delete list(p.positions)[0]?.avgPrice, 'MISSING_FIELD', at(0, 'avgPrice')],
    [
      'avgPrice not a number',
      (p) => Object.assign(list(p.positions)[0] ?? {}, { avgPrice: 'abc' }),
      'NOT_A_NUMBER',
      at(0, 'avgPrice'),
    ],
    [
      'size as a JSON number',
      (p) => Object.assign(list(p.positions)[1] ?? {}, { size: 4.2 }),
      'INVALID_TYPE',
      at(1, 'size'),
    ],
    [
      'negative size',
      (p) => Object.assign(list(p.positions)[1] ?? {}, { size: '-4.2' }),
      'NEGATIVE',
      at(1, 'size'),
    ],
    [
      'side Long',
      (p) => Object.assign(list(p.positions)[0] ?? {}, { side: 'Long' }),
      'INVALID_OPTION',
      at(0, 'side'),
    ],
    [
      'open position without side',
      (p) => Object.assign(list(p.positions)[0] ?? {}, { side: '' }),
      'INVALID_OPTION',
      at(0, 'side'),
    ],
    [
      'tradeMode 3',
      (p) => Object.assign(list(p.positions)[3] ?? {}, { tradeMode: 3 }),
      'INVALID_OPTION',
      at(3, 'tradeMode'),
    ],
    [
      'positionIdx 5',
      (p) => Object.assign(list(p.positions)[3] ?? {}, { positionIdx: 5 }),
      'INVALID_OPTION',
      at(3, 'positionIdx'),
    ],
    [
      'hedge Buy slot holding a Sell',
      (p) => Object.assign(list(p.positions)[1] ?? {}, { side: 'Sell' }),
      'INVALID_FIELD',
      at(1, 'side'),
    ],
    [
      'leverage empty (portfolio margin)',
      (p) => Object.assign(list(p.positions)[0] ?? {}, { leverage: '' }),
      'MISSING_FIELD',
      at(0, 'leverage'),
    ],
    [
      'positionIM empty',
      (p) => Object.assign(list(p.positions)[0] ?? {}, { positionIM: '' }),
      'MISSING_FIELD',
      at(0, 'positionIM'),
    ],
    [
      'Infinity markPrice',
      (p) => Object.assign(list(p.positions)[0] ?? {}, { markPrice: 'Infinity' }),
      'NOT_A_NUMBER',
      at(0, 'markPrice'),
    ],
    [
      'a position listed twice',
      (p) => list(p.positions).push({ ...list(p.positions)[2] }),
      'DUPLICATE_ID',
      at(5, 'positionIdx'),
    ],
    [
      'isolated without margin',
      (p) => Object.assign(list(p.positions)[3] ?? {}, { positionBalance: '0' }),
      'ISOLATED_WITHOUT_MARGIN',
      at(3, 'positionBalance'),
    ],
    [
      'list not an array',
      (p) => Object.assign(p.positions.result as Json, { list: {} }),
      'INVALID_TYPE',
      ['positionList', 'result', 'list'],
    ],
    [
      'no list',
      (p) => delete (p.positions.result as Json).list,
      'MISSING_FIELD',
      ['positionList', 'result', 'list'],
    ],
    [
      'an error response',
      (p) => Object.assign(p.positions, { retCode: 10001, retMsg: 'params error' }),
      'INVALID_FIELD',
      ['positionList', 'retCode'],
    ],
    [
      'category option',
      (p) => Object.assign(p.positions.result as Json, { category: 'option' }),
      'INVALID_OPTION',
      ['positionList', 'result', 'category'],
    ],
    [
      'an item that is not an object',
      (p) => list(p.positions).push('x' as unknown as Json),
      'INVALID_TYPE',
      at(5),
    ],
  ];
  for (const [what, edit, code, path] of cases) {
    it(`${what} → ${code} at ${path.join('.')}`, () => {
      const p = fresh();
      edit(p);
      const error = thrown(() => run(p));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code, path });
    });
  }

  it('a payload that is not an object', () => {
    const p = fresh();
    expect(
      thrown(() => fromBybitPositions(null as never, p.wallet as never, p.tickers as never, p.risk as never)),
    ).toMatchObject({ code: 'INVALID_TYPE', path: ['positionList'] });
  });
});

describe('wallet, tickers, risk limits', () => {
  const cases: [string, (p: ReturnType<typeof fresh>) => void, string, (string | number)[]][] = [
    [
      'walletBalance missing',
      (p) => delete coins(p.wallet)[0]?.walletBalance,
      'MISSING_FIELD',
      ['walletBalance', 'result', 'list', 0, 'coin', 0, 'walletBalance'],
    ],
    [
      'coin not a list',
      (p) => Object.assign(list(p.wallet)[0] ?? {}, { coin: 'USDT' }),
      'INVALID_TYPE',
      ['walletBalance', 'result', 'list', 0, 'coin'],
    ],
    [
      'wallet balance below the isolated margins',
      (p) => Object.assign(coins(p.wallet)[0] ?? {}, { walletBalance: '1000' }),
      'INVALID_RANGE',
      ['walletBalance', 'result', 'list', 0, 'coin', 0, 'walletBalance'],
    ],
    [
      'the settle coin listed twice',
      (p) => coins(p.wallet).push({ coin: 'USDT', walletBalance: '1' }),
      'DUPLICATE_ID',
      ['walletBalance', 'result', 'list', 0, 'coin', 1, 'coin'],
    ],
    [
      'negative mark price',
      (p) => Object.assign(list(p.tickers)[2] ?? {}, { markPrice: '-1' }),
      'NOT_POSITIVE',
      ['tickers', 'result', 'list', 2, 'markPrice'],
    ],
    [
      'a ticker listed twice',
      (p) => list(p.tickers).push({ ...list(p.tickers)[0] }),
      'DUPLICATE_ID',
      ['tickers', 'result', 'list', 4, 'symbol'],
    ],
    [
      'tickers of another category',
      (p) => Object.assign(p.tickers.result as Json, { category: 'inverse' }),
      'INVALID_OPTION',
      ['tickers', 'result', 'category'],
    ],
    [
      'no risk limits for a symbol',
      (p) =>
        Object.assign(p.risk.result as Json, { list: list(p.risk).filter((t) => t.symbol !== 'SOLUSDT') }),
      'MISSING_FIELD',
      ['riskLimits'],
    ],
    [
      'a tier without symbol',
      (p) => delete list(p.risk)[4]?.symbol,
      'MISSING_FIELD',
      ['riskLimits', 'result', 'list', 4, 'symbol'],
    ],
    [
      'a deduction off the recursion',
      (p) => Object.assign(list(p.risk)[4] ?? {}, { mmDeduction: '1499' }),
      'INVALID_FIELD',
      ['riskLimits', 'result', 'list', 4, 'mmDeduction'],
    ],
    [
      'a rate that is not a number',
      (p) => Object.assign(list(p.risk)[5] ?? {}, { maintenanceMargin: 'one percent' }),
      'NOT_A_NUMBER',
      ['riskLimits', 'result', 'list', 5, 'maintenanceMargin'],
    ],
  ];
  for (const [what, edit, code, path] of cases) {
    it(`${what} → ${code} at ${path.join('.')}`, () => {
      const p = fresh();
      edit(p);
      expect(thrown(() => run(p))).toMatchObject({ code, path });
    });
  }

  it('a malformed ticker of a symbol the account does not hold is not read', () => {
    const p = fresh();
    list(p.tickers).push({ symbol: 'NEWUSDT', markPrice: '' });
    expect(() => run(p)).not.toThrow();
  });

  it('percent-unit tiers without the option are caught by the maxLeverage check', () => {
    const p = fresh();
    for (const t of list(p.risk)) {
      t.maintenanceMargin = new Decimal(String(t.maintenanceMargin)).times(100).toString();
      t.initialMargin = new Decimal(String(t.initialMargin)).times(100).toString();
      t.mmDeduction = '';
    }
    expect(thrown(() => run(p))).toMatchObject({
      code: 'INVALID_FIELD',
      path: ['riskLimits', 'result', 'list', 0, 'initialMargin'],
    });
    expect(() => run(p, { rateUnit: 'percent' })).not.toThrow();
  });
});

describe('options', () => {
  it('rejects bad options with InvalidArgumentError naming the option', () => {
    const p = fresh();
    const cases: [object, string][] = [
      [{ category: 'spot' }, 'category'],
      [{ marginMode: 'portfolio' }, 'marginMode'],
      [{ isolatedMarginInWalletBalance: 'yes' }, 'isolatedMarginInWalletBalance'],
      [{ settleCoin: '' }, 'settleCoin'],
    ];
    for (const [options, name] of cases) {
      const error = thrown(() => run(p, options));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.path).toEqual(['options', name]);
    }
    const inverse = {
      positions: fixture<Json>('inverse-position-list.json'),
      wallet: fixture<Json>('inverse-wallet-balance.json'),
      tickers: fixture<Json>('inverse-tickers.json'),
      risk: fixture<Json>('inverse-risk-limit.json'),
    };
    expect(thrown(() => run(inverse)).path).toEqual(['options', 'settleCoin']);
  });

  it('a category option that contradicts the payload', () => {
    expect(thrown(() => run(fresh(), { category: 'inverse', settleCoin: 'BTC' }))).toMatchObject({
      code: 'INVALID_OPTION',
      path: ['positionList', 'result', 'category'],
    });
  });
});
