// The documentation a user reaches from the README and npm: absolute links, and a task guide naming real exports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('documentation users can reach', () => {
  it('the README links by absolute URL, so its links work on npm too', () => {
    const links = [...read('README.md').matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link).toMatch(/^https:\/\//);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.repository.url).toBe('git+https://github.com/marginkit/marginkit.git');
    for (const link of links.filter((l) => l.startsWith('https://github.com/marginkit/marginkit/'))) {
      // every repository link points at a file or folder that exists
      const path = link.replace(/^https:\/\/github\.com\/marginkit\/marginkit\/(blob|tree)\/main\/?/, '');
      expect(() => readFileSync(new URL(`../../${path}`, import.meta.url)), link).not.toThrow(/ENOENT/);
    }
  });

  it('"which function do I need" names only functions the package exports', () => {
    const guide = read('docs/guides/which-function.md');
    const names = [...guide.matchAll(/^\|.*\|\s*(.+?)\s*\|$/gm)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/`([a-z][A-Za-z0-9]+)`/g)].map((n) => n[1] ?? ''),
    );
    const functions = names.filter((n) => !['report', 'stress', 'funding', 'preview', 'size'].includes(n));
    expect(functions.length).toBeGreaterThan(30);
    for (const name of functions)
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
  });
});
