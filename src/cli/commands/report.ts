// `marginkit report`: summary, requirements with their tiers, liquidation and bankruptcy prices and the distance
// to them, for every account of the input. Every number is a library call; this file picks decimals and columns.
import {
  type AccountSummary,
  bankruptcyPrice,
  Decimal,
  type LiquidationDistance,
  liquidationDistance,
  liquidationPrice,
  type Market,
  type PoolSummary,
  type Position,
  type PositionSummary,
  summarizeAccount,
  type ThresholdPrice,
} from 'marginkit';
import type { Book } from '../Book.js';
import { usage } from '../CliError.js';
import type { Command, CommandContext } from '../Command.js';
import {
  directed,
  fixed,
  moneyDecimals,
  percent,
  ratioPercent,
  ratioTimes,
  signed,
  signedPercent,
} from '../format.js';
import { type Block, heading, type Output, text, transposed } from '../Layout.js';
import { linkedCollateral } from '../linkedCollateral.js';
import { priceDecimals, sizeDecimals } from '../marketDecimals.js';
import { distanceCell, thresholdCell } from '../thresholdCell.js';

interface PositionRisk {
  readonly position: Position;
  readonly market: Market;
  readonly summary: PositionSummary;
  readonly liquidation: ThresholdPrice;
  readonly bankruptcy: ThresholdPrice;
  readonly distance: LiquidationDistance;
  readonly volatility?: Decimal;
}

/** Each position's summary, liquidation and bankruptcy price, and distance in % and in σ over the horizon. */
function positionRisks(book: Book, summary: AccountSummary, horizon: Decimal): PositionRisk[] {
  const { account, prices } = book;
  // Collateral in a market's own base asset moves with that market's price while it is solved for.
  const options = { collateralMovesWith: linkedCollateral(account), priceSource: summary.priceSource };
  return summary.positions.map((s, i): PositionRisk => {
    const position = account.positions[i] as Position;
    const market = account.markets[s.marketId] as Market;
    const liquidation = liquidationPrice(account, prices, s.positionId, options);
    const volatility = book.volatility[market.baseAsset];
    const distance = liquidationDistance(
      liquidation,
      volatility === undefined ? {} : { volatility, horizon },
    );
    return {
      position,
      market,
      summary: s,
      liquidation,
      bankruptcy: bankruptcyPrice(account, prices, s.positionId, options),
      distance,
      ...(volatility === undefined ? {} : { volatility }),
    };
  });
}

/** The tier of a tiered schedule, numbered from 1, with its notional floor: '#2 ≥ 50,000'. */
function tierLabel(market: Market, index: number | undefined): string {
  const schedule = market.marginSchedule;
  if (schedule.type !== 'tiered' || index === undefined) return schedule.type;
  const floor = schedule.tiers[index]?.notionalFloor;
  return floor === undefined ? `#${index + 1}` : `#${index + 1} ≥ ${fixed(floor, floor.decimalPlaces())}`;
}

function collateralBlock({ collateral, settleAsset: asset }: AccountSummary): Block {
  return transposed('Collateral', collateral, (c) => c.asset, [
    ['amount', (c) => fixed(c.amount, moneyDecimals(c.asset))],
    [`price (${asset})`, (c) => (c.asset === asset ? '1' : fixed(c.price, moneyDecimals(asset)))],
    ['weight', (c) => fixed(c.weightApplied, 2)],
    [`value (${asset})`, (c) => fixed(c.value, moneyDecimals(asset))],
  ]);
}

