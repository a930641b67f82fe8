/**
 * Real time for production: `systemClock` implements the injected Clock with one timer per sleep,
 * cleared on abort, so a stopped session leaves nothing pending.
 */
import type { Clock } from './types';

/** Rejects with the signal's reason (or an AbortError) — the shape Clock.sleep promises. */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
}

/** Wall-clock time and abortable `setTimeout` sleeps (never `setInterval`). */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal));
      };
      const timer = setTimeout(
        () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal.addEventListener('abort', onAbort, { once: true });
    });
  },
};
