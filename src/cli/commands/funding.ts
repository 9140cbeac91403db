// `marginkit funding`: funding each position pays or receives over a horizon, its annualised carry, and when
// funding alone would bring a pool to liquidation at today's prices.
import {
  type FundingScenario,
  type PoolTimeToLiquidation,
  priceOf,
  projectFunding,
  timeToLiquidation,
} from 'marginkit';
import { usage } from '../CliError.js';
import type { Command, CommandContext } from '../Command.js';
import { directed, duration, fixed, isoMinute, moneyDecimals, signedPercent } from '../format.js';
import { inField } from '../inField.js';
import { heading, type Output, table, text } from '../Layout.js';
import { priceDecimals } from '../marketDecimals.js';
import { timeOption } from '../timeOption.js';

function whenCell(result: PoolTimeToLiquidation): string {
  if (result.kind === 'never') return 'never (funding does not drain it)';
  if (result.kind === 'now') return 'LIQUIDATABLE NOW';
  return `${isoMinute(result.time)} (in ${duration(result.elapsedMs)})`;
}

function runFunding(context: CommandContext): Output {
  const book = context.book();
  const { account, prices } = book;
  const hoursText = typeof context.values.hours === 'string' ? context.values.hours : '24';
  const hours = Number(hoursText);
  if (!/^\d+$/.test(hoursText) || hours <= 0)
    throw usage(`--hours must be a positive whole number, not '${hoursText}'`);
  const fromMs = timeOption(context.values.at, context.now);
  const toMs = fromMs + hours * 3_600_000;
  const rate = context.values.rate;
  const scenario: FundingScenario =
    typeof rate === 'string' ? { kind: 'constant', rate } : { kind: 'worst-case' };
  const label =
    scenario.kind === 'constant' ? `a constant rate of ${rate} per rate period` : 'the worst-case rate';
  const dp = moneyDecimals(account.settleAsset);

  const rows = account.positions.map((position, i) => {
    const market = account.markets[position.marketId];
    const schedule = market?.fundingSchedule;
    if (!market || !schedule) return { position, projection: undefined };
    // An `index` payment price is the snapshot's oracle price.
    const price = inField(['prices'], () =>
      priceOf(prices, market.id, schedule.paymentPrice === 'mark' ? 'mark' : 'oracle'),
    );
    const projection = inField(['account', 'positions', i], () =>
      projectFunding(market, position.size, { price, fromMs, toMs, scenario }),
    );
    return { position, projection, price, market };
  });
  const ttl = inField([], () =>
    timeToLiquidation(account, prices, { fromMs, scenario, priceSource: context.priceSource(book) }),
  );

  const blocks = [
    heading(`Funding: ${book.title}`),
    text(
      `Over ${hours} h from ${isoMinute(fromMs)} under ${label}, at today's prices.`,
      'Carry: the funding as an annual fraction of notional (positive: the position pays).',
    ),
    table(
      ['Position', 'side', 'payment price', 'payments', `funding (${account.settleAsset})`, 'carry (annual)'],
      rows.map(({ position, projection, price, market }) =>
        projection && price && market
          ? [
              position.id,
              position.size.isNegative() ? 'short' : 'long',
              `${fixed(price, priceDecimals(market))} (${projection.paymentPrice})`,
              String(projection.intervals.length),
              directed(projection.total, dp, 'pays', 'receives', 'before'),
              projection.annualizedCarry ? signedPercent(projection.annualizedCarry) : '-',
            ]
          : [position.id, '-', '-', '0', 'no funding schedule', '-'],
      ),
    ),
    table(
      ['Pool', 'time to liquidation from funding alone'],
      ttl.pools.map((p) => [p.pool, whenCell(p)]),
    ),
  ];
  return {
    blocks,
    data: {
      title: book.title,
      fromMs,
      toMs,
      scenario,
      positions: rows.map(({ position, projection }) => ({
        positionId: position.id,
        projection: projection ?? null,
      })),
      timeToLiquidation: ttl,
    },
  };
}

export const funding: Command = {
  name: 'funding',
  summary:
    'funding paid or received over a horizon, annualised carry, time to liquidation from funding alone',
  help: `marginkit funding [file] [options]

Projects the funding every position of one account pays (or receives) over a horizon at today's prices, its
carry as an annual fraction of notional, and for each pool the settlement time at which funding alone would
bring it below maintenance.

Options:
  --hours <n>           horizon in hours (default 24)
  --rate <r>            a constant rate per rate period (e.g. 0.0001 for 0.01 % per 8 h); default the worst case
                        the schedule allows against each position (the cap for a long, the floor for a short)
  --at <time>           start, as an ISO date or ms since the epoch (default now)

Example:
  marginkit funding examples/portfolio.json --account 1 --hours 72`,
  options: { hours: { type: 'string' }, rate: { type: 'string' }, at: { type: 'string' } },
  run: runFunding,
};
