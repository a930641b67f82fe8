/**
 * Removes access tokens from anything that may be logged or shown (URLs, errors, JSON text), and the
 * bearer token of Wawp temp links (`…/temp-qr/<token>`), which lets anyone link a phone for 30 minutes.
 */

/** What a redacted secret is replaced with (`*` survives URL encoding unchanged). */
export const REDACTED = '***';

const KEYED_SECRET = /(access[_-]?token(?:"|'|%22)?\s*(?:=|:|%3D|%3A)\s*(?:"|'|%22)?)([^"'&\s#,;}\]<>]+)/gi;
const BEARER = /(\bBearer\s+)[^\s"',;]+/gi;
const TEMP_LINK = /(temp-qr(?:\/|%2F|\\\/))[A-Za-z0-9._~-]+/gi;

/** Redacts `access_token=…`, `"access_token":"…"`, `access-token: …`, `Bearer …`, `temp-qr/…` and every given literal secret. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(KEYED_SECRET, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(TEMP_LINK, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

/** A URL safe to log: its `access_token` query value (and any literal secret) replaced by `***`. */
export function redactUrl(url: string | URL, secrets: readonly string[] = []): string {
  return redactText(typeof url === 'string' ? url : url.href, secrets);
}
