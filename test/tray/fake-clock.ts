/** A manual Clock for scheduler tests: time moves only in `advance`, which fires due sleeps in order. */
import type { Clock } from '../../main/login/types';

interface Timer {
  at: number;
  resolve: () => void;
}

/** Lets pending promise chains run (real event-loop turns; no timing involved). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private t = 1_000_000;
  private readonly timers = new Set<Timer>();

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error);
      const timer: Timer = { at: this.t + Math.max(0, ms), resolve };
      this.timers.add(timer);
      signal.addEventListener(
        'abort',
        () => {
          this.timers.delete(timer);
          reject(signal.reason as Error);
        },
        { once: true },
      );
    });
  }

  /** Moves time forward by `ms`, firing every sleep that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (;;) {
      const due = [...this.timers].filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers.delete(due);
      this.t = due.at;
      due.resolve();
      await settle();
    }
    this.t = end;
    await settle();
  }

  /** How many sleeps are pending (0 after stop proves nothing is left running). */
  pending(): number {
    return this.timers.size;
  }
}
