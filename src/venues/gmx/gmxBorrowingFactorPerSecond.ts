import { Decimal, type DecimalInput } from '../../internal/decimal.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import { gmxPower } from './gmxPower.js';
import { borrowingSchema } from './schemas.js';

/**
 * Input of {@link gmxBorrowingFactorPerSecond}.
 * @category Venue: GMX
 */
export interface GmxBorrowingInput {
  /** The side's `borrowingFactor` (GMX stores it times 10^30). */
  readonly borrowingFactor: DecimalInput;
  /** The side's `borrowingExponentFactor`, in [1, 10]; default 1. */
  readonly borrowingExponentFactor?: DecimalInput;
  /**
   * The side's reserved USD: longs, open interest in tokens times the index price (open interest plus its pending
   * PnL); shorts, the open interest in USD.
   */
  readonly reservedUsd: DecimalInput;
  /** USD value of the side's pool tokens (without PnL), > 0. */
  readonly poolUsd: DecimalInput;
}

/**
 * GMX v2 borrowing factor per second of one side of a market (the curve model):
 *
 * `borrowingFactorPerSecond = borrowingFactor · reservedUsd^borrowingExponentFactor / poolUsd`,
 *
 * with `reservedUsd^e` taken as 0 below one USD (`applyExponentFactor`). A position pays
 * `sizeInUsd · borrowingFactorPerSecond` USD per second, accrued in the side's cumulative borrowing factor
 * ({@link gmxAccruedFees}). Units: a fraction per second. Exact for exponent 1 and 2.
 * Not modelled: the kink model of newer markets (optimal usage, base and above-optimal factors) and the option to
 * skip the smaller side; read those markets' `borrowingFactorPerSecond` from GMX's reader instead.
 * Source: gmx-io/gmx-synthetics `contracts/market/MarketUtils.sol` (`getBorrowingFactorPerSecond`,
 * `getReservedUsd`); README "Borrowing Fees" (vector GMX-BORROW-README-01).
 *
 * @param input - the side's borrowing factor and exponent, reserved USD and pool USD.
 * @throws {@link ValidationError} for a malformed field, e.g. `poolUsd` ≤ 0 (GMX reverts on an empty pool).
 * @example
 * ```ts
 * import { gmxBorrowingFactorPerSecond } from 'marginkit';
 * // README: factor 1/50,000, $150,000 long open interest with +$50,000 PnL, $250,000 pool
 * gmxBorrowingFactorPerSecond({ borrowingFactor: '0.00002', reservedUsd: '200000', poolUsd: '250000' })
 *   .toString(); // => '0.000016'
 * ```
 * @category Venue: GMX
 */
export function gmxBorrowingFactorPerSecond(input: GmxBorrowingInput): Decimal {
  const v = parseOrThrow(borrowingSchema(), input);
  const reserved = gmxPower(v.reservedUsd, v.borrowingExponentFactor ?? new Decimal(1));
  return v.borrowingFactor.times(reserved).div(v.poolUsd);
}
