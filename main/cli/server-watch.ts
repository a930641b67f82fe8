/**
 * Watches every exchange with the server through the fetch the client is given, so the CLI can stop
 * on its own terms: after unbroken transport failure (naming refused / timed out / not found), and
 * when the answers do not look like a Wawp API (HTML pages, 501 "unsupported method", …). The client
 * and engine stay in charge of each request; this only observes.
 */
import type { NetworkCause } from '../../common/model';

/** Gateway-ish statuses a proxy in front of Wawp may answer with an HTML page; not evidence either way. */
const NEUTRAL = new Set([400, 408, 429, 500, 502, 503, 504]);

export interface ServerWatch {
  /** The fetch to hand to the client. */
  fetch: typeof fetch;
  /** `host:port` of the server. */
  readonly host: string;
  /**
   * Since when requests have gone unanswered (epoch ms: the start of the first request after the last
   * answer that failed or is still waiting), or null when the last request was answered.
   */
  failingSince(): number | null;
  /** What the last transport failure was (`timed_out` while a request is still waiting). */
  lastCause(): NetworkCause | null;
  /** How many answers in a row were not JSON where a Wawp API always answers JSON. */
  unlikeStreak(): number;
}

/** Maps a fetch rejection to a cause by the error codes Node's fetch (undici) and its DNS use. */
export function causeOf(error: unknown): NetworkCause {
  const codes: string[] = [];
  const visit = (e: unknown, depth: number): void => {
    if (!e || typeof e !== 'object' || depth > 4) return;
    const { code, name, cause, errors } = e as {
      code?: unknown;
      name?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') codes.push(code);
    if (typeof name === 'string') codes.push(name);
    visit(cause, depth + 1);
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  const has = (pattern: RegExp): boolean => codes.some((c) => pattern.test(c));
  if (has(/^ECONNREFUSED$/)) return 'refused';
  if (has(/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/)) return 'unresolved';
  if (has(/TIMEOUT|^ETIMEDOUT$|^TimeoutError$/i)) return 'timed_out';
  if (has(/CERT|TLS|SSL|SELF_SIGNED/i)) return 'tls';
  if (has(/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/)) return 'reset';
  if (has(/^AbortError$/)) return 'cancelled';
  return 'other';
}

/** Wraps `inner` (default: global fetch) for requests to `baseUrl`. */
export function watchServer(
  baseUrl: string,
  inner: typeof fetch = globalThis.fetch.bind(globalThis),
): ServerWatch {
  let failingSince: number | null = null;
  let cause: NetworkCause | null = null;
  let unlike = 0;
  let waiting = 0;
  const watched: typeof fetch = async (input, init) => {
    failingSince ??= Date.now();
    waiting += 1;
    try {
      const res = await inner(input, init);
      failingSince = null;
      cause = null;
      const json = /json/i.test(res.headers.get('content-type') ?? '');
      if (json || NEUTRAL.has(res.status)) unlike = 0;
      else unlike += 1;
      return res;
    } catch (error) {
      const why = causeOf(error);
      if (why !== 'cancelled') cause = why;
      // A request we cancelled ourselves is no evidence of an outage.
      else if (waiting === 1 && cause === null) failingSince = null;
      throw error;
    } finally {
      waiting -= 1;
    }
  };
  return {
    fetch: watched,
    host: new URL(baseUrl).host,
    failingSince: () => failingSince,
    lastCause: () => cause ?? (waiting > 0 && failingSince !== null ? 'timed_out' : null),
    unlikeStreak: () => unlike,
  };
}
