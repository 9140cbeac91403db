import type { DecimalInput } from '../../internal/decimal.js';

/**
 * The margin terms of an Orderly perpetual: `base_imr` and `base_mmr` of `/v1/public/info`, and the account's
 * `imr_factor` for the symbol (`/v1/client/info`). Fractions: 0.1 = 10 %.
 * @category Venue: Orderly
 */
export interface OrderlyMarket {
  /** Base initial margin ratio (`base_imr`; max leverage = 1 / base IMR). */
  readonly baseImr: DecimalInput;
  /** Base maintenance margin ratio (`base_mmr`). */
  readonly baseMmr: DecimalInput;
  /** IMR factor of the size term (`imr_factor`), per USDC^(4/5); 0: none. */
  readonly imrFactor: DecimalInput;
}

/**
 * One Orderly perp position (fields of `/v1/positions` rows).
 * @category Venue: Orderly
 */
export interface OrderlyPosition {
  /** The symbol, e.g. `'PERP_BTC_USDC'`; the key of its market. */
  readonly symbol: string;
  /** Signed quantity in coins (`position_qty`; long > 0). */
  readonly qty: DecimalInput;
  /** Mark price (`mark_price`), USDC. */
  readonly markPrice: DecimalInput;
  /** `cost_position`, USDC: unsettled PnL = qty · mark − cost (funding included). */
  readonly costPosition: DecimalInput;
}

/**
 * An Orderly account: its USDC holding and perp positions (cross margin).
 * @category Venue: Orderly
 */
export interface OrderlyAccount {
  /** USDC holding (`/v1/client/holding`), settled balance. */
  readonly usdcBalance: DecimalInput;
  /** Perp positions, one per symbol. */
  readonly positions: readonly OrderlyPosition[];
}
