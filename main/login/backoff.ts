/**
 * Pure retry policy: what an error means for the login loop, and how long to wait before trying again.
 * Capped exponential backoff with full jitter (AWS architecture blog; p-retry, undici), except that a
 * server's `Retry-After` is honoured exactly.
 */
import type { WawpError } from '../../common/model';

/** fatal: stop and wait for the user; retry: back off; reread: ask for the session status now. */
export type ErrorAction = 'fatal' | 'retry' | 'reread';

/**
 * A refused token, an unknown instance, a plan limit, a lost session, a server that is not Wawp and a
 * malformed request are the user's to fix; 422 means our idea of the status is stale; the rest passes.
 */
export function classifyError(error: WawpError): ErrorAction {
  switch (error.code) {
    case 'unauthorized':
    case 'not_found':
    case 'quota_exceeded':
    case 'session_gone':
    case 'not_wawp':
    case 'bad_request':
      return 'fatal';
    case 'status_mismatch':
      return 'reread';
    default:
      return 'retry';
  }
}

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** No retry sooner than this, so a jitter draw near 0 cannot cause a request storm. */
  minMs: number;
  /** Upper bound even for Retry-After, so a hostile header cannot park the session for days. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1_000,
  capMs: 30_000,
  minMs: 250,
  maxRetryAfterMs: 15 * 60_000,
};

/**
 * Delay before retry number `attempt` (1 = first retry): Retry-After when given, else
 * `random() * min(cap, base * 2^(attempt-1))`, never below `minMs`.
 */
export function backoffDelay(
  attempt: number,
  error: WawpError,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  if (error.retryAfterMs !== undefined && Number.isFinite(error.retryAfterMs) && error.retryAfterMs >= 0) {
    return Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(policy.minMs, Math.round(r * ceiling));
}
