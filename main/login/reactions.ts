/**
 * How the login loop reacts to what it learns: a status read or a QR code (a failed request: see
 * error-reaction.ts). Each reaction updates the loop state and emits events; none performs I/O
 * (session.ts owns requests and timers).
 */
import type { LoginEvent, Me, SessionStatus } from '../../common/model';
import type { QrCode, SessionInfo } from '../wawp/types';
import type { BackoffPolicy } from './backoff';
import { createErrorReaction } from './error-reaction';
import type { SkewTracker } from './clock-skew';
import { isSurprising, onLastCode, type LoopState } from './loop-state';
import { phoneMatches } from './pairing';
import { createQrTracking } from './qr-tracking';
import { pollDelay, type LoginTiming } from './schedule';

/** What the reactions need from their session. */
export interface ReactionContext {
  state: () => LoopState;
  emit: (event: LoginEvent) => void;
  timing: LoginTiming;
  random: () => number;
  skew: SkewTracker;
  log: (message: string, detail?: Record<string, unknown>) => void;
  autoStart: boolean;
  expectedPhone: string | null;
  policy: BackoffPolicy;
}

/** The loop's reactions, bound to one session's context. */
export function createReactions(ctx: ReactionContext) {
  const { emit, random, skew, log, autoStart, expectedPhone } = ctx;
  const t = ctx.timing;
  const tracking = createQrTracking(ctx);

  const withdrawQr = (announce: boolean): void => {
    const s = ctx.state();
    if (s.qrVisible && announce) emit({ type: 'qr-expired' });
    s.qrVisible = false;
  };

  /** Forgets the cycle; `known`: the next code is the first of a fresh cycle (its position is known). */
  const resetCycle = (known: boolean): void => {
    const s = ctx.state();
    withdrawQr(true);
    s.lastQr = null;
    s.cycleIndex = 0;
    s.cycleKnown = known;
    tracking.forgetCycle();
    s.sameStreak = 0;
    s.qrDueAt = Infinity;
  };

  /** Acts on a (confirmed) status; `me` comes with session/info when WORKING. */
  const confirm = (status: SessionStatus, raw: string, me: Me | null, now: number): void => {
    const s = ctx.state();
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
        s.cycleInterrupted = false;
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
        if (entering && prev !== null) {
          // STARTING then codes again, no scan: the server restarted the cycle itself (older NOWEB).
          if (s.cycleInterrupted && prev !== 'WORKING') emit({ type: 'exhausted', renewing: true });
          s.cycleInterrupted = false;
          resetCycle(true);
        }
        // A code is wanted, unless the cycle's last one is still waiting for its death (see below).
        if (!s.qrVisible && s.qrDueAt === Infinity && !lastCodeLives(now)) s.qrDueAt = now;
        s.statusDueAt = tracking.nextActivePoll(now);
        return;
      case 'STOPPED':
        resetCycle(true);
        s.cycleInterrupted = false;
        s.connected = false;
        if (autoStart && now - s.lastStartAt >= t.startRetryMs) s.startDue = true;
        s.statusDueAt = now + pollDelay(autoStart ? 'active' : 'idle', t, random);
        return;
      case 'FAILED':
        resetCycle(true);
        s.cycleInterrupted = false;
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
        if (prev === 'SCAN_QR_CODE' && (s.cycleIndex > 0 || s.lastQr !== null)) s.cycleInterrupted = true;
        resetCycle(true);
        s.probing = status === 'STARTING' && !afterScan;
        // Probe at once: a server that holds auth/qr until a code exists answers the moment it does.
        s.qrDueAt = s.probing ? now : Infinity;
        s.statusDueAt = now + pollDelay(afterScan ? 'settling' : 'active', t, random);
      }
    }
  };

  /** The cycle's last code is hidden, but may live yet: no refetch before its death read. */
  const lastCodeLives = (now: number): boolean => {
    const s = ctx.state();
    return !!s.lastQr && onLastCode(s, t.qrExpectedCount) && now < s.lastQr.plan.refreshAt;
  };

  const announceConnected = (me: Me): void => {
    const s = ctx.state();
    s.connected = true;
    emit({ type: 'connected', me, expectedPhone, phoneMatches: phoneMatches(me.id, expectedPhone) });
  };

  /**
   * A status read: debounce surprising flaps, else act on it. `now` is when the read was sent, so the
   * poll cadence does not stretch by the server's response time.
   */
  const onStatus = (info: SessionInfo, now: number, receivedAt = now): void => {
    const s = ctx.state();
    if (info.status === 'SCAN_QR_CODE' && s.status === 'SCAN_QR_CODE') {
      tracking.onInfoQr(info.qr, now, receivedAt);
      // The server already shows another code: the one on screen is dead, whatever its plan said.
      if (s.qrVisible && s.lastQr && s.lastQr.rotatedBy !== Infinity) withdrawQr(true);
    }
    if (isSurprising(s.status, info.status) && s.pending !== info.status) {
      s.pending = info.status;
      log('status flap suspected; reading again before acting', { status: info.rawStatus });
      s.statusDueAt = now + pollDelay(s.status === 'SCAN_QR_CODE' ? 'settling' : 'active', t, random);
      return;
    }
    if (info.status === 'STARTING') s.noCodeSentAt = now;
    confirm(info.status, info.rawStatus, info.me, now);
  };

  /** A fresh code (or the same one again): plan its withdrawal and its successor. */
  const onQr = (qr: QrCode, now: number, sentAt: number): void => {
    const s = ctx.state();
    const firstOfCycle = s.status === 'STARTING' && s.probing;
    if (s.status !== 'SCAN_QR_CODE') confirm('SCAN_QR_CODE', 'SCAN_QR_CODE', null, now);
    const { same, plan, newCycle } = tracking.onQr(qr, now, sentAt, firstOfCycle);
    if (newCycle) {
      // The server renewed its codes between two reads: as if its STARTING had been seen.
      if (!s.cycleKnown || s.cycleIndex >= t.qrExpectedCount) emit({ type: 'exhausted', renewing: true });
      s.cycleIndex = 0;
      s.cycleKnown = true;
      s.cycleInterrupted = false;
    }
    const est = skew.estimate();
    log('qr planned', {
      same,
      lo: est.lo,
      hi: est.hi,
      inMs: plan.hideAt - now,
      refreshInMs: plan.refreshAt - now,
    });
    const fresh = !same && plan.hideAt > now;
    // Withdrawn at the earliest moment it could die, yet still handed out after it: it dies a
    // second later, so it goes back on screen until then.
    const back = same && !s.qrVisible && s.cycleIndex > 0 && plan.trusted && plan.hideAt > now + t.minDelayMs;
    if (fresh) {
      // Joined mid-cycle: a code with more life than any later code can have is the cycle's first.
      if (!s.cycleKnown && s.cycleIndex === 0 && plan.trusted && plan.expiresAt - now > t.qrNextTtlMs * 1.1)
        s.cycleKnown = true;
      s.cycleIndex += 1;
    }
    if (fresh || back) show(qr.value, plan.hideAt);
    s.statusDueAt = tracking.nextActivePoll(sentAt);
    if (fresh && onLastCode(s, t.qrExpectedCount)) {
      // Probably the last code: when it dies, ask for the status (FAILED, or a code if it goes on).
      s.qrDueAt = Infinity;
      s.statusDueAt = Math.min(s.statusDueAt, plan.refreshAt);
    }
  };

  const show = (value: string, hideAt: number): void => {
    const s = ctx.state();
    s.qrVisible = true;
    emit({
      type: 'qr',
      value,
      expiresAt: hideAt,
      index: s.cycleKnown ? s.cycleIndex : null,
      expectedCount: t.qrExpectedCount,
    });
  };

  const onError = createErrorReaction(ctx);

  return {
    withdrawQr,
    resetCycle,
    confirm,
    announceConnected,
    onStatus,
    onQr,
    onError,
    replan: tracking.replan,
  };
}

/** The bound reactions (see createReactions). */
export type Reactions = ReturnType<typeof createReactions>;
