/**
 * Where the codes of a cycle die on the local clock, and what replies teach about it (the rules are
 * in code-death.ts): the hard window of each expiry, narrowed by the cycle's beat once a rotation
 * or the first code's birth was seen. No I/O, no timers.
 */
import { beatPieces, beatWorthy, intersect, localDeath, SECOND_MS, type Window } from './code-death';
import type { SkewTracker } from './clock-skew';
import type { KnownCode, LoopState } from './loop-state';
import type { LoginTiming } from './schedule';

export interface DeathTrackingContext {
  state: () => LoopState;
  timing: LoginTiming;
  skew: SkewTracker;
}

/** Binds the death tracking to one session. */
export function createDeathTracking({ state, timing: t, skew }: DeathTrackingContext) {
  /** Hard offset bounds; with no `Date` header at all, the local clock is taken as the server's. */
  const offsets = (): { lo: number; hi: number } => {
    const { lo, hi } = skew.estimate();
    if (Number.isFinite(lo) && Number.isFinite(hi)) return { lo, hi };
    if (Number.isFinite(lo)) return { lo, hi: lo + 1_000 };
    if (Number.isFinite(hi)) return { lo: hi - 1_000, hi };
    return { lo: 0, hi: 0 };
  };

  /** The hard local window of a server death window. */
  const hardWindow = (death: Window): Window => {
    const o = offsets();
    return localDeath(death, o.lo, o.hi);
  };

  /**
   * Whether the beat applies to a code: its expiry names only a second, lifetimes are whole seconds,
   * and this cycle's rotations have not contradicted the beat twice.
   */
  const applies = (death: Window | null): death is Window =>
    !!death && death.hi > death.lo && t.qrNextTtlMs % SECOND_MS === 0 && state().beatMisses < 2;

  /**
   * Where a code may die on the local clock, earliest piece first, with everything known now: after
   * any request it was still handed out for, and a whole number of seconds from the beat.
   */
  const pieces = (code: Pick<KnownCode, 'death' | 'aliveSentAt'>): Window[] => {
    if (!code.death) return [];
    const local = hardWindow(code.death);
    const alive = intersect(local, { lo: code.aliveSentAt, hi: Infinity }) ?? local;
    const narrowed = applies(code.death) ? beatPieces(alive, state().beat, code.death.lo) : [];
    return narrowed.length ? narrowed : [alive];
  };

  /**
   * A rotation seen between `seen.lo` (old code still handed out) and `seen.hi` (new one): the beat
   * of every later death. A hard beat is narrowed by it (allowing server timers to run a little
   * late); an estimated one is replaced by it, or dropped when it contradicts it.
   */
  const learnRotation = (seen: Window, death: Window): void => {
    if (!applies(death)) return;
    const s = state();
    const hard = hardWindow(death);
    let w = intersect(seen, hard) ?? seen;
    const predicted = beatPieces(hard, s.beat, death.lo);
    const agrees =
      predicted.map((p) => intersect(w, { lo: p.lo, hi: p.hi + t.qrRotationDriftMs })).find(Boolean) ?? null;
    if (s.beat?.hard) {
      if (agrees) w = agrees;
      else s.beatMisses += 1;
    } else if (s.beat && !beatWorthy(w)) {
      if (!agrees) s.beat = null;
      return;
    }
    s.beat = beatWorthy(w) ? { ...w, hard: true, second: death.lo } : null;
  };

  /**
   * The cycle's first code, in reply to a request sent while STARTING: it was made after the last
   * read that saw no code. A reply held until the code existed (far slower than a round trip) was
   * sent the moment it was made: an estimate, checked at the first rotation.
   */
  const learnBirth = (sentAt: number, receivedAt: number): void => {
    const s = state();
    if (receivedAt - sentAt > 2 * s.rttMs + t.minDelayMs) {
      const lo = Math.max(sentAt, receivedAt - s.rttMs - t.qrReplyLagMs);
      s.beat = { lo, hi: receivedAt, hard: false, second: null };
    } else {
      const seen = { lo: s.noCodeSentAt, hi: receivedAt };
      s.beat = beatWorthy(seen) ? { ...seen, hard: true, second: null } : null;
    }
  };

  /** A new cycle: it rotates to a beat of its own. */
  const forget = (): void => {
    const s = state();
    s.beat = null;
    s.beatMisses = 0;
  };

  /** How long a code surely lives yet (local ms from `now`). */
  const lifeLeft = (death: Window, now: number): number => hardWindow(death).lo - now;

  return { pieces, learnRotation, learnBirth, lifeLeft, forget };
}
