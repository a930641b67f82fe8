import { describe, expect, it } from 'vitest';
import { messageFromBody } from './body-text';
import { causeOf, codeForStatus, errorFromHttp, networkError } from './errors';
import { parseRetryAfter } from './retry-after';

const hdr = (contentType: string | null, retryAfter: string | null = null) => ({ contentType, retryAfter });

describe('error mapping', () => {
  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'quota_exceeded'],
    [404, 'not_found'],
    [405, 'not_wawp'],
    [422, 'status_mismatch'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [502, 'upstream_error'],
    [503, 'upstream_error'],
    [504, 'upstream_error'],
    [501, 'not_wawp'],
  ])('HTTP %i -> %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it('refines the status with the body code and the body kind', () => {
    expect(codeForStatus(403, 'invalid_access_token')).toBe('unauthorized');
    expect(codeForStatus(403, 'quota_exceeded')).toBe('quota_exceeded');
    expect(codeForStatus(403, 'subscription_required')).toBe('quota_exceeded');
    expect(codeForStatus(404, 'invalid_instance')).toBe('not_found');
    expect(codeForStatus(404, 'invalid_session')).toBe('session_gone');
    expect(codeForStatus(404, undefined, 'html')).toBe('not_wawp');
    expect(codeForStatus(400, undefined, 'html')).toBe('not_wawp');
    expect(codeForStatus(502, undefined, 'html')).toBe('upstream_error');
    expect(codeForStatus(429, undefined, 'html')).toBe('rate_limited');
  });

  it('keeps the main message free of codes and server text; the redacted detail has both', () => {
    const e = errorFromHttp(
      403,
      '{"code":"quota_exceeded","message":"Quota or Limit Reached for tok-9"}',
      hdr('application/json'),
      0,
      ['tok-9'],
      'api.wawp.net',
    );
    expect(e).toMatchObject({ code: 'quota_exceeded', serverCode: 'quota_exceeded', host: 'api.wawp.net' });
    expect(e.message).not.toMatch(/403|Quota or Limit/);
    expect(e.message).toMatch(/^[A-Z].*\.$/);
    expect(e.detail).toBe('HTTP 403: Quota or Limit Reached for ***');
  });

  it('names the network cause from node and undici error codes', () => {
    const wrap = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });
    expect(causeOf(wrap('ECONNREFUSED')).cause).toBe('refused');
    expect(causeOf(wrap('ENOTFOUND')).cause).toBe('unresolved');
    expect(causeOf(wrap('EAI_AGAIN')).cause).toBe('unresolved');
    expect(causeOf(wrap('UND_ERR_CONNECT_TIMEOUT')).cause).toBe('timed_out');
    expect(causeOf(wrap('ECONNRESET')).cause).toBe('reset');
    expect(causeOf(wrap('DEPTH_ZERO_SELF_SIGNED_CERT')).cause).toBe('tls');
    expect(causeOf(wrap('ERR_TLS_CERT_ALTNAME_INVALID')).cause).toBe('tls');
    expect(causeOf(new Error('odd')).cause).toBe('other');
    const e = networkError('h.example:1', wrap('ECONNREFUSED'));
    expect(e).toMatchObject({ code: 'network', cause: 'refused', host: 'h.example:1' });
    expect(e.message).toBe('h.example:1 refused the connection.');
    expect(e.detail).toBe('ECONNREFUSED: fetch failed');
  });

  it('reads message, error or code from JSON bodies', () => {
    expect(messageFromBody('{"code":"x","message":"Nope"}', 'application/json')).toBe('Nope');
    expect(messageFromBody('{"error":"Not Found","statusCode":404}', null)).toBe('Not Found');
    expect(messageFromBody('{"code":"invalid_instance"}', null)).toBe('invalid_instance');
    expect(messageFromBody('{"message":["a","b"]}', null)).toBe('a; b');
  });

  it('extracts a short text from HTML and never returns markup', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><script>evil()</script></head><body><h1>502</h1></body></html>';
    expect(messageFromBody(html, 'text/html')).toBe('502 Bad Gateway');
    const noTitle = '<html><body><style>x{}</style><p>Service &amp; engine <b>down</b></p></body></html>';
    expect(messageFromBody(noTitle, 'text/html')).toBe('Service & engine down');
  });

  it('reads XML and plain text bodies', () => {
    expect(
      messageFromBody(
        '<?xml version="1.0"?><error><code>c</code><message>Missing param</message></error>',
        'application/xml',
      ),
    ).toBe('Missing param');
    expect(messageFromBody('\n  Bad Request: Missing Required Parameter(s)\nmore', 'text/plain')).toBe(
      'Bad Request: Missing Required Parameter(s)',
    );
    expect(messageFromBody('x'.repeat(500), 'text/plain')?.length).toBeLessThanOrEqual(160);
  });

  it('keeps the current status from a 422 body and redacts tokens from details', () => {
    const e = errorFromHttp(
      422,
      '{"error":"Session status is not as expected","status":"WORKING","expected":["SCAN_QR_CODE"]}',
      hdr('application/json'),
      0,
    );
    expect(e).toMatchObject({ code: 'status_mismatch', httpStatus: 422, currentStatus: 'WORKING' });
    const leaked = errorFromHttp(
      401,
      'bad token tok-123 in /v2/x?access_token=tok-123',
      hdr('text/plain'),
      0,
      ['tok-123'],
    );
    expect(leaked.message).not.toContain('tok-123');
    expect(leaked.detail).not.toContain('tok-123');
  });

  it('parses Retry-After as seconds or an HTTP-date against the reference clock', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    const ref = Date.parse('Wed, 25 Nov 2026 22:00:00 GMT');
    expect(parseRetryAfter('Wed, 25 Nov 2026 22:00:30 GMT', ref)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 21:00:00 GMT', ref)).toBe(0);
    expect(parseRetryAfter('soon-ish', ref)).toBeUndefined();
    expect(parseRetryAfter(null, ref)).toBeUndefined();
    expect(errorFromHttp(429, '', hdr(null, '3'), 0)).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 3000,
    });
  });
});
