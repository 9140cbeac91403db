import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, columns: 60, written, write: (text: string) => written.push(text) > 0 };
}

describe('progressBar', () => {
  it('redraws one line in place on a terminal and clears it at the end', () => {
    const tty = stream(true);
    const bar = progressBar(tty, 'stress', 10);
    for (let i = 1; i <= 10; i++) bar.update(i);
    bar.finish();
    expect(tty.written[0]).toMatch(/^\rstress {2}\[·+\] {2}0\/10$/);
    expect(tty.written.at(-2)).toMatch(/^\rstress {2}\[#+\] {2}10\/10$/);
    expect(tty.written.at(-1)).toBe('\r\x1b[2K');
    // the bar is as wide as the terminal allows: 60 − 6 − 20 = 34 cells
    expect(tty.written.at(-2)).toContain(`[${'#'.repeat(34)}]`);
  });

  it('stays silent when the stream is not a terminal, or the run is short', () => {
    const pipe = stream(false);
    const bar = progressBar(pipe, 'stress', 100);
    bar.update(50);
    bar.finish();
    expect(pipe.written).toEqual([]);
    const tty = stream(true);
    progressBar(tty, 'stress', 3).update(1);
    expect(tty.written).toEqual([]);
  });
});
