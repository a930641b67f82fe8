/**
 * The simulator's time source: `now()` plus timers driven by that same clock, so tests can run
 * the state machine on a fast time scale or on a manual clock they advance themselves.
 */

/** A clock with its own timers; `schedule` returns a cancel function. */
export interface SimClock {
  now(): number;
  schedule(delayMs: number, fn: () => void): () => void;
  /** Cancels every pending timer (used by `close()`). */
  cancelAll(): void;
}

/** Wall clock shifted by `offsetMs` (the server clock runs ahead for skew tests); real timers. */
export function createRealClock(offsetMs = 0): SimClock {
  const pending = new Set<ReturnType<typeof setTimeout>>();
  return {
    now: () => Date.now() + offsetMs,
    schedule(delayMs, fn) {
      const handle = setTimeout(
        () => {
          pending.delete(handle);
          fn();
        },
        Math.max(0, delayMs),
      );
      pending.add(handle);
      return () => {
        clearTimeout(handle);
        pending.delete(handle);
      };
    },
    cancelAll() {
      for (const handle of pending) clearTimeout(handle);
      pending.clear();
    },
  };
}

/** A clock that only moves when `advance` is called; due timers fire in time order. */
export interface ManualClock extends SimClock {
  advance(ms: number): void;
  set(epochMs: number): void;
  pendingCount(): number;
}

interface ManualTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Creates a manual clock starting at `startMs` (default: the current wall time). */
export function createManualClock(startMs = Date.now()): ManualClock {
  let current = startMs;
  let seq = 0;
  let timers: ManualTimer[] = [];
  const runDue = (until: number): void => {
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      current = Math.max(current, due.at);
      due.fn();
    }
    current = until;
  };
  return {
    now: () => current,
    schedule(delayMs, fn) {
      const timer = { at: current + Math.max(0, delayMs), seq: seq++, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    cancelAll() {
      timers = [];
    },
    advance(ms) {
      runDue(current + ms);
    },
    set(epochMs) {
      runDue(Math.max(current, epochMs));
    },
    pendingCount: () => timers.length,
  };
}
