import type { Decimal, DecimalInput } from '../internal/decimal.js';

/**
 * Fixed fractions of notional: `IMR = notional · initialFraction`, `MMR = notional · maintenanceFraction`.
 * @category Market
 */
export interface FlatMarginSchedule {
  /** Discriminant. */
  readonly type: 'flat';
  /** Initial margin fraction (IMF), e.g. `0.02` for 50× maximum leverage. */
  readonly initialFraction: Decimal;
  /** Maintenance margin fraction (MMF), at most the initial fraction. */
  readonly maintenanceFraction: Decimal;
}

/**
 * One tier (bracket, risk limit) of a {@link TieredMarginSchedule}. It applies to notionals from
 * `notionalFloor` (inclusive) up to the next tier's floor (exclusive).
 * @category Market
 */
export interface MarginTier {
  /** Lowest notional of the tier, in the settlement asset. The first tier starts at 0. */
  readonly notionalFloor: Decimal;
  /** Initial margin fraction of the tier (1 / maximum leverage). */
  readonly initialFraction: Decimal;
  /** Maintenance margin fraction of the tier. */
  readonly maintenanceFraction: Decimal;
  /**
   * Amount subtracted from `notional · maintenanceFraction` (Binance "cum", Bybit and Hyperliquid
   * "maintenance deduction"). When not given it is derived so that maintenance is continuous in notional:
   * `d₀ = 0`, `dₙ = dₙ₋₁ + floorₙ · (MMFₙ − MMFₙ₋₁)`.
   */
  readonly maintenanceDeduction: Decimal;
}

/**
 * Tiers chosen by the position's notional: `MMR = notional · MMF(tier) − deduction(tier)` and
 * `IMR = notional · IMF(tier)` (Binance USDⓈ-M leverage brackets, Bybit risk limits, Hyperliquid margin tables).
 * @category Market
 */
export interface TieredMarginSchedule {
  /** Discriminant. */
  readonly type: 'tiered';
  /** Tiers by ascending `notionalFloor`, the first at 0. */
  readonly tiers: readonly MarginTier[];
}

/**
 * dYdX v4 open-interest-scaled initial margin: the IMF rises linearly from `initialFraction` to 100% as the
 * market's open-interest notional goes from `openInterestLowerCap` to `openInterestUpperCap`:
 * `IMF_eff = IMF + (1 − IMF) · clamp((OI · price − lower) / (upper − lower), 0, 1)`.
 * An upper cap of 0 turns the scaling off. Maintenance uses the base fractions only.
 * Source: dYdX v4-chain `x/perpetuals/types/liquidity_tier.go` (`GetAdjustedInitialMarginPpm`).
 * @category Market
 */
export interface OpenInterestMarginSchedule {
  /** Discriminant. */
  readonly type: 'open-interest';
  /** Base initial margin fraction. */
  readonly initialFraction: Decimal;
  /** Maintenance margin fraction (dYdX: IMF · maintenance fraction). */
  readonly maintenanceFraction: Decimal;
  /** Open-interest notional (settlement asset) below which the base IMF applies. */
  readonly openInterestLowerCap: Decimal;
  /** Open-interest notional at and above which the IMF is 100%; 0 disables the scaling. */
  readonly openInterestUpperCap: Decimal;
}

/**
 * How a market's initial and maintenance requirements are computed.
 * @category Market
 */
export type MarginSchedule = FlatMarginSchedule | TieredMarginSchedule | OpenInterestMarginSchedule;

/**
 * Input form of a {@link MarginTier}; `maintenanceDeduction` is derived when omitted.
 * @category Market
 */
export interface MarginTierInput {
  /** See {@link MarginTier.notionalFloor}. */
  readonly notionalFloor: DecimalInput;
  /** See {@link MarginTier.initialFraction}. */
  readonly initialFraction: DecimalInput;
  /** See {@link MarginTier.maintenanceFraction}. */
  readonly maintenanceFraction: DecimalInput;
  /** See {@link MarginTier.maintenanceDeduction}. */
  readonly maintenanceDeduction?: DecimalInput;
}

/**
 * Input form of a {@link MarginSchedule}.
 * @category Market
 */
export type MarginScheduleInput =
  | {
      readonly type: 'flat';
      readonly initialFraction: DecimalInput;
      readonly maintenanceFraction: DecimalInput;
    }
  | { readonly type: 'tiered'; readonly tiers: readonly MarginTierInput[] }
  | {
      readonly type: 'open-interest';
      readonly initialFraction: DecimalInput;
      readonly maintenanceFraction: DecimalInput;
      readonly openInterestLowerCap: DecimalInput;
      readonly openInterestUpperCap: DecimalInput;
    };
