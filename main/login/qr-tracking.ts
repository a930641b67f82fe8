/**
 * The code on screen and its death: plans it from hard bounds (code-death.ts), learns from every
 * reply (a successor, the same code again, session/info's `qr` field), re-plans it whenever the
 * server-clock estimate narrows, and times status reads where they teach the most — one into the
 * window where the code dies, the others at a phase of the server's second that halves the `Date`
 * uncertainty. No I/O; the session's timers act on the plan.
 */
import type { LoginEvent } from '../../common/model';
import type { QrCode } from '../wawp/types';
import { localDeath, phaseOf, phasesAgree, serverDeath } from './code-death';
import type { SkewTracker } from './clock-skew';
import type { KnownCode, LoopState } from './loop-state';
import { planQr, pollDelay, type LoginTiming, type QrPlan } from './schedule';

export interface QrTrackingContext {
  state: () => LoopState;
  emit: (event: LoginEvent) => void;
  timing: LoginTiming;
  random: () => number;
  skew: SkewTracker;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** Binds the tracking to one session. */
export function createQrTracking(ctx: QrTrackingContext) {
  const { skew, random } = ctx;
  const t = ctx.timing;

  /** Hard offset bounds; with no `Date` header at all, the local clock is taken as the server's. */
  const offsets = (): { lo: number; hi: number } => {
    const { lo, hi } = skew.estimate();
    if (Number.isFinite(lo) && Number.isFinite(hi)) return { lo, hi };
    if (Number.isFinite(lo)) return { lo, hi: lo + 1_000 };
    if (Number.isFinite(hi)) return { lo: hi - 1_000, hi };
    return { lo: 0, hi: 0 };
  };

  const plan = (code: Pick<KnownCode, 'death'>, now: number, sameStreak: number, current: QrPlan | null) => {
    const o = offsets();
    const death = code.death ? localDeath(code.death, o.lo, o.hi) : null;
    return planQr({ now, death, sameStreak, current }, t);
  };

  /** The next active status read after `from`: into the code's death window, or phase-targeted. */
  const nextActivePoll = (from: number): number => {
    const s = ctx.state();
    const base = from + pollDelay('active', t, random);
    s.windowPollAt = NaN;
    const code = s.lastQr;
    if (code && s.status === 'SCAN_QR_CODE' && code.rotatedBy === Infinity) {
      // Bisect what is left of the window where the code dies (wide for whole-second expiries):
      // a read that sees the code change lets its successor be fetched at once.
      const start = Math.max(code.plan.hideAt, code.aliveSentAt);
      const end = code.plan.refreshAt;
      const mid = (start + end) / 2 - s.rttMs / 2;
      const gap = from >= code.plan.hideAt ? t.activePollMs / 4 : t.activePollMs / 2;
      if (end - start > 4 * s.rttMs + t.minDelayMs && mid > from + gap && mid < base + t.activePollMs) {
        s.windowPollAt = mid;
        return mid;
      }
    }
    const { lo, hi } = skew.estimate();
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi - lo <= 2 * s.rttMs + 2) return base;
    // Land the server's handling on the second boundary the offset's midpoint predicts: the `Date`
    // header then says on which side the true offset lies, halving the uncertainty.
    const shift = mod(-(base + s.rttMs / 2 + (lo + hi) / 2), 1_000);
    return shift <= t.activePollMs ? base + shift : base;
  };

  /** A successor arrived at `receivedAt`: bound the offset, learn the phase of the rotation. */
  const rotated = (code: KnownCode, receivedAt: number): void => {
    code.rotatedBy = Math.min(code.rotatedBy, receivedAt);
    if (!code.death) return;
    skew.bound(code.death.lo - code.rotatedBy, Infinity);
    const o = offsets();
    const rotation = { lo: Math.max(code.death.lo, code.aliveSentAt + o.lo), hi: code.rotatedBy + o.hi };
    const s = ctx.state();
    const phase = phaseOf(rotation);
    s.phase = phase ? { window: phase, confirmed: !!s.phase && phasesAgree(s.phase.window, phase) } : null;
  };

