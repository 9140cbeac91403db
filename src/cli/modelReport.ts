// `marginkit report --from drift|orderly|gmx`: the venue model's own numbers (its margin terms are not a generic
// schedule), beside what the venue reported. Every number is a library call; this file picks decimals and columns.
import {
  Decimal,
  type DriftLiquidationPrice,
  type DriftPerpMargin,
  driftLiquidationPrice,
  driftMarginCalculation,
  type GmxLiquidationHours,
  gmxLiquidationCheck,
  gmxLiquidationHours,
  gmxLiquidationPrice,
  type OrderlyLiquidationPrice,
  orderlyAccountMargin,
  orderlyLiquidationPrice,
} from 'marginkit';
import { directed, fixed, percent, signed, signedPercent } from './format.js';
import { type Block, heading, type Output, text, transposed } from './Layout.js';
import type { ModelBook } from './modelBook.js';

type Threshold =
  | { readonly kind: 'price'; readonly price: Decimal }
  | { readonly kind: 'never' }
  | { readonly kind: 'now' };

/** A venue's liquidation price as shown, and its distance from the current price in %. */
function cells(result: Threshold, current: Decimal, dp: number): [string, string] {
  if (result.kind === 'never') return ['none', '-'];
  if (result.kind === 'now') return ['LIQUIDATABLE NOW', '-'];
  return [fixed(result.price, dp), signedPercent(result.price.minus(current).div(current))];
}

/** Drift's chain integers in human units: QUOTE and PRICE 1e6, BASE 1e9, ratios and weights 1e4. */
const usd = (x: Decimal) => x.div(1e6);
const ratio = (x: Decimal) => x.div(1e4);

function driftBlocks(book: Extract<ModelBook, { venue: 'drift' }>): { blocks: Block[]; data: unknown } {
  const { user, markets } = book.snapshot;
  const maintenance = driftMarginCalculation(user, markets, 'maintenance');
  const initial = driftMarginCalculation(user, markets, 'initial');
  const liquidation = user.perpPositions.map((p) => driftLiquidationPrice(user, markets, p.marketIndex));
  const rows = maintenance.perps.map((m, i) => ({
    m,
    i: initial.perps[i] as DriftPerpMargin,
    lp: liquidation[i] as DriftLiquidationPrice,
    base: new Decimal(String(user.perpPositions[i]?.baseAssetAmount)).div(1e9),
    oracle: usd(new Decimal(String(markets.perp[m.marketIndex]?.oraclePrice))),
    funding: book.funding.find((f) => f.marketIndex === m.marketIndex),
  }));
  const spot = user.spotPositions.map((s) => {
    const market = markets.spot[String(s.marketIndex)];
    const decimals = market?.decimals ?? 0;
    const amount = new Decimal(String(s.tokenAmount)).div(new Decimal(10).pow(decimals));
    return { index: String(s.marketIndex), amount, price: usd(new Decimal(String(market?.oraclePrice))) };
  });
  const blocks: Block[] = [
    text('Spot balances (deposits > 0, borrows < 0) at their oracle prices; amounts in USD.'),
    transposed('Spot balances', spot, (s) => `spot ${s.index}`, [
      ['token amount', (s) => signed(s.amount, 6)],
      ['oracle price', (s) => fixed(s.price, 4)],
      ['value', (s) => signed(s.amount.times(s.price), 2)],
    ]),
    transposed('Perp positions', rows, (r) => `perp ${r.m.marketIndex}`, [
      ['side', (r) => (r.base.isNegative() ? 'short' : 'long')],
      ['base (coins)', (r) => signed(r.base, 4)],
      ['oracle price', (r) => fixed(r.oracle, 4)],
      ['notional', (r) => fixed(usd(r.m.baseAssetValue), 2)],
      ['unrealized PnL', (r) => signed(usd(r.m.unrealizedPnl), 2)],
      ['  unsettled funding', (r) => directed(usd(r.m.unsettledFunding), 2, 'receivable', 'owed', 'after')],
      ['  PnL weight (maint.)', (r) => fixed(ratio(r.m.unrealizedPnlWeight), 4)],
      ['  counted (maint.)', (r) => signed(usd(r.m.weightedUnrealizedPnl), 2)],
      ['initial ratio', (r) => percent(ratio(r.i.marginRatio))],
      ['initial requirement', (r) => fixed(usd(r.i.marginRequirement), 2)],
      ['maintenance ratio', (r) => percent(ratio(r.m.marginRatio))],
      ['maintenance requirement', (r) => fixed(usd(r.m.marginRequirement), 2)],
      ['funding rate (1 h)', (r) => (r.funding ? signedPercent(r.funding.hourly, 4) : '-')],
      ['Liquidation price (SDK)', (r) => cells(priceIn(r.lp), r.oracle, 4)[0]],
      ['  distance', (r) => cells(priceIn(r.lp), r.oracle, 4)[1]],
    ]),
    transposed(
      'Account',
      [
        { name: 'initial', c: initial },
        { name: 'maintenance', c: maintenance },
      ],
      (x) => x.name,
      [
        ['total collateral', (x) => fixed(usd(x.c.totalCollateral), 2)],
        ['margin requirement', (x) => fixed(usd(x.c.marginRequirement), 2)],
        ['free collateral', (x) => signed(usd(x.c.freeCollateral), 2)],
        ['below requirement', (x) => (x.c.belowRequirement ? 'YES' : 'no')],
      ],
    ),
  ];
  return {
    blocks,
    data: { initial, maintenance, liquidationPrices: liquidation, funding: book.funding },
  };
}

