/**
 * The mutable state of one login loop and the pure-ish transitions on a status read.
 * Kept apart from session.ts so the decisions (what a status means, what to do next) read as a table.
 */
import type { Me, SessionStatus } from '../../common/model';
import type { QrPlan } from './schedule';

/** Everything the loop knows; one per LoginSession, reset by restart()/stop(). */
export interface LoopState {
  /** Last status acted on (null before the first read). */
  status: SessionStatus | null;
  rawStatus: string;
  /** A surprising STOPPED/STARTING read waiting for a second read (WAHA#2073 flaps). */
  pending: SessionStatus | null;
  /** The last code fetched, and whether it is on screen. */
  lastQr: { value: string; plan: QrPlan } | null;
  qrVisible: boolean;
  cycleIndex: number;
  /** Whether `cycleIndex` is the code's true position (false when the loop joined a cycle midway). */
  cycleKnown: boolean;
  /** A cycle with codes shown was interrupted by STARTING: a scan, or the server restarting the cycle. */
  cycleInterrupted: boolean;
  sameStreak: number;
  /** Consecutive 422s, so a status that disagrees with the QR endpoint cannot loop fast. */
  mismatchStreak: number;
  /** Local ms when the next request of each kind is due (Infinity = not needed). */
  statusDueAt: number;
  qrDueAt: number;
  startDue: boolean;
  meDue: boolean;
  /** While STARTING from cold, probe with auth/qr (the server answers as soon as a code exists). */
  probing: boolean;
  /** No request before this (backoff / Retry-After). */
  blockedUntil: number;
  failures: number;
  lastStartAt: number;
  connected: boolean;
  exhausted: boolean;
  /** Bumped by restart(): results of requests sent before it are ignored. */
  epoch: number;
  me: Me | null;
}

/** A fresh state that reads the status at once. */
export function initialState(now: number): LoopState {
  return {
    status: null,
    rawStatus: '',
    pending: null,
    lastQr: null,
    qrVisible: false,
    cycleIndex: 0,
    cycleKnown: false,
    cycleInterrupted: false,
    sameStreak: 0,
    mismatchStreak: 0,
    statusDueAt: now,
    qrDueAt: Infinity,
    startDue: false,
    meDue: false,
    probing: false,
    blockedUntil: -Infinity,
    failures: 0,
    lastStartAt: -Infinity,
    connected: false,
    exhausted: false,
    epoch: 0,
    me: null,
  };
}

/** STOPPED/STARTING right after WORKING or a shown code may be a flap: act only on a second read. */
export function isSurprising(prev: SessionStatus | null, next: SessionStatus): boolean {
  return (next === 'STOPPED' || next === 'STARTING') && (prev === 'WORKING' || prev === 'SCAN_QR_CODE');
}

export type NextAction = { kind: 'start' | 'me' | 'qr' | 'status'; at: number };

/**
 * What to do next and when. A QR refresh that falls within one active poll of a due status read
 * replaces it (a 200 from auth/qr proves SCAN_QR_CODE), so a shown code costs at most one request
 * per active poll interval.
 */
export function nextAction(s: LoopState, activePollMs: number): NextAction {
  const gate = (at: number): number => Math.max(at, s.blockedUntil);
  if (s.startDue) return { kind: 'start', at: gate(-Infinity) };
  if (s.meDue) return { kind: 'me', at: gate(-Infinity) };
  // While a surprising read awaits confirmation (e.g. STARTING right after a scan), only read status.
  if (s.pending === null && s.qrDueAt !== Infinity && s.qrDueAt < s.statusDueAt + activePollMs) {
    return { kind: 'qr', at: gate(s.qrDueAt) };
  }
  return { kind: 'status', at: gate(s.statusDueAt) };
}