  /** Re-plans the code on screen with what is known now (hide later or sooner, refetch sooner). */
  const replan = (now: number): void => {
    const s = ctx.state();
    const code = s.lastQr;
    if (!code || !s.qrVisible || !code.plan.trusted || !code.death || code.rotatedBy !== Infinity) return;
    const next = plan(code, now, 0, code.plan);
    code.plan = { ...next, hideAt: Math.max(now, next.hideAt) };
    if (s.qrDueAt !== Infinity && s.sameStreak === 0) s.qrDueAt = next.refreshAt;
  };

  /** A status read's `qr` field (session/info in SCAN_QR_CODE): same code still, or a rotation. */
  const onInfoQr = (qr: string | null | undefined, sentAt: number, receivedAt: number): void => {
    const s = ctx.state();
    const code = s.lastQr;
    if (!qr || !code || !s.infoQrReliable || code.rotatedBy !== Infinity) return;
    if (code.infoQr === null) {
      // Sent after the code arrived and answered before it may be dead: this is its picture.
      if (sentAt >= code.fetchedAt && receivedAt <= code.plan.hideAt) code.infoQr = qr;
      return;
    }
    if (qr === code.infoQr) code.aliveSentAt = Math.max(code.aliveSentAt, sentAt);
    else {
      // Rotated (if the field tracks the code; auth/qr confirms it next, at once).
      code.rotatedBy = Math.min(code.rotatedBy, receivedAt);
      s.qrDueAt = receivedAt;
    }
  };

  /** A fresh code (or the same one again): learn from it, plan it; returns whether it is new and shown. */
  const onQr = (qr: QrCode, now: number, sentAt: number): { same: boolean; plan: QrPlan } => {
    const s = ctx.state();
    const prev = s.lastQr;
    const same = prev?.value === qr.value;
    if (prev && same) {
      prev.aliveSentAt = Math.max(prev.aliveSentAt, sentAt);
      // session/info said it rotated, yet auth/qr says not: its `qr` field does not track the code.
      if (prev.rotatedBy !== Infinity) {
        s.infoQrReliable = false;
        prev.rotatedBy = Infinity;
      }
    } else if (prev) rotated(prev, now);
    s.sameStreak = same ? s.sameStreak + 1 : 0;
    const wholeSeconds = qr.expiresAt !== null && qr.expiresAt % 1_000 === 0;
    // Only where lifetimes are whole seconds (60 s, 20 s) does a code die at its rotation's phase:
    // trusted once two rotations agree, or at once when this code's expiry is one lifetime on.
    const gap =
      prev?.death && qr.expiresAt !== null ? qr.expiresAt - Math.floor(prev.death.lo / 1_000) * 1_000 : NaN;
    const onTime = gap >= t.qrNextTtlMs && gap <= t.qrNextTtlMs + 1_000;
    const phase =
      wholeSeconds && s.phase && (s.phase.confirmed || onTime) && t.qrNextTtlMs % 1_000 === 0
        ? s.phase.window
        : null;
    const death = same && prev ? prev.death : qr.expiresAt === null ? null : serverDeath(qr.expiresAt, phase);
    const planned = plan({ death }, now, s.sameStreak, prev?.plan ?? null);
    s.lastQr =
      same && prev
        ? { ...prev, plan: planned }
        : {
            value: qr.value,
            plan: planned,
            death,
            fetchedAt: sentAt,
            aliveSentAt: sentAt,
            rotatedBy: Infinity,
            infoQr: null,
          };
    s.qrDueAt = planned.refreshAt;
    return { same, plan: planned };
  };

  return { onQr, onInfoQr, replan, nextActivePoll };
}

/** The bound tracking (see createQrTracking). */
export type QrTracking = ReturnType<typeof createQrTracking>;
