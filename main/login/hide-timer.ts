/**
 * The hide deadline of the code on screen, on its own timer: the loop checks it only between
 * requests, and a slow reply must not leave a dead code on screen meanwhile.
 */
import type { Clock } from './types';

export interface HideTimer {
  /** Fires `onDue` at `at` (Infinity = disarm); re-arming at the same moment is a no-op. */
  arm(at: number): void;
  disarm(): void;
}

/** One abortable sleep on `clock` at a time. */
export function createHideTimer(clock: Clock, onDue: () => void): HideTimer {
  let armed: { at: number; ctl: AbortController } | null = null;
  const disarm = (): void => {
    armed?.ctl.abort();
    armed = null;
  };
  return {
    disarm,
    arm(at) {
      if (armed?.at === at) return;
      disarm();
      if (at === Infinity) return;
      const ctl = new AbortController();
      armed = { at, ctl };
      clock.sleep(Math.max(0, at - clock.now()), ctl.signal).then(
        () => {
          if (armed?.ctl !== ctl) return;
          armed = null;
          onDue();
        },
        () => undefined,
      );
    },
  };
}
