/**
 * When a login stops because of the server itself: its answers do not look like a Wawp API (several
 * in a row, or a 404/401 from an HTML page), or it has not answered at all for --offline-limit. What
 * this judges is gathered by server-watch.ts; the runner asks after every error and once a second.
 */
import { notWawp, offline, type Ending } from './login-outcomes';
import type { StepContext } from './next-step';
import type { ServerWatch } from './server-watch';

/** Answers in a row that do not look like Wawp before the CLI says so and stops. */
const NOT_WAWP_AFTER = 3;

export interface ServerVerdict {
  /** Counts an engine error's code; the ending it calls for, if any (else as `now()`). */
  afterError(code: string): Ending | null;
  /** The ending due now (not Wawp, or silent too long), or null to keep going. */
  now(): Ending | null;
}

/** Judges the server seen by `watch` (absent for the in-process demo: then only error codes count). */
export function serverVerdict(
  steps: StepContext,
  watch: ServerWatch | undefined,
  /** Give up after this long without any answer from the server (0 = keep trying). */
  offlineLimitMs = 0,
): ServerVerdict {
  let unreadable = 0;
  const now = (): Ending | null => {
    if ((watch?.unlikeStreak() ?? 0) >= NOT_WAWP_AFTER || unreadable >= NOT_WAWP_AFTER) return notWawp(steps);
    const since = watch?.failingSince() ?? null;
    if (watch && since !== null && offlineLimitMs > 0 && Date.now() - since >= offlineLimitMs)
      return offline(steps, watch, offlineLimitMs);
    return null;
  };
  return {
    afterError(code) {
      unreadable = code === 'bad_response' ? unreadable + 1 : 0;
      // A 404 or 401 in an HTML page is a web server that is not Wawp, not Wawp saying "no such instance".
      const looksElsewhere = (watch?.unlikeStreak() ?? 0) > 0 && ['not_found', 'unauthorized'].includes(code);
      if (code === 'not_wawp' || looksElsewhere) return notWawp(steps);
      return now();
    },
    now,
  };
}
