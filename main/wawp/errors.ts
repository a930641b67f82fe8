/** HTTP status / body / transport failure → one typed, token-free `WawpError` with next-step advice. */
import { toSessionStatus, type WawpError, type WawpErrorCode } from '../../common/model';
import { messageFromBody, tryJson } from './body-text';
import { redactText } from './redact';
import { parseRetryAfter } from './retry-after';

/** Maps an HTTP status to the client's error code (any other 4xx is a bad request, any 5xx a server error). */
export function codeForStatus(status: number): WawpErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 422) return 'status_mismatch';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'upstream_error';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'bad_request';
  return 'bad_response';
}

const ADVICE: Record<WawpErrorCode, string> = {
  bad_request: 'Wawp rejected the request. Check the instance ID and any phone number, then try again.',
  unauthorized: 'Wawp did not accept the access token. Check the token for this instance.',
  quota_exceeded: "Wawp refused the request because the account is over its plan's limit.",
  session_gone: 'Wawp no longer has a WhatsApp session for this instance.',
  not_wawp: 'The server does not answer like a Wawp API.',
  not_found: 'Wawp does not know this instance ID for this token. Check the ID in the Wawp dashboard.',
  status_mismatch: 'The session is not waiting for a login. Start or restart it, then try again.',
  rate_limited: 'Wawp is limiting requests. Wait a little, then try again.',
  server_error: 'Wawp had an internal error. Try again in a moment.',
  upstream_error: "Wawp's WhatsApp engine is unavailable right now. Try again in a moment.",
  network: 'Could not reach Wawp. Check your internet connection.',
  timeout: 'Wawp did not answer in time. Try again.',
  bad_response: 'Wawp sent a reply this app cannot read. Try again; if it keeps happening, report it.',
};

/** Builds a WawpError with the standard advice plus an optional server detail. */
export function makeError(
  code: WawpErrorCode,
  detail?: string | null,
  extra: Partial<WawpError> = {},
): WawpError {
  const said = detail ? ` (${detail})` : '';
  return { code, message: `${ADVICE[code]}${said}`, ...extra };
}

/** The error for a non-2xx reply; `reference` is the server's Date (or local now) for HTTP-date Retry-After. */
export function errorFromHttp(
  status: number,
  body: string,
  headers: { contentType: string | null; retryAfter: string | null },
  reference: number,
  secrets: readonly string[] = [],
): WawpError {
  const code = codeForStatus(status);
  const raw = messageFromBody(body, headers.contentType);
  const detail = raw ? redactText(raw, secrets) : null;
  const extra: Partial<WawpError> = { httpStatus: status };
  const retryAfterMs = parseRetryAfter(headers.retryAfter, reference);
  if (retryAfterMs !== undefined) extra.retryAfterMs = retryAfterMs;
  if (code === 'status_mismatch') {
    const parsed = tryJson(body.trim());
    const obj = parsed?.value;
    const current = obj && typeof obj === 'object' ? (obj as Record<string, unknown>).status : undefined;
    if (typeof current === 'string') extra.currentStatus = toSessionStatus(current);
  }
  const withStatus = detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;
  return makeError(code, withStatus, extra);
}

/** Transport failure (DNS, refused, reset) — names the host, never the full URL. */
export function networkError(host: string, cause: unknown): WawpError {
  const reason = describeCause(cause);
  return makeError('network', `${host}${reason ? `: ${reason}` : ''}`);
}

/** Per-request timeout expired. */
export function timeoutError(timeoutMs: number): WawpError {
  return makeError('timeout', `no reply within ${Math.round(timeoutMs / 100) / 10} s`);
}

/** The caller cancelled the request (reported as `network`, never thrown). */
export function cancelledError(): WawpError {
  return { code: 'network', message: 'The request was cancelled.' };
}

/** A reply that cannot be used (not JSON, wrong shape, oversize, undecodable QR). */
export function badResponse(detail: string, httpStatus?: number): WawpError {
  return makeError('bad_response', detail, httpStatus === undefined ? {} : { httpStatus });
}

function describeCause(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return err instanceof Error ? err.message : '';
}
