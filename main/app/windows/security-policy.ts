/** Pure decisions behind security.ts: which external links (and e-mail drafts) may open (tested under Node). */

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

/** Longest e-mail draft handed to the mail app (mail clients truncate or refuse far longer ones). */
export const MAX_MAILTO_LENGTH = 4000;

const MAIL_ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/**
 * A `mailto:` draft is safe when it only fills in recipients, a subject and a body: no other headers (`cc`
 * is fine to refuse; `attach`/`attachment`, honoured by some mail clients, would attach a local file), no
 * line breaks in the subject (header injection), and a bounded length.
 */
export function isSafeMailto(url: URL): boolean {
  if (url.protocol !== 'mailto:' || url.href.length > MAX_MAILTO_LENGTH || url.hash) return false;
  const to = decodeURIComponent(url.pathname);
  if (to && !to.split(',').every((address) => MAIL_ADDRESS.test(address.trim()))) return false;
  const keys = [...url.searchParams.keys()];
  if (keys.some((key) => key !== 'subject' && key !== 'body') || new Set(keys).size !== keys.length)
    return false;
  return !/[\r\n]/.test(url.searchParams.get('subject') ?? '');
}

/** True only for an https URL on an allow-listed host with no credentials in it, or a safe e-mail draft. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return isSafeMailto(url);
  return url.protocol === 'https:' && !url.username && !url.password && EXTERNAL_HOSTS.has(url.hostname);
}
