/**
 * The code on screen and its death: plans it from what is known (death-tracking.ts), learns from
 * every reply (a successor, the same code again, session/info's `qr` field, the cycle's first
 * code), re-plans it whenever that narrows, and times status reads where they teach the most: one just
 * before a well-known death (so its rotation is bounded on both sides), one into a wide death window
 * (bisecting it), the others at a phase of the server's second that halves the `Date` uncertainty.
 * No I/O; the session's timers act on the plan.
 */
import type { QrCode } from '../wawp/types';
import { serverDeath } from './code-death';
import { createDeathTracking, type DeathTrackingContext } from './death-tracking';
import { onLastCode, type KnownCode } from './loop-state';
import { planQr, pollDelay, type QrPlan } from './schedule';

export interface QrTrackingContext extends DeathTrackingContext {
  random: () => number;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** Binds the tracking to one session. */
export function createQrTracking(ctx: QrTrackingContext) {
  const { skew, random } = ctx;
  const t = ctx.timing;

  const deaths = createDeathTracking(ctx);

  /** Plans a code for its earliest possible death piece (a refetch there rules that piece out). */
  const plan = (
    code: Pick<KnownCode, 'death' | 'aliveSentAt'>,
    now: number,
    sameStreak: number,
    current: QrPlan | null,
  ) => planQr({ now, death: deaths.pieces(code)[0] ?? null, sameStreak, current }, t);

  /** A read timed into the code's death window: bisecting a wide one, or just before a narrow one. */
  const windowRead = (from: number, base: number): number => {
    const s = ctx.state();
    const code = s.lastQr;
    if (!code || s.status !== 'SCAN_QR_CODE' || code.rotatedBy !== Infinity) return NaN;
    const latest = base + t.activePollMs;
    const start = Math.max(code.plan.hideAt, code.aliveSentAt);
    const end = code.plan.refreshAt;
    if (end - start > 4 * s.rttMs + t.minDelayMs) {
      // A read that sees the code change lets its successor be fetched at once.
      const mid = (start + end) / 2 - s.rttMs / 2;
      const gap = from >= code.plan.hideAt ? t.activePollMs / 4 : t.activePollMs / 2;
      return mid > from + gap && mid < latest ? mid : NaN;
    }
    // A narrow window: prove the code alive just before it, so the rotation that the refetch sees is
    // bounded on both sides (needs session/info's picture of the code). Checking an estimated beat
    // is worth one extra read per cycle; a hard beat only takes a read that is due anyway.
    const proof = code.plan.hideAt - s.rttMs - t.minDelayMs;
    const gap = s.beat?.hard ? t.activePollMs / 2 : t.minDelayMs;
    const useful = s.qrVisible && s.infoQrReliable && code.infoQr !== null && code.aliveSentAt < proof;
    return useful && proof > from + gap && proof < latest ? proof : NaN;
  };

  /** The next active status read after `from`: into the code's death window, or phase-targeted. */
  const nextActivePoll = (from: number): number => {
    const s = ctx.state();
    const base = from + pollDelay('active', t, random);
    s.windowPollAt = windowRead(from, base);
    if (Number.isFinite(s.windowPollAt)) return s.windowPollAt;
    const code = s.lastQr;
    // The cycle's last code: read the status the moment it surely died (FAILED, STARTING, or more).
    const last = code && onLastCode(s, t.qrExpectedCount) && s.qrDueAt === Infinity;
    if (last && code.plan.refreshAt > from && code.plan.refreshAt < base) return code.plan.refreshAt;
    const { lo, hi } = skew.estimate();
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi - lo <= 2 * s.rttMs + 2) return base;
    // Land the server's handling on the second boundary the offset's midpoint predicts: the `Date`
    // header then says on which side the true offset lies, halving the uncertainty.
    const shift = mod(-(base + s.rttMs / 2 + (lo + hi) / 2), 1_000);
    return shift <= t.activePollMs ? base + shift : base;
  };

  /** A successor arrived at `receivedAt`: bound the offset, learn the beat from the rotation. */
  const rotated = (code: KnownCode, receivedAt: number): void => {
    code.rotatedBy = Math.min(code.rotatedBy, receivedAt);
    if (!code.death) return;
    skew.bound(code.death.lo - code.rotatedBy, Infinity);
    deaths.learnRotation({ lo: code.aliveSentAt, hi: code.rotatedBy }, code.death);
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

  /**
   * A fresh code (or the same one again): learn from it, plan it; returns whether it is the same,
   * and whether it began a new cycle unseen (a first code's life after other codes: the server's
   * STARTING fell between two reads). `firstOfCycle`: asked for while STARTING.
   */
  const onQr = (
    qr: QrCode,
    now: number,
    sentAt: number,
    firstOfCycle = false,
  ): { same: boolean; plan: QrPlan; newCycle: boolean } => {
    const s = ctx.state();
    const prev = s.lastQr;
    const same = prev?.value === qr.value;
    const fresh = same || qr.expiresAt === null ? null : serverDeath(qr.expiresAt);
    const newCycle = !!prev && !!fresh && deaths.lifeLeft(fresh, now) > t.qrNextTtlMs * 1.1;
    if (newCycle) deaths.forget();
    else if (prev && same) {
      prev.aliveSentAt = Math.max(prev.aliveSentAt, sentAt);
      // session/info said it rotated, yet auth/qr says not: its `qr` field does not track the code.
      if (prev.rotatedBy !== Infinity) {
        s.infoQrReliable = false;
        prev.rotatedBy = Infinity;
      }
    } else if (prev) rotated(prev, now);
    else if (firstOfCycle) deaths.learnBirth(sentAt, now);
    s.sameStreak = same ? s.sameStreak + 1 : 0;
    const death = same && prev ? prev.death : fresh;
    const planned = plan(
      same && prev ? prev : { death, aliveSentAt: sentAt },
      now,
      s.sameStreak,
      prev?.plan ?? null,
    );
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
    return { same, plan: planned, newCycle };
  };

  return { onQr, onInfoQr, replan, nextActivePoll, forgetCycle: deaths.forget };
}

/** The bound tracking (see createQrTracking). */
export type QrTracking = ReturnType<typeof createQrTracking>;
