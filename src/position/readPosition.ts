import { ZERO } from '../internal/constants.js';
import type { Decimal } from '../internal/decimal.js';
import { plainDecimal as decimal, plainId as id, plainObject } from '../internal/plainFields.js';
import type { MarginMode, Position } from './Position.js';

const KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set([
  'id',
  'marketId',
  'size',
  'entryPrice',
  'marginMode',
  'isolatedMargin',
  'leverage',
  'unsettledFunding',
  'fundingIndex',
]);

/**
 * The position a well-formed plain input describes, read without the schema; `undefined` whenever anything is
 * off (a missing or unknown field, a bad number or rule), so the caller falls back to the schema, which reports
 * every issue. It accepts a strict subset of what the schema accepts and builds the same position.
 */
export function readPosition(input: unknown): Position | undefined {
  try {
    const raw = plainObject(input, KEYS);
    if (!raw) return undefined;
    const marketId = id(raw.marketId);
    const positionId = raw.id === undefined ? marketId : id(raw.id);
    const marginMode = raw.marginMode;
    if (!marketId || !positionId || (marginMode !== 'cross' && marginMode !== 'isolated')) return undefined;
    const size = decimal(raw.size, 'any');
    const entryPrice = decimal(raw.entryPrice, 'positive');
    if (!size || !entryPrice) return undefined;
    let isolatedMargin: Decimal | undefined;
    if (raw.isolatedMargin !== undefined) {
      isolatedMargin = decimal(raw.isolatedMargin, 'nonNegative');
      if (!isolatedMargin || marginMode !== 'isolated' || (isolatedMargin.isZero() && !size.isZero())) {
        return undefined;
      }
    } else if (marginMode === 'isolated') return undefined;
    const leverage = raw.leverage === undefined ? undefined : decimal(raw.leverage, 'positive');
    const funding = raw.unsettledFunding === undefined ? ZERO() : decimal(raw.unsettledFunding, 'any');
    const fundingIndex = raw.fundingIndex === undefined ? undefined : decimal(raw.fundingIndex, 'any');
    if ((raw.leverage !== undefined && !leverage) || !funding) return undefined;
    if (raw.fundingIndex !== undefined && !fundingIndex) return undefined;
    // Fields in the order the schema path writes them.
    const out: { -readonly [K in keyof Position]: Position[K] } = {
      id: positionId,
      marketId,
      size,
      entryPrice,
      marginMode: marginMode as MarginMode,
    } as Position;
    if (isolatedMargin) out.isolatedMargin = isolatedMargin;
    if (leverage) out.leverage = leverage;
    out.unsettledFunding = funding;
    if (fundingIndex) out.fundingIndex = fundingIndex;
    return out;
  } catch {
    // A getter that throws, a proxy trap: the schema path reports it.
    return undefined;
  }
}
