// The progress bar of `marginkit stress` over several accounts, on a terminal (the process tests run piped).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';

const portfolio = fileURLToPath(new URL('../../../examples/portfolio.json', import.meta.url));

function io(isTTY: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (text: string) => out.push(text) > 0 },
      stderr: { isTTY, columns: 80, write: (text: string) => err.push(text) > 0 },
      stdin: { isTTY: true, fd: 0 },
      now: Date.parse('2026-01-01T00:00:00Z'),
    },
  };
}

describe('marginkit stress over several accounts', () => {
  it('moves one bar over every account and scenario on a terminal, then clears it', () => {
    const tty = io(true);
    expect(run(['stress', portfolio, '--preset', 'crash'], tty.io)).toBe(0);
    // 2 accounts · 11 scenarios of the crash preset
    expect(tty.err[0]).toMatch(/^\rstress {2}\[·+\] {2}0\/22$/);
    expect(tty.err.at(-2)).toMatch(/^\rstress {2}\[#+\] {2}22\/22$/);
    expect(tty.err.at(-1)).toBe('\r\x1b[2K');
    expect(tty.out.join('')).toContain('Stress: 2 accounts, 11 scenarios each');
  });

  it('draws nothing when the error stream is not a terminal', () => {
    const pipe = io(false);
    expect(run(['stress', portfolio, '--preset', 'crash'], pipe.io)).toBe(0);
    expect(pipe.err).toEqual([]);
  });
});
