/** Pure decisions behind security.ts: which external links may open, and nothing else (tested under Node). */

/** Hosts whose https pages may open in the user's browser (help, docs, dashboard). */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'wawp.net',
  'www.wawp.net',
  'app.wawp.net',
  'api.wawp.net',
  'docs.wawp.net',
  'help.wawp.net',
  'github.com',
]);

/** True only for an https URL on an allow-listed host, with no credentials in it. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && EXTERNAL_HOSTS.has(url.hostname);
}
