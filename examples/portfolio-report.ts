// `npm run demo`: a plain-text risk report of the example portfolio in examples/portfolio.ts.
//
// Every number comes from a library call (summarizeAccount, liquidationPrice, bankruptcyPrice,
// liquidationDistance); this file only picks decimals and lays out columns.

import {
  type AccountSummary,
  bankruptcyPrice,
  Decimal,
  type LiquidationDistance,
  liquidationDistance,
  liquidationPrice,
  type MarginAccount,
  type Market,
  type PoolSummary,
  type Position,
  type PositionSummary,
  type Prices,
  type Ratio,
  summarizeAccount,
  type ThresholdPrice,
} from '../src/index.js';
import { annualVolatility, oneDay, portfolio } from './portfolio.js';

// ── formatting ──────────────────────────────────────────────────────────────────────────────────────────────

/** Decimals shown for amounts of each settlement asset. */
const MONEY_DECIMALS: Readonly<Record<string, number>> = { USDT: 2, USDC: 2, USD: 2, BTC: 6, ETH: 5 };

function moneyDecimals(asset: string): number {
  return MONEY_DECIMALS[asset] ?? 4;
}

/** Groups the integer digits of a plain decimal string in thousands: '-1234567.5' → '-1,234,567.5'. */
function group(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `value` with `dp` decimals (half-even, the library's rounding), thousands grouped, never '-0.00'. */
function fixed(value: Decimal, dp: number): string {
  const text = value.toFixed(dp);
  return group(/^-[0.]+$/.test(text) ? text.slice(1) : text);
}

/** Like {@link fixed}, with an explicit '+' on values that show as positive. */
function signed(value: Decimal, dp: number): string {
  const text = fixed(value, dp);
  return value.isPositive() && !/^[0.]+$/.test(text) ? `+${text}` : text;
}

/** A fraction as a percentage: 0.0123 → '1.23%'. */
function percent(value: Decimal, dp = 2): string {
  return `${fixed(value.times(100), dp)}%`;
}

/** A signed fraction as a percentage: -0.0123 → '-1.23%'. */
function signedPercent(value: Decimal, dp = 2): string {
  return `${signed(value.times(100), dp)}%`;
}

function ratioPercent(ratio: Ratio): string {
  return ratio.kind === 'finite' ? percent(ratio.value) : '∞ (equity ≤ 0)';
}

function ratioTimes(ratio: Ratio): string {
  return ratio.kind === 'finite' ? `${fixed(ratio.value, 2)}×` : '∞ (equity ≤ 0)';
}

/** Decimals of a market's prices (from its tick size) and sizes (from its step size). */
function priceDecimals(market: Market): number {
  return market.tickSize ? market.tickSize.decimalPlaces() : 2;
}

function sizeDecimals(market: Market): number {
  return market.stepSize ? market.stepSize.decimalPlaces() : 4;
}

/** Lays out rows in columns: the first left-aligned, the others right-aligned. */
function table(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart((widths[i] ?? 0) + 3)))
        .join('')
        .trimEnd(),
    )
    .map((line) => `${indent}${line}`)
    .join('\n');
}

// ── one account ─────────────────────────────────────────────────────────────────────────────────────────────

interface PositionRisk {
  readonly position: Position;
  readonly market: Market;
  readonly summary: PositionSummary;
  readonly liquidation: ThresholdPrice;
  readonly bankruptcy: ThresholdPrice;
  readonly distance: LiquidationDistance;
  readonly volatility?: Decimal;
}

