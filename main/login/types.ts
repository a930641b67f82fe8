/**
 * The contract of the login engine (implementation: session.ts). Never imports `electron`.
 * One LoginSession per instance; front ends (desktop, CLI, tray) only subscribe and call verbs.
 */
import type { LoginEvent, PairingCode, WawpError } from '../../common/model';
import type { WawpClient } from '../wawp/types';
import type { LoginTiming } from './schedule';

/** Injected time and randomness, so the engine runs deterministically under fake clocks. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when aborted. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface LoginSessionOptions {
  client: WawpClient;
  /** Start a STOPPED session by itself (default true; the CLI's `--no-start` turns it off). */
  autoStart?: boolean;
  /** Digits only with country code; a different linked number raises `phoneMatches: false`. */
  expectedPhone?: string | null;
  clock?: Clock;
  random?: () => number;
  /** Overrides of the loop's tunables (schedule.ts DEFAULT_TIMING); the benchmark scales them. */
  timing?: Partial<LoginTiming>;
  /** Diagnostics sink (never receives tokens: the engine never sees one). */
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

export type PairingResult =
  | { ok: true; pairing: PairingCode }
  | { ok: false; error: WawpError | { code: 'invalid_phone' | 'busy'; message: string } };

/**
 * Event rules front ends can rely on: a code is on screen from its `qr` event until the next `qr`,
 * `qr-expired` or `connected` (a withdrawn code always gets `qr-expired` unless the session linked);
 * `status` is emitted on every confirmed change; after `connected` the session keeps watching at the
 * idle pace (so a later unlink shows up as `status`/`exhausted`) until `stop()`. A fatal `error`
 * parks the loop until `start()` or `restart()`.
 */
export interface LoginSession {
  /** Begins (or resumes, e.g. after a fatal error once the user fixed it) the login loop. Idempotent. */
  start(): void;
  /** Aborts the request in flight and every timer; emits `stopped`. */
  stop(): void;
  /** Restarts the Wawp session for a fresh QR cycle (after `exhausted` or FAILED). */
  restart(): Promise<void>;
  /** Validates the phone (libphonenumber-js), requests a pairing code; one request per attempt. */
  requestPairingCode(phone: string): Promise<PairingResult>;
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: LoginEvent) => void): () => void;
}
