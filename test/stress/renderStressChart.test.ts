import { describe, expect, it } from 'vitest';
import {
  createMarginAccount,
  createPrices,
  renderStressChart,
  stressAccount,
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

  it('labels every scenario and marks each liquidatable one', () => {
    for (const r of run.results) expect(svg).toContain(`>${r.name}</text>`);
    const markers = [...svg.matchAll(/<circle[^>]*><title>([^<]*): liquidatable<\/title><\/circle>/g)].map(
      (m) => m[1],
    );
    expect(markers).toEqual(run.results.filter((r) => r.liquidatable).map((r) => r.name));
    expect(markers).toEqual(['-30%', '-25%', '-20%', '-15%']);
    expect(svg.match(/<circle/g)).toHaveLength(4);
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
