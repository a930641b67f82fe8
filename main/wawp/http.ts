/**
 * One HTTP exchange with Wawp: per-request timeout joined with the caller's signal, a streamed
 * response-size cap, `Date` → serverDate, and every failure mapped to a WawpError (never thrown).
 */
import type { WawpError } from '../../common/model';
import type { Outcome } from './types';
import { badResponse, cancelledError, errorFromHttp, networkError, notWawp, timeoutError } from './errors';
import { tryJson } from './body-text';

/** A fully described request (URL already carries any query credentials). */
export interface HttpRequest {
  url: URL;
  method: 'GET' | 'POST' | 'DELETE';
  body?: Record<string, unknown>;
  signal?: AbortSignal;
  timeoutMs: number;
  maxResponseBytes: number;
  fetch: typeof fetch;
  /** Literal secrets to scrub from any error text. */
  secrets: readonly string[];
}

class TooLarge extends Error {}

/** Reads the body as text, aborting once it grows past `max` bytes. */
async function readCapped(res: Response, max: number, abort: () => void): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    abort();
    throw new TooLarge();
  }
  if (!res.body) return '';
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses the `Date` response header to epoch ms (null when absent or invalid). */
export function parseServerDate(value: string | null): number | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : null;
}

/** Performs the request; resolves to the parsed JSON body with reply metadata, or one WawpError. */
export async function performRequest(req: HttpRequest): Promise<Outcome<unknown>> {
  const local = new AbortController();
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signals = [local.signal, timeout, ...(req.signal ? [req.signal] : [])];
  const signal = AbortSignal.any(signals);
  const host = req.url.host;
  const why = (err: unknown): WawpError => {
    if (req.signal?.aborted) return cancelledError(host);
    if (timeout.aborted) return timeoutError(req.timeoutMs, host);
    return networkError(host, err, req.secrets);
  };
  if (req.signal?.aborted) return { ok: false, error: cancelledError(host) };

  let res: Response;
  try {
    res = await req.fetch(req.url, {
      method: req.method,
      headers: {
        Accept: 'application/json',
        ...(req.body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: req.body ? JSON.stringify(req.body) : undefined,
      signal,
      redirect: 'follow',
    });
  } catch (err) {
    return { ok: false, error: why(err) };
  }
  const receivedAt = Date.now();
  const serverDate = parseServerDate(res.headers.get('date'));

  const failed = res.status < 200 || res.status > 299;
  const httpError = (body: string): Outcome<unknown> => {
    const headers = {
      contentType: res.headers.get('content-type'),
      retryAfter: res.headers.get('retry-after'),
    };
    return {
      ok: false,
      error: errorFromHttp(res.status, body, headers, serverDate ?? receivedAt, req.secrets, host),
    };
  };
  let text: string;
  try {
    text = await readCapped(res, req.maxResponseBytes, () => local.abort());
  } catch (err) {
    if (!(err instanceof TooLarge)) return { ok: false, error: why(err) };
    // An oversize error page still reports its status; only an oversize success is unreadable.
    if (failed) return httpError('');
    return {
      ok: false,
      error: badResponse(`the reply is larger than ${req.maxResponseBytes} bytes`, res.status),
    };
  }
  if (failed) return httpError(text);
  const trimmed = text.trim();
  // An empty 200 is WAHA's `null` for `me` ("no account yet"); the shape decides what it means.
  if (!trimmed) return { ok: true, data: undefined, serverDate, receivedAt };
  const parsed = tryJson(trimmed);
  if (!parsed) {
    if (/^</.test(trimmed))
      return { ok: false, error: notWawp(`HTTP ${res.status}: an HTML page, not JSON`, res.status) };
    return { ok: false, error: badResponse(`HTTP ${res.status}: the reply is not JSON`, res.status) };
  }
  return { ok: true, data: parsed.value, serverDate, receivedAt };
}
