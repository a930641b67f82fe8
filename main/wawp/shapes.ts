/** Validates reply bodies into the client's types; a wrong shape becomes a `bad_response` error. */
import { toSessionStatus, type Me, type WawpError } from '../../common/model';
import type { SessionInfo } from './types';
import { badResponse, notWawp } from './errors';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: WawpError };

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** `{id, pushName}`, or null for "no account yet" (WAHA's `null`, an empty body, `{}`). */
export function parseMe(body: unknown): Parsed<Me | null> {
  if (body === null || body === undefined || body === '') return { ok: true, value: null };
  if (isObject(body) && Object.keys(body).length === 0) return { ok: true, value: null };
  if (!isObject(body) || typeof body.id !== 'string' || !body.id)
    return { ok: false, error: notWawp('the account reply has no id') };
  const pushName = typeof body.pushName === 'string' ? body.pushName : null;
  return { ok: true, value: { id: body.id, pushName } };
}

/** `{name, status, me?}` from info/start/stop/restart/logout; unknown statuses map to OTHER. */
export function parseSessionInfo(body: unknown): Parsed<SessionInfo> {
  if (body === undefined) return { ok: false, error: badResponse('the session reply is empty') };
  if (!isObject(body) || typeof body.status !== 'string')
    return { ok: false, error: notWawp('the session reply has no status') };
  const me = parseMe(body.me);
  return {
    ok: true,
    value: {
      name: typeof body.name === 'string' ? body.name : null,
      status: toSessionStatus(body.status),
      rawStatus: body.status,
      me: me.ok ? me.value : null,
      qr: typeof body.qr === 'string' && body.qr ? body.qr : null,
    },
  };
}

/** `{qr: "data:image/png;base64,…"}`; a bare base64 PNG gets the data-URL prefix. */
export function parseQrImage(body: unknown): Parsed<{ dataUrl: string }> {
  const qr = isObject(body) ? body.qr : undefined;
  if (typeof qr !== 'string' || !qr.trim())
    return { ok: false, error: notWawp('the QR image reply has no qr field') };
  if (/^data:image\/[a-z+.-]+;base64,[A-Za-z0-9+/=\s]+$/i.test(qr))
    return { ok: true, value: { dataUrl: qr } };
  if (/^[A-Za-z0-9+/=\s]+$/.test(qr) && qr.startsWith('iVBOR'))
    return { ok: true, value: { dataUrl: `data:image/png;base64,${qr.replace(/\s+/g, '')}` } };
  return { ok: false, error: badResponse('the QR image is not a base64 image') };
}

/** `{code}` as `ABCD-1234` (an undashed 8-character code is dashed). */
export function parsePairingCode(body: unknown): Parsed<{ code: string }> {
  const code = isObject(body) ? body.code : undefined;
  if (typeof code !== 'string') return { ok: false, error: notWawp('the reply has no pairing code') };
  const match = /^([A-Z0-9]{4})-?([A-Z0-9]{4})$/i.exec(code.trim());
  if (!match) return { ok: false, error: badResponse('the pairing code is not 8 letters/digits') };
  return { ok: true, value: { code: `${match[1]}-${match[2]}`.toUpperCase() } };
}
