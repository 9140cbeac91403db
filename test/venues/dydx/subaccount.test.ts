import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/index.js';
import { dydxCheckMatch } from '../../../src/venues/dydx/checkMatch.js';
import { dydxCompareRisk } from '../../../src/venues/dydx/compareRisk.js';
import { dydxIsInitialCollateralized } from '../../../src/venues/dydx/isInitialCollateralized.js';
import { dydxIsLiquidatable } from '../../../src/venues/dydx/isLiquidatable.js';
import { dydxSubaccountRisk } from '../../../src/venues/dydx/subaccountRisk.js';
import { dydxUpdateCollateralCheck } from '../../../src/venues/dydx/updateCollateralCheck.js';

function invalid(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

// The chain's unit-test markets (testutil/constants): BTC $50,000 at AR −8, ETH $3,000 at AR −9; IMF 20 %, MF 50 %.
const BTC = {
  atomicResolution: -8,
  price: 5_000_000_000,
  exponent: -5,
  initialMarginPpm: 200_000,
  maintenanceFractionPpm: 500_000,
};
const ETH = {
  atomicResolution: -9,
  price: 3_000_000_000,
  exponent: -6,
  initialMarginPpm: 200_000,
  maintenanceFractionPpm: 500_000,
};

// x/subaccounts/lib/updates.go GetSettledSubaccountWithPerpetuals, GetRiskForSubaccount
describe('dydxSubaccountRisk', () => {
  it('adds USDC and each position, each rounded on its own', () => {
    // 0.1 BTC (NC 5 000 USDC, IMR 1 000, MMR 500) and −1 ETH (NC −3 000, IMR 600, MMR 300)
    const risk = dydxSubaccountRisk(
      {
        usdcQuantums: 1_000_000_000,
        positions: [
          { perpetualId: 'BTC', quantums: 10_000_000 },
          { perpetualId: 'ETH', quantums: -1_000_000_000 },
        ],
      },
      { BTC, ETH },
    );
    expect(risk.netCollateral.toString()).toBe('3000000000');
    expect(risk.initialMargin.toString()).toBe('1600000000');
    expect(risk.maintenanceMargin.toString()).toBe('800000000');
    expect(risk.positions.map((p) => p.perpetualId)).toEqual(['BTC', 'ETH']);
    expect(risk.usdcQuantums.toString()).toBe('1000000000');
  });

  it('settles funding first, summed and floored once', () => {
    // two longs of 1 bq each receive 0.5 qq: the USDC rises by floor(1.0) = 1
    const perp = { ...BTC, fundingIndex: -500_000 };
    const risk = dydxSubaccountRisk(
      {
        usdcQuantums: 0,
        positions: [
          { perpetualId: 'A', quantums: 1, fundingIndex: 0 },
          { perpetualId: 'B', quantums: 1, fundingIndex: 0 },
        ],
      },
      { A: perp, B: perp },
    );
    expect(risk.funding.usdcDelta.toString()).toBe('1');
    expect(risk.usdcQuantums.toString()).toBe('1');
  });

  it('takes a position without a funding index as settled', () => {
    const risk = dydxSubaccountRisk(
      { usdcQuantums: 0, positions: [{ perpetualId: 'BTC', quantums: 1 }] },
      { BTC: { ...BTC, fundingIndex: 123_456 } },
    );
    expect(risk.funding.usdcDelta.isZero()).toBe(true);
  });

  it('applies the leverage map to initial margin only', () => {
    const sub = { usdcQuantums: 0, positions: [{ perpetualId: 'BTC', quantums: 10_000_000 }] };
    const plain = dydxSubaccountRisk(sub, { BTC });
    const levered = dydxSubaccountRisk(sub, { BTC }, { customImfPpm: { BTC: 500_000 } });
    expect(levered.initialMargin.toString()).toBe('2500000000');
    expect(levered.maintenanceMargin.toString()).toBe(plain.maintenanceMargin.toString());
  });

  it('is USDC alone with no positions', () => {
    const risk = dydxSubaccountRisk({ usdcQuantums: -5, positions: [] }, {});
    expect(risk.netCollateral.toString()).toBe('-5');
    expect(risk.maintenanceMargin.isZero()).toBe(true);
  });

  it('rejects unknown perpetuals, two positions in one perpetual and fractional amounts', () => {
    expect(
      invalid(() =>
        dydxSubaccountRisk({ usdcQuantums: 0, positions: [{ perpetualId: 'SOL', quantums: 1 }] }, { BTC }),
      ).path,
    ).toEqual(['subaccount', 'positions', 0, 'perpetualId']);
    expect(
      invalid(() =>
        dydxSubaccountRisk(
          {
            usdcQuantums: 0,
            positions: [
              { perpetualId: 'BTC', quantums: 1 },
              { perpetualId: 'BTC', quantums: 2 },
            ],
          },
          { BTC },
        ),
      ).path,
    ).toEqual(['subaccount', 'positions', 1, 'perpetualId']);
    expect(invalid(() => dydxSubaccountRisk({ usdcQuantums: '0.5', positions: [] }, {})).path).toEqual([
      'subaccount',
      'usdcQuantums',
    ]);
    expect(
      invalid(() =>
        dydxSubaccountRisk({ usdcQuantums: 0, positions: [] }, {}, { customImfPpm: { BTC: 0.5 } }),
      ).path,
    ).toEqual(['customImfPpm', 'BTC']);
    expect(invalid(() => dydxSubaccountRisk({ usdcQuantums: 0 } as never, {})).path).toEqual(['subaccount']);
  });
});

// lib/margin/risk.go (TestRisk_IsInitialCollateralized, TestRisk_IsLiquidatable, TestRisk_Cmp)
describe('dydxIsInitialCollateralized and dydxIsLiquidatable', () => {
  it.each([
    [200, 100, true],
    [100, 100, true],
    [50, 100, false],
    [0, 0, true],
    [-100, 0, false],
  ])('NC %d against IMR %d: initial-collateralized %s', (nc, imr, expected) => {
    expect(dydxIsInitialCollateralized({ netCollateral: nc, initialMargin: imr })).toBe(expected);
  });

  it.each([
    [100, 0, false],
    [0, 100, true],
    [0, 0, false],
    [-100, 100, true],
    [-100, 0, false],
    [75, 100, true],
    [100, 100, false],
    [125, 100, false],
  ])('NC %d against MMR %d: liquidatable %s', (nc, mmr, expected) => {
    expect(dydxIsLiquidatable({ netCollateral: nc, maintenanceMargin: mmr })).toBe(expected);
  });

  it('rejects a negative requirement', () => {
    expect(invalid(() => dydxIsLiquidatable({ netCollateral: 0, maintenanceMargin: -1 })).path).toEqual([
      'risk',
      'maintenanceMargin',
    ]);
  });
});

describe('dydxCompareRisk', () => {
  it.each([
    ['less risky', [100, 50], [100, 100], -1],
    ['less risky: second has zero NC', [100, 50], [0, 100], -1],
    ['less risky: second has negative NC', [100, 50], [-100, 100], -1],
    ['less risky: both negative', [-100, 150], [-100, 100], -1],
    ['more risky', [100, 150], [100, 100], 1],
    ['more risky: first has zero NC', [0, 150], [100, 100], 1],
    ['more risky: both negative', [-100, 50], [-100, 100], 1],
    ['less risky: first has zero MMR', [100, 0], [100, 100], -1],
    ['more risky: second has zero MMR', [100, 100], [100, 0], 1],
    ['equal', [100, 100], [100, 100], 0],
    ['same ratio, larger MMR riskier', [100, 50], [200, 100], -1],
    ['zero NC both, larger MMR riskier', [0, 50], [0, 100], -1],
    ['first all zero', [0, 0], [200, 100], -1],
    ['second all zero', [100, 50], [0, 0], 1],
    ['both MMR zero, smaller NC riskier', [100, 0], [200, 0], 1],
  ] as const)('%s', (_what, [nc1, mmr1], [nc2, mmr2], expected) => {
    const a = { netCollateral: nc1, maintenanceMargin: mmr1 };
    const b = { netCollateral: nc2, maintenanceMargin: mmr2 };
    expect(dydxCompareRisk(a, b)).toBe(expected);
    expect(dydxCompareRisk(b, a)).toBe(expected === 0 ? 0 : -expected);
  });
});

// x/subaccounts/lib/updates.go IsValidStateTransitionForUndercollateralizedSubaccount
describe('dydxUpdateCollateralCheck', () => {
  const r = (nc: number, imr: number, mmr: number) => ({
    netCollateral: nc,
    initialMargin: imr,
    maintenanceMargin: mmr,
  });

  it('accepts anything that ends initial-collateralized', () => {
    expect(dydxUpdateCollateralCheck(r(-100, 1_000, 500), r(1_000, 1_000, 500))).toBe('Success');
  });

  it('refuses a rising maintenance requirement, newly or still undercollateralized', () => {
    expect(dydxUpdateCollateralCheck(r(1_000, 1_000, 500), r(900, 1_200, 600))).toBe(
      'NewlyUndercollateralized',
    );
    expect(dydxUpdateCollateralCheck(r(800, 1_000, 500), r(900, 1_200, 600))).toBe(
      'StillUndercollateralized',
    );
  });

  it('accepts a transition that does not lower NC per unit of MMR', () => {
    // 600/500 → 500/400: 1.2 → 1.25
    expect(dydxUpdateCollateralCheck(r(600, 1_000, 500), r(500, 800, 400))).toBe('Success');
    // same ratio, same MMR
    expect(dydxUpdateCollateralCheck(r(600, 1_000, 500), r(600, 900, 500))).toBe('Success');
    // 600/500 → 470/400: 1.2 → 1.175, refused
    expect(dydxUpdateCollateralCheck(r(600, 1_000, 500), r(470, 800, 400))).toBe('StillUndercollateralized');
  });

  it('with a zero MMR, passes only when both are zero and NC strictly rises (TestIsValidStateTransition…_ZeroMarginRequirements)', () => {
    expect(dydxUpdateCollateralCheck(r(-1, 0, 0), r(-2, 1, 1))).toBe('StillUndercollateralized');
    expect(dydxUpdateCollateralCheck(r(-1, 0, 0), r(-1, 1, 1))).toBe('StillUndercollateralized');
    // no positions before or after, negative NC: it must strictly rise
    expect(dydxUpdateCollateralCheck(r(-2, 0, 0), r(-1, 0, 0))).toBe('Success');
    expect(dydxUpdateCollateralCheck(r(-1, 0, 0), r(-1, 0, 0))).toBe('StillUndercollateralized');
    // closing the last position (MMR → 0) below initial margin is refused
    expect(dydxUpdateCollateralCheck(r(-1, 10, 5), r(-2, 0, 0))).toBe('StillUndercollateralized');
  });
});

// x/subaccounts/keeper/subaccount.go internalCanUpdateSubaccountsWithLeverage, lib/oimf.go
describe('dydxCheckMatch', () => {
  const CAPPED = {
    ...BTC,
    openInterestLowerCap: 25_000_000_000_000,
    openInterestUpperCap: 50_000_000_000_000,
  };

  it('counts open interest as the sum of long sizes before and after', () => {
    // a long of 2 BTC sells 1 to a flat account: longs 2 → 1 + 1, OI unchanged
    const check = dydxCheckMatch({ BTC }, 'BTC', [
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
    ]);
    expect(check.openInterestDelta.toString()).toBe('0');
    expect(check.success).toBe(true);
    // a long closing against a short closing removes open interest
    const closing = dydxCheckMatch({ BTC }, 'BTC', [
      {
        subaccount: { usdcQuantums: 0, positions: [{ perpetualId: 'BTC', quantums: 100_000_000 }] },
        quantumsDelta: -100_000_000,
        usdcDelta: 50_000_000_000,
      },
      {
        subaccount: {
          usdcQuantums: 100_000_000_000,
          positions: [{ perpetualId: 'BTC', quantums: -100_000_000 }],
        },
        quantumsDelta: 100_000_000,
        usdcDelta: -50_000_000_000,
      },
    ]);
    expect(closing.openInterestDelta.toString()).toBe('-100000000');
    expect(closing.risks[0]?.next.positions).toEqual([]);
  });

  it('settles funding before applying the fill', () => {
    const perp = { ...BTC, fundingIndex: 1_000 };
    const check = dydxCheckMatch({ BTC: perp }, 'BTC', [
      {
        // long 1 BTC since index 0: pays 1 000 · 1e8 / 1e6 = 100 000 qq
        subaccount: {
          usdcQuantums: 0,
          positions: [{ perpetualId: 'BTC', quantums: 100_000_000, fundingIndex: 0 }],
        },
        quantumsDelta: -100_000_000,
        usdcDelta: 50_000_000_000,
      },
      {
        subaccount: { usdcQuantums: 50_000_000_000, positions: [] },
        quantumsDelta: 100_000_000,
        usdcDelta: -50_000_000_000,
      },
    ]);
    expect(check.risks[0]?.current.usdcQuantums.toString()).toBe('-100000');
    expect(check.risks[0]?.next.netCollateral.toString()).toBe('49999900000');
  });

  it('passes a fill that reduces risk although the account stays below initial margin', () => {
    // USDC −45 000 against 1 BTC: NC 5 000 < IMR 10 000; selling half at the oracle halves MMR at the same NC
    const check = dydxCheckMatch({ BTC }, 'BTC', [
      {
        subaccount: {
          usdcQuantums: -45_000_000_000,
          positions: [{ perpetualId: 'BTC', quantums: 100_000_000 }],
        },
        quantumsDelta: -50_000_000,
        usdcDelta: 25_000_000_000,
      },
      {
        subaccount: { usdcQuantums: 100_000_000_000, positions: [] },
        quantumsDelta: 50_000_000,
        usdcDelta: -25_000_000_000,
      },
    ]);
    expect(check.results).toEqual(['Success', 'Success']);
  });

  it('applies each side’s leverage map', () => {
    const check = dydxCheckMatch({ BTC }, 'BTC', [
      {
        subaccount: { usdcQuantums: 10_000_000_000, positions: [] },
        quantumsDelta: 100_000_000,
        usdcDelta: -50_000_000_000,
        customImfPpm: { BTC: 500_000 },
      },
      {
        subaccount: { usdcQuantums: 50_000_000_000, positions: [] },
        quantumsDelta: -100_000_000,
        usdcDelta: 50_000_000_000,
      },
    ]);
    // 10 000 USDC covers 20 % of 50 000 but not the 50 % the first side chose
    expect(check.results).toEqual(['NewlyUndercollateralized', 'Success']);
  });

  it('uses the post-trade open interest for the scaled IMF', () => {
    const check = dydxCheckMatch({ BTC: { ...CAPPED, openInterest: 50_000_000_000 } }, 'BTC', [
      {
        subaccount: { usdcQuantums: 900_000_000_000, positions: [] },
        quantumsDelta: 9_000_000_000,
        usdcDelta: -4_500_000_000_000,
      },
      {
        subaccount: { usdcQuantums: 900_000_000_000, positions: [] },
        quantumsDelta: -9_000_000_000,
        usdcDelta: 4_500_000_000_000,
      },
    ]);
    // OI 590 BTC = $29.5M: 200 000 + floor(800 000 · 4.5M / 25M) = 344 000 ppm
    expect(check.risks[1]?.next.positions[0]?.adjustedInitialMarginPpm.toString()).toBe('344000');
    expect(check.risks[1]?.current.positions).toEqual([]);
  });

  it('rejects sides that do not form a match', () => {
    const flat = { usdcQuantums: 0, positions: [] };
    expect(
      invalid(() =>
        dydxCheckMatch({ BTC }, 'BTC', [
          { subaccount: flat, quantumsDelta: 1, usdcDelta: 0 },
          { subaccount: flat, quantumsDelta: 1, usdcDelta: 0 },
        ]),
      ).path,
    ).toEqual(['sides', 1, 'quantumsDelta']);
    expect(invalid(() => dydxCheckMatch({ BTC }, 'BTC', [] as never)).path).toEqual(['sides']);
    expect(
      invalid(() =>
        dydxCheckMatch({ BTC }, 'ETH', [
          { subaccount: flat, quantumsDelta: 1, usdcDelta: 0 },
          { subaccount: flat, quantumsDelta: -1, usdcDelta: 0 },
        ]),
      ).path,
    ).toEqual(['perpetualId']);
  });
});
