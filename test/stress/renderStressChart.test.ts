import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  renderStressChart,
  stressAccount,
  stressChartSeries,
  uniformLadder,
} from '../../src/index.js';

const account = createMarginAccount({
  settleAsset: 'USDT',
  markets: [
    {
      id: 'BTC',
      kind: 'linear',
      baseAsset: 'BTC',
      quoteAsset: 'USDT',
      marginSchedule: { type: 'flat', initialFraction: '0.1', maintenanceFraction: '0.05' },
    },
  ],
  collateral: [{ asset: 'USDT', amount: 1500 }],
  positions: [{ marketId: 'BTC', size: '0.2', entryPrice: 50_000, marginMode: 'cross' }],
});
const prices = createPrices({ markets: { BTC: { mark: 50_000 } } });
// −30 %…+30 % in 5 %: liquidatable where 1500 + 10 000 m < 0.05 · 10 000 (1 + m) → m < −1000/9500 ≈ −10.5 %,
// i.e. at −30, −25, −20, −15 % (4 of 13)
const run = stressAccount(account, prices, uniformLadder('-0.3', '0.3', '0.05'));

/** Checks that tags nest and close; returns the element names in document order. */
function wellFormed(svg: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    const [, closing, name = '', , selfClosing] = m;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else {
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  // no stray markup characters in text
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
  return names;
}

describe('renderStressChart', () => {
  const svg = renderStressChart(run);

  it('is one self-contained, well-formed SVG element', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    const names = wellFormed(svg);
    expect(names[0]).toBe('svg');
    expect(names.filter((n) => n === 'svg')).toHaveLength(1);
    expect(svg).toContain('width="720" height="360" viewBox="0 0 720 360"');
  });

  it('draws equity, maintenance and after-liquidation lines with one point per scenario', () => {
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(paths).toHaveLength(3);
    for (const d of paths) {
      expect(d.match(/[ML]/g)).toHaveLength(run.results.length);
      expect(d).not.toMatch(/NaN|Infinity/);
    }
    expect(svg).toContain('<title>equity</title>');
    expect(svg).toContain('<title>maintenance requirement</title>');
    expect(svg).toContain('stroke-dasharray');
  });

  it('labels every scenario and marks each failing one, naming the pool', () => {
    for (const r of run.results) expect(svg).toContain(`>${r.name}</text>`);
    const markers = [
      ...svg.matchAll(/<circle[^>]*><title>([^<]*): liquidatable: ([^<]*)<\/title><\/circle>/g),
    ].map((m) => [m[1], m[2]]);
    expect(markers).toEqual([
      ['-30%', 'cross'],
      ['-25%', 'cross'],
      ['-20%', 'cross'],
      ['-15%', 'cross'],
    ]);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    // The pool's name is written beside the first marker of a run of equal pools, not over every one.
    expect(svg.match(/fill="#d62728">cross<\/text>/g)).toHaveLength(1);
  });

  it('has a y axis in the settlement asset with round, grouped ticks and a named x axis', () => {
    expect(svg).toContain('>Equity (USDT)</text>');
    expect(svg).toContain('>Scenario</text>');
    const ticks = [...svg.matchAll(/text-anchor="end" font-size="11">([^<]+)<\/text>/g)].map(
      (m) => m[1] ?? '',
    );
    // equity runs from 1500 − 3000 = −1500 to 4500 and MMR up to 0.05 · 13 000 = 650: steps of 1,000
    expect(ticks).toEqual(['-2,000', '-1,000', '0', '1,000', '2,000', '3,000', '4,000', '5,000']);
    expect(svg).toContain('stroke="#999"'); // the zero line
  });

  it('exports the chart as plain series equal to the run', () => {
    const data = stressChartSeries(run);
    expect(data.unit).toBe('USDT');
    expect(data.scenarios).toEqual(run.results.map((r) => r.name));
    expect(data.lines.map((l) => l.key)).toEqual(['equity', 'maintenance', 'equity-after-liquidations']);
    expect(data.lines[0]?.values).toEqual(run.results.map((r) => r.summary.total.equity.toNumber()));
    expect(data.lines[1]?.values).toEqual(
      run.results.map((r) => r.summary.total.maintenanceRequirement.toNumber()),
    );
    expect(data.lines[2]?.values).toEqual(run.results.map((r) => r.finalEquity.toNumber()));
    // −30 %: equity 1500 − 0.2 · 50 000 · 0.3 = −1500
    expect(data.markers[0]).toEqual({ index: 0, scenario: '-30%', pools: ['cross'], equity: -1500 });
    expect(data.markers.map((m) => m.scenario)).toEqual(['-30%', '-25%', '-20%', '-15%']);
    // plain data: survives JSON unchanged
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('escapes the title and takes the size', () => {
    const custom = renderStressChart(run, { title: 'BTC <0.2> & "stress"', width: 400, height: 200 });
    expect(custom).toContain('BTC &lt;0.2&gt; &amp; &quot;stress&quot;');
    expect(custom).toContain('width="400" height="200" viewBox="0 0 400 200"');
    wellFormed(custom);
  });

  it('draws no marker when nothing is liquidatable, and survives a single scenario', () => {
    const calm = renderStressChart(stressAccount(account, prices, uniformLadder('0', '0.2', '0.1')));
    expect(calm).not.toContain('<circle');
    wellFormed(calm);
    const one = renderStressChart(stressAccount(account, prices, uniformLadder('0', '0', '0.1')));
    wellFormed(one);
    expect(one).not.toMatch(/NaN|Infinity/);
  });
});
