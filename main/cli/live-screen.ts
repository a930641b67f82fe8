/**
 * A frame redrawn in place on the terminal's alternate screen (like `less`): on a clock of its own and
 * on resize, only when the frame changed, and always giving the normal screen back (on `leave()` or when
 * the process exits). Kept apart from the login view, which only says what a frame holds.
 */
import type { CliIo } from './io';

/** How often the frame is recomputed: often enough for a countdown in seconds to tick on time. */
const TICK_MS = 250;

export class LiveScreen {
  private open = false;
  private lastFrame = '';
  private clock: NodeJS.Timeout | null = null;
  private stopResize: (() => void) | null = null;
  private readonly restore = (): void => this.leave();

  /** `frame` gives the lines to show for the terminal's current size. */
  constructor(
    private readonly io: CliIo,
    private readonly frame: (size: { columns: number; rows: number }) => string[],
  ) {}

  /** Takes the screen (on a TTY only; elsewhere nothing is drawn) and draws the first frame. */
  enter(): void {
    if (!this.io.stdoutIsTTY) return;
    this.open = true;
    this.io.out('\x1b[?1049h\x1b[?25l'); // alternate screen, cursor hidden
    process.once('exit', this.restore);
    this.stopResize = this.io.onResize(() => this.redraw(true));
    // The countdown is a clock of its own: it ticks whatever the network does.
    this.clock = setInterval(() => this.redraw(), TICK_MS);
    this.clock.unref();
    this.redraw();
  }

  /** Draws the frame if it changed (`force` after a resize, when the old frame may have reflowed). */
  redraw(force = false): void {
    if (!this.open) return;
    const lines = this.frame(this.io.size());
    const frame = lines.map((line) => `${line}\x1b[K`).join('\r\n');
    if (!force && frame === this.lastFrame) return;
    this.lastFrame = frame;
    this.io.out(`${force ? '\x1b[2J' : ''}\x1b[H${frame}\x1b[J`);
  }

  /** Stops the clock and gives the normal screen back; harmless when the screen was never taken. */
  leave(): void {
    if (this.clock) clearInterval(this.clock);
    this.clock = null;
    this.stopResize?.();
    this.stopResize = null;
    process.off('exit', this.restore);
    if (this.open) this.io.out('\x1b[?25h\x1b[?1049l');
    this.open = false;
  }
}
