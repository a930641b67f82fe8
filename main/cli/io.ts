/** The process surface the CLI writes to, injectable so output formatting can be tested without a terminal. */

export interface CliIo {
  /** Writes to stdout (in --json mode: JSON lines only). */
  out(text: string): void;
  /** Writes to stderr (human messages, errors, prompts). */
  err(text: string): void;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  /** True when stdout is a terminal: redraw in place, colours, key presses. */
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Whether ANSI colours may be used on stdout (TTY and no NO_COLOR). */
  color: boolean;
  /** Aborted on Ctrl-C / SIGTERM; long-running commands stop cleanly and exit 130. */
  interrupt: AbortSignal;
  /** The terminal's size in cells (0 × 0 when stdout is not a terminal). */
  size(): { columns: number; rows: number };
  /** Calls `listener` when the terminal is resized (SIGWINCH); returns the unsubscribe function. */
  onResize(listener: () => void): () => void;
}

/** The real process streams; `interrupt` fires on SIGINT/SIGTERM. */
export function processIo(interrupt: AbortSignal): CliIo {
  const stdoutIsTTY = process.stdout.isTTY === true;
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    stdin: process.stdin,
    stdoutIsTTY,
    stdinIsTTY: process.stdin.isTTY === true,
    color: stdoutIsTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    interrupt,
    size: () => ({ columns: process.stdout.columns ?? 0, rows: process.stdout.rows ?? 0 }),
    onResize: (listener) => {
      process.stdout.on('resize', listener);
      return () => void process.stdout.off('resize', listener);
    },
  };
}
