/**
 * Pure decoder of the `auth/qr?format=raw` envelope `{mimetype, data}` (wawp-api.md §2.1): `data` is
 * base64 (standard or URL-safe, padding optional, line breaks allowed) of UTF-8 JSON `{value, expiry}`
 * or of a bare value string. Never throws: every failure is a `bad_response` WawpError.
 */
import type { WawpError } from '../../common/model';
import type { QrCode } from './types';
import { badResponse, notWawp } from './errors';

/** Bytes a QR code can hold at best (version 40, error correction L, byte mode). */
export const QR_MAX_BYTES = 2953;
/** Largest base64 `data` string accepted before decoding (a real envelope is < 1 KiB). */
export const MAX_ENVELOPE_CHARS = 64 * 1024;

export type QrDecodeResult = { ok: true; qr: QrCode } | { ok: false; error: WawpError };

const fail = (detail: string): QrDecodeResult => ({ ok: false, error: badResponse(`QR code: ${detail}`) });

/** Standard or URL-safe base64 → bytes; null when the text is not base64. */
export function decodeBase64Loose(data: string): Uint8Array | null {
  const compact = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return null;
  const bare = compact.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (bare.length % 4 === 1) return null;
  return Uint8Array.from(Buffer.from(bare, 'base64'));
}

/** Seconds (< 1e12) or milliseconds → epoch ms; null for anything unusable. */
export function normaliseExpiry(expiry: unknown): number | null {
  const n = typeof expiry === 'string' && /^\d+(\.\d+)?$/.test(expiry.trim()) ? Number(expiry) : expiry;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return Math.round(n < 1e12 ? n * 1000 : n);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checkValue(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'the value is empty';
  if (CONTROL.test(value) || /[\r\n\t]/.test(value)) return 'the value is not text';
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > QR_MAX_BYTES)
    return `the value is ${bytes} bytes, too long for a QR code (max ${QR_MAX_BYTES})`;
  return null;
}

/** Decodes the text inside the envelope: a JSON object `{value, expiry}` or a bare value. */
function decodeText(text: string): QrDecodeResult {
  const trimmed = text.trim();
  let value: unknown = trimmed;
  let expiry: unknown = null;
  if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return fail('the payload is neither JSON nor a plain value');
    }
    if (typeof parsed === 'string') value = parsed;
    else if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      value = (parsed as Record<string, unknown>).value;
      expiry = (parsed as Record<string, unknown>).expiry;
    } else return fail('the payload has no value');
  }
  const problem = checkValue(value);
  if (problem) return fail(problem);
  return { ok: true, qr: { value: value as string, expiresAt: normaliseExpiry(expiry) } };
}

/** Decodes a parsed `auth/qr` reply body into `{value, expiresAt}` or a `bad_response` error. */
export function decodeQrEnvelope(json: unknown): QrDecodeResult {
  const foreign = (detail: string): QrDecodeResult => ({ ok: false, error: notWawp(`QR code: ${detail}`) });
  if (json === undefined) return fail('the reply is empty');
  if (!json || typeof json !== 'object' || Array.isArray(json)) return foreign('the reply is not an object');
  const envelope = json as Record<string, unknown>;
  if (typeof envelope.data !== 'string') {
    if (typeof envelope.value === 'string') return decodeText(JSON.stringify(envelope));
    return foreign('the reply has no data field');
  }
  const mimetype = typeof envelope.mimetype === 'string' ? envelope.mimetype.toLowerCase() : '';
  if (mimetype.startsWith('image/')) return fail(`got ${mimetype}, expected the raw format`);
  if (envelope.data.length > MAX_ENVELOPE_CHARS)
    return fail(`the payload is oversize (${envelope.data.length} chars)`);
  const bytes = decodeBase64Loose(envelope.data);
  if (!bytes) return fail('the payload is not base64');
  if (bytes.length === 0) return fail('the payload is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('the payload is binary, not UTF-8 text');
  }
  if (CONTROL.test(text)) return fail('the payload is binary, not text');
  return decodeText(text);
}
