/**
 * Domain types shared by every process (main, CLI, preload, renderer).
 * Pure data only: everything here can cross IPC, and nothing here may ever hold a token.
 */

/** Session states the Wawp API documents; anything else is reported as `OTHER` with the raw string kept. */
export const KNOWN_STATUSES = ['STOPPED', 'STARTING', 'SCAN_QR_CODE', 'WORKING', 'FAILED'] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];
export type SessionStatus = KnownStatus | 'OTHER';

/** Maps any server status string to our vocabulary (unknown strings are transitional, not errors). */
export function toSessionStatus(raw: unknown): SessionStatus {
  return typeof raw === 'string' && (KNOWN_STATUSES as readonly string[]).includes(raw)
    ? (raw as KnownStatus)
    : 'OTHER';
}

/** The WhatsApp account linked to a session (`id` is like `201012345678@c.us`). */
export interface Me {
  id: string;
  pushName: string | null;
}

/** Every failure the client can report; one HTTP/transport outcome maps to exactly one code. */
export const WAWP_ERROR_CODES = [
  'bad_request',
  /** 401: the access token was refused. */
  'unauthorized',
  /** 403 (or a body code like `quota_exceeded`/`subscription_required`): the plan's limit, not the token. */
  'quota_exceeded',
  /** 404 `invalid_instance` (or no body code): no such instance for this token. */
  'not_found',
  /** 404 with another body code (`invalid_session`): the instance exists, its WhatsApp session is gone. */
  'session_gone',
  'status_mismatch',
  'rate_limited',
  'server_error',
  'upstream_error',
  /** The server answered, but not like a Wawp API (501/405, an HTML page, a non-Wawp JSON shape). */
  'not_wawp',
  'network',
  'timeout',
  'bad_response',
] as const;
export type WawpErrorCode = (typeof WAWP_ERROR_CODES)[number];

/** Why a transport failed, for a message that names it ("refused", "could not be found", …). */
export type NetworkCause = 'refused' | 'unresolved' | 'timed_out' | 'reset' | 'tls' | 'cancelled' | 'other';

/** A typed, token-free error: safe to log, show, and send over IPC. */
export interface WawpError {
  code: WawpErrorCode;
  /**
   * One plain sentence for logs and fallbacks (no HTTP codes, no raw server text). Front ends show
   * `describeProblem()` (common/problems.ts) instead, so there is exactly one source of user text.
   */
  message: string;
  httpStatus?: number;
  /** From `Retry-After`, in ms, when the server sent one. */
  retryAfterMs?: number;
  /** For `status_mismatch`: the session's current status when the body said so. */
  currentStatus?: SessionStatus;
  /** The host (`api.wawp.net`, `127.0.0.1:8080`) the request went to; never a full URL. */
  host?: string;
  /** For `network`/`timeout`: what the transport said. */
  cause?: NetworkCause;
  /** The body's machine `code` (`invalid_session`, `quota_exceeded`, …) when it had one. */
  serverCode?: string;
  /** Redacted technical detail ("HTTP 401: Invalid access_token") for a collapsed "Details" only. */
  detail?: string;
}

/** Errors the login engine adds on top of the client's. */
export type LoginErrorCode = WawpErrorCode | 'invalid_phone' | 'busy';

/** The parts of an error a front end needs to describe it (a WawpError, or an engine error event). */
export interface ProblemSource {
  code: LoginErrorCode | (string & {});
  host?: string;
  cause?: NetworkCause;
  detail?: string;
}

/** What a LoginSession tells its front ends (desktop renderer, CLI, tray). */
export type LoginEvent =
  | { type: 'status'; status: SessionStatus; rawStatus: string }
  | {
      type: 'qr';
      /** The exact string to encode in the QR code (opaque; never parse it). */
      value: string;
      /** When this code dies, in epoch ms on the *local* clock (already corrected for server clock skew). */
      expiresAt: number;
      /** 1-based position of this code in the current cycle; null when unknown (joined mid-cycle). */
      index: number | null;
      /** How many codes a cycle usually has (~6). */
      expectedCount: number;
    }
  | { type: 'qr-expired' }
  | { type: 'connected'; me: Me; expectedPhone: string | null; phoneMatches: boolean | null }
  | {
      type: 'exhausted';
      /**
       * The server began a new cycle by itself (WAHA's older NOWEB engine restarts instead of going
       * FAILED): codes follow without `restart()`. Absent when the session is FAILED and waits.
       */
      renewing?: true;
    }
  | {
      type: 'error';
      code: LoginErrorCode;
      message: string;
      /** Fatal errors stop the session until the user acts (wrong token, unknown instance). */
      fatal: boolean;
      /** When the engine will retry by itself, in ms from now; absent when it will not. */
      retryInMs?: number;
      host?: string;
      cause?: NetworkCause;
      /** Redacted technical detail for a collapsed "Details" (never the main text). */
      detail?: string;
    }
  | { type: 'stopped' };

export type LoginEventType = LoginEvent['type'];

/** A pairing code as shown to users: 8 characters, `ABCD-1234`. */
export interface PairingCode {
  code: string;
  /** Digits only, with country code, as sent to Wawp. */
  phone: string;
}