/** A Drift price (PRICE_PRECISION) in USD. */
function priceIn(lp: DriftLiquidationPrice): Threshold {
  return lp.kind === 'price' ? { kind: 'price', price: usd(lp.price) } : lp;
}

function orderlyBlocks(book: Extract<ModelBook, { venue: 'orderly' }>): { blocks: Block[]; data: unknown } {
  const { account, markets, maxAccountLeverage, reported } = book.snapshot;
  const options = maxAccountLeverage === undefined ? {} : { maxAccountLeverage };
  const margin = orderlyAccountMargin(account, markets, options);
  const rows = margin.positions.map((p) => ({
    p,
    exact: orderlyLiquidationPrice(account, markets, p.symbol),
    estimate: orderlyLiquidationPrice(account, markets, p.symbol, { convention: 'estimate' }),
    reported: reported.positions[p.symbol],
  }));
  const shown = (lp: OrderlyLiquidationPrice, mark: Decimal) => cells(lp, mark, 4);
  const blocks: Block[] = [
    text(
      'Liquidation price: exact, the mark at which total collateral equals maintenance margin with the MMR following',
      'the notional; estimate, Orderly’s linear formula with the MMR held at the current notional.',
    ),
    transposed('Positions', rows, (r) => r.p.symbol, [
      ['side', (r) => (r.p.qty.isNegative() ? 'short' : 'long')],
      ['quantity', (r) => signed(r.p.qty, 6)],
      ['mark price', (r) => fixed(r.p.markPrice, 4)],
      ['notional', (r) => fixed(r.p.notional, 2)],
      ['unsettled PnL', (r) => signed(r.p.unsettledPnl, 2)],
      ['IMR', (r) => percent(r.p.imr, 4)],
      ['MMR', (r) => percent(r.p.mmr, 4)],
      ['initial margin', (r) => fixed(r.p.initialMargin, 2)],
      ['maintenance margin', (r) => fixed(r.p.maintenanceMargin, 2)],
      ['Liquidation price (exact)', (r) => shown(r.exact, r.p.markPrice)[0]],
      ['  distance', (r) => shown(r.exact, r.p.markPrice)[1]],
      ['  estimate (Orderly)', (r) => shown(r.estimate, r.p.markPrice)[0]],
      ['  est_liq_price reported', (r) => (r.reported?.estLiqPrice ? fixed(r.reported.estLiqPrice, 4) : '-')],
    ]),
    transposed('Account', [margin], () => 'cross', [
      ['USDC holding', () => fixed(new Decimal(String(account.usdcBalance)), 2)],
      ['total collateral', (m) => fixed(m.totalCollateral, 2)],
      ['  reported', () => (reported.totalCollateralValue ? fixed(reported.totalCollateralValue, 2) : '-')],
      ['notional', (m) => fixed(m.totalNotional, 2)],
      ['initial margin', (m) => fixed(m.initialMargin, 2)],
      ['maintenance margin', (m) => fixed(m.maintenanceMargin, 2)],
      ['free collateral', (m) => signed(m.freeCollateral, 2)],
      ['margin ratio (TC/notional)', (m) => percent(m.marginRatio)],
      ['maintenance ratio', (m) => percent(m.maintenanceMarginRatio, 4)],
      ['liquidatable', (m) => (m.liquidatable ? 'YES' : 'no')],
    ]),
  ];
  return {
    blocks,
    data: {
      margin,
      liquidationPrices: rows.map((r) => ({ symbol: r.p.symbol, exact: r.exact, estimate: r.estimate })),
      reported,
    },
  };
}

