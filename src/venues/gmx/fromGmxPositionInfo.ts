import { failValidation } from '../../errors/ValidationError.js';
import { checkObject } from '../../internal/argumentShape.js';
import type { Decimal, DecimalInput } from '../../internal/decimal.js';
import { deepFreeze } from '../../internal/freeze.js';
import type { PositionInput } from '../../position/Position.js';
import { parseOrThrow } from '../../schemas/toValidationError.js';
import type { GmxPositionInfo } from './GmxPositionInfo.js';
import { adapterOptionsSchema, positionInfoSchema } from './schemas.js';

/**
 * Options of {@link fromGmxPositionInfo}: what the payload does not say about its tokens.
 * @category Venue: GMX
 */
export interface GmxAdapterOptions {
  /** Decimals of the market's index token (ETH 18, BTC 8; synthetic indices use GMX's configured decimals). */
  readonly indexTokenDecimals: number;
  /** Decimals of the collateral token (USDC 6, WETH 18). */
  readonly collateralTokenDecimals: number;
  /** The collateral token's (minimum) price, USD: values the collateral and the fees charged in it. */
  readonly collateralTokenPrice: DecimalInput;
  /** True when the collateral is the index token (an ETH long backed by WETH). */
  readonly collateralIsIndexToken?: boolean;
  /** Market id for the library position; default the payload's market address. */
  readonly marketId?: string;
}

/**
 * A GMX position read from the reader payload, in human units.
 * @category Venue: GMX
 */
export interface GmxPositionSnapshot {
  /** The position for {@link gmxLiquidationCheck}, {@link gmxLiquidationPrice} and {@link gmxLiquidationHours}. */
  readonly position: {
    readonly isLong: boolean;
    readonly sizeInUsd: Decimal;
    readonly sizeInTokens: Decimal;
    readonly collateralAmount: Decimal;
    readonly collateralTokenPrice: Decimal;
    readonly collateralIsIndexToken: boolean;
    readonly pendingBorrowingFeesUsd: Decimal;
    readonly pendingFundingFeesUsd: Decimal;
  };
  /**
   * The same position for the library's generic engine: an isolated position of signed size in index tokens at its
   * entry price, its collateral's USD value as isolated margin and its pending fees as unsettled funding.
   */
  readonly positionInput: PositionInput;
  /** `sizeInUsd / sizeInTokens`, USD per index token. */
  readonly entryPrice: Decimal;
  /** Account, market and collateral token addresses. */
  readonly account: string;
  readonly market: string;
  readonly collateralToken: string;
  /** GMX's own figures at the prices the reader was given, for comparison: USD. */
  readonly reported: {
    readonly basePnlUsd: Decimal;
    readonly priceImpactUsd: Decimal;
    readonly pnlAfterPriceImpactUsd: Decimal;
    /** Closing fee, in collateral tokens and at `collateralTokenPrice` in USD. */
    readonly positionFeeAmount: Decimal;
    readonly positionFeeUsd: Decimal;
  };
}

