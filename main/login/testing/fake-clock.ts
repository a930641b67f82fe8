/**
 * A deterministic Clock for tests: time moves only when the test advances it, and every pending
 * sleep is visible (`pending()`), so "stop() leaves no timer" is checkable without real timers.
 */
import type { Clock } from '../types';

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets queued promise callbacks (and the microtasks they queue) run to completion. */
export async function flush(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setImmediate(r));
}

export interface FakeClock extends Clock {
  /** Number of sleeps not yet resolved or aborted. */
  pending(): number;
  /** Advances time by `ms`, waking sleepers in order and letting the code they resume run. */
  advance(ms: number): Promise<void>;
  /** Advances in steps until `done()` or `maxMs` elapsed; returns whether `done()` became true. */
  runUntil(done: () => boolean, maxMs: number): Promise<boolean>;
}

/** Creates a fake clock starting at `start` (epoch ms). */
export function createFakeClock(start = Date.UTC(2026, 0, 1, 9, 0, 0, 437)): FakeClock {
  let now = start;
  let seq = 0;
  const sleepers = new Set<Sleeper>();
  const nextSleeper = (): Sleeper | undefined => {
    let best: Sleeper | undefined;
    for (const s of sleepers) if (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    return best;
  };
  const clock: FakeClock = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) {
          reject(new DOMException('Aborted', 'AbortError'));
          return;
        }
        const sleeper: Sleeper = { at: now + Math.max(0, ms), seq: seq++, resolve: () => undefined };
        const onAbort = (): void => {
          sleepers.delete(sleeper);
          reject(new DOMException('Aborted', 'AbortError'));
        };
        sleeper.resolve = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        sleepers.add(sleeper);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    pending: () => sleepers.size,
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (;;) {
        const next = nextSleeper();
        if (!next || next.at > target) break;
        now = Math.max(now, next.at);
        sleepers.delete(next);
        next.resolve();
        await flush();
      }
      now = target;
      await flush();
    },
    async runUntil(done, maxMs) {
      const end = now + maxMs;
      await flush();
      while (!done() && now < end) {
        const next = nextSleeper();
        const step = next ? Math.min(Math.max(next.at - now, 0), end - now) : end - now;
        await clock.advance(step);
      }
      return done();
    },
  };
  return clock;
}
