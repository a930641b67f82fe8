/**
 * createLoginSession: the per-instance login loop. One chained, abortable sleep drives it; every
 * client call goes through one gate (one request in flight, see perform.ts); a stop check follows
 * every await.
 */
import type { LoginEvent } from '../../common/model';
import { classifyError } from './backoff';
import { errorEvent } from './error-event';
import { createHideTimer } from './hide-timer';
import { systemClock } from './clock';
import { createSkewTracker } from './clock-skew';
import { initialState, nextAction, type LoopState } from './loop-state';
import { fetchPairingCode, normalizePhone } from './pairing';
import { createPerform } from './perform';
import { createReactions } from './reactions';
import { createGate } from './request-gate';
import { DEFAULT_TIMING, clampDelay, type LoginTiming } from './schedule';
import type { LoginSession, LoginSessionOptions, PairingResult } from './types';

export { systemClock } from './clock';

/** Builds a LoginSession (idle until `start()`); see main/login/types.ts for the contract. */
export function createLoginSession(options: LoginSessionOptions): LoginSession {
  const { client } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const t: LoginTiming = { ...DEFAULT_TIMING, ...options.timing };
  const log = options.log ?? (() => undefined);
  const autoStart = options.autoStart ?? true;
  const expectedPhone = options.expectedPhone ?? null;
  const listeners = new Set<(event: LoginEvent) => void>();
  const skew = createSkewTracker();
  const gate = createGate(clock, () => t.requestTimeoutMs, client.host);
  const policy = {
    baseMs: t.backoffBaseMs,
    capMs: t.backoffCapMs,
    minMs: t.backoffMinMs,
    maxRetryAfterMs: 15 * 60_000,
  };

  let life = new AbortController();
  let nap: AbortController | null = null;
  let looping = false;
  let pairing = false;
  let s: LoopState = initialState(clock.now());

  const emit = (event: LoginEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (e) {
        log('login event listener threw', { error: e instanceof Error ? e.message : String(e) });
      }
    }
  };

  const r = createReactions({
    state: () => s,
    emit,
    timing: t,
    random,
    skew,
    log,
    autoStart,
    expectedPhone,
    policy,
  });
  const { withdrawQr, resetCycle, confirm } = r;

  const hideTimer = createHideTimer(clock, () => {
    if (s.qrVisible && s.lastQr && clock.now() >= s.lastQr.plan.hideAt) withdrawQr(true);
    nap?.abort();
  });
  const armHide = (): void => hideTimer.arm(s.qrVisible && s.lastQr ? s.lastQr.plan.hideAt : Infinity);

  const perform = createPerform({
    client,
    clock,
    gate,
    skew,
    timing: t,
    random,
    state: () => s,
    reactions: r,
  });

  const sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    const ctl = new AbortController();
    nap = ctl;
    const onStop = (): void => ctl.abort();
    signal.addEventListener('abort', onStop, { once: true });
    try {
      await clock.sleep(ms, ctl.signal);
    } catch {
      // Woken early (restart/start) or stopped: the caller re-checks the signal.
    } finally {
      signal.removeEventListener('abort', onStop);
      if (nap === ctl) nap = null;
    }
  };

  const run = async (signal: AbortSignal): Promise<void> => {
    while (!signal.aborted) {
      const now = clock.now();
      if (s.qrVisible && s.lastQr && now >= s.lastQr.plan.hideAt) withdrawQr(true);
      armHide();
      const next = nextAction(s, t.activePollMs);
      const hideAt = s.qrVisible && s.lastQr ? s.lastQr.plan.hideAt : Infinity;
      if (next.at > now) {
        await sleep(clampDelay(Math.min(next.at, hideAt) - now, t), signal);
        continue;
      }
      const go = await perform(next.kind, signal);
      armHide();
      if (!go) return;
    }
  };

  const start = (): void => {
    if (looping) return;
    looping = true;
    const signal = life.signal;
    s.statusDueAt = Math.min(s.statusDueAt, clock.now());
    s.blockedUntil = -Infinity;
    run(signal)
      .catch((e: unknown) => {
        log('login loop crashed', { error: e instanceof Error ? e.message : String(e) });
        if (!signal.aborted) {
          emit({
            type: 'error',
            code: 'bad_response',
            message: 'The login stopped unexpectedly. Try again.',
            fatal: true,
          });
        }
      })
      .finally(() => {
        if (life.signal === signal) looping = false;
      });
  };

  return {
    start,
    stop() {
      life.abort(new DOMException('Login stopped', 'AbortError'));
      life = new AbortController();
      hideTimer.disarm();
      looping = false;
      pairing = false;
      s = initialState(clock.now());
      emit({ type: 'stopped' });
    },
    async restart() {
      s.epoch += 1;
      resetCycle(true);
      s.cycleInterrupted = false;
      s.status = null;
      s.pending = null;
      s.connected = false;
      s.exhausted = false;
      s.failures = 0;
      s.blockedUntil = -Infinity;
      const signal = life.signal;
      const outcome = await gate((sig) => client.restart({ signal: sig }), signal);
      if (signal.aborted) return;
      const now = clock.now();
      if (!outcome.ok) {
        const fatal = classifyError(outcome.error) === 'fatal';
        emit(errorEvent(outcome.error, fatal));
        s.statusDueAt = now;
        if (fatal) return;
      } else {
        confirm(outcome.data.status, outcome.data.rawStatus, outcome.data.me, now);
      }
      start();
      nap?.abort();
    },
    async requestPairingCode(phone: string): Promise<PairingResult> {
      const check = normalizePhone(phone);
      if (!check.ok) return { ok: false, error: { code: 'invalid_phone', message: check.message } };
      if (pairing) {
        return {
          ok: false,
          error: { code: 'busy', message: 'A pairing code is already being requested; wait for it.' },
        };
      }
      pairing = true;
      const signal = life.signal;
      try {
        return await fetchPairingCode(gate, client, check.digits, signal);
      } finally {
        if (life.signal === signal) pairing = false;
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
