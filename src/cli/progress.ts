/** A progress indication for a long run. */
export interface Progress {
  /** `done` of `total` steps are finished. */
  update(done: number): void;
  /** Removes the bar. */
  finish(): void;
}

/** The part of a terminal stream the bar uses. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

const SILENT: Progress = { update() {}, finish() {} };

/**
 * A one-line progress bar redrawn in place on `stream` (`stress  [######······]  12/40`), drawn only when the
 * stream is a terminal and the run has at least `minimum` steps, so piped output and logs stay clean.
 */
export function progressBar(stream: ProgressStream, label: string, total: number, minimum = 8): Progress {
  if (!stream.isTTY || total < minimum) return SILENT;
  const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 20));
  let shown = -1;
  const draw = (done: number) => {
    const filled = Math.round((done / total) * width);
    if (filled === shown && done !== total) return;
    shown = filled;
    stream.write(`\r${label}  [${'#'.repeat(filled)}${'·'.repeat(width - filled)}]  ${done}/${total}`);
  };
  draw(0);
  return {
    update: draw,
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}