/** Each position's summary, liquidation and bankruptcy price, and distance, as the library computes them. */
function positionRisks(account: MarginAccount, prices: Prices, positions: readonly PositionSummary[]) {
  return positions.map((summary, i): PositionRisk => {
    const position = account.positions[i];
    const market = account.markets[summary.marketId];
    if (!position || !market) throw new Error(`summary and account disagree at ${summary.positionId}`);
    // Collateral in a market's own base asset moves with that market's price while it is solved for.
    const options = { collateralMovesWith: linkedCollateral(account) };
    const liquidation = liquidationPrice(account, prices, summary.positionId, options);
    const bankruptcy = bankruptcyPrice(account, prices, summary.positionId, options);
    const vol = annualVolatility[market.baseAsset];
    const volatility = vol === undefined ? undefined : new Decimal(vol);
    const distance = liquidationDistance(
      liquidation,
      volatility === undefined ? {} : { volatility, horizon: oneDay },
    );
    return {
      position,
      market,
      summary,
      liquidation,
      bankruptcy,
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

function thresholdCell(result: ThresholdPrice, dp: number, nowText: string): string {
  if (result.kind === 'price') return fixed(result.price, dp);
  if (result.kind === 'never') return 'none';
  return nowText;
}

function collateralTable({ collateral, settleAsset: asset }: AccountSummary): string {
  return table([
    ['Collateral', ...collateral.map((c) => c.asset)],
    ['amount', ...collateral.map((c) => fixed(c.amount, moneyDecimals(c.asset)))],
    [
      `price (${asset})`,
      ...collateral.map((c) => (c.asset === asset ? '1' : fixed(c.price, moneyDecimals(asset)))),
    ],
    ['weight', ...collateral.map((c) => fixed(c.weightApplied, 2))],
    [`value (${asset})`, ...collateral.map((c) => fixed(c.value, moneyDecimals(asset)))],
  ]);
}

function positionTable(asset: string, risks: readonly PositionRisk[]): string {
  const dp = moneyDecimals(asset);
  const row = (label: string, cell: (r: PositionRisk) => string): string[] => [label, ...risks.map(cell)];
  return table([
    row('Positions', (r) => r.position.id),
    row('market', (r) => `${r.market.id} (${r.market.kind})`),
    row('margin', (r) => r.position.marginMode),
    row('side', (r) => r.summary.side),
    row('size (contracts)', (r) => signed(r.position.size, sizeDecimals(r.market))),
    row('entry price', (r) => fixed(r.position.entryPrice, priceDecimals(r.market))),
    row('mark price', (r) => fixed(r.summary.price, priceDecimals(r.market))),
    row(`notional (${asset})`, (r) => fixed(r.summary.requirement.notional, dp)),
    row('unrealized PnL', (r) => signed(r.summary.unrealizedPnl, dp)),
    row('unsettled funding', (r) => fixed(r.summary.unsettledFunding, dp)),
    row('IMR', (r) => fixed(r.summary.requirement.initial, dp)),
    row('  initial fraction', (r) => {
      const q = r.summary.requirement;
      return `${percent(q.initialFraction)} ${q.leverageBinding ? '(leverage)' : '(schedule)'}`;
    }),
    row('MMR', (r) => fixed(r.summary.requirement.maintenance, dp)),
    row('  tier now', (r) => tierLabel(r.market, r.summary.requirement.tierIndex)),
    row('  fraction − deduction', (r) => {
      const q = r.summary.requirement;
      return `${percent(q.maintenanceFraction)} − ${fixed(q.maintenanceDeduction, dp)}`;
    }),
    row('Liquidation price', (r) =>
      thresholdCell(r.liquidation, priceDecimals(r.market), 'LIQUIDATABLE NOW'),
    ),
    row('  tier there', (r) =>
      r.liquidation.kind === 'price' ? tierLabel(r.market, r.liquidation.tierIndex) : '-',
    ),
    row('  distance', (r) => (r.distance.kind === 'distance' ? signedPercent(r.distance.fraction) : '-')),
    row('  σ assumed (annual)', (r) => (r.volatility ? percent(r.volatility, 0) : '-')),
    row('  distance in 1-day σ', (r) =>
      r.distance.kind === 'distance' && r.distance.sigmas ? `${fixed(r.distance.sigmas, 2)}σ` : '-',
    ),
    row('Bankruptcy price', (r) => thresholdCell(r.bankruptcy, priceDecimals(r.market), 'BANKRUPT NOW')),
  ]);
}

function poolTable(asset: string, pools: readonly { name: string; pool: PoolSummary }[]): string {
  const dp = moneyDecimals(asset);
  const row = (label: string, cell: (p: PoolSummary) => string): string[] => [
    label,
    ...pools.map(({ pool }) => cell(pool)),
  ];
  return table([
    ['Pools', ...pools.map((p) => p.name)],
    row(`collateral (${asset})`, (p) => fixed(p.collateralValue, dp)),
    row('equity', (p) => fixed(p.equity, dp)),
    row('notional', (p) => fixed(p.notional, dp)),
    row('IMR', (p) => fixed(p.initialRequirement, dp)),
    row('MMR', (p) => fixed(p.maintenanceRequirement, dp)),
    row('free collateral', (p) => signed(p.freeCollateral, dp)),
    row('margin ratio (MMR/equity)', (p) => ratioPercent(p.marginRatio)),
    row('leverage (notional/equity)', (p) => ratioTimes(p.leverage)),
    row('liquidatable', (p) => (p.liquidatable ? 'YES' : 'no')),
  ]);
}

/** Collateral assets that are the base asset of a linear market, linked to that market. */
function linkedCollateral(account: MarginAccount): Record<string, string> {
  const links: Record<string, string> = {};
  for (const c of account.collateral) {
    if (c.asset === account.settleAsset) continue;
    const market = Object.values(account.markets).find((m) => m.kind === 'linear' && m.baseAsset === c.asset);
    if (market) links[c.asset] = market.id;
  }
  return links;
}

/** Says which collateral moved with which market in the liquidation prices above. */
function heldCollateralNotes(account: MarginAccount, summary: AccountSummary): string[] {
  const links = linkedCollateral(account);
  return summary.collateral
    .filter((c) => Object.hasOwn(links, c.asset))
    .map(
      (c) =>
        `  Note: in ${links[c.asset]}'s liquidation and bankruptcy prices the ${c.asset} collateral ` +
        `(${fixed(c.price, moneyDecimals(account.settleAsset))} ${account.settleAsset} now) moves with the market.`,
    );
}

function accountReport(
  title: string,
  account: MarginAccount,
  prices: Prices,
): { text: string; risks: PositionRisk[] } {
  const summary = summarizeAccount(account, prices);
  const risks = positionRisks(account, prices, summary.positions);
  const pools: { name: string; pool: PoolSummary }[] = [
    { name: 'cross', pool: summary.cross },
    ...summary.isolated.map((pool) => ({ name: `isolated ${pool.positionId}`, pool })),
    { name: 'account total', pool: summary.total },
  ];
  const text = [
    `== ${title} ==`,
    `  Settle asset ${summary.settleAsset}; positions valued at the ${summary.priceSource} price.`,
    '',
    collateralTable(summary),
    '',
    positionTable(summary.settleAsset, risks),
    '',
    poolTable(summary.settleAsset, pools),
    ...heldCollateralNotes(account, summary),
  ].join('\n');
  return { text, risks };
}

// ── the whole portfolio ─────────────────────────────────────────────────────────────────────────────────────

const out: string[] = [
  'marginkit: example portfolio risk report',
  '',
  'Liquidation price: the price of the position’s market at which its pool’s equity falls to its maintenance',
  'requirement, every other market held (cross: the shared collateral and all cross positions; isolated: the',
  'position’s own margin), with the tier taken at the notional there. Distance: signed % of the mark price, and the',
  'size of that move in standard deviations of a 1-day log return at the stated annualised σ.',
  '',
];
const all: PositionRisk[] = [];
for (const { title, account, prices } of portfolio) {
  const { text, risks } = accountReport(title, account, prices);
  out.push(text, '');
  all.push(...risks);
}

// What is closest to liquidation, measured in σ (the moves are in different markets, so % alone would mislead).
const ranked = all
  .flatMap((r) =>
    r.distance.kind === 'distance' && r.distance.sigmas ? [{ r, sigmas: r.distance.sigmas }] : [],
  )
  .sort((a, b) => a.sigmas.comparedTo(b.sigmas));
out.push('Closest to liquidation (in 1-day σ):');
ranked.forEach(({ r, sigmas }, i) => {
  const d = r.distance;
  if (d.kind !== 'distance') return;
  out.push(
    `  ${i + 1}. ${r.position.id.padEnd(12)} ${r.position.marginMode.padEnd(9)} ${fixed(sigmas, 2).padStart(6)}σ  ` +
      `${signedPercent(d.fraction).padStart(8)} to ${fixed(d.price, priceDecimals(r.market))}`,
  );
});
for (const r of all) {
  if (r.distance.kind === 'never') out.push(`  ${r.position.id}: no positive price liquidates it.`);
  if (r.distance.kind === 'now') out.push(`  ${r.position.id}: LIQUIDATABLE NOW.`);
}

console.log(out.join('\n'));
