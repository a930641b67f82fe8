/** The simulated instance record (wawp-api.md §6.1) and the snapshot shape tests read. */

export type SimStatus = 'STOPPED' | 'STARTING' | 'SCAN_QR_CODE' | 'WORKING' | 'FAILED';

export interface SimMe {
  id: string;
  pushName: string;
}

export interface SimQr {
  value: string;
  /** 1-based position in the current cycle. */
  index: number;
  issuedAt: number;
  /** Epoch ms on the simulator's clock. */
  expiresAt: number;
}

export interface SimInstance {
  id: string;
  sessionName: string;
  token: string;
  status: SimStatus;
  paired: boolean;
  me: SimMe | null;
  qr: SimQr | null;
  /** Values of this cycle that already expired (scanning one is "stale"). */
  staleValues: Set<string>;
  /** The value the next code will have, drawn ahead (see SimWorld.onQrDrawn). */
  nextQrValue: string | null;
  pairingCode: string | null;
  statusSince: number;
  /** Cancels the pending timer of the current state (boot, rotation, post-scan). */
  cancelTimer: (() => void) | null;
  /** Transient wrong reads of `session/info` (WAHA#2073). */
  flaky: { status: string; remaining: number } | null;
  listeners: Set<() => void>;
  /** The engine's session was deleted upstream: calls answer 404 `invalid_session` until start/restart. */
  sessionGone: boolean;
  infoCache: { at: number; body: unknown } | null;
}

/** What `snapshot()` returns: the observable state of one instance. */
export interface InstanceSnapshot {
  status: string;
  qr: { value: string; index: number; expiresAt: number } | null;
  me: SimMe | null;
  pairingCode: string | null;
}

/** Result of a control action that may be refused. */
export type ControlResult = { ok: true } | { ok: false; reason: string };
