/**
 * The one rule for a Wawp server address, shared by the app, the CLI, the stores and the IPC schemas:
 * https anywhere, plain http only on loopback (the simulator), because the access token travels in
 * the request. No credentials, query or fragment; a trailing `/` is dropped.
 */

/** The real service. */
export const DEFAULT_BASE_URL = 'https://api.wawp.net';

const LOOPBACK_NAMES = new Set(['localhost', '[::1]', '::1']);

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts that may be reached over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname.toLowerCase())) return true;
  return /^127(\.\d{1,3}){3}$/.test(hostname);
}

export type BaseUrlProblem = 'not_url' | 'scheme' | 'plain_http' | 'extras';

export type BaseUrlResult =
  { ok: true; url: string } | { ok: false; problem: BaseUrlProblem; message: string };

const MESSAGES: Record<BaseUrlProblem, string> = {
  not_url: 'That is not a web address; use one like https://api.wawp.net.',
  scheme: 'The address must start with https://.',
  plain_http:
    'Plain http:// would send the access token unencrypted; use https:// (http:// works only for this computer).',
  extras: 'Use the server address alone, without a user name, password, query or #fragment.',
};

/** Parses and normalises a server address typed by a user (surrounding spaces allowed). */
export function parseBaseUrl(raw: string): BaseUrlResult {
  const fail = (problem: BaseUrlProblem): BaseUrlResult => ({
    ok: false,
    problem,
    message: MESSAGES[problem],
  });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('not_url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('scheme');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return fail('plain_http');
  if (url.username || url.password || url.search || url.hash) return fail('extras');
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}