/**
 * Reads a GMX v2 reader position (`ReaderPositionUtils.PositionInfo`) into human units: USD values divided by
 * 10^30, token amounts by 10^decimals, exactly. Pending funding is `fundingFeeAmount · collateralTokenPrice`; pending
 * borrowing is `borrowingFeeUsd`. Hostile input (a negative size, a non-integer or hex string, 100-digit numbers,
 * a size of zero, missing fields) throws a {@link ValidationError} naming the field, e.g.
 * `positionInfo.position.numbers.sizeInTokens`; a bad option names `options.*`.
 * Source: gmx-io/gmx-synthetics `contracts/reader/ReaderPositionUtils.sol` (`PositionInfo`),
 * `contracts/position/Position.sol` (field units) and the README "Oracle Prices" (30-decimal USD).
 *
 * @param positionInfo - one position info as the reader returns it, integers as decimal strings or bigints.
 * @param options - token decimals, collateral price and the market id to use.
 * @example
 * ```ts
 * import { fromGmxPositionInfo, gmxLiquidationPrice } from 'marginkit';
 * const info = {
 *   position: {
 *     addresses: { account: '0xA11CE', market: '0xE7H', collateralToken: '0xUSDC' },
 *     numbers: { sizeInUsd: '50000' + '0'.repeat(30), sizeInTokens: '20' + '0'.repeat(18),
 *       collateralAmount: '5000' + '0'.repeat(6) },
 *     flags: { isLong: true },
 *   },
 *   fees: { borrowing: { borrowingFeeUsd: '0' }, funding: { fundingFeeAmount: '0' }, positionFeeAmount: '30000000' },
 *   executionPriceResult: { priceImpactUsd: '0' },
 *   basePnlUsd: '0', pnlAfterPriceImpactUsd: '0',
 * };
 * const snap = fromGmxPositionInfo(info, { indexTokenDecimals: 18, collateralTokenDecimals: 6,
 *   collateralTokenPrice: 1, marketId: 'ETH/USD' });
 * snap.entryPrice.toString(); // => '2500'
 * const lp = gmxLiquidationPrice(snap.position,
 *   { minCollateralFactor: '0.005', minCollateralUsd: '1', positionFeeFactor: '0.0006' }, '2500');
 * if (lp.kind === 'price') lp.price.toString(); // => '2264'
 * ```
 * @category Venue: GMX
 */
export function fromGmxPositionInfo(
  positionInfo: GmxPositionInfo,
  options: GmxAdapterOptions,
): GmxPositionSnapshot {
  checkObject(options, 'options');
  const o = parseOrThrow(adapterOptionsSchema(), options, ['options']);
  const info = parseOrThrow(
    positionInfoSchema(o.indexTokenDecimals, o.collateralTokenDecimals),
    positionInfo,
    ['positionInfo'],
  );
  const numbers = info.position.numbers;
  const numbersPath = ['positionInfo', 'position', 'numbers'];
  for (const key of ['sizeInUsd', 'sizeInTokens'] as const) {
    // A closed position: GMX's reader reverts on it, and it has no entry price.
    if (numbers[key].isZero())
      failValidation('NOT_POSITIVE', [...numbersPath, key], 'must be > 0 (an open position)');
  }
  const isLong = info.position.flags.isLong;
  const price = o.collateralTokenPrice;
  const pendingFundingFeesUsd = info.fees.funding.fundingFeeAmount.times(price);
  const pendingBorrowingFeesUsd = info.fees.borrowing.borrowingFeeUsd;
  const entryPrice = numbers.sizeInUsd.div(numbers.sizeInTokens);
  const collateralIsIndexToken = o.collateralIsIndexToken === true;
  const collateralUsd = numbers.collateralAmount.times(collateralIsIndexToken ? entryPrice : price);
  const marketId = o.marketId ?? info.position.addresses.market;
  return deepFreeze({
    position: {
      isLong,
      sizeInUsd: numbers.sizeInUsd,
      sizeInTokens: numbers.sizeInTokens,
      collateralAmount: numbers.collateralAmount,
      collateralTokenPrice: price,
      collateralIsIndexToken,
      pendingBorrowingFeesUsd,
      pendingFundingFeesUsd,
    },
    positionInput: {
      marketId,
      size: isLong ? numbers.sizeInTokens : numbers.sizeInTokens.neg(),
      entryPrice,
      marginMode: 'isolated',
      isolatedMargin: collateralUsd,
      unsettledFunding: pendingFundingFeesUsd.plus(pendingBorrowingFeesUsd),
    },
    entryPrice,
    account: info.position.addresses.account,
    market: info.position.addresses.market,
    collateralToken: info.position.addresses.collateralToken,
    reported: {
      basePnlUsd: info.basePnlUsd,
      priceImpactUsd: info.executionPriceResult.priceImpactUsd,
      pnlAfterPriceImpactUsd: info.pnlAfterPriceImpactUsd,
      positionFeeAmount: info.fees.positionFeeAmount,
      positionFeeUsd: info.fees.positionFeeAmount.times(price),
    },
  });
}
