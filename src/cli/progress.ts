/**
 * A progress bar on stderr for long runs: drawn only when stderr is a terminal (never into a log or a pipe),
 * redrawn at most ten times a second, erased when done.
 */

/** Where the bar is drawn. */
export interface ProgressSink {
  stderr(text: string): void;
  stderrIsTTY?: boolean;
}

/** A progress reporter: `update(done, total)`, then `done()`. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 30;
const INTERVAL_MS = 100;

/** A progress bar labelled `label`, or one that does nothing when stderr is not a terminal or `enabled` is false. */
export function createProgress(sink: ProgressSink, label: string, enabled = true): Progress {
  if (!enabled || !sink.stderrIsTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < INTERVAL_MS && done < total) return;
      last = now;
      const share = total ? done / total : 1;
      const filled = Math.round(share * WIDTH);
      sink.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) sink.stderr('\r\u001b[2K');
    },
  };
}
