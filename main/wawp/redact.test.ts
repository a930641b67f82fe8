import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from './redact';

describe('redaction', () => {
  it('removes access_token from URLs and keeps everything else', () => {
    expect(redactUrl('https://api.wawp.net/v2/auth/qr?instance_id=ABC&access_token=s3cr3t&x=1')).toBe(
      'https://api.wawp.net/v2/auth/qr?instance_id=ABC&access_token=***&x=1',
    );
    expect(redactUrl(new URL('http://127.0.0.1:9/v2/session/info?access_token=tok'))).toBe(
      'http://127.0.0.1:9/v2/session/info?access_token=***',
    );
  });

  it('removes tokens from JSON, headers and literal occurrences', () => {
    expect(redactText('{"instance_id":"A","access_token":"abc123"}')).toBe(
      '{"instance_id":"A","access_token":"***"}',
    );
    expect(redactText('access-token: abc123')).toBe('access-token: ***');
    expect(redactText('Authorization: Bearer abc.def')).toBe('Authorization: Bearer ***');
    expect(redactText('token abc123 leaked', ['abc123'])).toBe('token *** leaked');
    expect(redactText('access_token%3Dabc123')).toBe('access_token%3D***');
  });

  it('never leaves a literal token behind (property)', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9._~-]{8,64}$/);
    fc.assert(
      fc.property(token, fc.array(fc.string(), { maxLength: 5 }), (secret, parts) => {
        const text = parts.join(secret) + `?access_token=${secret}&{"access_token":"${secret}"}`;
        expect(redactText(text, [secret])).not.toContain(secret);
        expect(redactUrl(`http://h/v2/x?access_token=${encodeURIComponent(secret)}`, [secret])).not.toContain(
          secret,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('redacts access_token values in any URL even without knowing the token (property)', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true }),
        fc.stringMatching(/^[A-Za-z0-9]{6,40}$/),
        (url, secret) => {
          const u = new URL(url);
          u.searchParams.set('access_token', secret);
          const out = redactUrl(u);
          expect(out).not.toContain(`access_token=${secret}`);
          expect(out).toContain('access_token=***');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = redactText(text);
        expect(redactText(once)).toBe(once);
      }),
    );
  });
});

describe('temp-link redaction', () => {
  const token = 'ab12'.repeat(16);
  it('hides the token after /temp-qr/ in plain, JSON-escaped and URL-encoded text', () => {
    expect(redactText(`open https://app.wawp.net/temp-qr/${token} now`)).toBe(
      'open https://app.wawp.net/temp-qr/*** now',
    );
    expect(redactText(JSON.stringify({ link: `https://app.wawp.net/temp-qr/${token}` }))).toBe(
      '{"link":"https://app.wawp.net/temp-qr/***"}',
    );
    expect(
      redactText(JSON.stringify(JSON.stringify({ u: `https://app.wawp.net/temp-qr/${token}` }))),
    ).not.toContain(token);
    expect(redactText(encodeURIComponent(`https://app.wawp.net/temp-qr/${token}`))).toBe(
      'https%3A%2F%2Fapp.wawp.net%2Ftemp-qr%2F***',
    );
  });
  it('never leaves a temp-link token behind (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), fc.string(), (secret, around) => {
        const url = `https://app.wawp.net/temp-qr/${secret}`;
        for (const text of [`${around}${url}${around}`, JSON.stringify({ url }), encodeURIComponent(url)])
          expect(redactText(text)).not.toContain(secret);
      }),
    );
  });
});
