/**
 * Pure retry policy: what an error means for the login loop, and how long to wait before trying again.
 * Capped exponential backoff with full jitter (AWS architecture blog; p-retry, undici), except that a
 * server's `Retry-After` is honoured exactly.
 */
import type { WawpError } from '../../common/model';

/** fatal: stop and wait for the user; retry: back off; reread: ask for the session status now. */
export type ErrorAction = 'fatal' | 'retry' | 'reread';

/** 401/403/404 and malformed requests are the user's to fix; 422 means our idea of the status is stale. */
export function classifyError(error: WawpError): ErrorAction {
  const http = error.httpStatus;
  if (error.code === 'unauthorized' || error.code === 'not_found') return 'fatal';
  if (http === 401 || http === 403 || http === 404) return 'fatal';
  if (error.code === 'status_mismatch' || http === 422) return 'reread';
  if (error.code === 'bad_request') return 'fatal';
  return 'retry';
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

/** A user-facing sentence for an error: what happened and what to do next. */
export function describeError(error: WawpError, action: ErrorAction, retryInMs?: number): string {
  const base = error.message.trim().replace(/[.!]+$/, '') || error.code;
  if (action === 'fatal') {
    if (error.code === 'unauthorized' || error.httpStatus === 401 || error.httpStatus === 403) {
      return `${base}. The access token was refused: re-enter it, then try again.`;
    }
    if (error.code === 'not_found' || error.httpStatus === 404) {
      return `${base}. Wawp does not know this instance: check the instance id, then try again.`;
    }
    return `${base}. The request was rejected: check the instance settings, then try again.`;
  }
  if (retryInMs !== undefined) return `${base}. Retrying in ${Math.max(1, Math.round(retryInMs / 1000))} s.`;
  return base;
}
