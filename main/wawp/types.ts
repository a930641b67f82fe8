/**
 * The contract of the Wawp API client (implementation: client.ts). Never imports `electron`.
 * Every call resolves to exactly one Outcome; it never throws for HTTP, transport or decoding failures.
 */
import type { Me, SessionStatus, WawpError } from '../../common/model';
import type { TempLink } from './temp-link';

export type { TempLink } from './temp-link';

/** Where the credentials go: like the docs' samples (query) or JSON body only. */
export type CredentialsPlacement = 'query' | 'body';

export interface WawpClientOptions {
  /** Default `https://api.wawp.net`; the simulator serves the same `/v2/...` paths. */
  baseUrl?: string;
  instanceId: string;
  accessToken: string;
  credentialsIn?: CredentialsPlacement;
  /** Per-request timeout (default 15 000 ms). */
  timeoutMs?: number;
  /** Response size cap in bytes (default 1 MiB). */
  maxResponseBytes?: number;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
}

/** Metadata every successful reply carries (the engine estimates server clock skew from it). */
export interface ReplyMeta {
  /** Parsed `Date` response header (epoch ms, server clock), or null when absent/invalid. */
  serverDate: number | null;
  /** Local epoch ms when the response headers arrived. */
  receivedAt: number;
}

export type Outcome<T> = ({ ok: true; data: T } & ReplyMeta) | { ok: false; error: WawpError };

/** Decoded `auth/qr?format=raw` payload. */
export interface QrCode {
  value: string;
  /** Expiry in epoch ms on the *server's* clock, or null when the payload had none. */
  expiresAt: number | null;
}

export interface SessionInfo {
  name: string | null;
  status: SessionStatus;
  rawStatus: string;
  me: Me | null;
  /** In SCAN_QR_CODE, the code as the server shows it (an image data URL): changes when the code does. */
  qr?: string | null;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface WawpClient {
  /** The server's host (`api.wawp.net`), for errors the caller builds itself (its own deadlines). */
  readonly host?: string;
  getQr(opts?: RequestOptions): Promise<Outcome<QrCode>>;
  getQrImage(opts?: RequestOptions): Promise<Outcome<{ dataUrl: string }>>;
  /** `phone` is digits only with country code. Returns the code as `ABCD-1234`. */
  requestCode(phone: string, opts?: RequestOptions): Promise<Outcome<{ code: string }>>;
  sessionInfo(opts?: RequestOptions): Promise<Outcome<SessionInfo>>;
  me(opts?: RequestOptions): Promise<Outcome<Me | null>>;
  start(opts?: RequestOptions): Promise<Outcome<SessionInfo>>;
  stop(opts?: RequestOptions): Promise<Outcome<SessionInfo>>;
  restart(opts?: RequestOptions): Promise<Outcome<SessionInfo>>;
  logout(opts?: RequestOptions): Promise<Outcome<SessionInfo>>;
  /** POST session/temp-link: a new remote-link page; any previous link stops working. */
  createTempLink(opts?: RequestOptions): Promise<Outcome<TempLink>>;
  /** GET session/temp-link: the current link, or null when there is none. */
  getTempLink(opts?: RequestOptions): Promise<Outcome<TempLink | null>>;
  /** DELETE session/temp-link: revokes the current link (also fine when there is none). */
  revokeTempLink(opts?: RequestOptions): Promise<Outcome<{ revoked: true }>>;
}