function positionBlock(asset: string, risks: readonly PositionRisk[], horizonDays: string): Block {
  const dp = moneyDecimals(asset);
  return transposed('Positions', risks, (r) => r.position.id, [
    ['market', (r) => `${r.market.id} (${r.market.kind})`],
    ['margin', (r) => r.position.marginMode],
    ['side', (r) => r.summary.side],
    ['size (contracts)', (r) => signed(r.position.size, sizeDecimals(r.market))],
    ['entry price', (r) => fixed(r.position.entryPrice, priceDecimals(r.market))],
    ['mark price', (r) => fixed(r.summary.price, priceDecimals(r.market))],
    [`notional (${asset})`, (r) => fixed(r.summary.requirement.notional, dp)],
    ['unrealized PnL', (r) => signed(r.summary.unrealizedPnl, dp)],
    ['unsettled funding', (r) => directed(r.summary.unsettledFunding, dp, 'owed', 'receivable', 'after')],
    ['IMR', (r) => fixed(r.summary.requirement.initial, dp)],
    [
      '  initial fraction',
      (r) =>
        `${percent(r.summary.requirement.initialFraction)} ${r.summary.requirement.leverageBinding ? '(leverage)' : '(schedule)'}`,
    ],
    ['MMR', (r) => fixed(r.summary.requirement.maintenance, dp)],
    ['  tier now', (r) => tierLabel(r.market, r.summary.requirement.tierIndex)],
    [
      '  fraction − deduction',
      (r) =>
        `${percent(r.summary.requirement.maintenanceFraction)} − ${fixed(r.summary.requirement.maintenanceDeduction, dp)}`,
    ],
    ['Liquidation price', (r) => thresholdCell(r.liquidation, priceDecimals(r.market), 'LIQUIDATABLE NOW')],
    [
      '  tier there',
      (r) => (r.liquidation.kind === 'price' ? tierLabel(r.market, r.liquidation.tierIndex) : '-'),
    ],
    ['  distance', (r) => distanceCell(r.distance)],
    ['  σ assumed (annual)', (r) => (r.volatility ? percent(r.volatility, 0) : '-')],
    [
      `  distance in ${horizonDays}-day σ`,
      (r) => (r.distance.kind === 'distance' && r.distance.sigmas ? `${fixed(r.distance.sigmas, 2)}σ` : '-'),
    ],
    ['Bankruptcy price', (r) => thresholdCell(r.bankruptcy, priceDecimals(r.market), 'BANKRUPT NOW')],
  ]);
}

function poolBlock(summary: AccountSummary): Block {
  const asset = summary.settleAsset;
  const dp = moneyDecimals(asset);
  const pools: { name: string; pool: PoolSummary }[] = [
    { name: 'cross', pool: summary.cross },
    ...summary.isolated.map((pool) => ({ name: `isolated ${pool.positionId}`, pool })),
    { name: 'account total', pool: summary.total },
  ];
  return transposed('Pools', pools, (p) => p.name, [
    [`collateral (${asset})`, ({ pool }) => fixed(pool.collateralValue, dp)],
    ['equity', ({ pool }) => fixed(pool.equity, dp)],
    ['notional', ({ pool }) => fixed(pool.notional, dp)],
    ['IMR', ({ pool }) => fixed(pool.initialRequirement, dp)],
    ['MMR', ({ pool }) => fixed(pool.maintenanceRequirement, dp)],
    ['free collateral', ({ pool }) => signed(pool.freeCollateral, dp)],
    ['margin ratio (MMR/equity)', ({ pool }) => ratioPercent(pool.marginRatio)],
    ['leverage (notional/equity)', ({ pool }) => ratioTimes(pool.leverage)],
    ['liquidatable', ({ pool }) => (pool.liquidatable ? 'YES' : 'no')],
  ]);
}

/** Says which collateral moved with which market in the liquidation prices. */
function heldCollateralNotes(book: Book, summary: AccountSummary): string[] {
  const links = linkedCollateral(book.account);
  const asset = book.account.settleAsset;
  return summary.collateral
    .filter((c) => Object.hasOwn(links, c.asset))
    .map(
      (c) =>
        `Note: in ${links[c.asset]}'s liquidation and bankruptcy prices the ${c.asset} collateral ` +
        `(${fixed(c.price, moneyDecimals(asset))} ${asset} now) moves with the market.`,
    );
}

