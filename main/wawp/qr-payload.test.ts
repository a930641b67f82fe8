import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQrEnvelope, normaliseExpiry, QR_MAX_BYTES } from './qr-payload';

const MIME = 'application/json; charset=utf-8';
const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');
const envelope = (data: string) => ({ mimetype: MIME, data });

type Variant = { urlSafe: boolean; padded: boolean; lineBreaks: boolean };
function encode(bytes: Buffer, v: Variant): string {
  let s = bytes.toString('base64');
  if (v.urlSafe) s = s.replace(/\+/g, '-').replace(/\//g, '_');
  if (!v.padded) s = s.replace(/=+$/, '');
  if (v.lineBreaks) s = s.replace(/(.{1,76})/g, '$1\r\n');
  return s;
}

describe('decodeQrEnvelope', () => {
  it('decodes the documented shape with expiry in seconds', () => {
    const r = decodeQrEnvelope(envelope(b64('{"value":"2@abc,def","expiry":1234567890}')));
    expect(r).toEqual({ ok: true, qr: { value: '2@abc,def', expiresAt: 1234567890000 } });
  });

  it('keeps expiry in milliseconds and accepts a missing expiry', () => {
    expect(decodeQrEnvelope(envelope(b64('{"value":"x","expiry":1795645493123}')))).toEqual({
      ok: true,
      qr: { value: 'x', expiresAt: 1795645493123 },
    });
    expect(decodeQrEnvelope(envelope(b64('{"value":"x"}')))).toEqual({
      ok: true,
      qr: { value: 'x', expiresAt: null },
    });
  });

  it('accepts a bare value string, URL-safe alphabet, no padding and line breaks', () => {
    const value = '2@??>>~~,k/+=';
    const data = encode(Buffer.from(value), { urlSafe: true, padded: false, lineBreaks: true });
    expect(data).toMatch(/[-_]/);
    expect(decodeQrEnvelope(envelope(data))).toEqual({ ok: true, qr: { value, expiresAt: null } });
  });

  it.each([
    ['not an object', 'nope'],
    ['no data field', { mimetype: MIME }],
  ])('rejects %s as not a Wawp reply', (_name, input) => {
    const r = decodeQrEnvelope(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('not_wawp');
      expect(r.error.detail).toMatch(/QR code/);
    }
  });

  it.each([
    ['an image envelope', { mimetype: 'image/png', data: b64('x') }],
    ['not base64', envelope('***')],
    ['empty payload', envelope('')],
    ['empty value', envelope(b64('{"value":"","expiry":1}'))],
    ['whitespace value', envelope(b64('{"value":"   "}'))],
    ['non-string value', envelope(b64('{"value":42}'))],
    ['broken JSON', envelope(b64('{"value":'))],
    ['binary bytes', envelope(Buffer.from([0xff, 0xfe, 0x00, 0x01]).toString('base64'))],
    ['control characters', envelope(b64('2@a\u0001b'))],
    ['value too long for a QR code', envelope(b64(JSON.stringify({ value: 'a'.repeat(QR_MAX_BYTES + 1) })))],
    ['oversize envelope', envelope('A'.repeat(70_000))],
  ])('rejects %s with bad_response', (_name, input) => {
    const r = decodeQrEnvelope(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad_response');
      expect(r.error.detail).toMatch(/QR code/);
      expect(r.error.message).not.toMatch(/QR code|HTTP/);
    }
  });

  it('accepts a value of exactly the QR capacity', () => {
    const r = decodeQrEnvelope(envelope(b64(JSON.stringify({ value: 'a'.repeat(QR_MAX_BYTES) }))));
    expect(r.ok).toBe(true);
  });

  it('normalises seconds and milliseconds and ignores unusable expiries', () => {
    expect(normaliseExpiry(1_700_000_000)).toBe(1_700_000_000_000);
    expect(normaliseExpiry(1_700_000_000_500)).toBe(1_700_000_000_500);
    expect(normaliseExpiry('1700000000')).toBe(1_700_000_000_000);
    expect(normaliseExpiry(-5)).toBeNull();
    expect(normaliseExpiry('soon')).toBeNull();
  });
});

const valueArb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 300 })
  // eslint-disable-next-line no-control-regex
  .filter((s) => s.trim() === s && s.length > 0 && !/[\u0000-\u001f\u007f]/.test(s));
const variantArb = fc.record({ urlSafe: fc.boolean(), padded: fc.boolean(), lineBreaks: fc.boolean() });
const expiryArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 1, max: 99_999_999_999 }),
  fc.integer({ min: 1_000_000_000_000, max: 9_000_000_000_000 }),
);

describe('decodeQrEnvelope properties', () => {
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string().map(envelope),
          fc.uint8Array().map((u) => envelope(b64(Buffer.from(u)))),
        ),
        (input) => {
          const r = decodeQrEnvelope(input);
          expect(r.ok || ['bad_response', 'not_wawp'].includes(r.error.code)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips every valid payload in every encoding variant', () => {
    fc.assert(
      fc.property(valueArb, expiryArb, variantArb, fc.boolean(), (value, expiry, variant, bare) => {
        const text =
          bare && expiry === undefined && !value.startsWith('{') && !value.startsWith('"')
            ? value
            : JSON.stringify(expiry === undefined ? { value } : { value, expiry });
        const r = decodeQrEnvelope(envelope(encode(Buffer.from(text, 'utf8'), variant)));
        const expected = expiry === undefined ? null : expiry < 1e12 ? expiry * 1000 : expiry;
        expect(r).toEqual({ ok: true, qr: { value, expiresAt: expected } });
      }),
      { numRuns: 500 },
    );
  });
});
