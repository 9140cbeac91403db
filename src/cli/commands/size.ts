// `marginkit size`: the largest new position whose liquidation price stays a stressed move away.
import { maxSizeForLiquidationDistance } from 'marginkit';
import type { Command, CommandContext } from '../Command.js';
import { fixed, moneyDecimals, percent } from '../format.js';
import { inField } from '../inField.js';
import { heading, type Output, table, text } from '../Layout.js';
import { priceDecimals, sizeDecimals } from '../marketDecimals.js';
import { choiceOption, requireOption } from '../requireOption.js';

function runSize(context: CommandContext): Output {
  const book = context.book();
  const { values } = context;
  const marginMode = choiceOption(values, 'margin-mode', ['cross', 'isolated'], 'cross');
  const safety = values.safety;
  const isolatedMargin = values['isolated-margin'];
  const request = {
    marketId: requireOption(values, 'market'),
    side: choiceOption(values, 'side', ['long', 'short']),
    stressedMove: requireOption(values, 'move'),
    marginMode,
    ...(typeof safety === 'string' ? { safetyFactor: safety } : {}),
    ...(typeof isolatedMargin === 'string' ? { isolatedMargin } : {}),
  };
  const sizing = inField(['request'], () =>
    maxSizeForLiquidationDistance(book.account, book.prices, request, {
      priceSource: context.priceSource(book),
    }),
  );
  const market = book.account.markets[request.marketId];
  const pdp = market ? priceDecimals(market) : 2;
  const sdp = market ? sizeDecimals(market) : 4;
  const notional = sizing.stepSize.times(sizing.price).times(market?.contractSize ?? 1);
  return {
    blocks: [
      heading(`Size by liquidation distance: ${request.side} ${request.marketId} (${book.title})`),
      table(
        ['Sizing', ''],
        [
          ['required distance', percent(sizing.distance)],
          ['entry price (today)', fixed(sizing.price, pdp)],
          ['largest size (contracts)', fixed(sizing.size, Math.max(sdp, 6))],
          ['on the step', fixed(sizing.stepSize, sdp)],
          [
            market?.kind === 'inverse' ? 'notional (quote)' : `notional (${book.account.settleAsset})`,
            fixed(notional, moneyDecimals(book.account.settleAsset)),
          ],
          ['liquidation price there', fixed(sizing.liquidationPrice, pdp)],
          ['tier there', sizing.tierIndex === undefined ? '-' : `#${sizing.tierIndex + 1}`],
        ],
      ),
      text('The initial-margin check is separate: preview the order to see whether the venue accepts it.'),
    ],
    data: { request, sizing },
  };
}

export const size: Command = {
  name: 'size',
  summary: 'the largest new position whose liquidation price is a stressed move away',
  help: `marginkit size [file] --market <id> --side long|short --move <f> [options]

The largest new position in a market, opened at today's price, whose liquidation price is at least
--move × --safety away ("if a plausible stressed move is 12 %, how big can I be").

Options:
  --market <id>           market of the new position (required; the pool must not hold it already)
  --side long|short       (required)
  --move <f>              the stressed move to survive, as a fraction (0.12 = 12 %; required)
  --safety <x>            multiplier on the move (default 1)
  --margin-mode <mode>    cross (default: joins the cross pool) or isolated
  --isolated-margin <a>   margin of an isolated position (required with --margin-mode isolated)

Example:
  marginkit size examples/portfolio.json --account 1 --market SOL-PERP --side long --move 0.12 --safety 1.25`,
  options: {
    market: { type: 'string' },
    side: { type: 'string' },
    move: { type: 'string' },
    safety: { type: 'string' },
    'margin-mode': { type: 'string' },
    'isolated-margin': { type: 'string' },
  },
  run: runSize,
};