function hoursCell(hours: GmxLiquidationHours | undefined): string {
  if (hours === undefined) return '- (no rates given)';
  if (hours.kind === 'never') return 'never (no fee charged)';
  if (hours.kind === 'now') return 'LIQUIDATABLE NOW';
  return `${fixed(hours.hours, 1)} h (fees ${fixed(hours.feesPerHourUsd, 2)}/h)`;
}

function gmxBlocks(book: Extract<ModelBook, { venue: 'gmx' }>): { blocks: Block[]; data: unknown } {
  const { snapshot, market, indexPrice, rates } = book;
  const params = { ...market, priceImpactUsd: market.priceImpactUsd ?? snapshot.reported.priceImpactUsd };
  const check = gmxLiquidationCheck(snapshot.position, params, indexPrice);
  const lp = gmxLiquidationPrice(snapshot.position, params, indexPrice);
  const hours =
    rates === undefined ? undefined : gmxLiquidationHours(snapshot.position, params, indexPrice, rates);
  const p = snapshot.position;
  const [price, distance] = cells(lp, indexPrice, 4);
  const blocks: Block[] = [
    text(
      'Remaining collateral: collateral + PnL + the close’s price impact (capped) − closing fee − pending borrowing and',
      'funding; liquidated below max(min collateral USD, size · min collateral factor). Liquidation hours: at this index',
      'price, until borrowing and funding fees bring remaining collateral down to that threshold.',
    ),
    transposed('Position', [snapshot], () => snapshot.market, [
      ['side', () => (p.isLong ? 'long' : 'short')],
      ['size (USD)', () => fixed(p.sizeInUsd, 2)],
      ['size (index tokens)', () => fixed(p.sizeInTokens, 6)],
      ['entry price', () => fixed(snapshot.entryPrice, 4)],
      ['index price', () => fixed(indexPrice, 4)],
      ['collateral (tokens)', () => fixed(p.collateralAmount, 6)],
      ['collateral (USD)', () => fixed(check.collateralUsd, 2)],
      ['PnL', () => signed(check.pnlUsd, 2)],
      ['  reported by GMX', () => signed(snapshot.reported.basePnlUsd, 2)],
      ['close price impact (capped)', () => signed(check.priceImpactUsd, 2)],
      ['closing fee', () => fixed(check.closingFeeUsd, 2)],
      ['pending borrowing', () => fixed(p.pendingBorrowingFeesUsd, 2)],
      ['pending funding', () => fixed(p.pendingFundingFeesUsd, 2)],
      ['remaining collateral', () => fixed(check.remainingCollateralUsd, 2)],
      ['threshold', () => fixed(check.thresholdUsd, 2)],
      ['liquidatable', () => (check.liquidatable ? `YES (${check.reason})` : 'no')],
      ['Liquidation price', () => price],
      ['  distance', () => distance],
      ['Liquidation hours', () => hoursCell(hours)],
    ]),
  ];
  return { blocks, data: { check, liquidationPrice: lp, liquidationHours: hours ?? null } };
}

/** The report of accounts read by the Drift, Orderly or GMX adapter. */
export function modelReport(books: readonly ModelBook[]): Output {
  const blocks: Block[] = [text('marginkit risk report (venue models)')];
  const data: unknown[] = [];
  for (const book of books) {
    const part =
      book.venue === 'drift'
        ? driftBlocks(book)
        : book.venue === 'orderly'
          ? orderlyBlocks(book)
          : gmxBlocks(book);
    blocks.push(heading(book.title), ...part.blocks);
    data.push({ title: book.title, venue: book.venue, ...(part.data as object) });
  }
  return { blocks, data: { accounts: data } };
}
