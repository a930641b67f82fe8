/**
 * The mutable state of one login loop and the pure-ish transitions on a status read.
 * Kept apart from session.ts so the decisions (what a status means, what to do next) read as a table.
 */
import type { Me, SessionStatus } from '../../common/model';
import type { Beat, Window } from './code-death';
import type { QrPlan } from './schedule';

/** The code last fetched, and what replies have taught about its death. */
export interface KnownCode {
  value: string;
  plan: QrPlan;
  /** Its death on the server clock (code-death.ts), or null without a usable expiry. */
  death: Window | null;
  /** When the request that brought it was sent (requests are serial: later reads came after it). */
  fetchedAt: number;
  /** Latest send time of a reply that proved the server still handed out this code. */
  aliveSentAt: number;
  /** Earliest receive time of a reply that proved it had been replaced. */
  rotatedBy: number;
  /** The `qr` field session/info showed while this code was surely alive, to spot its rotation. */
  infoQr: string | null;
}

/** Everything the loop knows; one per LoginSession, reset by restart()/stop(). */
export interface LoopState {
  /** Last status acted on (null before the first read). */
  status: SessionStatus | null;
  rawStatus: string;
  /** A surprising STOPPED/STARTING read waiting for a second read (WAHA#2073 flaps). */
  pending: SessionStatus | null;
  /** The last code fetched, and whether it is on screen. */
  lastQr: KnownCode | null;
  /**
   * A local-clock moment a whole number of seconds before every later death of this cycle (see
   * code-death.ts), once learned: a rotation, or the birth of the cycle's first code.
   */
  beat: Beat | null;
  /** Rotations that disagreed with the beat; after two, this cycle's lifetimes are not whole seconds. */
  beatMisses: number;
  /** Send time of the latest reply that showed no code yet (STARTING): the first code came later. */
  noCodeSentAt: number;
  /** Whether session/info's `qr` changes exactly when the code does (disabled once it misled us). */
  infoQrReliable: boolean;
  /** Shortest recent round trip, ms (a slowly forgetting minimum). */
  rttMs: number;
  /** A status read timed into the window where the code on screen dies (see qr-tracking.ts). */
  windowPollAt: number;
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
    beat: null,
    beatMisses: 0,
    noCodeSentAt: -Infinity,
    infoQrReliable: true,
    rttMs: 0,
    windowPollAt: NaN,
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

/** Whether the code last fetched is the known last one of its cycle (nothing to refetch after it). */
export const onLastCode = (s: LoopState, expectedCount: number): boolean =>
  s.cycleKnown && s.cycleIndex >= expectedCount;

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
  // A read timed into the death window of the code on screen goes first: it may spot the rotation.
  const windowRead = s.statusDueAt === s.windowPollAt && s.statusDueAt < s.qrDueAt;
  if (
    !windowRead &&
    s.pending === null &&
    s.qrDueAt !== Infinity &&
    s.qrDueAt < s.statusDueAt + activePollMs
  ) {
    return { kind: 'qr', at: gate(s.qrDueAt) };
  }
  return { kind: 'status', at: gate(s.statusDueAt) };
}
