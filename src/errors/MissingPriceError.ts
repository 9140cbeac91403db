import { type InputPath, MarginKitError } from './MarginKitError.js';

/**
 * Codes of {@link MissingPriceError}.
 * - `MISSING_PRICE`: no price of the kind asked for (oracle or mark) for a market the computation needs.
 * - `MISSING_ASSET_PRICE`: a collateral asset other than the settlement asset has no price.
 * - `MISSING_OPEN_INTEREST`: an open-interest-scaled schedule was used without the market's open interest.
 * @category Errors
 */
export type MissingPriceErrorCode = 'MISSING_PRICE' | 'MISSING_ASSET_PRICE' | 'MISSING_OPEN_INTEREST';

/**
 * Thrown when a computation needs a price (or open interest) that the prices input does not hold.
 * The `path` names the missing entry, e.g. `['markets', 'ETH-PERP', 'mark']`.
 *
 * @example
 * ```ts
 * import { MissingPriceError } from 'marginkit';
 * const error = new MissingPriceError('MISSING_PRICE', 'no mark price for ETH-PERP', ['markets', 'ETH-PERP', 'mark']);
 * error.message; // => "markets.ETH-PERP.mark: no mark price for ETH-PERP"
 * ```
 * @category Errors
 */
export class MissingPriceError extends MarginKitError {
  declare readonly code: MissingPriceErrorCode;

  constructor(code: MissingPriceErrorCode, message: string, path: InputPath) {
    super(code, message, { path });
    this.name = 'MissingPriceError';
  }
}
