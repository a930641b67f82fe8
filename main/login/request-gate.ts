/**
 * One request in flight per instance: every client call of a session goes through one gate, which
 * queues calls, gives each its own deadline on the injected clock, and settles at once when the
 * session stops (even if the client ignores the abort), so a stopped session never hangs a queue.
 */
import type { WawpError } from '../../common/model';
import type { Outcome } from '../wawp/types';
import { cancelledError, networkError, timeoutError } from '../wawp/errors';
import type { Clock } from './types';

/** Runs `call` after the previous one settled; never rejects. */
export type Gate = <T>(
  call: (signal: AbortSignal) => Promise<Outcome<T>>,
  stop: AbortSignal,
) => Promise<Outcome<T>>;

/** Creates a gate whose calls time out after `timeoutMs` of `clock` time; `host` names the server. */
export function createGate(clock: Clock, timeoutMs: () => number, host?: string): Gate {
  const STOPPED: WawpError = cancelledError(host);
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(call: (signal: AbortSignal) => Promise<Outcome<T>>, stop: AbortSignal) => {
    const run = async (): Promise<Outcome<T>> => {
      if (stop.aborted) return { ok: false, error: STOPPED };
      const request = new AbortController();
      const timer = new AbortController();
      let onStop = (): void => undefined;
      const stopped = new Promise<Outcome<T>>((resolve) => {
        onStop = () => {
          request.abort(stop.reason);
          resolve({ ok: false, error: STOPPED });
        };
        stop.addEventListener('abort', onStop, { once: true });
      });
      const deadline = clock.sleep(timeoutMs(), timer.signal).then(
        (): Outcome<T> => {
          request.abort(new DOMException('Timed out', 'TimeoutError'));
          return { ok: false, error: timeoutError(timeoutMs(), host) };
        },
        () => new Promise<Outcome<T>>(() => undefined),
      );
      const attempt = call(request.signal).catch((e: unknown): Outcome<T> => ({
        ok: false,
        error: networkError(host ?? 'the server', e),
      }));
      try {
        return await Promise.race([attempt, deadline, stopped]);
      } finally {
        timer.abort();
        stop.removeEventListener('abort', onStop);
      }
    };
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
}
