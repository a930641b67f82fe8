/**
 * createLoginSession: the per-instance login loop. One chained, abortable sleep drives it; every
 * client call goes through one gate (one request in flight); a stop check follows every await.
 */
import type { LoginEvent, Me, SessionStatus, WawpError } from '../../common/model';
import type { Outcome, QrCode, SessionInfo } from '../wawp/types';
import { classifyError, backoffDelay, describeError } from './backoff';
import { systemClock } from './clock';
import { createSkewTracker } from './clock-skew';
import { initialState, isSurprising, nextAction, type LoopState } from './loop-state';
import { formatPairingCode, normalizePhone, phoneMatches } from './pairing';
import { createGate } from './request-gate';
import { DEFAULT_TIMING, clampDelay, planQr, pollDelay, type LoginTiming } from './schedule';
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
  const gate = createGate(clock, () => t.requestTimeoutMs);
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

  const withdrawQr = (announce: boolean): void => {
    if (s.qrVisible && announce) emit({ type: 'qr-expired' });
    s.qrVisible = false;
  };

  const resetCycle = (): void => {
    withdrawQr(true);
    s.lastQr = null;
    s.cycleIndex = 0;
    s.sameStreak = 0;
    s.qrDueAt = Infinity;
  };

  /** Acts on a (confirmed) status; `me` comes with session/info when WORKING. */
  const confirm = (status: SessionStatus, raw: string, me: Me | null, now: number): void => {
    const entering = status !== s.status;
    const prev = s.status;
    if (entering || raw !== s.rawStatus) emit({ type: 'status', status, rawStatus: raw });
    s.status = status;
    s.rawStatus = raw;
    s.pending = null;
    if (status !== 'SCAN_QR_CODE') s.probing = false;
    switch (status) {
      case 'WORKING':
        withdrawQr(false);
        s.lastQr = null;
        s.qrDueAt = Infinity;
        s.exhausted = false;
        s.statusDueAt = now + pollDelay('idle', t, random);
        if (!s.connected) {
          s.me = me;
          if (me) announceConnected(me);
          else s.meDue = true;
        }
        return;
      case 'SCAN_QR_CODE':
        s.connected = false;
        s.exhausted = false;
        s.probing = false;
        if (entering && prev !== null) resetCycle();
        if (!s.qrVisible && s.qrDueAt === Infinity) s.qrDueAt = now;
        s.statusDueAt = now + pollDelay('active', t, random);
        return;
      case 'STOPPED':
        resetCycle();
        s.connected = false;
        if (autoStart && now - s.lastStartAt >= t.startRetryMs) s.startDue = true;
        s.statusDueAt = now + pollDelay(autoStart ? 'active' : 'idle', t, random);
        return;
      case 'FAILED':
        resetCycle();
        s.connected = false;
        if (!s.exhausted) {
          s.exhausted = true;
          emit({ type: 'exhausted' });
        }
        s.statusDueAt = now + pollDelay('idle', t, random);
        return;
      default: {
        // STARTING or an unknown transitional status.
        const afterScan = prev === 'SCAN_QR_CODE' || prev === 'WORKING';
        resetCycle();
        s.probing = status === 'STARTING' && !afterScan;
        // Probe at once: a server that holds auth/qr until a code exists answers the moment it does.
        s.qrDueAt = s.probing ? now : Infinity;
        s.statusDueAt = now + pollDelay(afterScan ? 'settling' : 'active', t, random);
      }
    }
  };

  const announceConnected = (me: Me): void => {
    s.connected = true;
    emit({ type: 'connected', me, expectedPhone, phoneMatches: phoneMatches(me.id, expectedPhone) });
  };

  /** A status read: debounce surprising flaps, else act on it. */
  const onStatus = (info: SessionInfo, now: number): void => {
    if (isSurprising(s.status, info.status) && s.pending !== info.status) {
      s.pending = info.status;
      log('status flap suspected; reading again before acting', { status: info.rawStatus });
      s.statusDueAt = now + pollDelay(s.status === 'SCAN_QR_CODE' ? 'settling' : 'active', t, random);
      return;
    }
    confirm(info.status, info.rawStatus, info.me, now);
  };

  /** A fresh code (or the same one again): plan its withdrawal and its successor. */
  const onQr = (qr: QrCode, now: number): void => {
    if (s.status !== 'SCAN_QR_CODE') confirm('SCAN_QR_CODE', 'SCAN_QR_CODE', null, now);
    const same = s.lastQr?.value === qr.value;
    s.sameStreak = same ? s.sameStreak + 1 : 0;
    const est = skew.estimate();
    const plan = planQr(
      {
        now,
        serverExpiresAt: qr.expiresAt,
        offsetMs: est.offsetMs,
        uncertaintyMs: est.uncertaintyMs,
        sameStreak: s.sameStreak,
        current: s.lastQr?.plan ?? null,
      },
      t,
    );
    log('qr planned', {
      same,
      offsetMs: est.offsetMs,
      uncertaintyMs: est.uncertaintyMs,
      samples: est.samples,
      inMs: plan.hideAt - now,
    });
    s.lastQr = { value: qr.value, plan };
    s.qrDueAt = plan.refreshAt;
    s.statusDueAt = now + pollDelay('active', t, random);
    if (!same && plan.hideAt > now) {
      s.cycleIndex += 1;
      s.qrVisible = true;
      if (s.cycleIndex >= t.qrExpectedCount) {
        // Probably the last code: when it dies, ask for the status (FAILED, or a code if it goes on).
        s.qrDueAt = Infinity;
        s.statusDueAt = Math.min(s.statusDueAt, plan.refreshAt);
      }
      emit({
        type: 'qr',
        value: qr.value,
        expiresAt: plan.hideAt,
        index: s.cycleIndex,
        expectedCount: t.qrExpectedCount,
      });
    }
  };

  /** Returns false when the loop must halt (fatal error). */
  const onError = (error: WawpError, kind: string, now: number): boolean => {
    let action = classifyError(error);
    if (action === 'reread') {
      s.mismatchStreak += 1;
      if (kind === 'qr' && s.probing && error.currentStatus === 'STARTING') {
        s.qrDueAt = now + pollDelay('active', t, random);
        return true;
      }
      if (s.mismatchStreak <= 2) {
        s.qrDueAt = Infinity;
        s.statusDueAt = now;
        return true;
      }
      action = 'retry';
    }
    if (action === 'fatal') {
      emit({ type: 'error', code: error.code, message: describeError(error, 'fatal'), fatal: true });
      return false;
    }
    s.failures += 1;
    const delay = backoffDelay(s.failures, error, random, policy);
    s.blockedUntil = now + delay;
    log('request failed; backing off', { kind, code: error.code, httpStatus: error.httpStatus, delay });
    emit({
      type: 'error',
      code: error.code,
      message: describeError(error, 'retry', delay),
      fatal: false,
      retryInMs: delay,
    });
    return true;
  };

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
    if (!outcome.ok) return onError(outcome.error, kind, now);
    s.failures = 0;
    skew.add(outcome.serverDate, sentAt, now);
    if (kind === 'qr') {
      s.mismatchStreak = 0;
      onQr(outcome.data as QrCode, now);
    } else if (kind === 'me') {
      const me = outcome.data as Me | null;
      if (me) announceConnected(me);
      else s.statusDueAt = now + pollDelay('active', t, random);
    } else {
      onStatus(outcome.data as SessionInfo, now);
    }
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
      const next = nextAction(s, t.activePollMs);
      const hideAt = s.qrVisible && s.lastQr ? s.lastQr.plan.hideAt : Infinity;
      if (next.at > now) {
        await sleep(clampDelay(Math.min(next.at, hideAt) - now, t), signal);
        continue;
      }
      if (!(await perform(next.kind, signal))) return;
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
      looping = false;
      pairing = false;
      s = initialState(clock.now());
      emit({ type: 'stopped' });
    },
    async restart() {
      s.epoch += 1;
      resetCycle();
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
        const action = classifyError(outcome.error);
        const fatal = action === 'fatal';
        emit({
          type: 'error',
          code: outcome.error.code,
          message: describeError(outcome.error, fatal ? 'fatal' : 'reread'),
          fatal,
        });
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
        const outcome = await gate((sig) => client.requestCode(check.digits, { signal: sig }), signal);
        if (!outcome.ok) return { ok: false, error: outcome.error };
        const code = formatPairingCode(outcome.data.code);
        if (!code)
          return {
            ok: false,
            error: { code: 'bad_response', message: 'Wawp sent a pairing code we cannot read. Try again.' },
          };
        return { ok: true, pairing: { code, phone: check.digits } };
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
