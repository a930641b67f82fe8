/**
 * The Wawp v2 client (contract: types.ts): typed login/session calls, one Outcome per request,
 * never throws. Credentials go in the query like the docs' samples, or in the JSON body only;
 * `format=raw` always goes in both (the docs' URL has it in the query, their samples in the body).
 */
import type { WawpError } from '../../common/model';
import type { Outcome, ReplyMeta, RequestOptions, WawpClient, WawpClientOptions } from './types';
import { withHost, wawpError } from './errors';
import { performRequest } from './http';
import { decodeQrEnvelope } from './qr-payload';
import { parseMe, parsePairingCode, parseQrImage, parseSessionInfo, type Parsed } from './shapes';
import { parseTempLink, requireTempLink } from './temp-link';

/** Default base URL of the real service. */
export const DEFAULT_BASE_URL = 'https://api.wawp.net';
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

interface Call {
  path: string;
  /** HTTP method when credentials travel in the query (body mode POSTs unless `keepMethod`). */
  method: 'GET' | 'POST' | 'DELETE';
  fields?: Record<string, unknown>;
  /** The method is the meaning (temp-link: GET reads, POST creates, DELETE revokes), so never change it. */
  keepMethod?: boolean;
  /** Fields that also go in the query, whatever the credentials placement. */
  query?: Record<string, string>;
}

/** Creates a client bound to one instance; see `WawpClient` for the calls. */
export function createWawpClient(options: WawpClientOptions): WawpClient {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const mode = options.credentialsIn ?? 'query';
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const secrets = [options.accessToken];
  let host = 'the server';
  try {
    host = new URL(base).host || host;
  } catch {
    // reported per call below
  }

  async function call<T>(
    c: Call,
    opts: RequestOptions | undefined,
    parse: (body: unknown, meta: ReplyMeta) => Parsed<T>,
  ): Promise<Outcome<T>> {
    let url: URL;
    try {
      url = new URL(`${base}/v2/${c.path}`);
    } catch {
      const error: WawpError = wawpError('not_wawp', { detail: 'the server address is not a valid URL' });
      return { ok: false, error };
    }
    const creds = { instance_id: options.instanceId, access_token: options.accessToken };
    let method = c.method;
    let body: Record<string, unknown> | undefined = c.fields;
    for (const [key, value] of Object.entries(c.query ?? {})) url.searchParams.set(key, value);
    if (mode === 'body' && !(c.keepMethod && c.method === 'GET')) {
      // A GET cannot carry a body: a kept GET takes its credentials in the query.
      method = c.keepMethod ? c.method : 'POST';
      body = { ...creds, ...c.fields };
    } else {
      url.searchParams.set('instance_id', creds.instance_id);
      url.searchParams.set('access_token', creds.access_token);
    }
    const outcome = await performRequest({
      url,
      method,
      body: method === 'POST' || (method === 'DELETE' && mode === 'body') ? (body ?? {}) : undefined,
      signal: opts?.signal,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      fetch: fetchFn,
      secrets,
    });
    if (!outcome.ok) return { ok: false, error: withHost(outcome.error, url.host) };
    const parsed = parse(outcome.data, outcome);
    if (!parsed.ok) return { ok: false, error: withHost(parsed.error, url.host) };
    return { ok: true, data: parsed.value, serverDate: outcome.serverDate, receivedAt: outcome.receivedAt };
  }

  const session = (path: string) => (opts?: RequestOptions) =>
    call({ path: `session/${path}`, method: 'POST' }, opts, parseSessionInfo);

  return {
    host,
    getQr: (opts) =>
      call(
        { path: 'auth/qr', method: 'POST', fields: { format: 'raw' }, query: { format: 'raw' } },
        opts,
        (body) => {
          const decoded = decodeQrEnvelope(body);
          return decoded.ok ? { ok: true, value: decoded.qr } : decoded;
        },
      ),
    getQrImage: (opts) => call({ path: 'auth/qr-image', method: 'POST' }, opts, parseQrImage),
    requestCode: (phone, opts) =>
      call(
        { path: 'auth/request-code', method: 'POST', fields: { phone_number: phone } },
        opts,
        parsePairingCode,
      ),
    sessionInfo: session('info'),
    me: (opts) => call({ path: 'session/me', method: 'GET' }, opts, parseMe),
    start: session('start'),
    stop: session('stop'),
    restart: session('restart'),
    logout: session('logout'),
    createTempLink: (opts) =>
      call({ path: 'session/temp-link', method: 'POST', keepMethod: true }, opts, (b, m) =>
        requireTempLink(parseTempLink(b, m.serverDate ?? m.receivedAt)),
      ),
    getTempLink: (opts) =>
      call({ path: 'session/temp-link', method: 'GET', keepMethod: true }, opts, (b, m) =>
        parseTempLink(b, m.serverDate ?? m.receivedAt),
      ),
    revokeTempLink: (opts) =>
      call({ path: 'session/temp-link', method: 'DELETE', keepMethod: true }, opts, () => ({
        ok: true,
        value: { revoked: true as const },
      })),
  };
}
