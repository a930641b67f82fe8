/**
 * createLoginSession: the per-instance login loop. One chained, abortable sleep drives it; every
 * client call goes through one gate (one request in flight); a stop check follows every await.
 */
import type { LoginEvent, Me } from '../../common/model';
import type { Outcome, QrCode, SessionInfo } from '../wawp/types';
import { classifyError } from './backoff';
import { errorEvent } from './error-event';
import { createHideTimer } from './hide-timer';
import { systemClock } from './clock';
import { createSkewTracker } from './clock-skew';
import { initialState, nextAction, type LoopState } from './loop-state';
import { fetchPairingCode, normalizePhone } from './pairing';
import { createReactions } from './reactions';
import { createGate } from './request-gate';
import { DEFAULT_TIMING, clampDelay, pollDelay, type LoginTiming } from './schedule';
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
  const { withdrawQr, resetCycle, confirm, onStatus, onQr, onError, announceConnected, replan } = r;

  const hideTimer = createHideTimer(clock, () => {
    if (s.qrVisible && s.lastQr && clock.now() >= s.lastQr.plan.hideAt) withdrawQr(true);
    nap?.abort();
  });
  const armHide = (): void => hideTimer.arm(s.qrVisible && s.lastQr ? s.lastQr.plan.hideAt : Infinity);

  /** Performs one request of the loop; false = halt. */
  const perform = async (kind: 'start' | 'me' | 'qr' | 'status', signal: AbortSignal): Promise<boolean> => {
    const epoch = s.epoch;
    const sentAt = clock.now();
    if (kind === 'start') {
      s.startDue = false;
      s.lastStartAt = sentAt;
    }
    if (kind === 'me') s.meDue = false;
    const outcome = await gate<unknown>((sig): Promise<Outcome<unknown>> => {
      if (kind === 'start') return client.start({ signal: sig });
      if (kind === 'me') return client.me({ signal: sig });
      if (kind === 'qr') return client.getQr({ signal: sig });
      return client.sessionInfo({ signal: sig });
    }, signal);
    if (signal.aborted || epoch !== s.epoch) return true;
    const now = clock.now();
    if (!outcome.ok) return onError(outcome.error, kind, now, sentAt);
    s.failures = 0;
    const rtt = now - sentAt;
    // A slowly forgetting minimum: one fast reply is the network's real speed, load only adds.
    s.rttMs = s.rttMs > 0 ? Math.min(s.rttMs * 1.02 + 0.1, rtt) : rtt;
    skew.add(outcome.serverDate, sentAt, now);
    if (kind === 'qr') {
      s.mismatchStreak = 0;
      onQr(outcome.data as QrCode, now, sentAt);
    } else if (kind === 'me') {
      const me = outcome.data as Me | null;
      if (me) announceConnected(me);
      else s.statusDueAt = now + pollDelay('active', t, random);
    } else {
      onStatus(outcome.data as SessionInfo, sentAt, now);
    }
    replan(now);
    return true;
  };

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
