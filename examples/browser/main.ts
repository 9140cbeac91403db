// A page that shows an account's summary, liquidation prices and stress chart, computed in the browser by the
// library. Input: the library's JSON or a venue's API answers, pasted into the text area.
import {
  createMarginAccount,
  createPrices,
  type Decimal,
  formatPath,
  fromBinanceUsdmAccount,
  fromBybitPositions,
  fromDydxIndexerSubaccount,
  fromHyperliquidClearinghouseState,
  isMarginKitError,
  liquidationDistance,
  liquidationPrice,
  type MarginAccount,
  MarginKitError,
  type PriceSource,
  type Prices,
  renderStressChart,
  stressAccount,
  summarizeAccount,
  uniformLadder,
} from 'marginkit';
import { exampleAccount } from './exampleAccount.js';

interface Book {
  readonly account: MarginAccount;
  readonly prices: Prices;
  readonly priceSource: PriceSource;
}

// biome-ignore lint/suspicious/noExplicitAny: pasted payloads are validated by the adapters
type Payloads = Record<string, any>;

/** Builds the account from the pasted JSON: the library's own shape, or a venue's answers through its adapter. */
function bookOf(source: string, input: Payloads): Book {
  switch (source) {
    case 'dydx':
      return fromDydxIndexerSubaccount(input.subaccount, input.perpetualMarkets);
    case 'binance':
      return {
        ...fromBinanceUsdmAccount(
          input.positionRisk,
          input.account,
          input.leverageBrackets,
          input.premiumIndex,
        ),
        priceSource: 'mark',
      };
    case 'bybit':
      return {
        ...fromBybitPositions(input.positionList, input.walletBalance, input.tickers, input.riskLimits),
        priceSource: 'mark',
      };
    case 'hyperliquid':
      return {
        ...fromHyperliquidClearinghouseState(input.state, input.meta, input.assetCtxs),
        priceSource: 'mark',
      };
    default:
      return {
        account: within('account', () => createMarginAccount(input.account)),
        prices: within('prices', () => createPrices(input.prices)),
        priceSource: input.priceSource === 'oracle' ? 'oracle' : 'mark',
      };
  }
}

/** Runs a factory on one field of the pasted JSON, so that an error's path starts from the JSON's root. */
function within<T>(field: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!isMarginKitError(error)) throw error;
    throw new MarginKitError(error.code, error.shortMessage, { path: [field, ...error.path], cause: error });
  }
}

/**
 * Collateral held in a linear market's base asset (a BTC balance beside a BTC perp) moves with that market while its
 * liquidation price is solved, as it would in a crash.
 */
function collateralMovesWith(account: MarginAccount): Record<string, string> {
  const markets = Object.values(account.markets).filter((m) => m.kind === 'linear');
  return Object.fromEntries(
    account.collateral.flatMap((c) => {
      const market = markets.find((m) => m.baseAsset === c.asset && c.asset !== account.settleAsset);
      return market ? [[c.asset, market.id]] : [];
    }),
  );
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

/** An exact decimal with `dp` places, grouped in thousands (Intl.NumberFormat formats the decimal string exactly). */
function shown(value: Decimal, dp: number): string {
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp });
  return format.format(value.toFixed(dp) as unknown as number);
}

function fill(
  table: HTMLTableElement,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const th = `<tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const td = rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  table.innerHTML = `<thead>${th}</thead><tbody>${td}</tbody>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function compute(): void {
  const error = element<HTMLParagraphElement>('error');
  const results = element<HTMLElement>('results');
  error.textContent = '';
  try {
    const input = JSON.parse(element<HTMLTextAreaElement>('input').value) as Payloads;
    const { account, prices, priceSource } = bookOf(element<HTMLSelectElement>('source').value, input);
    const summary = summarizeAccount(account, prices, { priceSource });
    const dp = 2;
    const pools = [
      ['cross', summary.cross] as const,
      ...summary.isolated.map((p) => [`isolated ${p.positionId}`, p] as const),
      ['account total', summary.total] as const,
    ];
    fill(
      element<HTMLTableElement>('summary'),
      [`pool (${summary.settleAsset})`, 'equity', 'IMR', 'MMR', 'free collateral', 'liquidatable'],
      pools.map(([name, p]) => [
        name,
        shown(p.equity, dp),
        shown(p.initialRequirement, dp),
        shown(p.maintenanceRequirement, dp),
        shown(p.freeCollateral, dp),
        p.liquidatable ? 'YES' : 'no',
      ]),
    );
    fill(
      element<HTMLTableElement>('liquidation'),
      ['position', 'mode', 'size', 'price now', 'liquidation price', 'distance'],
      account.positions.map((position) => {
        const lp = liquidationPrice(account, prices, position.id, {
          priceSource,
          collateralMovesWith: collateralMovesWith(account),
        });
        const distance = liquidationDistance(lp);
        const tick = account.markets[position.marketId]?.tickSize?.decimalPlaces() ?? 2;
        return [
          escapeHtml(position.id),
          position.marginMode,
          position.size.toString(),
          shown(lp.currentPrice, tick),
          lp.kind === 'price' ? shown(lp.price, tick) : lp.kind === 'now' ? 'LIQUIDATABLE NOW' : 'none',
          distance.kind === 'distance' ? `${shown(distance.fraction.times(100), 2)}%` : '-',
        ];
      }),
    );
    const run = stressAccount(account, prices, uniformLadder('-0.3', '0.3', '0.05'), { priceSource });
    element<HTMLDivElement>('chart').innerHTML = renderStressChart(run, { title: 'Equity by uniform move' });
    results.hidden = false;
  } catch (caught) {
    results.hidden = true;
    error.textContent = isMarginKitError(caught)
      ? `${caught.code} at ${formatPath(caught.path)}: ${caught.shortMessage}`
      : String(caught);
  }
}

function loadExample(): void {
  element<HTMLSelectElement>('source').value = 'marginkit';
  element<HTMLTextAreaElement>('input').value = JSON.stringify(exampleAccount, null, 2);
  compute();
}

element<HTMLButtonElement>('compute').addEventListener('click', compute);
element<HTMLButtonElement>('example').addEventListener('click', loadExample);
loadExample();
