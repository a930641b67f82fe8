/**
 * Reply shapes of `/v2/session/temp-link` (wawp-api.md §2.14). Only `link` and "valid 30 minutes" are
 * documented, so the likely variants are accepted: the URL as `link`/`url`/`temp_link`/`tempLink` (also
 * inside `data`), the expiry as `expires_at`/`expiry`/`expiresAt`/`expires`/`valid_until` in seconds,
 * milliseconds or ISO text, or `expires_in` seconds from now. No expiry at all means the documented 30 min.
 */
import { badResponse } from './errors';
import { normaliseExpiry } from './qr-payload';
import type { Parsed } from './shapes';

/** The documented lifetime of a temp link. */
export const TEMP_LINK_TTL_MS = 30 * 60_000;

/** A temp link: a bearer secret (whoever opens it can link a phone) until `expiresAt`. */
export interface TempLink {
  url: string;
  /** Epoch ms on the *server's* clock. */
  expiresAt: number;
  /** The reply named no expiry; `expiresAt` is the documented 30 minutes from the reply. */
  expiryAssumed: boolean;
}

const URL_KEYS = ['link', 'url', 'temp_link', 'tempLink', 'temp_url', 'tempUrl'] as const;
const EXPIRY_KEYS = ['expires_at', 'expiry', 'expiresAt', 'expires', 'valid_until', 'validUntil'] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Seconds, milliseconds (numbers or digit strings) or an ISO date → epoch ms; null when unusable. */
export function parseExpiry(value: unknown): number | null {
  const numeric = normaliseExpiry(value);
  if (numeric !== null) return numeric;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const at = Date.parse(value.trim());
  return Number.isFinite(at) ? at : null;
}

/** The first of `keys` present in `body` or its `data` object. */
function pick(body: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const source of [body, isObject(body.data) ? body.data : {}])
    for (const key of keys) if (source[key] !== undefined) return source[key];
  return undefined;
}

/**
 * Parses a temp-link reply; `{link: null}` (and an empty reply) is "no link". `serverNow` is the reply's
 * time on the server clock, for `expires_in` and the assumed 30 minutes.
 */
export function parseTempLink(body: unknown, serverNow: number): Parsed<TempLink | null> {
  if (body === null || body === '' || (isObject(body) && Object.keys(body).length === 0))
    return { ok: true, value: null };
  if (typeof body === 'string') return parseTempLink({ link: body }, serverNow);
  if (!isObject(body)) return { ok: false, error: badResponse('the temp-link reply is not an object') };
  const raw = pick(body, URL_KEYS);
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  const url = checkUrl(raw);
  if (!url) return { ok: false, error: badResponse('the temp link is not an https address') };
  const expiry = pick(body, EXPIRY_KEYS);
  let expiresAt = expiry === undefined || expiry === null ? null : parseExpiry(expiry);
  if (expiry !== undefined && expiry !== null && expiresAt === null)
    return { ok: false, error: badResponse('the temp link has an expiry we cannot read') };
  const inSeconds = pick(body, ['expires_in', 'expiresIn', 'ttl']);
  if (expiresAt === null && typeof inSeconds === 'number' && inSeconds > 0)
    expiresAt = serverNow + Math.round(inSeconds * 1000);
  return {
    ok: true,
    value: { url, expiresAt: expiresAt ?? serverNow + TEMP_LINK_TTL_MS, expiryAssumed: expiresAt === null },
  };
}

/** An absolute https URL without credentials, or null. */
function checkUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

/** A POST must return a link; "no link" there is a bad reply. */
export function requireTempLink(parsed: Parsed<TempLink | null>): Parsed<TempLink> {
  if (!parsed.ok) return parsed;
  return parsed.value
    ? { ok: true, value: parsed.value }
    : { ok: false, error: badResponse('the reply has no temp link') };
}
