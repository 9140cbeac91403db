import type { Decimal, DecimalInput } from '../internal/decimal.js';
import type { MarginMode } from '../position/Position.js';
import type { OptionSettlement, OptionType } from './Black76.js';

/**
 * A standard (per-position) margin rule for short options, as fractions of the underlying price U, with
 * OTM = max(K − U, 0) (call) or max(U − K, 0) (put) and M the option's mark, per unit of the underlying (linear,
 * quote asset; inverse: the same divided by U, in coin):
 * - short call: IM = max(initialBase − OTM/U, initialFloor)·U + M; MM = maintenance·U + M;
 * - short put: MM = max(maintenance·U, maintenance·M) + M; IM = max(max(initialBase − OTM/U, initialFloor)·U + M, MM);
 * - long call or put: IM = MM = 0 (the premium is paid in full).
 *
 * Defaults are Deribit's standard option margin (initialBase 0.15, initialFloor 0.1, maintenance 0.075; Deribit
 * standard-margin formulas as published for BTC options, mirrored in the TSLab Deribit connector guide "Deribit
 * Margin Requirements Calculation").
 * @category Options
 */
export interface OptionMarginRule {
  /** 0.15 on Deribit. */
  readonly initialBase: Decimal;
  /** 0.1 on Deribit. */
  readonly initialFloor: Decimal;
  /** 0.075 on Deribit. */
  readonly maintenance: Decimal;
}

/**
 * A European option listed on an underlying perpetual or future of the account. Created by {@link createOptionBook}; frozen.
 * @category Options
 */
export interface OptionMarket {
  /** Market id (e.g. `'BTC-6DEC-110000-C'`), distinct from the account's other market ids. */
  readonly id: string;
  readonly kind: 'option';
  /** Call or put. */
  readonly optionType: OptionType;
  /** Strike, in the underlying's quote asset. */
  readonly strike: Decimal;
  /** Expiry time, Unix milliseconds. */
  readonly expiry: number;
  /** Id of the underlying perpetual or future in the account; its price is Black-76's F. */
  readonly underlying: string;
  /** Linear (premium in the quote asset) or inverse (premium in the base coin), matching the account's settle asset. */
  readonly settlement: OptionSettlement;
  /** Underlying units per contract (default 1). */
  readonly contractSize: Decimal;
  /** Short-option margin rule. */
  readonly margin: OptionMarginRule;
}

/**
 * An option position: signed size in contracts, premium paid or received per unit of the underlying at entry (in the
 * settlement asset), margin mode. The account's collateral is its cash after premiums: the leg adds its mark value to
 * equity (a long is an asset, a short a liability).
 * @category Options
 */
export interface OptionPosition {
  /** Position id (default: the market id). */
  readonly id: string;
  readonly marketId: string;
  /** Contracts; long > 0, short < 0. */
  readonly size: Decimal;
  /** Premium per unit of the underlying at entry, in the settlement asset (for PnL reports only). */
  readonly entryPrice: Decimal;
  readonly marginMode: MarginMode;
  /** Isolated only: the margin set aside for this leg alone. */
  readonly isolatedMargin?: Decimal;
}

/**
 * Option markets and positions held beside an account's perpetuals and futures. Created by {@link createOptionBook}.
 * @category Options
 */
export interface OptionBook {
  readonly markets: Readonly<Record<string, OptionMarket>>;
  readonly positions: readonly OptionPosition[];
}

/**
 * Input form of an {@link OptionMarket}.
 * @category Options
 */
export interface OptionMarketInput {
  readonly id: string;
  readonly optionType: OptionType;
  readonly strike: DecimalInput;
  readonly expiry: number;
  readonly underlying: string;
  /** Default: `linear` on a linear underlying, `inverse` on an inverse one. */
  readonly settlement?: OptionSettlement;
  readonly contractSize?: DecimalInput;
  /** Defaults: Deribit's 0.15, 0.1, 0.075. */
  readonly margin?: {
    readonly initialBase?: DecimalInput;
    readonly initialFloor?: DecimalInput;
    readonly maintenance?: DecimalInput;
  };
}

/**
 * Input form of an {@link OptionPosition}.
 * @category Options
 */
export interface OptionPositionInput {
  readonly id?: string;
  readonly marketId: string;
  readonly size: DecimalInput;
  readonly entryPrice: DecimalInput;
  readonly marginMode: MarginMode;
  readonly isolatedMargin?: DecimalInput;
}

/**
 * Input form of an {@link OptionBook}.
 * @category Options
 */
export interface OptionBookInput {
  readonly markets: readonly OptionMarketInput[];
  readonly positions: readonly OptionPositionInput[];
}