/** What is closest to liquidation, ranked in σ (moves in different markets are not comparable in % alone). */
function closestBlock(risks: readonly PositionRisk[], horizonDays: string): Block {
  const ranked = risks
    .flatMap((r) =>
      r.distance.kind === 'distance' && r.distance.sigmas
        ? [{ r, d: r.distance, sigmas: r.distance.sigmas }]
        : [],
    )
    .sort((a, b) => a.sigmas.comparedTo(b.sigmas));
  const lines = ranked.map(
    ({ r, d, sigmas }, i) =>
      `  ${i + 1}. ${r.position.id.padEnd(12)} ${r.position.marginMode.padEnd(9)} ${fixed(sigmas, 2).padStart(6)}σ  ` +
      `${signedPercent(d.fraction).padStart(8)} to ${fixed(d.price, priceDecimals(r.market))}`,
  );
  for (const r of risks) {
    if (r.distance.kind === 'never') lines.push(`  ${r.position.id}: no positive price liquidates it.`);
    if (r.distance.kind === 'now') lines.push(`  ${r.position.id}: LIQUIDATABLE NOW.`);
  }
  return text(`Closest to liquidation (in ${horizonDays}-day σ):`, ...(lines.length > 0 ? lines : ['  -']));
}

function runReport(context: CommandContext): Output {
  const horizonDays = String(context.values['horizon-days'] ?? '1');
  if (!/^\d+(\.\d+)?$/.test(horizonDays) || Number(horizonDays) <= 0) {
    throw usage(`--horizon-days must be a positive number, not '${horizonDays}'`);
  }
  // σ is annualised: the horizon in years.
  const horizon = new Decimal(horizonDays).div(365);
  const blocks: Block[] = [
    text(
      'marginkit risk report',
      '',
      'Liquidation price: the price of the position’s market at which its pool’s equity falls to its maintenance',
      'requirement, every other market held (cross: the shared collateral and all cross positions; isolated: the',
      'position’s own margin), with the tier taken at the notional there. Distance: signed % of the mark price, and the',
      `size of that move in standard deviations of a ${horizonDays}-day log return at the stated annualised σ.`,
    ),
  ];
  const data: unknown[] = [];
  const all: PositionRisk[] = [];
  for (const book of context.books) {
    const priceSource = context.priceSource(book);
    const summary = summarizeAccount(book.account, book.prices, { priceSource });
    const risks = positionRisks(book, summary, horizon);
    all.push(...risks);
    blocks.push(
      heading(book.title),
      text(`Settle asset ${summary.settleAsset}; positions valued at the ${summary.priceSource} price.`),
      collateralBlock(summary),
      positionBlock(summary.settleAsset, risks, horizonDays),
      poolBlock(summary),
    );
    const notes = heldCollateralNotes(book, summary);
    if (notes.length > 0) blocks.push(text(...notes));
    data.push({
      title: book.title,
      summary,
      positions: risks.map((r) => ({
        positionId: r.position.id,
        liquidationPrice: r.liquidation,
        bankruptcyPrice: r.bankruptcy,
        distance: r.distance,
      })),
    });
  }
  blocks.push(closestBlock(all, horizonDays));
  return { blocks, data: { accounts: data } };
}

export const report: Command = {
  name: 'report',
  summary: 'summary, requirements, liquidation and bankruptcy prices and distances of every account',
  help: `marginkit report [file] [options]

Prints each account's collateral, positions (notional, PnL, unsettled funding owed or receivable, IMR and MMR
with their tiers, liquidation and bankruptcy prices, distance in % and in σ), pools (cross, each isolated
position, total) and the positions closest to liquidation.

Options:
  --horizon-days <n>    horizon of the σ distance, in days (default 1); σ comes from the input's volatility

Example:
  marginkit report examples/portfolio.json --format markdown`,
  options: { 'horizon-days': { type: 'string' } },
  run: runReport,
};
