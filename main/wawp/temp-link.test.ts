import { describe, expect, it } from 'vitest';
import { parseExpiry, parseTempLink, requireTempLink, TEMP_LINK_TTL_MS } from './temp-link';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const URL_ = `https://app.wawp.net/temp-qr/${'c0ffee'.repeat(10)}abcd`;
const LATER = NOW + 29 * 60_000;

describe('temp-link reply shapes', () => {
  it.each([
    ['link + expires_at (s)', { link: URL_, expires_at: LATER / 1000 }],
    ['url + expiry (ms)', { url: URL_, expiry: LATER }],
    ['temp_link + expiresAt (ISO)', { temp_link: URL_, expiresAt: new Date(LATER).toISOString() }],
    ['tempLink + valid_until (digit string, s)', { tempLink: URL_, valid_until: String(LATER / 1000) }],
    ['inside data', { data: { link: URL_, expires: LATER } }],
    ['expires_in seconds', { link: URL_, expires_in: 29 * 60 }],
  ])('reads %s', (_name, body) => {
    expect(parseTempLink(body, NOW)).toEqual({
      ok: true,
      value: { url: URL_, expiresAt: LATER, expiryAssumed: false },
    });
  });

  it('assumes the documented 30 minutes when no expiry is named (also for a bare string)', () => {
    const assumed = {
      ok: true,
      value: { url: URL_, expiresAt: NOW + TEMP_LINK_TTL_MS, expiryAssumed: true },
    };
    expect(parseTempLink({ link: URL_ }, NOW)).toEqual(assumed);
    expect(parseTempLink(URL_, NOW)).toEqual(assumed);
  });

  it('reads "no link" from {link: null}, an empty object, an empty reply', () => {
    for (const body of [{ link: null }, {}, null, '', { link: '' }])
      expect(parseTempLink(body, NOW)).toEqual({ ok: true, value: null });
  });

  it('refuses a non-https link, credentials in it, an unreadable expiry, a non-object', () => {
    for (const body of [
      { link: 'http://app.wawp.net/temp-qr/x' },
      { link: 'https://u:p@app.wawp.net/temp-qr/x' },
      { link: 'not a url' },
      { link: 42 },
      { link: URL_, expires_at: 'soon' },
      [URL_],
    ]) {
      const parsed = parseTempLink(body, NOW);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe('bad_response');
    }
  });

  it('a create reply must carry a link', () => {
    const none = requireTempLink(parseTempLink({ link: null }, NOW));
    expect(none.ok).toBe(false);
  });

  it('parses expiry units: s below 1e12, ms above, ISO text, nothing else', () => {
    expect(parseExpiry(1_780_000_000)).toBe(1_780_000_000_000);
    expect(parseExpiry(1_780_000_000_123)).toBe(1_780_000_000_123);
    expect(parseExpiry('2026-06-01T12:29:00Z')).toBe(LATER);
    expect(parseExpiry('tomorrow')).toBeNull();
    expect(parseExpiry(-5)).toBeNull();
  });
});
