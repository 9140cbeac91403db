// `marginkit preview`: what one order would do to an account.
import { type Decimal, type OrderRequest, type PoolSummary, previewOrder, priceOf } from 'marginkit';
import { usage } from '../CliError.js';
import type { Command, CommandContext } from '../Command.js';
import { fixed, moneyDecimals, ratioPercent, ratioTimes, signed, signedPercent } from '../format.js';
import { inField } from '../inField.js';
import { heading, type Output, table, text } from '../Layout.js';
import { priceDecimals, sizeDecimals } from '../marketDecimals.js';
import { orderBookFile } from '../orderBookFile.js';
import { choiceOption, requireOption } from '../requireOption.js';
import { distanceCell, thresholdCell } from '../thresholdCell.js';

function optional(values: CommandContext['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function runPreview(context: CommandContext): Output {
  const book = context.book();
  const { values } = context;
  const isolatedMargin = optional(values, 'isolated-margin');
  const leverage = optional(values, 'leverage');
  const feeRate = optional(values, 'fee-rate');
  const positionId = optional(values, 'position');
  const bookFile = optional(values, 'book');
  if (bookFile !== undefined && values.price !== undefined) {
    throw usage('give --price (a limit fill) or --book (a market order walking the book), not both');
  }
  const order: OrderRequest = {
    marketId: requireOption(values, 'market'),
    side: choiceOption(values, 'side', ['buy', 'sell']),
    size: requireOption(values, 'size'),
    ...(bookFile === undefined
      ? { price: requireOption(values, 'price') }
      : { book: orderBookFile(bookFile) }),
    marginMode: choiceOption(values, 'margin-mode', ['cross', 'isolated'], 'cross'),
    ...(feeRate === undefined ? {} : { feeRate }),
    ...(isolatedMargin === undefined ? {} : { isolatedMargin }),
    ...(leverage === undefined ? {} : { leverage }),
    ...(positionId === undefined ? {} : { positionId }),
    ...(values['reduce-only'] === true ? { reduceOnly: true } : {}),
  };
  const preview = inField(['order'], () =>
    previewOrder(book.account, book.prices, order, { priceSource: context.priceSource(book) }),
  );
  const at = order.book ? 'market (walking the book)' : `at ${String(order.price)}`;
  const title = `Order preview: ${order.side} ${order.size} ${order.marketId} ${at} (${book.title})`;
  if (preview.kind === 'rejected') {
    return { blocks: [heading(title), text(`Rejected: ${preview.reason}.`)], data: { order, preview } };
  }
  const asset = book.account.settleAsset;
  const dp = moneyDecimals(asset);
  const market = book.account.markets[order.marketId];
  const pdp = market ? priceDecimals(market) : 2;
  const sdp = market ? sizeDecimals(market) : 4;
  const pools = preview.check.pools.map((p) => p.pool);
  const poolOf = (s: typeof preview.summaryBefore, name: string): PoolSummary | undefined =>
    name === 'cross' ? s.cross : s.isolated.find((p) => p.positionId === name);
  const poolRows = (name: string): string[][] => {
    const before = poolOf(preview.summaryBefore, name);
    const after = poolOf(preview.summaryAfter, name);
    const cell = (p: PoolSummary | undefined, f: (p: PoolSummary) => string) => (p ? f(p) : '-');
    const row = (label: string, f: (p: PoolSummary) => string) => [
      `${name}: ${label}`,
      cell(before, f),
      cell(after, f),
    ];
    return [
      row('equity', (p) => fixed(p.equity, dp)),
      row('IMR', (p) => fixed(p.initialRequirement, dp)),
      row('MMR', (p) => fixed(p.maintenanceRequirement, dp)),
      row('free collateral', (p) => signed(p.freeCollateral, dp)),
      row('margin ratio', (p) => ratioPercent(p.marginRatio)),
      row('leverage', (p) => ratioTimes(p.leverage)),
    ];
  };
  const after = preview.positionAfter;
  const { walk } = preview;
  // Slippage against the price margin is measured on: (fill − ref)/ref for a buy, (ref − fill)/ref for a sell.
  const source = context.priceSource(book);
  const against = (reference: Decimal) => {
    const diff = preview.fillPrice.minus(reference).div(reference);
    return signedPercent(order.side === 'buy' ? diff : diff.negated(), 3);
  };
  const walkRows: string[][] =
    walk && walk.kind !== 'none'
      ? [
          ['levels taken', String(walk.fills.length)],
          ['best / worst price', `${fixed(walk.bestPrice, pdp)} / ${fixed(walk.worstPrice, pdp)}`],
          ['slippage vs best', signedPercent(walk.slippage.best, 3)],
          ['slippage vs mid', walk.slippage.mid ? signedPercent(walk.slippage.mid, 3) : '-'],
          [`slippage vs ${source}`, against(priceOf(book.prices, order.marketId, source))],
        ]
      : [];
  const blocks = [
    heading(title),
    table(
      ['Fill', ''],
      [
        ['transition', preview.transition],
        ['filled (contracts)', fixed(preview.fillSize, sdp)],
        [walk ? 'average fill price' : 'fill price', fixed(preview.fillPrice, pdp)],
        ...walkRows,
        ['unfilled', fixed(preview.unfilled, sdp)],
        [`fee (${asset})`, signed(preview.fee, dp)],
        ['realized PnL', signed(preview.realizedPnl, dp)],
        ['margin moved into isolated', signed(preview.isolatedMarginTransfer, dp)],
        ['position after', after ? `${signed(after.size, sdp)} @ ${fixed(after.entryPrice, pdp)}` : 'closed'],
        [
          'liquidation price',
          preview.liquidation ? thresholdCell(preview.liquidation, pdp, 'LIQUIDATABLE NOW') : '-',
        ],
        ['  distance', preview.distance ? distanceCell(preview.distance) : '-'],
      ],
    ),
    table(['Pool', 'before', 'after'], pools.flatMap(poolRows)),
    text(
      ...preview.check.pools.map(
        (p) =>
          `Initial-margin check, ${p.pool}: ${p.passes ? 'passes' : 'FAILS'} (${p.reason}` +
          `${p.passes ? '' : `, short ${fixed(p.shortfall, dp)} ${asset}`}).`,
      ),
    ),
  ];
  const { account: _after, ...rest } = preview;
  return { blocks, data: { order, preview: rest } };
}

export const preview: Command = {
  name: 'preview',
  summary:
    "an order's effect: fill, fee, realised PnL, pools before and after, new liquidation price, margin check",
  help: `marginkit preview [file] --market <id> --side buy|sell --size <n> (--price <p> | --book <file>) [options]

Shows what an order would do to one account, filled at --price or walking the order book of --book: the transition (open, add, reduce, close,
flip), fee and realised PnL, the touched pools before and after, the new liquidation price and distance, and
the venue's initial-margin check.

Options:
  --market <id>           market of the order (required)
  --side buy|sell         (required)
  --size <n>              size in contracts, on the market's step (required)
  --price <p>             fill price of a limit order (or --book)
  --book <file>           order book to walk as a market order: fill price, levels taken and slippage against
                          the best price, the mid and the mark (or oracle). JSON { bids, asks } with levels
                          { price, size } or [price, size] (sizes in contracts), or a venue's book answer:
                          Binance /fapi/v1/depth, Bybit /v5/market/orderbook, dYdX indexer orderbook,
                          Hyperliquid l2Book
  --fee-rate <f>          fee rate on the filled notional (negative: rebate; default 0)
  --margin-mode <mode>    cross (default) or isolated, for a new position
  --isolated-margin <a>   margin moved into a new isolated position (default its initial requirement)
  --leverage <x>          leverage set on the resulting position
  --position <id>         the position traded, when a market has several (hedge mode)
  --reduce-only           never increase or flip the position

Example:
  marginkit preview examples/portfolio.json --account 1 --market ETH-PERP --side buy --size 10 --price 3355.80
  marginkit preview examples/portfolio.json --account 1 --market ETH-PERP --side buy --size 10 --book book.json`,
  options: {
    market: { type: 'string' },
    side: { type: 'string' },
    size: { type: 'string' },
    price: { type: 'string' },
    book: { type: 'string' },
    'fee-rate': { type: 'string' },
    'margin-mode': { type: 'string' },
    'isolated-margin': { type: 'string' },
    leverage: { type: 'string' },
    position: { type: 'string' },
    'reduce-only': { type: 'boolean' },
  },
  run: runPreview,
};
