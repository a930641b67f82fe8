/**
 * HTTP status + body / transport failure → one typed, token-free `WawpError`. The body's machine
 * `code` refines the status (a 403 is a plan limit unless the body blames the token; a 404 that is
 * not `invalid_instance` means the WhatsApp session is gone). `message` is the one sentence of
 * common/problems.ts; the redacted status and server text go to `detail` only.
 */
import { toSessionStatus, type NetworkCause, type WawpError, type WawpErrorCode } from '../../common/model';
import { describeProblem } from '../../common/problems';
import { messageFromBody, tryJson } from './body-text';
import { redactText } from './redact';
import { parseRetryAfter } from './retry-after';

/** Body codes that blame the credentials even on a 403 (WordPress says `rest_forbidden`). */
const TOKEN_CODES = new Set([
  'invalid_access_token',
  'missing_access_token',
  'invalid_token',
  'unauthorized',
  'rest_forbidden',
]);
/** Body codes of a 404 that mean the instance itself is unknown. */
const INSTANCE_CODES = new Set(['invalid_instance', 'instance_not_found', 'not_found']);

/** What kind of body an error reply had: Wawp speaks JSON; an HTML page means something else answered. */
export type BodyKind = 'json' | 'html' | 'other' | 'empty';

/** Maps status + body code + body kind to the client's error code. */
export function codeForStatus(status: number, serverCode?: string, kind: BodyKind = 'json'): WawpErrorCode {
  if (status === 405 || status === 501) return 'not_wawp';
  // A proxy in front of Wawp may well send an HTML 5xx or 429; an HTML 4xx page is another server.
  if (kind === 'html' && status >= 400 && status < 500 && status !== 429) return 'not_wawp';
  if (status === 401) return 'unauthorized';
  if (status === 403) return serverCode && TOKEN_CODES.has(serverCode) ? 'unauthorized' : 'quota_exceeded';
  if (status === 404) return !serverCode || INSTANCE_CODES.has(serverCode) ? 'not_found' : 'session_gone';
  if (status === 422) return 'status_mismatch';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'upstream_error';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'bad_request';
  return 'bad_response';
}

/** Builds a WawpError whose `message` is the problem sentence for its code, host and cause. */
export function wawpError(
  code: WawpErrorCode,
  extra: Partial<Omit<WawpError, 'code' | 'message'>> = {},
): WawpError {
  const error: WawpError = { code, message: '', ...extra };
  error.message = describeProblem(error).sentence;
  return error;
}

/** The same error, attributed to `host` (the message names it). */
export function withHost(error: WawpError, host: string): WawpError {
  if (error.host === host) return error;
  const { message: _message, ...rest } = error;
  return wawpError(error.code, { ...rest, host });
}

function bodyKind(text: string, contentType: string | null): BodyKind {
  const trimmed = text.trim();
  if (!trimmed) return 'empty';
  const type = (contentType ?? '').toLowerCase();
  if (/^(<!doctype html|<html)/i.test(trimmed) || (type.includes('html') && trimmed.startsWith('<')))
    return 'html';
  return tryJson(trimmed) ? 'json' : 'other';
}

/** The snake_case `code` of a JSON error body (`{code}` or WordPress `{code, data:{status}}`). */
function serverCodeOf(text: string): { code?: string; status?: string } {
  const obj = tryJson(text.trim())?.value;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return {};
  const record = obj as Record<string, unknown>;
  const code =
    typeof record.code === 'string' && /^[a-z][a-z0-9_.-]*$/i.test(record.code) ? record.code : undefined;
  const status = typeof record.status === 'string' ? record.status : undefined;
  return { code: code?.toLowerCase(), status };
}

/** The error for a non-2xx reply; `reference` is the server's Date (or local now) for HTTP-date Retry-After. */
export function errorFromHttp(
  status: number,
  body: string,
  headers: { contentType: string | null; retryAfter: string | null },
  reference: number,
  secrets: readonly string[] = [],
  host?: string,
): WawpError {
  const kind = bodyKind(body, headers.contentType);
  const parsed = kind === 'json' ? serverCodeOf(body) : {};
  const code = codeForStatus(status, parsed.code, kind);
  const raw = messageFromBody(body, headers.contentType);
  const extra: Partial<WawpError> = { httpStatus: status };
  if (host) extra.host = host;
  if (parsed.code) extra.serverCode = parsed.code;
  extra.detail = redactText(raw ? `HTTP ${status}: ${raw}` : `HTTP ${status}`, secrets);
  const retryAfterMs = parseRetryAfter(headers.retryAfter, reference);
  if (retryAfterMs !== undefined) extra.retryAfterMs = retryAfterMs;
  if (code === 'status_mismatch' && parsed.status) extra.currentStatus = toSessionStatus(parsed.status);
  return wawpError(code, extra);
}

/** Node/undici error codes → what a person can be told. */
export function causeOf(err: unknown): { cause: NetworkCause; code: string | null } {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return { cause: causeForCode(code), code };
    current = (current as { cause?: unknown }).cause;
  }
  return { cause: 'other', code: null };
}

function causeForCode(code: string): NetworkCause {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'unresolved';
  if (/TIMEOUT|ETIMEDOUT/.test(code)) return 'timed_out';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ECONNABORTED')
    return 'reset';
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) return 'tls';
  return 'other';
}

/** Transport failure (DNS, refused, reset, TLS) — names the host and the cause, never the full URL. */
export function networkError(host: string, err: unknown, secrets: readonly string[] = []): WawpError {
  const { cause, code } = causeOf(err);
  const text = err instanceof Error ? err.message : '';
  const detail = redactText([code, text].filter(Boolean).join(': ') || 'connection failed', secrets);
  return wawpError('network', { host, cause, detail });
}

/** Per-request timeout expired. */
export function timeoutError(timeoutMs: number, host?: string): WawpError {
  const detail = `no reply within ${Math.round(timeoutMs / 100) / 10} s`;
  return wawpError('timeout', { cause: 'timed_out', detail, ...(host ? { host } : {}) });
}

/** The caller cancelled the request (reported as `network`, never thrown). */
export function cancelledError(host?: string): WawpError {
  return wawpError('network', { cause: 'cancelled', ...(host ? { host } : {}) });
}

/** A Wawp-shaped reply whose content cannot be used (oversize, undecodable QR): retried. */
export function badResponse(detail: string, httpStatus?: number): WawpError {
  return wawpError('bad_response', { detail, ...(httpStatus === undefined ? {} : { httpStatus }) });
}

/** A reply that matches no Wawp shape (an HTML page, foreign JSON): the address is wrong; fatal. */
export function notWawp(detail: string, httpStatus?: number): WawpError {
  return wawpError('not_wawp', { detail, ...(httpStatus === undefined ? {} : { httpStatus }) });
}
