/**
 * Where a code's death lies, and what each reply teaches about it. Everything here is a hard bound:
 * a code is never planned to stay on screen past the earliest moment it may be dead.
 *
 * - An `expiry` in ms names the death exactly (server clock); one in whole seconds only says the
 *   code dies within that second — the bound it is.
 * - A reply that brings a code's successor proves the server's clock had passed the old code's
 *   death when it answered: offset ≥ death − receivedAt (far tighter than a 1 s `Date` header).
 * - Whole-second lifetimes (60 s, then 20 s) make each code die at the sub-second phase of the
 *   rotation that issued it; once two rotations agree on that phase, a whole-second expiry is
 *   narrowed to it. A late reply only widens a learned window, never shifts it past the truth.
 */

/** A window of server ms (or of a phase within a second). */
export interface Window {
  lo: number;
  hi: number;
}

/** The server-clock window in which a code with this (normalised, ms) expiry dies. */
export function serverDeath(expiresAt: number, phase: Window | null): Window {
  if (expiresAt % 1000 !== 0) return { lo: expiresAt, hi: expiresAt };
  if (phase) return { lo: expiresAt + phase.lo, hi: expiresAt + phase.hi };
  return { lo: expiresAt, hi: expiresAt + 999 };
}

/** The same window on the local clock, given hard offset bounds (server − local). */
export function localDeath(death: Window, offsetLo: number, offsetHi: number): Window {
  return { lo: death.lo - offsetHi, hi: death.hi - offsetLo };
}

/** The sub-second phase of a rotation known to lie in [lo, hi] (server ms); null when not narrow. */
export function phaseOf(rotation: Window, maxWidthMs = 999): Window | null {
  if (!(rotation.hi - rotation.lo <= maxWidthMs) || rotation.hi < rotation.lo) return null;
  const lo = ((rotation.lo % 1000) + 1000) % 1000;
  const hi = lo + (rotation.hi - rotation.lo);
  // A window across a second boundary cannot be told apart from its neighbour: learn nothing.
  return hi <= 1000 ? { lo, hi: Math.min(hi, 999) } : null;
}

/** Two phases agree when they overlap once widened by `toleranceMs` (server timers fire late). */
export function phasesAgree(a: Window, b: Window, toleranceMs = 150): boolean {
  return a.lo <= b.hi + toleranceMs && b.lo <= a.hi + toleranceMs;
}
