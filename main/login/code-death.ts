/**
 * Where a code's death lies, and what each reply teaches about it. Everything here is a hard bound
 * unless it says otherwise: a code is never planned to stay on screen past the earliest moment it
 * may be dead.
 *
 * - An `expiry` in ms names the death exactly (server clock); one in whole seconds only says the
 *   code dies within that second — the bound it is.
 * - With whole-second lifetimes (60 s, then 20 s), every death of a cycle lies a whole number of
 *   seconds after the cycle's first code was made, and after each rotation. Such a moment, seen on
 *   the local clock (a "beat"), needs no server clock at all: the `Date` header only has to say which
 *   of the beat's seconds falls inside the expiry's second. One rotation bounded on both sides by
 *   replies (old code, then new) pins every later death of the cycle to about a round trip, and
 *   since that death's own expiry second is known, the server's seconds count which of the beat's
 *   seconds each later death falls on: no clock offset needed at all.
 */

/** A window of ms (server or local clock, as the name says). */
export interface Window {
  lo: number;
  hi: number;
}

/** A beat: a local-clock window holding a moment a whole number of seconds before later deaths. */
export interface Beat extends Window {
  /** From replies bounding it on both sides (else estimated from a held reply). */
  hard: boolean;
  /** The server second (expiry) of the death it was seen at; null for a code's birth. */
  second: number | null;
}

/** The resolution of a whole-second expiry, and the period of the beat. */
export const SECOND_MS = 1_000;

/** A beat wider than this says too little to be worth keeping (it could fit any second twice). */
const WIDEST_BEAT_MS = 900;

/** Whether a (normalised, ms) expiry only names its second. */
const isWholeSecond = (expiresAt: number): boolean => expiresAt % SECOND_MS === 0;

/** The server-clock window in which a code with this (normalised, ms) expiry dies. */
export function serverDeath(expiresAt: number): Window {
  return isWholeSecond(expiresAt)
    ? { lo: expiresAt, hi: expiresAt + SECOND_MS - 1 }
    : { lo: expiresAt, hi: expiresAt };
}

/** The same window on the local clock, given hard offset bounds (server − local). */
export function localDeath(death: Window, offsetLo: number, offsetHi: number): Window {
  return { lo: death.lo - offsetHi, hi: death.hi - offsetLo };
}

/**
 * The pieces of a code's local death window (`death`, for expiry second `second`) that lie a whole
 * number of seconds from `beat`, earliest first: one when the beat was a death (its second says
 * which), else usually one, two when the beat falls near the edge of the second; none when the beat
 * fits nowhere (a wrong beat, to be ignored: it can never widen a window).
 */
export function beatPieces(death: Window, beat: Beat | null, second: number): Window[] {
  if (!beat || !beatWorthy(beat) || death.hi - death.lo > 8 * SECOND_MS) return [];
  const at = (n: number): Window | null =>
    intersect(death, { lo: beat.lo + n * SECOND_MS, hi: beat.hi + n * SECOND_MS });
  if (beat.second !== null) {
    const piece = at(Math.round((second - beat.second) / SECOND_MS));
    return piece ? [piece] : [];
  }
  const pieces: Window[] = [];
  for (let n = Math.ceil((death.lo - beat.hi) / SECOND_MS); beat.lo + n * SECOND_MS <= death.hi; n++) {
    const piece = at(n);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

/** Intersection of two windows, or null when they do not meet. */
export function intersect(a: Window, b: Window): Window | null {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : null;
}

/** Whether a window is narrow enough to serve as a beat. */
export const beatWorthy = (w: Window): boolean => w.hi >= w.lo && w.hi - w.lo <= WIDEST_BEAT_MS;
